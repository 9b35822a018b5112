import {localized} from '../i18n/localized.js';
import {commandSummary} from './command-summary.js';
import ssh2 from 'ssh2';
import type {Client as SshClient, ClientChannel} from 'ssh2';
import {ConnectionError, HostKeyError, LinkDroppedError} from '../errors.js';
import type {CommandResult, Executor, RunOptions, UploadOptions} from './executor.js';
import {downloadThroughShell, uploadThroughShell} from './file-transfer.js';
import {type HostKeyPolicy, hostKeyAlgorithmsFor, verifyHostKey} from './known-hosts.js';
import {LineSplitter} from './line-splitter.js';
import {type SessionLane, SessionGate, type SessionTicket} from './session-gate.js';
import {KeyRing, type SshCredentials} from './ssh-auth.js';
import type {SshEndpoint} from './ssh-config.js';
import {type AskSudoPassword, type RawRun, type RawRunOptions, SudoAccess, detectSudoMode, isStdinDialog} from './sudo.js';

export interface SshExecutorOptions extends SshCredentials {
	endpoint: SshEndpoint;
	hostKeys: HostKeyPolicy;
	askSudoPassword?: AskSudoPassword;
	keepaliveIntervalMs?: number;
	readyTimeoutMs?: number;
	/** How long a timed-out or cancelled command gets between SIGTERM and SIGKILL. */
	killGraceMs?: number;
}

// The login shell's pid is the process group sshd made for the session; knowing it lets a timeout
// or cancel end the command with all its children, which closing the channel alone would not.
const groupMarker = /^mesos-lab-pgid=(\d+)$/;
const announceGroup = `echo "mesos-lab-pgid=$$" >&2; `;

/**
 * One SSH connection. `lost` once the transport is gone (socket closed, keep-alive timeout,
 * protocol error); `closed` once this side ended it on purpose.
 */
interface Connection {
	client: SshClient;
	jump?: SshClient;
	state: 'up' | 'lost' | 'closed';
}

/** How one attempt to start a session ended. */
type SessionStart =
	| {kind: 'started'}
	/** The server said no to one more session (sshd's MaxSessions); `stillOpen` of ours were open then. */
	| {kind: 'refused'; stillOpen: number; detail: string}
	/** The transport was gone before the session opened: the command never ran. */
	| {kind: 'lost'}
	/** The transport went while the server was starting the command: it may or may not have run. */
	| {kind: 'unconfirmed'}
	/** The session opened but the server would not run the command. */
	| {kind: 'rejected'; detail: string}
	| {kind: 'closed'};

// A server that refuses even one session while none of ours is open may still be tearing down
// sessions we already closed; it is asked again after a growing pause, this many times.
const aloneRefusalRetries = 6;
// A command whose session never opened is sent again on a fresh connection, this many times.
const reconnectsPerCommand = 3;

/** A command as the caller wrote it, without the prefix that announces its process group. */
function shown(command: string): string {
	return command.startsWith(announceGroup) ? command.slice(announceGroup.length) : command;
}

