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

/** The title of the panel that has the focus, or '' when none shows it (the event log marks no focus yet). */
function focusedPanel(screen: string): string {
	return /▶ ([^─(·]+)/.exec(screen)?.[1]?.trim() ?? '';
}

/** Polls the screen until it satisfies the predicate: a key's effect, not a sleep. */
async function screenWhere(demo: TmuxSession, predicate: (screen: string) => boolean, timeoutMs = 10_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	let screen = await demo.capture();
	while (!predicate(screen)) {
		if (Date.now() > deadline) {
			throw new Error(`The screen never changed as expected. Last screen:\n${screen}`);
		}
		await new Promise(resolve => {
			setTimeout(resolve, 100);
		});
		screen = await demo.capture();
	}
	return screen;
}

describe.skipIf(why !== undefined)('the allocation chart never covers what the user moved to', () => {
	for (const [columns, rows] of [[80, 24], [200, 60]] as const) {
		it(`at ${columns}x${rows}: Tab past the chart brings the next panel forward, and a task's drill-down is not covered`, async () => {
			const demo = await startDemo(`demo-chart-${columns}`, columns, rows);
			await demo.waitForText('▶ Apps', 30_000);
			for (let press = 0; press < 20 && !(await demo.capture()).includes('▶ CPU / memory allocated'); press++) {
				const before = focusedPanel(await demo.capture());
				await demo.sendKeys('Tab');
				await screenWhere(demo, screen => focusedPanel(screen) !== before);
			}
			await demo.waitAndSave('▶ CPU / memory allocated', `chart-focused-${columns}x${rows}`, 10_000);
			await demo.sendKeys('Tab');
			const next = await screenWhere(demo, screen => !screen.includes('▶ CPU / memory allocated') && screen.includes('Events'));
			await demo.waitAndSave('Events', `chart-then-next-${columns}x${rows}`, 10_000);
			if (columns < 120) {
				// The small layout shows one panel at a time: the chart must be gone, not drawn over the next one.
				expect(next).not.toContain('CPU / memory allocated');
			}
			expect(next.split('\n').every(line => [...line].length <= columns)).toBe(true);

			// Apps, then the first app's tasks, then a task: its detail takes the body.
			// Tab on, one panel at a time, until the focus is back on Apps.
			for (let press = 0; press < 10 && !(await demo.capture()).includes('▶ Apps'); press++) {
				const before = focusedPanel(await demo.capture());
				await demo.sendKeys('Tab');
				await screenWhere(demo, screen => focusedPanel(screen) !== before);
			}
			await demo.waitForText('▶ Apps', 10_000);
			await demo.sendKeys('Enter');
			await demo.waitForText('view: app', 10_000);
			await demo.sendKeys('Enter');
			const detail = await demo.waitAndSave(/view: task[\s\S]*stdout/, `task-detail-${columns}x${rows}`, 10_000);
			expect(detail).not.toContain('CPU / memory allocated');
		}, 120_000);
	}
});

describe.skipIf(why !== undefined)('the demo offers the experiments while it runs', () => {
	it('e shows marathon-lb\'s address and the exact commands; one run from a second terminal works against the running demo', async () => {
		const demo = await startDemo('demo-labs', 200, 60);
		await demo.waitForText('e experiments', 30_000);
		await demo.sendKeys('e');
		const overlay = await demo.waitAndSave(/mesos-lab lab vhost .*--vhost-port \d+/, 'demo-experiments-200x60', 15_000);
		expect(overlay).toMatch(/marathon-lb {2}http:\/\/127\.0\.0\.1:\d+/);
		expect(overlay).toMatch(/MESOS_LAB_SIM_CONTROL=http:\/\/127\.0\.0\.1:\d+ mesos-lab lab failover --marathon \S+ --lb \S+/);
		expect(overlay).toMatch(/mesos-lab lab nginx --marathon \S+ --lb \S+/);
		const hello = /mesos-lab lab hello (--marathon \S+)/.exec(overlay);
		expect(hello).not.toBeNull();

		// The second terminal: the command exactly as shown, while the demo keeps running. (hello needs no
		// HAProxy service port, which other tests on this machine may hold; the HAProxy experiments are
		// run in sequence on a reserved port range in test/experiments.)
		const flags = hello![1]!.split(' ');
		const {stdout} = await run(process.execPath, [join(root, 'bin', 'mesos-lab.js'), 'lab', 'hello', ...flags, '--lang', 'en', '--timeout', '120'], {timeout: 150_000});
		expect(stdout).toMatch(/stdout of hello-shell\S* \(from the Mesos sandbox\):\n\s+hello/);
		expect(stdout).toMatch(/\/hello-shell now runs 3 instances/);

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
