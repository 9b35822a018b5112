import {execFileSync, spawn} from 'node:child_process';
import {once} from 'node:events';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {t} from '../../src/i18n/messages.js';
import {builtCliMissing, runBuiltCli} from '../helpers/built-cli.js';
import {scriptOwnWords} from '../helpers/script-words.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const missing = builtCliMissing();
if (missing && process.env['CI']) {
	throw new Error(missing);
}

describe.skipIf(Boolean(missing))('how people start mesos-lab', () => {
	it('starts the wizard when run bare on a terminal', async () => {
		const home = mkdtempSync(join(tmpdir(), 'mesos-lab-bare-'));
		const cli = runBuiltCli(['--home', home], {terminal: true});
		try {
			// The first question of the wizard, in the language the environment (LANG=C.UTF-8) gives.
			await cli.waitFor(new RegExp(`\\? ${t('en', 'askLanguage')}`), 30_000);
		} finally {
			cli.child.kill('SIGKILL');
			await cli.exited;
			rmSync(home, {recursive: true, force: true});
		}
	}, 60_000);

	it('prints the overview when run bare with no terminal', async () => {
		const cli = runBuiltCli([]);
		expect(await cli.exited).toBe(0);
		expect(cli.output()).toMatch(/^Usage: mesos-lab \[options\] \[command\]/);
	});

	it('stops quietly when the reader of its output has closed the pipe', async () => {
		// The reading end is closed before node has even started, so every write meets a closed pipe.
		const child = spawn(process.execPath, ['bin/mesos-lab.js', 'plan', '--config', 'examples/lab.yaml', '--script', '--lang', 'en'], {cwd: root, stdio: ['ignore', 'pipe', 'pipe']});
		child.stdout.destroy();
		let errors = '';
		child.stderr.on('data', (chunk: Buffer) => {
			errors += chunk.toString();
		});
		const [code] = await once(child, 'exit');
		expect(errors).toBe('');
		expect(code).toBe(0);
	});

	it('writes the plan script in the language --lang names, over the lab file\'s', async () => {
		const english = runBuiltCli(['plan', '--config', 'examples/lab.yaml', '--script', '--lang', 'en']);
		const global = runBuiltCli(['--lang', 'en', 'plan', '--config', 'examples/lab.yaml']);
		const asFiled = runBuiltCli(['plan', '--config', 'examples/lab.yaml', '--script']);
		expect(await english.exited).toBe(0);
		expect(await global.exited).toBe(0);
		expect(await asFiled.exited).toBe(0);

		expect(english.output()).toContain('# --- [mesos-build] Build and install Mesos 1.11.0');
		expect(english.output()).toContain('# Install script written by mesos-lab');
		// The files written on hosts carry both languages; the script's own words follow --lang.
		expect(scriptOwnWords(english.output())).not.toMatch(/[\u4e00-\u9fff]/);
		expect(english.output()).toContain('# 由 mesos-lab 生成。');
		expect(global.output()).toMatch(/mesos-build +Build and install Mesos 1\.11\.0/);
		expect(asFiled.output()).toContain('# --- [mesos-build] 编译并安装 Mesos 1.11.0');
	});
});

/** The tracked files only, as a fresh clone has them: no dist/, so the package must build itself. */
function cleanCopy(into: string): void {
	const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {cwd: root, encoding: 'utf8'}).split('\0').filter(Boolean);
	for (const file of files) {
		if (existsSync(join(root, file))) {
			mkdirSync(dirname(join(into, file)), {recursive: true});
			cpSync(join(root, file), join(into, file));
		}
	}
	// The clone's `npm ci`, without the download: the same installed packages.
	symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'));
}

describe('the published package', () => {
	let work: string;
	beforeAll(() => {
		work = mkdtempSync(join(tmpdir(), 'mesos-lab-pack-'));
	});
	afterAll(() => {
		rmSync(work, {recursive: true, force: true});
	});

	it('packs from a clean clone, installs into an empty prefix, and its command runs', () => {
		const clone = join(work, 'clone');
		const prefix = join(work, 'prefix');
		mkdirSync(clone);
		mkdirSync(prefix);
		cleanCopy(clone);
		const npm = (args: string[], cwd: string) => execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}});

		npm(['pack', '--pack-destination', work], clone);
		const tarball = readdirSync(work).find(name => name.endsWith('.tgz'));
		expect(tarball).toBeDefined();
		npm(['install', '--global', '--prefix', prefix, '--prefer-offline', join(work, tarball!)], work);
		const help = execFileSync(join(prefix, 'bin', 'mesos-lab'), ['demo', '--help'], {encoding: 'utf8', env: {...process.env, LANG: 'C'}});

		expect(help).toContain('Usage: mesos-lab demo [options]');
	}, 300_000);
});