function labelOf(endpoint: SshEndpoint): string {
	return `${endpoint.user}@${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
}

/**
 * Runs commands on the target over one SSH connection, made again when the link dropped.
 *
 * Commands run at once share the connection, one session (channel) each. A session the server
 * refuses is not a broken link: it waits in the SessionGate's queue, whose limit follows what the
 * server accepts. Only a lost transport leads to a new connection; commands whose sessions never
 * opened are sent again on it, and a command that was running when the link went fails, saying so.
 */
export class SshExecutor implements Executor {
	readonly label: string;
	private readonly options: SshExecutorOptions;
	private readonly keys: KeyRing;
	private connection: Promise<Connection> | undefined;
	private readonly gate = new SessionGate();
	private sudo: Promise<SudoAccess> | undefined;
	private detectedSudoMode: SudoAccess['mode'] | undefined;

	constructor(options: SshExecutorOptions) {
		this.options = options;
		this.label = labelOf(options.endpoint);
		this.keys = new KeyRing(options);
	}

	/** Connects, verifies the host key and learns how root commands will run. */
	async connect(): Promise<void> {
		await this.sudoAccess();
	}

	/** How root commands run here, known once connected. */
	get sudoMode(): SudoAccess['mode'] | undefined {
		return this.detectedSudoMode;
	}

	private sudoAccess(): Promise<SudoAccess> {
		this.sudo ??= detectSudoMode(this.runRaw).then(mode => {
			this.detectedSudoMode = mode;
			return new SudoAccess(this.label, mode, this.options.askSudoPassword);
		}, (error: unknown) => {
			this.sudo = undefined;
			throw error;
		});
		return this.sudo;
	}

	async run(command: string, options: RunOptions = {}): Promise<CommandResult> {
		if (!options.sudo) {
			return this.runRaw(command, options);
		}
		return (await this.sudoAccess()).run(this.runRaw, command, options);
	}

	upload(path: string, content: string | Buffer, options?: UploadOptions): Promise<void> {
		return uploadThroughShell(this.run.bind(this), this.label, path, content, options);
	}

	download(path: string, options?: {sudo?: boolean}): Promise<{content: Buffer; mode: number}> {
		return downloadThroughShell(this.run.bind(this), this.label, path, options);
	}

	async close(): Promise<void> {
		const current = this.connection;
		this.connection = undefined;
		if (current === undefined) {
			return;
		}
		try {
			const connection = await current;
			connection.state = 'closed';
			connection.client.end();
			connection.jump?.end();
		} catch {
			// It never connected, so there is nothing to close.
		}
	}

	/** The live connection, made (again) when there is none. */
	private client(): Promise<Connection> {
		if (this.connection === undefined) {
			const connection = this.open().then(opened => {
				const made: Connection = {...opened, state: 'up'};
				const lost = () => {
					if (made.state === 'up') {
						made.state = 'lost';
					}
					if (this.connection === connection) {
						this.connection = undefined;
					}
				};
				// ssh2 reports a closed socket before it fails the sessions on it, so a session that
				// fails afterwards can tell a lost link from a refusal.
				opened.client.on('close', lost);
				// Keep-alive timeouts and protocol errors: the link is no longer usable for new sessions.
				opened.client.on('error', lost);
				return made;
			}, (error: unknown) => {
				if (this.connection === connection) {
					this.connection = undefined;
				}
				throw error;
			});
			this.connection = connection;
		}
		return this.connection;
	}

	private forget(connection: Connection): void {
		if (connection.state === 'up') {
			connection.state = 'lost';
		}
		void this.connection?.then(current => {
			if (current === connection) {
				this.connection = undefined;
			}
		}, () => {});
		connection.client.end();
	}

	private open(): Promise<{client: SshClient; jump?: SshClient}> {
		return this.reach(this.options.endpoint);
	}

	/** Connects to `endpoint`, through its jump host when it has one (which may have its own). */
	private async reach(endpoint: SshEndpoint): Promise<{client: SshClient; jump?: SshClient}> {
		if (endpoint.proxyJump === undefined) {
			const client = await this.handshake(endpoint);
			return {client};
		}
		const {client: jump} = await this.reach(endpoint.proxyJump);
		const tunnel = await new Promise<ClientChannel>((resolve, reject) => {
			jump.forwardOut('127.0.0.1', 0, endpoint.host, endpoint.port, (error, channel) => error ? reject(new ConnectionError(
				localized('errTheJumpHostCouldNot', {labelOf: labelOf(endpoint.proxyJump!), host: endpoint.host, port: endpoint.port, detail: error.message}),
				{hint: localized('errTheJumpHostCouldNotHint')},
			)) : resolve(channel));
		}).catch((error: unknown) => {
			jump.end();
			throw error;
		});
		const client = await this.handshake(endpoint, tunnel);
		client.on('close', () => jump.end());
		return {client, jump};
	}

	private async handshake(endpoint: SshEndpoint, sock?: ClientChannel): Promise<SshClient> {
		const authHandler = await this.keys.methodsFor(endpoint.user, endpoint.identityFiles);
		const serverHostKey = hostKeyAlgorithmsFor(this.options.hostKeys, endpoint.host, endpoint.port);
		const client = new ssh2.Client();
		let refusal: unknown;
		await new Promise<void>((resolve, reject) => {
			client.once('ready', () => resolve());
			client.once('error', error => {
				reject(refusal ?? new ConnectionError(localized('errCannotConnectTo', {labelOf: labelOf(endpoint), detail: error.message}), {
					hint: /auth/i.test(error.message)
						? localized('errSshAuthHint')
						: localized('errSshReachHint'),
					cause: error,
				}));
			});
			client.connect({
				host: endpoint.host,
				port: endpoint.port,
				username: endpoint.user,
				...(sock === undefined ? {} : {sock}),
				...(serverHostKey === undefined ? {} : {algorithms: {serverHostKey}}),
				authHandler,
				keepaliveInterval: this.options.keepaliveIntervalMs ?? 15_000,
				keepaliveCountMax: 3,
				readyTimeout: this.options.readyTimeoutMs ?? 20_000,
				hostVerifier: (key: Buffer, verify: (valid: boolean) => void) => {
					verifyHostKey(this.options.hostKeys, endpoint.host, endpoint.port, key).then(
						() => verify(true),
						(error: unknown) => {
							refusal = error instanceof HostKeyError ? error : new HostKeyError(String(error));
							verify(false);
						},
					);
				},
			});
		});
		// Each command is a handful of small packets each way; Nagle's algorithm holding them for the
		// peer's delayed ACK costs tens of milliseconds per command on an otherwise idle link.
		client.setNoDelay(true);
		// Errors after the handshake surface through the commands they break.
		client.on('error', () => {});
		return client;
	}

	private readonly runRaw: RawRun = (command, options = {}) => new Promise<CommandResult>((resolve, reject) => {
		const started = performance.now();
		const cancelledBeforeStart = () => resolve({exitCode: null, cancelled: true, stdout: '', stderr: '', durationMs: performance.now() - started});
		if (options.signal?.aborted) {
			cancelledBeforeStart();
			return;
		}
		this.startSession(announceGroup + command, 'command', (channel, connection) => this.follow(channel, connection, command, options, started, resolve, reject), options.signal)
			.then(outcome => {
				if (outcome === 'cancelled') {
					cancelledBeforeStart();
				}
			}, reject);
	});

	/**
	 * Gets a session for `command` and hands it to `wire` in the same tick ssh2 delivers it, so no
	 * output, exit status or close event can arrive before its listener. Refused sessions wait and are
	 * asked for again; a session lost with its connection before it opened is asked for on a new one.
	 */
	private async startSession(command: string, lane: SessionLane, wire: (channel: ClientChannel, connection: Connection) => void, signal?: AbortSignal): Promise<'started' | 'cancelled'> {
		let refusedAlone = 0;
		let reconnects = 0;
		let retry = false;
		for (;;) {
			const ticket = await this.gate.acquire(lane, {retry, signal});
			if (ticket === undefined) {
				return 'cancelled';
			}
			retry = true;
			let connection: Connection;
			try {
				connection = await this.client();
			} catch (error) {
				ticket.release();
				throw error;
			}
			const outcome = await this.exec(connection, command, ticket, wire);
			switch (outcome.kind) {
				case 'started': {
					return 'started';
				}
				case 'refused': {
					if (outcome.stillOpen > 0) {
						// One of ours closing frees a place; the gate lets this one through then.
						continue;
					}
					refusedAlone++;
					if (refusedAlone > aloneRefusalRetries) {
						throw new ConnectionError(localized('errTheServerRefusesToOpen', {label: this.label, detail: outcome.detail}), {
							hint: localized('errTheServerRefusesToOpenHint'),
						});
					}
					await new Promise(resolve => setTimeout(resolve, 50 * 2 ** refusedAlone));
					continue;
				}
				case 'lost': {
					this.forget(connection);
					reconnects++;
					if (reconnects > reconnectsPerCommand) {
						throw new ConnectionError(localized('errTheConnectionKeepsDroppingBefore', {label: this.label}), {
							hint: localized('errTheConnectionKeepsDroppingBeforeHint'),
						});
					}
					continue;
				}
				case 'unconfirmed': {
					throw new LinkDroppedError(localized('errTheConnectionDroppedWhileThe', {label: this.label, shown: shown(command)}), {
						hint: localized('errTheConnectionDroppedWhileTheHint'),
					});
				}
				case 'rejected': {
					throw new ConnectionError(localized('errTheServerWouldNotRun', {label: this.label, detail: outcome.detail, shown: shown(command)}), {
						hint: localized('errTheServerWouldNotRunHint'),
					});
				}
				case 'closed': {
					throw new ConnectionError(localized('errTheConnectionWasClosedBefore', {label: this.label}));
				}
			}
		}
	}

	private exec(connection: Connection, command: string, ticket: SessionTicket, wire: (channel: ClientChannel, connection: Connection) => void): Promise<SessionStart> {
		return new Promise(resolve => {
			const failed = (error: Error): SessionStart => {
				const {reason} = error as Error & {reason?: unknown};
				if (typeof reason === 'number') {
					// SSH_MSG_CHANNEL_OPEN_FAILURE: administratively prohibited, resource shortage and the like.
					return {kind: 'refused', stillOpen: ticket.refused(), detail: error.message};
				}
				ticket.release();
				if (connection.state === 'closed') {
					return {kind: 'closed'};
				}
				if (connection.state === 'lost') {
					// ssh2 fails a session the server had opened but not yet confirmed running with
					// "Unable to exec"; one it had not opened yet with "No response from server".
					return /unable to exec/i.test(error.message) ? {kind: 'unconfirmed'} : {kind: 'lost'};
				}
				return {kind: 'rejected', detail: error.message};
			};
			if (connection.state !== 'up') {
				resolve(failed(new Error('not connected')));
				return;
			}
			try {
				connection.client.exec(command, (error, channel) => {
					if (error) {
						resolve(failed(error));
						return;
					}
					ticket.accepted();
					channel.once('close', () => ticket.release());
					wire(channel, connection);
					resolve({kind: 'started'});
				});
			} catch {
				// ssh2 throws "Not connected" when the socket is already gone.
				connection.state = connection.state === 'up' ? 'lost' : connection.state;
				resolve(failed(new Error('not connected')));
			}
		});
	}

	/** Follows one running command on its session until it ends, is stopped, or its link drops. */
	private follow(channel: ClientChannel, connection: Connection, command: string, options: RawRunOptions, started: number, resolve: (result: CommandResult) => void, reject: (error: unknown) => void): void {
		const graceMs = this.options.killGraceMs ?? 2000;
		let group: number | undefined;
		let stopReason: 'timedOut' | 'cancelled' | undefined;
		const timers: NodeJS.Timeout[] = [];
		const killGroup = () => {
			this.signalGroup(group, 'TERM');
			timers.push(setTimeout(() => this.signalGroup(group, 'KILL'), graceMs));
		};
		const dialog = isStdinDialog(options.stdin) ? options.stdin : undefined;
		const out = new LineSplitter(options.onStdoutLine);
		const err = new LineSplitter(options.onStderrLine, line => {
			const match = group === undefined ? groupMarker.exec(line) : null;
			if (match) {
				group = Number(match[1]);
				// A stop that came before the group was known is carried out now.
				if (stopReason !== undefined) {
					killGroup();
				}
				return true;
			}
			return dialog?.onStderrLine(line, channel) ?? false;
		});
		let exitCode: number | null | undefined;
		let exitSignal: string | undefined;
		let finished = false;
		const finish = () => {
			if (finished) {
				return;
			}
			finished = true;
			for (const timer of timers) {
				clearTimeout(timer);
			}
			options.signal?.removeEventListener('abort', onAbort);
			const stdout = out.end();
			const stderr = err.end();
			if (exitCode === undefined && stopReason === undefined) {
				// ssh2 marks the connection lost before it closes the sessions on it.
				reject(connection.state === 'up'
					? new ConnectionError(localized('errTheTargetEndedTheSession', {label: this.label, command}), {
						hint: localized('errTheTargetEndedTheSessionHint'),
					})
					: new LinkDroppedError(localized('errTheConnectionDroppedWhileRunning', {label: this.label, commandSummary: commandSummary(command)}), {
						hint: localized('errTheConnectionDroppedWhileRunningHint'),
					}));
				return;
			}
			resolve({
				exitCode: stopReason === undefined ? exitCode ?? null : null,
				...(exitSignal === undefined ? {} : {signal: exitSignal}),
				...(stopReason === 'timedOut' ? {timedOut: true} : {}),
				...(stopReason === 'cancelled' ? {cancelled: true} : {}),
				stdout,
				stderr,
				durationMs: performance.now() - started,
			});
		};
		const stop = (reason: 'timedOut' | 'cancelled') => {
			if (stopReason !== undefined) {
				return;
			}
			stopReason = reason;
			if (group !== undefined) {
				killGroup();
			}
			// If the kill cannot be delivered, give up on the channel rather than wait forever.
			timers.push(setTimeout(() => {
				channel.close();
				finish();
			}, Math.max(graceMs * 4, 5000)));
		};
		const onAbort = () => stop('cancelled');
		channel.on('exit', (code: number | null, signal?: string) => {
			exitCode = code;
			exitSignal = signal ?? undefined;
		});
		channel.on('data', (chunk: Buffer) => out.push(chunk));
		channel.stderr.on('data', (chunk: Buffer) => err.push(chunk));
		channel.on('close', finish);
		if (!isStdinDialog(options.stdin)) {
			channel.end(options.stdin ?? '');
		}
		if (options.timeoutMs !== undefined) {
			timers.push(setTimeout(() => stop('timedOut'), options.timeoutMs));
		}
		if (options.signal?.aborted) {
			queueMicrotask(onAbort);
		}
		options.signal?.addEventListener('abort', onAbort, {once: true});
	}

	/**
	 * Sends a signal to a command's process group, through the kill lane so it is never starved.
	 * `kill -s SIG -- -PGID` is the POSIX form: dash (a login shell on Debian-family targets) reads
	 * `kill -TERM -- -PGID` as a bad number and signals nothing.
	 */
	private signalGroup(group: number | undefined, signal: 'TERM' | 'KILL'): void {
		if (group === undefined) {
			return;
		}
		this.startSession(`kill -s ${signal} -- -${group} 2>/dev/null`, 'kill', channel => {
			channel.resume();
			channel.stderr.resume();
			channel.end();
		}).catch(() => {});
	}
}

/** Connects to the target and detects root or sudo before the first step runs. */
export async function connectSsh(options: SshExecutorOptions): Promise<SshExecutor> {
	const executor = new SshExecutor(options);
	await executor.connect();
	return executor;
}
