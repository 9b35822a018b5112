import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {Teardown} from './teardown.js';
import {waitFor} from './wait-for.js';

/**
 * A machine only another namespace can reach: its own network namespace, linked by one veth pair to
 * the namespace of the host in front of it (a test host, or another private host) and to nothing
 * else, with a real OpenSSH sshd on its defaults (so it forwards TCP for hosts further behind it).
 * From this machine's own namespace there is no route to it: only an SSH jump through the host in
 * front gets there.
 */
export interface PrivateHost {
	namespace: string;
	address: string;
	/** The `address ssh-ed25519 AAAA…` line for a known_hosts file. */
	knownHostsLine: string;
	stop(): Promise<void>;
}

export interface PrivateHostOptions {
	/** The namespace of the host in front, the only one linked to this one. */
	behind: string;
	/** Keeps several private hosts of one test apart (names and addresses). */
	index: number;
	/** A public key line allowed to log in as root. */
	authorizedKey: string;
	/** What /etc/os-release says inside this host's logins, so a test can tell where a command ran. */
	osRelease: string;
}

const run = (command: string, args: string[]) => execFileSync(command, args, {stdio: ['ignore', 'pipe', 'pipe']}).toString();

export async function startPrivateHost(options: PrivateHostOptions): Promise<PrivateHost> {
	const tag = `${process.pid % 10_000}p${options.index}`;
	const namespace = `mlpriv-${process.pid}-${options.index}`;
	const front = `mlp${tag}f`;
	const back = `mlp${tag}b`;
	// 10.233.0.0/16 is kept for these links; the pid and index pick a /30 of it.
	const base = ((process.pid % 2000) * 8 + options.index * 4) % 65_536;
	const subnet = `10.233.${Math.floor(base / 256)}`;
	const frontAddress = `${subnet}.${(base % 256) + 1}`;
	const address = `${subnet}.${(base % 256) + 2}`;
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-private-'));
	chmodSync(dir, 0o755);
	const teardown = new Teardown();
	teardown.add(() => rmSync(dir, {recursive: true, force: true}));
	try {
		run('ip', ['netns', 'add', namespace]);
		teardown.add(() => {
			run('ip', ['netns', 'del', namespace]);
		});
		run('ip', ['link', 'add', front, 'netns', options.behind, 'type', 'veth', 'peer', 'name', back, 'netns', namespace]);
		run('ip', ['netns', 'exec', options.behind, 'ip', 'addr', 'add', `${frontAddress}/30`, 'dev', front]);
		run('ip', ['netns', 'exec', options.behind, 'ip', 'link', 'set', front, 'up']);
		run('ip', ['netns', 'exec', namespace, 'ip', 'addr', 'add', `${address}/30`, 'dev', back]);
		run('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', back, 'up']);
		run('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up']);

		const hostKey = join(dir, 'ssh_host_ed25519_key');
		run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
		writeFileSync(join(dir, 'authorized_keys'), `${options.authorizedKey.trim()}\n`);
		writeFileSync(join(dir, 'os-release'), options.osRelease);
		const config = join(dir, 'sshd_config');
		writeFileSync(config, [
			`ListenAddress ${address}`,
			`HostKey ${hostKey}`,
			`AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
			`PidFile ${join(dir, 'sshd.pid')}`,
			'StrictModes no',
			'UsePAM no',
			'',
		].join('\n'));
		mkdirSync('/run/sshd', {recursive: true});
		const sshd: ChildProcess = spawn('ip', [
			'netns', 'exec', namespace, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
			`mount --bind ${join(dir, 'os-release')} /etc/os-release && exec /usr/sbin/sshd -D -e -f ${config}`,
		], {stdio: ['ignore', 'ignore', 'pipe']});
		teardown.add(() => {
			sshd.kill('SIGTERM');
			for (const pid of run('ip', ['netns', 'pids', namespace]).split('\n').filter(Boolean)) {
				try {
					process.kill(Number(pid), 'SIGKILL');
				} catch {
					// already gone
				}
			}
		});
		let log = '';
		sshd.stderr?.on('data', chunk => {
			log += String(chunk);
		});
		await listening(namespace, address, () => log);
		const publicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
		return {namespace, address, knownHostsLine: `${address} ${publicKey}`, stop: () => teardown.run()};
	} catch (error) {
		return teardown.abandon(error);
	}
}

/** Waits until sshd accepts inside the namespace, which is the only place it can be seen from. */
async function listening(namespace: string, address: string, log: () => string): Promise<void> {
	await waitFor(
		() => execFileSync('ip', ['netns', 'exec', namespace, 'bash', '-c', `(exec 3<>/dev/tcp/${address}/22) 2>/dev/null && echo open || true`], {encoding: 'utf8'}).trim() === 'open',
		`sshd on ${address} to start`,
		{timeoutMs: 15_000, everyMs: 50, lastSeen: log},
	);
}
