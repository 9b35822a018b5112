import ssh2 from 'ssh2';
import type {Client as SshClient, ClientChannel} from 'ssh2';
import {ConnectionError, HostKeyError} from '../errors.js';
import type {CommandResult, Executor, RunOptions, UploadOptions} from './executor.js';
import {downloadThroughShell, uploadThroughShell} from './file-transfer.js';
import {type HostKeyPolicy, verifyHostKey} from './known-hosts.js';
import {LineSplitter} from './line-splitter.js';
import {KeyRing, type SshCredentials} from './ssh-auth.js';
import type {SshEndpoint} from './ssh-config.js';
import {type AskSudoPassword, type RawRun, SudoAccess, detectSudoMode} from './sudo.js';

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

function labelOf(endpoint: SshEndpoint): string {
	return `${endpoint.user}@${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
}

/** Runs commands on the target over one SSH connection, made again when the link dropped. */
export class SshExecutor implements Executor {
	readonly label: string;
	private readonly options: SshExecutorOptions;
	private readonly keys: KeyRing;
	private connection: Promise<{client: SshClient; jump?: SshClient}> | undefined;
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
		const wrapped = await (await this.sudoAccess()).wrap(command, options.stdin);
		return this.runRaw(wrapped.command, {...options, stdin: wrapped.stdin});
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
			const {client, jump} = await current;
			client.end();
			jump?.end();
		} catch {
			// It never connected, so there is nothing to close.
		}
	}

	private client(): Promise<SshClient> {
		if (this.connection === undefined) {
			const connection = this.open().then(opened => {
				opened.client.on('close', () => {
					if (this.connection === connection) {
						this.connection = undefined;
					}
				});
				return opened;
			}, (error: unknown) => {
				if (this.connection === connection) {
					this.connection = undefined;
				}
				throw error;
			});
			this.connection = connection;
		}
		return this.connection.then(({client}) => client);
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
				`The jump host ${labelOf(endpoint.proxyJump!)} could not reach ${endpoint.host}:${endpoint.port}: ${error.message}`,
				{hint: 'Check that the jump host can connect to the target (and that its sshd allows TCP forwarding).'},
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
		const client = new ssh2.Client();
		let refusal: unknown;
		await new Promise<void>((resolve, reject) => {
			client.once('ready', () => resolve());
			client.once('error', error => {
				reject(refusal ?? new ConnectionError(`Cannot connect to ${labelOf(endpoint)}: ${error.message}`, {
					hint: /auth/i.test(error.message)
						? 'Check the user name and the key, agent or password (ssh -v USER@HOST shows what the server accepts).'
						: 'Check that the machine is up, the address and port are right, and sshd is running.',
					cause: error,
				}));
			});
			client.connect({
				host: endpoint.host,
				port: endpoint.port,
				username: endpoint.user,
				...(sock === undefined ? {} : {sock}),
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

	private readonly runRaw: RawRun = async (command, options = {}) => {
		const started = performance.now();
		const graceMs = this.options.killGraceMs ?? 2000;
		const channel = await this.openChannel(announceGroup + command).catch(async () => {
			// The channel never opened, so the command never ran: a dropped link we had not noticed
			// yet. Start over on a fresh connection, once.
			await this.close();
			return this.openChannel(announceGroup + command);
		});
		return new Promise<CommandResult>((resolve, reject) => {
			let group: number | undefined;
			let stopReason: 'timedOut' | 'cancelled' | undefined;
			const timers: NodeJS.Timeout[] = [];
			const killGroup = () => {
				this.signalGroup(group, 'TERM');
				timers.push(setTimeout(() => this.signalGroup(group, 'KILL'), graceMs));
			};
			const out = new LineSplitter(options.onStdoutLine);
			const err = new LineSplitter(line => {
				const match = group === undefined ? groupMarker.exec(line) : null;
				if (match) {
					group = Number(match[1]);
					// A stop that came before the group was known is carried out now.
					if (stopReason !== undefined) {
						killGroup();
					}
				} else {
					options.onStderrLine?.(line);
				}
			});
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
			if (options.timeoutMs !== undefined) {
				timers.push(setTimeout(() => stop('timedOut'), options.timeoutMs));
			}
			const onAbort = () => stop('cancelled');
			if (options.signal?.aborted) {
				queueMicrotask(onAbort);
			}
			options.signal?.addEventListener('abort', onAbort, {once: true});
			let exitCode: number | null | undefined;
			let exitSignal: string | undefined;
			channel.on('exit', (code: number | null, signal?: string) => {
				exitCode = code;
				exitSignal = signal ?? undefined;
			});
			channel.on('data', (chunk: Buffer) => out.push(chunk));
			channel.stderr.on('data', (chunk: Buffer) => err.push(chunk));
			channel.end(options.stdin ?? '');
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
				const stderr = err.end().replace(/(^|\n)mesos-lab-pgid=\d+\n/, '$1');
				if (exitCode === undefined && stopReason === undefined) {
					reject(new ConnectionError(`${this.label}: the connection dropped while running: ${command}`, {
						hint: 'Check the network; mesos-lab reconnects for the next command.',
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
			channel.on('close', finish);
		});
	};

	private async openChannel(command: string): Promise<ClientChannel> {
		const client = await this.client();
		return new Promise<ClientChannel>((resolve, reject) => {
			client.exec(command, (error, stream) => error ? reject(new ConnectionError(
				`${this.label}: cannot start a command: ${error.message}`,
				{hint: 'The connection dropped; check the network and try again.'},
			)) : resolve(stream));
		});
	}

	private signalGroup(group: number | undefined, signal: 'TERM' | 'KILL'): void {
		if (group === undefined) {
			return;
		}
		this.client().then(client => client.exec(`kill -${signal} -- -${group} 2>/dev/null`, (error, stream) => {
			if (!error) {
				stream.resume();
				stream.stderr.resume();
			}
		}), () => {});
	}
}

/** Connects to the target and detects root or sudo before the first step runs. */
export async function connectSsh(options: SshExecutorOptions): Promise<SshExecutor> {
	const executor = new SshExecutor(options);
	await executor.connect();
	return executor;
}
