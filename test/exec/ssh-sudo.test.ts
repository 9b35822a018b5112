import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {SshExecutor} from '../../src/exec/ssh-executor.js';
import {type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';

// Whole pids: test runs in other checkouts make users at the same time, and pid % N can collide.
const user = `mlsudo${process.pid}`;
const password = `pw-${process.pid}-Zq7!`;
const sudoersFile = `/etc/sudoers.d/mesos-lab-test-${user}`;

function sudoMissing(): boolean {
	const missing = !existsSync('/usr/bin/sudo');
	if (missing && process.env.CI) {
		throw new Error('sudo is not installed; CI must install it (apt-get install sudo)');
	}
	return missing;
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, {recursive: true, encoding: 'utf8'}).map(name => join(dir, name)).filter(path => statSync(path).isFile());
}

/**
 * Files changed since `since` anywhere a command on either side could write (the client's and the
 * target's side are this one machine here) that hold `secret`. The search runs without the secret
 * on any command line.
 */
function filesHolding(secret: string, since: string): string[] {
	// Other test runs create and remove files under /tmp meanwhile; find's complaints about those are
	// expected, so its exit status is not the verdict.
	const changed = spawnSync('find', ['/tmp', '/root', '/home', '/etc', '/var', '-xdev', '-ignore_readdir_race', '-type', 'f', '-newer', since, '-size', '-20M', '-print0'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
		.stdout.split('\0').filter(Boolean);
	return changed.filter(path => {
		try {
			return readFileSync(path).includes(secret);
		} catch {
			return false;
		}
	});
}

/** Samples every process's argv on this machine until stopped; returns those that held `secret`. */
function watchArgv(secret: string): () => string[] {
	const seen = new Set<string>();
	const sample = () => {
		for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
			try {
				const argv = readFileSync(`/proc/${pid}/cmdline`);
				if (argv.includes(secret)) {
					seen.add(argv.toString().replaceAll('\0', ' '));
				}
			} catch {
				// The process ended meanwhile.
			}
		}
	};
	const timer = setInterval(sample, 5);
	return () => {
		clearInterval(timer);
		sample();
		return [...seen];
	};
}

describe.skipIf(shouldSkipSshd() || sudoMissing())('a non-root user with password sudo', () => {
	let server: SshdServer;
	let home: string;
	let executor: SshExecutor;
	const asked: string[] = [];

	let since: string;

	beforeAll(async () => {
		server = await startSshd();
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-home-'));
		since = join(home, 'started');
		writeFileSync(since, '');
		execFileSync('useradd', ['--create-home', '--home-dir', `/tmp/${user}-home`, '--shell', '/bin/sh', user]);
		execFileSync('chpasswd', [], {input: `${user}:${password}\n`});
		writeFileSync(sudoersFile, `${user} ALL=(ALL) ALL\n`, {mode: 0o440});
		const knownHostsPath = join(home, 'known_hosts');
		writeFileSync(knownHostsPath, `${server.knownHostsLine}\n`);
		executor = new SshExecutor({
			endpoint: {host: '127.0.0.1', port: server.port, user, identityFiles: []},
			hostKeys: {knownHostsPath},
			password,
			agentSocket: false,
			askSudoPassword: async label => {
				asked.push(label);
				return password;
			},
		});
		await executor.connect();
	});

	afterAll(async () => {
		await executor?.close();
		server?.stop();
		rmSync(sudoersFile, {force: true});
		execFileSync('sh', ['-c', `pkill -KILL -u ${user}; userdel --remove ${user} 2>/dev/null; true`]);
		rmSync(home, {recursive: true, force: true});
	});

	it('logs in with a password and learns that sudo needs one', () => {
		expect(executor.sudoMode).toBe('password');
	});

	it('runs root commands, asking for the password only once', async () => {
		expect((await executor.run('id -un')).stdout).toBe(`${user}\n`);
		expect((await executor.run('id -u', {sudo: true})).stdout).toBe('0\n');
		expect((await executor.run('cat', {sudo: true, stdin: 'stdin still reaches the command\n'})).stdout).toBe('stdin still reaches the command\n');
		expect(asked).toEqual([executor.label]);
	});

	it('writes a root-owned file through sudo', async () => {
		const path = `/root/mesos-lab-sudo-${process.pid}`;
		try {
			await executor.upload(path, 'owned by root\n', {mode: 0o600, sudo: true});
			expect(statSync(path).uid).toBe(0);
			expect(readFileSync(path, 'utf8')).toBe('owned by root\n');
		} finally {
			rmSync(path, {force: true});
		}
	});

	it('never puts the password on a command line the target can see', async () => {
		const processes = await executor.run('ps -eo args', {sudo: true});
		expect(processes.exitCode).toBe(0);
		expect(processes.stdout).not.toContain(password);
	});

	it('leaves no file under the home folder holding the password', () => {
		const leaks = filesUnder(home).filter(path => readFileSync(path).includes(password));
		expect(leaks).toEqual([]);
	});

	it('keeps the password off every command line and out of every file while root commands run', async () => {
		const stop = watchArgv(password);
		await Promise.all(Array.from({length: 6}, (_, index) => executor.upload(`/root/mesos-lab-sudo-${process.pid}-${index}`, `file ${index}\n`, {sudo: true})));
		expect(stop()).toEqual([]);
		try {
			expect(filesHolding(password, since)).toEqual([]);
		} finally {
			for (let index = 0; index < 6; index++) {
				rmSync(`/root/mesos-lab-sudo-${process.pid}-${index}`, {force: true});
			}
		}
	}, 180_000);

	it('says so when sudo does not accept the password, and the wrong one reaches nothing else', async () => {
		const wrong = `wrong-${process.pid}-Qx9`;
		const knownHostsPath = join(home, 'known_hosts');
		const mistaken = new SshExecutor({
			endpoint: {host: '127.0.0.1', port: server.port, user, identityFiles: []},
			hostKeys: {knownHostsPath},
			password,
			agentSocket: false,
			askSudoPassword: async () => wrong,
		});
		try {
			await expect(mistaken.run('cat > /tmp/mesos-lab-should-not-exist', {sudo: true, stdin: 'input\n'})).rejects.toThrow(/did not accept the password/);
			expect(filesHolding(wrong, since)).toEqual([]);
		} finally {
			await mistaken.close();
		}
	}, 180_000);
});

describe.skipIf(shouldSkipSshd() || sudoMissing())('a user whose sudo needs a password except for the shell (NOPASSWD: sh)', () => {
	const mixedUser = `mlmix${process.pid}`;
	const mixedPassword = `mix-${process.pid}-Wq3!`;
	const mixedSudoers = `/etc/sudoers.d/mesos-lab-test-${mixedUser}`;
	let server: SshdServer;
	let home: string;
	let since: string;
	let executor: SshExecutor;
	const asked: string[] = [];

	beforeAll(async () => {
		server = await startSshd();
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-home-'));
		since = join(home, 'started');
		writeFileSync(since, '');
		execFileSync('useradd', ['--create-home', '--home-dir', `/tmp/${mixedUser}-home`, '--shell', '/bin/sh', mixedUser]);
		execFileSync('chpasswd', [], {input: `${mixedUser}:${mixedPassword}\n`});
		// `sudo -n true` needs a password, so the executor expects to give one; the commands it runs
		// through sudo are `sh -c …`, which this rule lets through without asking.
		writeFileSync(mixedSudoers, `${mixedUser} ALL=(ALL) ALL\n${mixedUser} ALL=(ALL) NOPASSWD: /bin/sh, /usr/bin/sh\n`, {mode: 0o440});
		const knownHostsPath = join(home, 'known_hosts');
		writeFileSync(knownHostsPath, `${server.knownHostsLine}\n`);
		executor = new SshExecutor({
			endpoint: {host: '127.0.0.1', port: server.port, user: mixedUser, identityFiles: [server.userKeyPath]},
			hostKeys: {knownHostsPath},
			agentSocket: false,
			askSudoPassword: async label => {
				asked.push(label);
				return mixedPassword;
			},
		});
		await executor.connect();
	});

	afterAll(async () => {
		await executor?.close();
		server?.stop();
		rmSync(mixedSudoers, {force: true});
		execFileSync('sh', ['-c', `pkill -KILL -u ${mixedUser}; userdel --remove ${mixedUser} 2>/dev/null; true`]);
		rmSync(home, {recursive: true, force: true});
	});

	it('never hands the password to the command when sudo does not ask for it', async () => {
		expect(executor.sudoMode).toBe('password');
		const path = `/root/mesos-lab-nopasswd-${process.pid}`;
		const stop = watchArgv(mixedPassword);
		try {
			await executor.upload(path, 'only this line\n', {mode: 0o644, sudo: true});
			expect(readFileSync(path, 'utf8')).toBe('only this line\n');
			expect((await executor.run('cat', {sudo: true, stdin: 'stdin intact\n'})).stdout).toBe('stdin intact\n');
			expect(stop()).toEqual([]);
			expect(filesHolding(mixedPassword, since)).toEqual([]);
		} finally {
			rmSync(path, {force: true});
		}
	}, 180_000);
});

describe.skipIf(shouldSkipSshd() || sudoMissing())('a non-root user with passwordless sudo', () => {
	const nopasswdUser = `mlnopw${process.pid}`;
	const nopasswdSudoers = `/etc/sudoers.d/mesos-lab-test-${nopasswdUser}`;
	let server: SshdServer;
	let home: string;
	let executor: SshExecutor;

	beforeAll(async () => {
		server = await startSshd();
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-home-'));
		execFileSync('useradd', ['--create-home', '--home-dir', `/tmp/${nopasswdUser}-home`, '--shell', '/bin/sh', nopasswdUser]);
		// A fresh account is locked ("!"), which sshd refuses even for keys; "*" means no password but unlocked.
		execFileSync('usermod', ['-p', '*', nopasswdUser]);
		writeFileSync(nopasswdSudoers, `${nopasswdUser} ALL=(ALL) NOPASSWD: ALL\n`, {mode: 0o440});
		const knownHostsPath = join(home, 'known_hosts');
		writeFileSync(knownHostsPath, `${server.knownHostsLine}\n`);
		executor = new SshExecutor({
			endpoint: {host: '127.0.0.1', port: server.port, user: nopasswdUser, identityFiles: [server.userKeyPath]},
			hostKeys: {knownHostsPath},
			agentSocket: false,
			askSudoPassword: async () => {
				throw new Error('no password should be asked for');
			},
		});
		await executor.connect();
	});

	afterAll(async () => {
		await executor?.close();
		server?.stop();
		rmSync(nopasswdSudoers, {force: true});
		execFileSync('sh', ['-c', `pkill -KILL -u ${nopasswdUser}; userdel --remove ${nopasswdUser} 2>/dev/null; true`]);
		rmSync(home, {recursive: true, force: true});
	});

	it('detects it and runs root commands without asking', async () => {
		expect(executor.sudoMode).toBe('passwordless');
		expect((await executor.run('id -u', {sudo: true})).stdout).toBe('0\n');
	});
});
