import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {main} from '../../src/cli/main.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {Capture} from './capture.js';

const bin = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));
const packageVersion = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
	const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env: {...process.env, LANG: 'C', LC_ALL: '', ...env}});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

async function inProcess(args: string[], env: NodeJS.ProcessEnv = {}) {
	const stdout = new Capture();
	const stderr = new Capture();
	const code = await main(args, {stdout, stderr, env: {LANG: 'C', ...env}, isTTY: false});
	return {code, stdout: stdout.text, stderr: stderr.text};
}

let home: string;
beforeAll(() => {
	if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
		throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
	}
});
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-cli-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

describe('the mesos-lab command', () => {
	it('lists every command with examples and exits 0 on --help', () => {
		const {code, stdout} = cli(['--help']);
		expect(code).toBe(0);
		for (const command of ['init', 'resume', 'status', 'plan', 'logs', 'dashboard', 'demo', 'reset', 'app', 'lab']) {
			expect(stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
		}
		expect(stdout).toContain('Examples:');
	});

	it('prints the package version', () => {
		expect(cli(['--version'])).toMatchObject({code: 0, stdout: `${packageVersion}\n`});
	});

	it('names an unknown command and the nearest one on a single line, exit 2', () => {
		const {code, stderr, stdout} = cli(['stauts']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toBe("unknown command 'stauts' (did you mean 'status'?)\n");
	});

	it('names an unknown flag and the nearest flag of that command, exit 2', async () => {
		expect(await inProcess(['dashboard', '--refesh', '1'])).toMatchObject({code: 2, stderr: "unknown option '--refesh' (did you mean '--refresh'?)\n"});
		expect(await inProcess(['status', '--jsn'])).toMatchObject({code: 2, stderr: "unknown option '--jsn' (did you mean '--json'?)\n"});
	});

	it('has help with examples for each command', async () => {
		const {code, stdout} = await inProcess(['logs', '--help']);
		expect(code).toBe(0);
		expect(stdout).toContain('Usage: mesos-lab logs [options] [step]');
		expect(stdout).toContain('$ mesos-lab logs docker-install@node1');
	});

	it('has help with examples for every command and every app subcommand', async () => {
		const commands = ['init', 'resume', 'status', 'plan', 'logs', 'dashboard', 'demo', 'reset', 'lab', 'app', ...['list', 'deploy', 'scale', 'restart', 'versions', 'rollback', 'update', 'delete'].map(sub => `app ${sub}`)];
		for (const command of commands) {
			const {code, stdout} = await inProcess([...command.split(' '), '--help']);
			expect(code, command).toBe(0);
			expect(stdout, command).toContain(`Usage: mesos-lab ${command} `);
			expect(stdout, command).toMatch(new RegExp(`Examples:\\n  \\$ mesos-lab ${command}[ \\n]`));
		}
	});

	it('answers `help NAME` with that command\'s help, and bare `help` with the overview', async () => {
		expect(await inProcess(['help', 'status'])).toEqual(await inProcess(['status', '--help']));
		const overview = await inProcess(['help']);
		expect(overview.code).toBe(0);
		expect(overview.stdout).toMatch(/^  status\b/m);
	});

	it('points a usage mistake at the help of the command it was made in', async () => {
		expect(await inProcess(['lab'])).toMatchObject({code: 2, stderr: "missing required argument 'name'\nhint: mesos-lab lab --help\n"});
		expect(await inProcess(['app', 'scale', '/web', 'extra'])).toMatchObject({code: 2, stderr: expect.stringContaining('hint: mesos-lab app scale --help\n')});
	});

	it('suggests the flag a prefix begins, and a short flag for a short one', async () => {
		expect((await inProcess(['logs', '--lab', 'home-lab'])).stderr).toBe("unknown option '--lab' (did you mean '--lab-id'?)\n");
		expect((await inProcess(['status', '-x'])).stderr).toBe("unknown option '-x' (did you mean '-h'?)\n");
	});

	it('refuses a --home that is not a folder before any command runs', async () => {
		const file = join(home, 'not-a-folder');
		writeFileSync(file, '');
		expect(await inProcess(['--home', file, 'status'])).toMatchObject({code: 2, stderr: expect.stringContaining('is a file, not a folder')});
		expect(await inProcess(['status'], {MESOS_LAB_HOME: file})).toMatchObject({code: 2, stderr: expect.stringMatching(/^MESOS_LAB_HOME /)});
	});

	it('speaks Chinese with --lang zh or a zh locale', async () => {
		expect((await inProcess(['--lang', 'zh', 'stauts'])).stderr).toBe("未知命令 'stauts'（你是不是想输入 'status'？）\n");
		expect((await inProcess(['stauts'], {LANG: 'zh_CN.UTF-8'})).stderr).toContain('未知命令');
		expect(await inProcess(['--lang', 'fr', 'status'])).toMatchObject({code: 2});
	});

	it('turns a usage mistake inside a command into message, hint and exit 2', async () => {
		const {code, stderr} = await inProcess(['--home', home, 'dashboard', '--mesos', 'ftp://x', '--once']);
		expect(code).toBe(2);
		expect(stderr).toBe('--mesos: "ftp://x" is not an http(s) URL.\nhint: Example: --mesos http://10.0.0.11:5050\n');
	});

	it('shows a stack only with --debug', async () => {
		CheckpointStore.open(home, 'lab-a');
		const plain = await inProcess(['--home', home, 'status', '--lab-id', 'missing']);
		expect(plain.code).toBe(2);
		expect(plain.stderr).not.toMatch(/\n\s+at /);
		const debug = await inProcess(['--home', home, '--debug', 'status', '--lab-id', 'missing']);
		expect(debug.stderr).toMatch(/\n\s+at /);
	});

	it('keeps labs under MESOS_LAB_HOME when --home is not given', async () => {
		CheckpointStore.open(home, 'env-lab');
		const {code, stdout} = await inProcess(['status', '--json'], {MESOS_LAB_HOME: home});
		expect(code).toBe(0);
		expect(JSON.parse(stdout)).toMatchObject({labId: 'env-lab'});
	});

	it('loads no UI or SSH package, and no command module, for --help', () => {
		const trace = join(home, 'modules.txt');
		const hook = [
			"import {registerHooks} from 'node:module';",
			"import {writeFileSync} from 'node:fs';",
			'const seen = [];',
			'registerHooks({resolve(specifier, context, next) { const result = next(specifier, context); seen.push(result.url); return result; }});',
			"process.on('exit', () => writeFileSync(process.env.MODULE_TRACE_FILE, seen.join('\\n')));",
		].join('\n');
		const result = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, bin, '--help'], {encoding: 'utf8', env: {...process.env, MODULE_TRACE_FILE: trace}});
		expect(result.status).toBe(0);
		const loaded = readFileSync(trace, 'utf8').split('\n');
		expect(loaded.some(url => url.includes('/node_modules/commander/'))).toBe(true);
		expect(loaded.filter(url => /\/node_modules\/(ink|react|blessed|blessed-contrib|ssh2|@inquirer)\//.test(url))).toEqual([]);
		expect(loaded.filter(url => url.includes('/dist/cli/commands/'))).toEqual([]);
	});
});
