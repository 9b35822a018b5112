import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {builtCliMissing, runBuiltCli, type BuiltCliRun} from '../helpers/built-cli.js';
import {shouldSkipSshd, startSshd, type SshdServer} from '../helpers/sshd.js';

// A user of this machine with a password and password sudo, reached through a real sshd on
// 127.0.0.1: the lab at 127.0.0.1:PORT must log in over SSH, never run here directly.
const user = `mlpw${process.pid % 10_000}`;
const password = `pw-${process.pid}-Xk3!`;
const sudoersFile = `/etc/sudoers.d/mesos-lab-test-${user}`;

const missing = builtCliMissing() ?? (existsSync('/usr/bin/sudo') && existsSync('/usr/bin/script') ? undefined : 'sudo and script (util-linux) are needed');
if (missing && process.env['CI']) {
	throw new Error(missing);
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, {recursive: true, encoding: 'utf8'}).map(name => join(dir, name)).filter(path => statSync(path).isFile());
}

describe.skipIf(shouldSkipSshd() || Boolean(missing))('passwords asked at the terminal before any step runs', () => {
	let sshd: SshdServer;
	let dir: string;

	beforeAll(async () => {
		sshd = await startSshd();
		dir = mkdtempSync(join(tmpdir(), 'mesos-lab-password-'));
		execFileSync('useradd', ['--create-home', '--home-dir', `/tmp/${user}-home`, '--shell', '/bin/sh', user]);
		execFileSync('chpasswd', [], {input: `${user}:${password}\n`});
		writeFileSync(sudoersFile, `${user} ALL=(ALL) ALL\n`, {mode: 0o440});
	});
	afterAll(() => {
		sshd?.stop();
		rmSync(sudoersFile, {force: true});
		execFileSync('sh', ['-c', `pkill -KILL -u ${user}; userdel --remove ${user} 2>/dev/null; true`]);
		rmSync(dir, {recursive: true, force: true});
	});

	function lab(name: string, host: string, language: 'zh' | 'en' = 'en'): {home: string; path: string} {
		const home = join(dir, name);
		mkdirSync(home);
		const path = join(dir, `${name}.yaml`);
		writeFileSync(path, `language: ${language}\nhosts:\n  - {name: node1, address: 127.0.0.1, port: ${sshd.port}, user: ${user}, ${host}}\n`);
		return {home, path};
	}

	/** Waits for the install's first check (the preflight report, to its closing line), then ends the run: the passwords were needed before it. */
	async function untilFirstCheck(cli: BuiltCliRun): Promise<string> {
		try {
			await cli.waitFor(/✗ os@node1 [^]*(?:Fix these and run again|修复后重新运行)/, 150_000);
			return cli.output();
		} finally {
			cli.child.kill('SIGKILL');
			await cli.exited;
		}
	}

	it('asks the SSH password once, hidden, and sudo takes the same one', async () => {
		const {home, path} = lab('login', 'auth: password-prompt');
		const cli = runBuiltCli(['--home', home, 'init', '--config', path, '--yes', '--plain', '--accept-new-host-key'], {terminal: true});
		await cli.waitFor(new RegExp(`SSH password for ${user}@127\\.0\\.0\\.1:${sshd.port}`));
		cli.type(password);
		const output = await untilFirstCheck(cli);

		// The prompt is drawn again at each key; the tick marks it answered, once.
		expect(output.match(/✔ SSH password for/g)).toHaveLength(1);
		expect(output).not.toMatch(/sudo password/);
		expect(output).not.toContain(password);
		expect(filesUnder(home).filter(file => readFileSync(file, 'utf8').includes(password))).toEqual([]);
	}, 200_000);

	it('asks the sudo password once, in Chinese with --lang zh, when the login is by key', async () => {
		const {home, path} = lab('sudo', `auth: identity-file, identityFile: ${sshd.userKeyPath}`, 'zh');
		const cli = runBuiltCli(['--home', home, '--lang', 'zh', 'init', '--config', path, '--yes', '--plain', '--accept-new-host-key'], {terminal: true});
		await cli.waitFor(/上 sudo 需要的密码/);
		cli.type(password);
		const output = await untilFirstCheck(cli);

		expect(output.match(/✔ \S+ 上 sudo 需要的密码/g)).toHaveLength(1);
		expect(output).not.toContain(password);
		expect(filesUnder(home).filter(file => readFileSync(file, 'utf8').includes(password))).toEqual([]);
	}, 200_000);

	it('says so, before connecting, when there is no terminal to ask on', async () => {
		const {home, path} = lab('piped', 'auth: password-prompt');
		const cli = runBuiltCli(['--home', home, 'init', '--config', path, '--yes', '--plain', '--accept-new-host-key']);

		expect(await cli.exited).not.toBe(0);
		expect(cli.output()).toContain('there is no terminal to ask it on');
	}, 60_000);
});
