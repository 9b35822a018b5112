import {execFile} from 'node:child_process';
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {haproxyAvailable} from '../../src/sim/index.js';
import {tmuxAvailable, TmuxSession} from '../wizard/tmux.js';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const capturesDir = fileURLToPath(new URL('captures', import.meta.url));
const why = !await tmuxAvailable() ? 'tmux is not installed'
	: !haproxyAvailable() ? 'HAProxy is not installed'
		: existsSync(join(root, 'dist', 'cli', 'main.js')) ? undefined : 'run `npm run build` first';
if (why && process.env['CI']) {
	throw new Error(`the demo's experiments test cannot run in CI: ${why}`);
}

const sessions: TmuxSession[] = [];
afterEach(async () => {
	await Promise.all(sessions.splice(0).map(async session => session.kill()));
});

async function startDemo(name: string, columns: number, rows: number): Promise<TmuxSession> {
	const session = await TmuxSession.start({
		name,
		socket: 'e-dash',
		command: [process.execPath, join(root, 'bin', 'mesos-lab.js'), 'demo', '--haproxy', '--refresh', '1'],
		cwd: root,
		env: {LANG: 'C.UTF-8', TERM: 'xterm-256color'},
		capturesDir,
		columns,
		rows,
	});
	sessions.push(session);
	return session;
}

describe.skipIf(why !== undefined)('the demo offers the experiments while it runs', () => {
	it('e shows marathon-lb\'s address and the exact commands; one run from a second terminal works against the running demo', async () => {
		const demo = await startDemo('demo-labs', 200, 60);
		await demo.waitForText('e experiments', 30_000);
		await demo.sendKeys('e');
		const overlay = await demo.waitAndSave(/mesos-lab lab vhost .*--vhost-port \d+/, 'demo-experiments-200x60', 15_000);
		expect(overlay).toMatch(/marathon-lb {2}http:\/\/127\.0\.0\.1:\d+/);
		expect(overlay).toMatch(/MESOS_LAB_SIM_CONTROL=http:\/\/127\.0\.0\.1:\d+ mesos-lab lab failover --marathon \S+ --lb \S+/);
		const nginx = /mesos-lab lab nginx (--marathon \S+ --lb \S+)/.exec(overlay);
		expect(nginx).not.toBeNull();

		// The second terminal: the command exactly as shown, while the demo keeps running.
		const flags = nginx![1]!.split(' ');
		const {stdout} = await run(process.execPath, [join(root, 'bin', 'mesos-lab.js'), 'lab', 'nginx', ...flags, '--lang', 'en', '--timeout', '120'], {timeout: 150_000});
		expect(stdout).toMatch(/\/nginx already runs and has servicePort \d+/);
		expect(stdout).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/ → 200/);

		await demo.sendKeys('Escape');
		await demo.waitForText('e experiments', 10_000);
	}, 240_000);

	it('at 80x24 the commands wrap inside the overlay rather than running off the screen', async () => {
		const demo = await startDemo('demo-labs-small', 80, 24);
		await demo.waitForText('e experiments', 30_000);
		await demo.sendKeys('e');
		const overlay = await demo.waitAndSave('marathon-lb', 'demo-experiments-80x24', 15_000);
		expect(overlay).toContain('Run these in a second terminal');
		expect(overlay.split('\n').every(line => line.length <= 80)).toBe(true);
	}, 120_000);
});
