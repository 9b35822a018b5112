// Median latency of a trivial remote command (`true`) on loopback, three ways side by side:
// one reused ssh2 connection (what mesos-lab does), a fresh `ssh` process per command, and
// OpenSSH multiplexing over a ControlMaster. Rounds interleave the three so machine load hits all alike.
//
// sshd runs every command through the login shell, and a heavy shell start-up file (bash reads
// ~/.bashrc for commands over ssh) would be most of what is measured. Run as root, the bench
// therefore logs in as a throw-away user whose shell is /bin/sh, like a fresh CentOS account;
// SSH_BENCH_USER=name measures an existing account instead.
import {execFileSync, spawn, spawnSync} from 'node:child_process';
import {chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createConnection, createServer} from 'node:net';
import {tmpdir, userInfo} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {SshExecutor} from '../dist/exec/ssh-executor.js';

const rounds = Number(process.env.SSH_BENCH_ROUNDS ?? 30);

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address();
			server.close(() => resolve(port));
		});
	});
}

function accepts(port) {
	return new Promise(resolve => {
		const socket = createConnection({host: '127.0.0.1', port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

async function startServer(dir) {
	const hostKey = join(dir, 'host_key');
	const userKey = join(dir, 'user_key');
	for (const path of [hostKey, userKey]) {
		execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path]);
	}
	writeFileSync(join(dir, 'authorized_keys'), readFileSync(`${userKey}.pub`));
	const port = await freePort();
	const config = join(dir, 'sshd_config');
	writeFileSync(config, [
		`Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${hostKey}`, `PidFile ${join(dir, 'sshd.pid')}`,
		`AuthorizedKeysFile ${join(dir, 'authorized_keys')}`, 'StrictModes no', 'UsePAM no', 'PermitRootLogin yes',
		'LogLevel ERROR', '',
	].join('\n'));
	const sshd = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', config], {stdio: 'ignore'});
	const deadline = Date.now() + 10_000;
	while (!(await accepts(port))) {
		if (Date.now() > deadline) {
			throw new Error('sshd did not start');
		}
		await new Promise(resolve => setTimeout(resolve, 20));
	}
	const hostLine = readFileSync(`${hostKey}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
	const knownHosts = join(dir, 'known_hosts');
	writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostLine}\n`);
	return {port, userKey, knownHosts, stop: () => sshd.kill('SIGKILL')};
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function timeProcess(argv) {
	const started = performance.now();
	const result = spawnSync(argv[0], argv.slice(1), {stdio: ['ignore', 'ignore', 'pipe']});
	if (result.status !== 0) {
		throw new Error(`${argv.join(' ')} failed: ${result.stderr}`);
	}
	return performance.now() - started;
}

/** The account to log in as, and how to remove it afterwards when the bench made it. */
function benchUser(dir) {
	const chosen = process.env.SSH_BENCH_USER;
	if (chosen !== undefined && chosen !== '') {
		return {user: chosen, remove: () => {}};
	}
	if (process.getuid?.() !== 0) {
		return {user: userInfo().username, remove: () => {}};
	}
	const user = `mlbench${process.pid % 100_000}`;
	// `*` rather than useradd's locked `!`: sshd refuses even key logins to a locked account.
	execFileSync('useradd', ['--home-dir', join(dir, 'home'), '--create-home', '--shell', '/bin/sh', '--password', '*', user]);
	return {
		user,
		remove: () => spawnSync('sh', ['-c', `pkill -KILL -u ${user}; userdel --remove ${user}`], {stdio: 'ignore'}),
	};
}

function loginShell(user) {
	const line = spawnSync('getent', ['passwd', user], {encoding: 'utf8'}).stdout.trim();
	return line.split(':').at(-1) || 'unknown';
}

export async function runSshBench() {
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-bench-'));
	chmodSync(dir, 0o755);
	const account = benchUser(dir);
	const {user} = account;
	const control = join(dir, 'cm');
	let server;
	let executor;
	let common = [];
	try {
		server = await startServer(dir);
		common = ['-F', '/dev/null', '-i', server.userKey, '-o', `UserKnownHostsFile=${server.knownHosts}`, '-o', 'StrictHostKeyChecking=yes', '-o', 'BatchMode=yes', '-p', String(server.port)];
		executor = new SshExecutor({
			endpoint: {host: '127.0.0.1', port: server.port, user, identityFiles: [server.userKey]},
			hostKeys: {knownHostsPath: server.knownHosts},
			agentSocket: false,
		});
		execFileSync('ssh', [...common, '-o', 'ControlMaster=yes', '-o', `ControlPath=${control}`, '-o', 'ControlPersist=120', '-f', '-N', `${user}@127.0.0.1`]);
		for (let warm = 0; warm < 3; warm++) {
			await executor.run('true');
			timeProcess(['ssh', ...common, `${user}@127.0.0.1`, 'true']);
			timeProcess(['ssh', ...common, '-o', `ControlPath=${control}`, `${user}@127.0.0.1`, 'true']);
		}
		const samples = {ssh2: [], fresh: [], master: []};
		for (let round = 0; round < rounds; round++) {
			const started = performance.now();
			const result = await executor.run('true');
			if (result.exitCode !== 0) {
				throw new Error(`ssh2 run failed: ${result.stderr}`);
			}
			samples.ssh2.push(performance.now() - started);
			samples.fresh.push(timeProcess(['ssh', ...common, `${user}@127.0.0.1`, 'true']));
			samples.master.push(timeProcess(['ssh', ...common, '-o', `ControlPath=${control}`, `${user}@127.0.0.1`, 'true']));
		}
		const medians = {ssh2: median(samples.ssh2), fresh: median(samples.fresh), master: median(samples.master)};
		const rows = [
			['one ssh2 connection (mesos-lab)', medians.ssh2],
			['fresh ssh process per command', medians.fresh],
			['ssh with ControlMaster', medians.master],
		];
		console.log(`median latency of \`true\` over loopback, ${rounds} interleaved rounds, as ${user} (login shell ${loginShell(user)})`);
		console.log(`${'method'.padEnd(34)}${'median ms'.padStart(10)}${'vs ControlMaster'.padStart(18)}`);
		for (const [name, value] of rows) {
			console.log(`${name.padEnd(34)}${value.toFixed(1).padStart(10)}${`${(value / medians.master).toFixed(2)}x`.padStart(18)}`);
		}
		console.log(`aim: ssh2 within 1.2x of ControlMaster -> ${medians.ssh2 <= 1.2 * medians.master ? 'met' : 'missed'}`);

		// Steps start probes in parallel; sshd's default MaxSessions (10) makes the executor queue
		// some of 20. Each command's latency runs from its run() call to its result.
		const timed = async () => {
			const started = performance.now();
			const result = await executor.run('true');
			if (result.exitCode !== 0) {
				throw new Error(`ssh2 run failed: ${result.stderr}`);
			}
			return performance.now() - started;
		};
		const burst = {atOnce: [], inTurn: [], atOnceWall: [], inTurnWall: []};
		for (let round = 0; round < 5; round++) {
			let started = performance.now();
			burst.atOnce.push(...await Promise.all(Array.from({length: 20}, timed)));
			burst.atOnceWall.push(performance.now() - started);
			started = performance.now();
			for (let index = 0; index < 20; index++) {
				burst.inTurn.push(await timed());
			}
			burst.inTurnWall.push(performance.now() - started);
		}
		console.log('20 commands (`true`) over one ssh2 connection, 5 rounds, default MaxSessions');
		console.log(`${'how'.padEnd(34)}${'median ms'.padStart(10)}${'all 20, ms'.padStart(14)}`);
		console.log(`${'at once (Promise.all)'.padEnd(34)}${median(burst.atOnce).toFixed(1).padStart(10)}${median(burst.atOnceWall).toFixed(1).padStart(14)}`);
		console.log(`${'one after another'.padEnd(34)}${median(burst.inTurn).toFixed(1).padStart(10)}${median(burst.inTurnWall).toFixed(1).padStart(14)}`);
		return {...medians, atOnce: median(burst.atOnce), inTurn: median(burst.inTurn)};
	} finally {
		await executor?.close();
		if (server !== undefined) {
			spawnSync('ssh', [...common, '-o', `ControlPath=${control}`, '-O', 'exit', `${user}@127.0.0.1`], {stdio: 'ignore'});
			server.stop();
		}
		account.remove();
		rmSync(dir, {recursive: true, force: true});
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await runSshBench();
}
