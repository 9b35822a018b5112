import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createConnection} from 'node:net';
import {tethered} from './tethered.js';
import {waitFor} from './wait-for.js';

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
	const slot = claimNetworkSlot(options.namePrefix ?? 'mlab-test');
	const {namespace, outside, inside, gatewayAddress, address} = slot;
	const dir = mkdtempSync(join(tmpdir(), `mesos-lab-host${index}-`));
	const standInDir = join(dir, 'stand-ins');
	mkdirSync(standInDir);
	chmodSync(dir, 0o755);

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
		// Every address of the host's own namespace, so a segment joined later (test-segment.ts) reaches it too.
		'ListenAddress 0.0.0.0',
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
	const sshd: ChildProcess = spawn(...tethered('ip', [
		'netns', 'exec', namespace, 'unshare', '-m', '--propagation', 'private', 'sh', '-c',
		`${overlayMounts}mount --bind ${join(dir, 'os-release')} /etc/os-release && exec /usr/sbin/sshd -D -e -f ${sshdConfig}`,
	]), {stdio: ['ignore', 'ignore', 'pipe']});
	let sshdLog = '';
	sshd.stderr?.on('data', chunk => {
		sshdLog += String(chunk);
	});
	await waitForPort(address, 22, () => sshdLog);

	const hostPublicKey = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
	const stop = () => {
		sshd.kill('SIGTERM');
		slot.release();
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

interface NetworkSlot {
	namespace: string;
	outside: string;
	inside: string;
	gatewayAddress: string;
	address: string;
	/** Ends every process in the namespace, removes the namespace and its link, and frees the slot. */
	release(): void;
}

// One file per claimed /30 under 10.231.0.0/16, created exclusively, so test processes running at
// the same time (other files, other checkouts) never share an address, a namespace or a link name.
const slotDir = '/run/mesos-lab-test-hosts';
const slotCount = 64 * 200;

function run(command: string, args: string[]): string {
	return execFileSync(command, args, {stdio: ['ignore', 'pipe', 'pipe']}).toString();
}

function tearDown(namespace: string, outside: string): void {
	try {
		for (const pid of run('ip', ['netns', 'pids', namespace]).split('\n').filter(Boolean)) {
			try {
				process.kill(Number(pid), 'SIGKILL');
			} catch {}
		}
	} catch {}
	try {
		run('ip', ['link', 'del', outside]);
	} catch {}
	try {
		run('ip', ['netns', 'del', namespace]);
	} catch {}
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

function ownerAlive(lock: string): boolean {
	const text = readFileSync(lock, 'utf8');
	// An empty file is a claim whose pid is still being written.
	const owner = Number(text);
	return text === '' || (Number.isInteger(owner) && owner > 0 && alive(owner));
}

/**
 * Clears a slot whose owner died (its namespace, link and lock file) and says whether it did. The
 * owner is read again under an exclusive reaper folder, so a slot just claimed afresh is never cleared.
 */
function reapedStale(lock: string): boolean {
	try {
		if (ownerAlive(lock)) {
			return false;
		}
		mkdirSync(`${lock}.reap`);
	} catch {
		return false;
	}
	try {
		if (!existsSync(lock) || ownerAlive(lock)) {
			return false;
		}
		const made = existsSync(`${lock}.json`) ? JSON.parse(readFileSync(`${lock}.json`, 'utf8')) as {namespace: string; outside: string} : undefined;
		if (made !== undefined) {
			tearDown(made.namespace, made.outside);
		}
		rmSync(`${lock}.json`, {force: true});
		rmSync(lock, {force: true});
		return true;
	} finally {
		rmSync(`${lock}.reap`, {recursive: true, force: true});
	}
}

/**
 * Takes the lock file `name` under the slot folder for this process (clearing it first when its
 * owner died), records what will be made under it, and returns the release that undoes it all; or
 * undefined when someone else holds it. Test hosts and test segments share the folder and the rules.
 */
export function claimSlotLock(name: string, made: {namespace: string; outside: string}): (() => void) | undefined {
	mkdirSync(slotDir, {recursive: true});
	const lock = join(slotDir, name);
	if (existsSync(lock) && !reapedStale(lock)) {
		return undefined;
	}
	try {
		writeFileSync(lock, String(process.pid), {flag: 'wx'});
	} catch {
		return undefined;
	}
	writeFileSync(`${lock}.json`, JSON.stringify(made));
	tearDown(made.namespace, made.outside);
	return () => {
		tearDown(made.namespace, made.outside);
		rmSync(`${lock}.json`, {force: true});
		rmSync(lock, {force: true});
	};
}

/** The IPv4 addresses of this machine's own namespace, one `inet A/N` per line. */
export function addressesInUse(): string {
	return run('ip', ['-o', '-4', 'addr', 'show']);
}

function claimNetworkSlot(prefix: string): NetworkSlot {
	const inUse = addressesInUse();
	// Start somewhere that depends on the process, so parallel claimers rarely race for one file.
	const start = (process.pid * 7) % slotCount;
	for (let step = 0; step < slotCount; step++) {
		const number = (start + step) % slotCount;
		const base = `10.231.${10 + Math.floor(number / 64)}.${(number % 64) * 4}`;
		const [a, b, c, d] = base.split('.').map(Number) as [number, number, number, number];
		const gatewayAddress = `${a}.${b}.${c}.${d + 1}`;
		const address = `${a}.${b}.${c}.${d + 2}`;
		const namespace = `${prefix}-${number}`;
		const outside = `mlh${number}o`;
		const inside = `mlh${number}i`;
		// Addresses someone set up without a slot file (an older checkout) are left alone too.
		if (new RegExp(`inet ${gatewayAddress.replaceAll('.', '\\.')}/|inet ${address.replaceAll('.', '\\.')}/`).test(inUse)) {
			continue;
		}
		const release = claimSlotLock(String(number), {namespace, outside});
		if (release !== undefined) {
			return {namespace, outside, inside, gatewayAddress, address, release};
		}
	}
	throw new Error('no free test network slot');
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
	await waitFor(async () => new Promise<boolean>(resolve => {
		const socket = createConnection({host, port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	}), `sshd on ${host}:${port} to start`, {everyMs: 50, lastSeen: log});
}
