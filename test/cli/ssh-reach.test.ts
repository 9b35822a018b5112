import {copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {builtCliMissing, runBuiltCli} from '../helpers/built-cli.js';
import {startPrivateHost, type PrivateHost} from '../helpers/private-host.js';
import {startSshd, type SshdServer} from '../helpers/sshd.js';
import {Teardown} from '../helpers/teardown.js';
import {startTestHost, testHostUnavailable, type TestHost} from '../helpers/test-host.js';

const unavailable = testHostUnavailable() ?? builtCliMissing();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs network namespaces, sshd and a built CLI: ${unavailable}`);
}

/** What the hidden machines say they are: the install's first check prints it, showing where it ran. */
const osRelease = (id: string) => `NAME="Hidden ${id}"\nID=${id}\nVERSION_ID="99"\n`;

/** A mesos-lab home and a user home whose ~/.ssh holds the key and (maybe) a config. */
function workspace(): {dir: string; home: string; userHome: string; key: string; lab(hosts: string): string} {
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-reach-'));
	const home = join(dir, 'mesos-lab-home');
	const userHome = join(dir, 'user');
	mkdirSync(home);
	mkdirSync(join(userHome, '.ssh'), {recursive: true, mode: 0o700});
	return {
		dir, home, userHome, key: join(userHome, '.ssh', 'lab_key'),
		lab(hosts) {
			const path = join(dir, 'lab.yaml');
			writeFileSync(path, `language: en\nhosts:\n${hosts}`);
			return path;
		},
	};
}

/**
 * Starts an install and waits for preflight to report what the machine is (a non-CentOS host fails
 * the OS check, and preflight stops the run before any step); the run is then ended, so nothing is
 * changed on the machine that answered.
 */
async function firstCheck(space: ReturnType<typeof workspace>, lab: string, extra: string[] = [], nodeArgs: string[] = []): Promise<string> {
	const cli = runBuiltCli(['--home', space.home, 'init', '--config', lab, '--yes', '--plain', '--accept-new-host-key', ...extra], {env: {HOME: space.userHome}, nodeArgs});
	try {
		await cli.waitFor(/✗ os@node1 [^\n]*\n/, 150_000);
		return cli.output();
	} finally {
		cli.child.kill('SIGKILL');
		await cli.exited;
	}
}

describe.skipIf(Boolean(unavailable))('reaching lab hosts as ssh would, through the built CLI', () => {
	let jump1: TestHost;
	let jump2: PrivateHost;
	let target: PrivateHost;
	let nearTarget: PrivateHost;

	const teardown = new Teardown();

	beforeAll(async () => {
		jump1 = await startTestHost({index: 1, namePrefix: 'mlreach'});
		teardown.add(() => jump1.stop());
		const key = readFileSync(`${jump1.identityFile}.pub`, 'utf8');
		jump2 = await startPrivateHost({behind: jump1.namespace, index: 1, authorizedKey: key, osRelease: osRelease('jumptwo')});
		teardown.add(() => jump2.stop());
		target = await startPrivateHost({behind: jump2.namespace, index: 2, authorizedKey: key, osRelease: osRelease('deeptarget')});
		teardown.add(() => target.stop());
		nearTarget = await startPrivateHost({behind: jump1.namespace, index: 3, authorizedKey: key, osRelease: osRelease('neartarget')});
		teardown.add(() => nearTarget.stop());
	}, 120_000);
	afterAll(() => teardown.run());

	it('runs on a host alias of ~/.ssh/config that only a chain of two jump hosts reaches', async () => {
		const space = workspace();
		try {
			copyFileSync(jump1.identityFile, space.key);
			writeFileSync(join(space.userHome, '.ssh', 'config'), [
				'Host lab-target',
				`  HostName ${target.address}`,
				'  ProxyJump jump-one,jump-two',
				'Host jump-one',
				`  HostName ${jump1.address}`,
				'Host jump-two',
				`  HostName ${jump2.address}`,
				'Host *',
				'  User root',
				'  IdentityFile ~/.ssh/lab_key',
				'',
			].join('\n'));
			const output = await firstCheck(space, space.lab('  - {name: node1, address: lab-target}\n'));

			expect(output).toMatch(/✗ os@node1 .*found deeptarget 99/);
			const known = readFileSync(join(space.home, 'known_hosts'), 'utf8');
			expect(known).toContain(target.knownHostsLine);
			expect(known).toContain(jump2.knownHostsLine);
		} finally {
			rmSync(space.dir, {recursive: true, force: true});
		}
	}, 180_000);

	it('reads another ssh config with --ssh-config, following its Include to one jump host', async () => {
		const space = workspace();
		try {
			const configDir = join(space.dir, 'ssh');
			mkdirSync(join(configDir, 'hosts.d'), {recursive: true});
			writeFileSync(join(configDir, 'hosts.d', 'near.conf'), `Host near\n  HostName ${nearTarget.address}\n  ProxyJump root@${jump1.address}\n`);
			writeFileSync(join(configDir, 'config'), `Include ${join(configDir, 'hosts.d', '*.conf')}\nHost *\n  IdentityFile ${jump1.identityFile}\n`);
			writeFileSync(join(space.userHome, '.ssh', 'config'), 'Host near\n  HostName 192.0.2.1\n');
			const output = await firstCheck(space, space.lab('  - {name: node1, address: near, user: root}\n'), ['--ssh-config', join(configDir, 'config')]);

			expect(output).toMatch(/✗ os@node1 .*found neartarget 99/);
		} finally {
			rmSync(space.dir, {recursive: true, force: true});
		}
	}, 180_000);
});

describe.skipIf(Boolean(unavailable))('a lab at 127.0.0.1 with a port, as a VM port forward', () => {
	let sshd: SshdServer;
	beforeAll(async () => {
		sshd = await startSshd();
	});
	afterAll(() => sshd?.stop());

	it('reaches the sshd on that port with the key named as ~/..., never this machine directly', async () => {
		const space = workspace();
		try {
			copyFileSync(sshd.userKeyPath, space.key);
			await firstCheck(space, space.lab(`  - {name: node1, address: 127.0.0.1, port: ${sshd.port}, user: root, auth: identity-file, identityFile: ~/.ssh/lab_key}\n`));

			expect(readFileSync(join(space.home, 'known_hosts'), 'utf8')).toBe(`${sshd.knownHostsLine}\n`);
		} finally {
			rmSync(space.dir, {recursive: true, force: true});
		}
	}, 120_000);

	it('runs in plain lines without loading Ink or React', async () => {
		const space = workspace();
		try {
			copyFileSync(sshd.userKeyPath, space.key);
			const trace = join(space.dir, 'modules.txt');
			// Each module is written down as it loads, so the list survives the run being ended.
			const hook = [
				"import {registerHooks} from 'node:module';",
				"import {appendFileSync} from 'node:fs';",
				`registerHooks({resolve(specifier, context, next) { const result = next(specifier, context); appendFileSync(${JSON.stringify(trace)}, result.url + '\\n'); return result; }});`,
			].join('\n');
			await firstCheck(space, space.lab(`  - {name: node1, address: 127.0.0.1, port: ${sshd.port}, user: root, identityFile: ~/.ssh/lab_key}\n`), [], ['--import', `data:text/javascript,${encodeURIComponent(hook)}`]);

			const loaded = readFileSync(trace, 'utf8').split('\n');
			expect(loaded.some(url => url.includes('/dist/cli/commands/init.js'))).toBe(true);
			expect(loaded.filter(url => /\/node_modules\/(ink|react)\//.test(url))).toEqual([]);
		} finally {
			rmSync(space.dir, {recursive: true, force: true});
		}
	}, 120_000);

	it('stops before connecting when the key file is not there, naming it', async () => {
		const space = workspace();
		try {
			const cli = runBuiltCli(['--home', space.home, 'init', '--config', space.lab(`  - {name: node1, address: 127.0.0.1, port: ${sshd.port}, auth: identity-file, identityFile: ~/.ssh/missing_key}\n`), '--yes', '--plain'], {env: {HOME: space.userHome}});

			expect(await cli.exited).not.toBe(0);
			expect(cli.output()).toContain(`The key file ${join(space.userHome, '.ssh', 'missing_key')} does not exist.`);
		} finally {
			rmSync(space.dir, {recursive: true, force: true});
		}
	}, 60_000);
});
