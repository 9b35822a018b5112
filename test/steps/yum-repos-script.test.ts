import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {shellCommand} from '../../src/exec/quote.js';
import {centosBaseRepo, releaseAction, repoRewriteScript, repoScriptPath} from '../../src/steps/templates/yum-repos.js';
import {localExecutor} from './local-exec.js';
import {serveFiles} from './serve-files.js';

const repomd = '/centos-vault/7.9.2009/os/x86_64/repodata/repomd.xml';

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

// The rewrite runs against a repo folder of the test's own, with a yum that only records its calls.
describe('the yum repo rewrite kept on the host', () => {
	let dir: string;
	let repos: string;
	let bin: string;
	let vault: Awaited<ReturnType<typeof serveFiles>>;

	beforeEach(async () => {
		dir = mkdtempSync(join(tmpdir(), 'yum-repos-'));
		repos = join(dir, 'yum.repos.d');
		bin = join(dir, 'bin');
		mkdirSync(repos);
		mkdirSync(bin);
		writeFileSync(join(bin, 'yum'), `#!/bin/sh\necho "$*" >> ${JSON.stringify(join(dir, 'yum-calls'))}\n`);
		chmodSync(join(bin, 'yum'), 0o755);
		writeFileSync(join(repos, 'CentOS-Base.repo.mesos-lab'), centosBaseRepo('@VAULT@'));
		writeFileSync(join(repos, 'CentOS-Base.repo'), '[base]\nmirrorlist=http://mirrorlist.centos.org/?release=$releasever\n');
		writeFileSync(join(repos, 'CentOS-SCLo-scl.repo'), '[centos-sclo-sclo]\nmirrorlist=http://mirrorlist.centos.org/?repo=sclo\n');
		writeFileSync(join(repos, 'epel.repo'), '[epel]\nmetalink=https://mirrors.fedoraproject.org/metalink?repo=epel-7\n');
		writeFileSync(join(repos, 'epel-testing.repo'), '[epel-testing]\nmetalink=https://mirrors.fedoraproject.org/metalink?repo=testing-epel7\n');
		writeFileSync(join(repos, 'docker-ce.repo'), '[docker-ce-stable]\n');
		vault = await serveFiles({[repomd]: {body: '<repomd/>'}});
	});

	afterEach(async () => {
		await vault.close();
		rmSync(dir, {recursive: true, force: true});
	});

	const rewrite = (mirrors: string[]) => {
		const script = join(dir, 'mesos-lab-yum-repos');
		writeFileSync(script, repoRewriteScript(mirrors, 'https://archive.example/epel/7'));
		return localExecutor().run(shellCommand(['env', `PATH=${bin}:${process.env.PATH ?? ''}`, 'bash', script, repos]));
	};

	it('uses the first mirror that answers, says so, and moves aside the files that name dead hosts', async () => {
		const dead = `http://127.0.0.1:${await closedPort()}/centos-vault`;
		const result = await rewrite([dead, `${vault.base}/centos-vault`]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain(`vault mirror ${dead} does not answer`);
		expect(result.stdout).toContain(`yum uses the CentOS vault at ${vault.base}/centos-vault`);
		expect(readFileSync(join(repos, 'CentOS-Base.repo'), 'utf8')).toContain(`baseurl=${vault.base}/centos-vault/7.9.2009/os/$basearch/`);
		expect(existsSync(join(repos, 'CentOS-SCLo-scl.repo'))).toBe(false);
		expect(existsSync(join(repos, 'mesos-lab-disabled', 'CentOS-SCLo-scl.repo'))).toBe(true);
		expect(existsSync(join(repos, 'mesos-lab-disabled', 'epel-testing.repo'))).toBe(true);
		expect(readFileSync(join(repos, 'epel.repo'), 'utf8')).toBe('[epel]\nname=Extra Packages for Enterprise Linux 7 (archive)\nbaseurl=https://archive.example/epel/7/$basearch/\nenabled=1\ngpgcheck=1\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-7\n');
		expect(readFileSync(join(repos, 'docker-ce.repo'), 'utf8')).toBe('[docker-ce-stable]\n');
		// It runs inside yum's post-transaction action, while that yum holds its lock: never yum again.
		expect(existsSync(join(dir, 'yum-calls'))).toBe(false);
	});

	it('falls back to plain http on a mirror whose https fails, as with an old CA bundle', async () => {
		const https = vault.base.replace('http://', 'https://');
		const result = await rewrite([`${https}/centos-vault`]);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(result.stdout).toContain(`using ${vault.base}/centos-vault until they are refreshed`);
		expect(readFileSync(join(repos, 'CentOS-Base.repo'), 'utf8')).toContain(`baseurl=${vault.base}/centos-vault/7.9.2009/`);
	});

	it('changes nothing and names the mirrors when none answers', async () => {
		const dead = `http://127.0.0.1:${await closedPort()}/centos-vault`;
		const result = await rewrite([dead]);
		expect(result.exitCode).toBe(1);
		expect(result.stderr).toContain(`no vault mirror answered: ${dead}`);
		expect(existsSync(join(repos, 'CentOS-SCLo-scl.repo'))).toBe(true);
	});

	it('runs again after any release package is installed or updated', () => {
		expect(releaseAction().split('\n').filter((line) => line !== '' && !line.startsWith('#'))).toEqual([`*-release:install:${repoScriptPath}`, `*-release:update:${repoScriptPath}`]);
	});
});
