import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createConnection} from 'node:net';

/**
 * A throw-away machine for end-to-end tests: its own network namespace and address, a real OpenSSH
 * sshd, and (inside a private mount namespace) an /etc/os-release that says CentOS 7. Stand-in
 * programs placed first on the login PATH answer for yum, systemctl and friends; everything else
 * is the real system. Nothing outside the namespaces is changed.
 */
export interface TestHost {
	name: string;
	/** The network namespace the host lives in (for `ip netns exec`). */
	namespace: string;
	address: string;
	/** The address of this machine as the test host sees it (for a mirror the host downloads from). */
	gatewayAddress: string;
	port: number;
	user: 'root';
	identityFile: string;
	knownHostsLine: string;
	dir: string;
	/** Folder of stand-in programs, first on the PATH of every login. */
	standInDir: string;
	/** Every stand-in call, one line each: `<program> <args...>`. */
	calls(): string[];
	/** Runs a command inside the host's network and mount namespaces, as the test's own probe. */
	exec(command: string): string;
	/** Kills the sshd processes serving current connections, dropping every link. */
	dropConnections(): void;
	stop(): void;
}

export interface TestHostOptions {
	/** A small integer that keeps addresses and names apart when a test makes several hosts. */
	index: number;
	osRelease?: string;
	/** Extra stand-ins: program name → shell script body. Bodies may use `$host_dir`, this host's folder. */
	standIns?: Record<string, string>;
	/** Prefix of the network namespace's name, so each test area can find and clean up its own. */
	namePrefix?: string;
	/**
	 * Folders (such as /etc, /usr, /var) that logins see through a private overlay: they read this
	 * machine's files but everything they write lands in the host's own folder and vanishes on stop.
	 */
	overlays?: readonly string[];
}

const centos7OsRelease = `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
`;

