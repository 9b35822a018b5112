import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync} from 'node:fs';
import {createConnection, createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {tethered} from './tethered.js';
import {waitFor} from './wait-for.js';

const sshdBinary = '/usr/sbin/sshd';

/** A real OpenSSH server on 127.0.0.1 with throw-away keys, for tests. */
export interface SshdServer {
	port: number;
	/** Folder holding the keys, config and authorized_keys; removed by stop(). */
	dir: string;
	hostKeyPath: string;
	hostPublicKey: string;
	/** A private key (no passphrase) that every user on this server may log in with. */
	userKeyPath: string;
	/** The known_hosts line for this server: `[127.0.0.1]:PORT ssh-ed25519 AAAA…`. */
	knownHostsLine: string;
	/** Lets another public key (one line) log in as any user. */
	authorize(publicKeyLine: string): void;
	/** Kills (SIGKILL) the sshd processes serving current connections, dropping every link. */
	killSessionChildren(): void;
	stop(): void;
}

/** Why sshd tests cannot run here, or undefined when they can. */
export function sshdUnavailableReason(): string | undefined {
	if (!existsSync(sshdBinary)) {
		return `${sshdBinary} is not installed (apt-get install openssh-server)`;
	}
	if (process.getuid?.() !== 0) {
		return 'starting sshd for other users needs root';
	}
	return undefined;
}

/** Skips with the reason locally; in CI a missing sshd is a failure, never a skip. */
export function shouldSkipSshd(): boolean {
	const reason = sshdUnavailableReason();
	if (reason !== undefined && process.env.CI) {
		throw new Error(`sshd tests cannot run in CI: ${reason}`);
	}
	if (reason !== undefined) {
		console.warn(`skipping sshd tests: ${reason}`);
	}
	return reason !== undefined;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port')));
		});
	});
}

function accepts(port: number): Promise<boolean> {
	return new Promise(resolve => {
		const socket = createConnection({host: '127.0.0.1', port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

function keygen(path: string, passphrase = ''): void {
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', 'mesos-lab-test', '-f', path]);
}

/** Makes a key pair in `dir`; returns the private key path. */
export function makeUserKey(dir: string, name: string, passphrase = ''): string {
	const path = join(dir, name);
	keygen(path, passphrase);
	return path;
}

/** The sshd processes under the listener (per-connection monitors and their session processes), not the shells they run. */
function sshdDescendants(root: number): number[] {
	const table = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,comm='], {encoding: 'utf8'})
		.split('\n')
		.map(line => line.trim().split(/\s+/))
		.filter(fields => fields.length >= 3)
		.map(([pid, ppid, comm]) => ({pid: Number(pid), ppid: Number(ppid), comm: comm!}));
	const found: number[] = [];
	const visit = (parent: number) => {
		for (const row of table.filter(entry => entry.ppid === parent && entry.comm.startsWith('sshd'))) {
			found.push(row.pid);
			visit(row.pid);
		}
	};
	visit(root);
	return found;
}

export interface SshdOptions {
	/**
	 * sshd_config lines for a test about that setting (such as `MaxSessions 2`). Without them the
	 * server keeps OpenSSH's own limits, as a CentOS 7 target does: MaxSessions 10, MaxStartups 10:30:100.
	 */
	settings?: readonly string[];
}

export async function startSshd(options: SshdOptions = {}): Promise<SshdServer> {
	// World-readable folder: sshd reads authorized_keys as the logging-in user.
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-sshd-'));
	chmodSync(dir, 0o755);
	mkdirSync('/run/sshd', {recursive: true, mode: 0o755});
	const hostKeyPath = join(dir, 'host_ed25519');
	const userKeyPath = makeUserKey(dir, 'user_ed25519');
	const authorizedKeys = join(dir, 'authorized_keys');
	writeFileSync(authorizedKeys, readFileSync(`${userKeyPath}.pub`));
	chmodSync(authorizedKeys, 0o644);
	let listener: ChildProcess | undefined;
	let port = 0;

	const launch = async (): Promise<void> => {
		for (let attempt = 0; attempt < 5; attempt++) {
			port = await freePort();
			const config = join(dir, 'sshd_config');
			writeFileSync(config, [
				`Port ${port}`,
				'ListenAddress 127.0.0.1',
				`HostKey ${hostKeyPath}`,
				`PidFile ${join(dir, 'sshd.pid')}`,
				`AuthorizedKeysFile ${authorizedKeys}`,
				'StrictModes no',
				'UsePAM no',
				'PermitRootLogin yes',
				'PasswordAuthentication yes',
				'KbdInteractiveAuthentication no',
				'AllowTcpForwarding yes',
				'LogLevel ERROR',
				'Subsystem sftp internal-sftp',
				...options.settings ?? [],
				'',
			].join('\n'));
			const child = spawn(...tethered(sshdBinary, ['-D', '-e', '-f', config]), {stdio: ['ignore', 'ignore', 'pipe']});
			let stderr = '';
			child.stderr!.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			let exited = false;
			child.once('exit', () => {
				exited = true;
			});
			await waitFor(async () => exited || await accepts(port), `sshd on port ${port}`);
			if (!exited) {
				listener = child;
				return;
			}
			if (!/address already in use/i.test(stderr)) {
				throw new Error(`sshd did not start: ${stderr}`);
			}
		}
		throw new Error('sshd found no free port');
	};

	const publicHostKey = () => readFileSync(`${hostKeyPath}.pub`, 'utf8').trim().split(/\s+/).slice(0, 2).join(' ');
	keygen(hostKeyPath);
	await launch();

	const server: SshdServer = {
		get port() {
			return port;
		},
		dir,
		hostKeyPath,
		get hostPublicKey() {
			return publicHostKey();
		},
		userKeyPath,
		get knownHostsLine() {
			return `[127.0.0.1]:${port} ${publicHostKey()}`;
		},
		authorize(publicKeyLine) {
			appendFileSync(authorizedKeys, `${publicKeyLine.trim()}\n`);
		},
		killSessionChildren() {
			if (listener?.pid === undefined) {
				return;
			}
			for (const pid of sshdDescendants(listener.pid)) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// Already gone.
				}
			}
		},
		stop() {
			stopListener();
			server.killSessionChildren();
			rmSync(dir, {recursive: true, force: true});
		},
	};
	const stopListener = () => {
		server.killSessionChildren();
		listener?.kill('SIGKILL');
		listener = undefined;
	};
	return server;
}

/**
 * A throw-away account that logs in with /bin/sh, like a fresh CentOS user. Root here has a heavy
 * ~/.bashrc (bash reads it for every command over ssh), which would make each command cost far more
 * than on a real target; tests that run thousands of commands log in as this user instead.
 */
export function addLoginUser(prefix: string): {name: string; remove(): void} {
	const name = `${prefix}${process.pid}`;
	execFileSync('useradd', ['--create-home', '--home-dir', `/tmp/${name}-home`, '--shell', '/bin/sh', '--password', '*', name]);
	return {
		name,
		remove: () => {
			execFileSync('sh', ['-c', `pkill -KILL -u ${name}; userdel --remove ${name} 2>/dev/null; true`]);
		},
	};
}