/** Why a test host cannot be made here, or undefined when it can. */
export function testHostUnavailable(): string | undefined {
	if (process.getuid?.() !== 0) {
		return 'test hosts need root (network namespaces and mount namespaces)';
	}
	const missing = [['/usr/sbin/sshd'], ['/usr/bin/ssh-keygen'], ['/usr/bin/unshare'], ['/usr/sbin/ip', '/usr/bin/ip']]
		.find(places => !places.some(place => existsSync(place)));
	return missing ? `${missing[0]} is missing (install openssh-server, util-linux and iproute2)` : undefined;
}

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
	const unavailable = testHostUnavailable();
	if (unavailable) {
		throw new Error(`cannot start a test host: ${unavailable}`);
	}
	const {index} = options;
	const namespace = `${options.namePrefix ?? 'mlab-test'}-${process.pid}-${index}`;
	const outside = `mlt${process.pid % 10_000}o${index}`;
	const inside = `mlt${process.pid % 10_000}i${index}`;
	const subnet = `10.231.${(process.pid % 200) + 10}`;
	const gatewayAddress = `${subnet}.${index * 4 + 1}`;
	const address = `${subnet}.${index * 4 + 2}`;
	const dir = mkdtempSync(join(tmpdir(), `mesos-lab-host${index}-`));
	const standInDir = join(dir, 'stand-ins');
	mkdirSync(standInDir);
	chmodSync(dir, 0o755);

	const run = (command: string, args: string[]) => execFileSync(command, args, {stdio: ['ignore', 'pipe', 'pipe']}).toString();
	run('ip', ['netns', 'add', namespace]);
	run('ip', ['link', 'add', outside, 'type', 'veth', 'peer', 'name', inside]);
	run('ip', ['link', 'set', inside, 'netns', namespace]);
	run('ip', ['addr', 'add', `${gatewayAddress}/30`, 'dev', outside]);
	run('ip', ['link', 'set', outside, 'up']);
	run('ip', ['netns', 'exec', namespace, 'ip', 'addr', 'add', `${address}/30`, 'dev', inside]);
	run('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', inside, 'up']);
	run('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up']);
	run('ip', ['netns', 'exec', namespace, 'ip', 'route', 'add', 'default', 'via', gatewayAddress]);

	const hostKey = join(dir, 'ssh_host_ed25519_key');
	const identityFile = join(dir, 'id_ed25519');
	run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
	run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', identityFile]);
	writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${identityFile}.pub`));
	writeFileSync(join(dir, 'os-release'), options.osRelease ?? centos7OsRelease);
	const callLog = join(dir, 'calls.log');
	writeFileSync(callLog, '');
	for (const [program, body] of Object.entries({...defaultStandIns(), ...options.standIns})) {
		const path = join(standInDir, program);
		writeFileSync(path, `#!/bin/sh\nhost_dir=${dir}\necho "${program} $*" >> ${callLog}\n${body}\n`);
		chmodSync(path, 0o755);
	}
	const sshdConfig = join(dir, 'sshd_config');
	writeFileSync(sshdConfig, [
		`ListenAddress ${address}`,
		'Port 22',
		`HostKey ${hostKey}`,
		`AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
		`PidFile ${join(dir, 'sshd.pid')}`,
		'PermitRootLogin prohibit-password',
		'PasswordAuthentication no',
		'StrictModes no',
		'UsePAM no',
		`SetEnv PATH=${standInDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`,
		'',
	].join('\n'));
	mkdirSync('/run/sshd', {recursive: true});

	const overlayMounts = (options.overlays ?? []).map((folder, position) => {
		const upper = join(dir, 'overlay', String(position), 'upper');
		const work = join(dir, 'overlay', String(position), 'work');
		mkdirSync(upper, {recursive: true});
		mkdirSync(work, {recursive: true});
		return `mount -t overlay overlay -o lowerdir=${folder},upperdir=${upper},workdir=${work} ${folder} && `;
	}).join('');
	const sshd: ChildProcess = spawn('ip', [
		'netns', 'exec', namespace, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
		`${overlayMounts}mount --bind ${join(dir, 'os-release')} /etc/os-release && exec /usr/sbin/sshd -D -e -f ${sshdConfig}`,
	], {stdio: ['ignore', 'ignore', 'pipe']});
	let sshdLog = '';
	sshd.stderr?.on('data', chunk => {
		sshdLog += String(chunk);
	});
	await waitForPort(address, 22, () => sshdLog);

	const hostPublicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
	const stop = () => {
		sshd.kill('SIGTERM');
		try {
			run('ip', ['netns', 'pids', namespace]).split('\n').filter(Boolean).forEach(pid => {
				try {
					process.kill(Number(pid), 'SIGKILL');
				} catch {}
			});
		} catch {}
		try {
			run('ip', ['link', 'del', outside]);
		} catch {}
		try {
			run('ip', ['netns', 'del', namespace]);
		} catch {}
		rmSync(dir, {recursive: true, force: true});
	};
	return {
		name: `host${index}`,
		namespace,
		address,
		gatewayAddress,
		port: 22,
		user: 'root',
		identityFile,
		knownHostsLine: `${address} ${hostPublicKey}`,
		dir,
		standInDir,
		calls: () => readFileSync(callLog, 'utf8').split('\n').filter(Boolean),
		exec: command => execFileSync('ip', ['netns', 'exec', namespace, 'nsenter', `--mount=/proc/${sshd.pid}/ns/mnt`, 'sh', '-c', command]).toString(),
		dropConnections: () => {
			const listener = readFileSync(join(dir, 'sshd.pid'), 'utf8').trim();
			const children = execFileSync('pgrep', ['-P', listener], {encoding: 'utf8'}).split('\n').filter(Boolean);
			for (const pid of children) {
				process.kill(Number(pid), 'SIGKILL');
			}
		},
		stop,
	};
}

/** Stand-ins that answer like a CentOS 7 machine where the real program cannot run here. */
function defaultStandIns(): Record<string, string> {
	return {
		getenforce: 'echo Disabled',
		setenforce: 'exit 0',
		'firewall-cmd': 'echo "not running"; exit 252',
	};
}

async function waitForPort(host: string, port: number, log: () => string): Promise<void> {
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		const open = await new Promise<boolean>(resolve => {
			const socket = createConnection({host, port});
			socket.once('connect', () => {
				socket.destroy();
				resolve(true);
			});
			socket.once('error', () => resolve(false));
		});
		if (open) {
			return;
		}
		await new Promise(resolve => setTimeout(resolve, 50));
	}
	throw new Error(`sshd on ${host}:${port} did not start: ${log()}`);
}
