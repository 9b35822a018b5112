import {execFileSync, spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {waitFor} from '../helpers/wait-for.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const capturesDir = join(root, 'test', 'dashboard', 'captures');
const socket = 'e-dash';
const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;
const notBuilt = !existsSync(join(root, 'dist', 'cli', 'main.js'));
const why = tmuxMissing ? 'tmux is not installed' : notBuilt ? 'run `npm run build` first' : undefined;

if (why && process.env.CI) {
	throw new Error(`the demo's terminal test cannot run in CI: ${why}`);
}

interface DemoTerminal {
	session: string;
	screen(): string;
	keys(...keys: string[]): void;
	controlUrl(): Promise<string>;
	waitFor(predicate: (screen: string) => boolean, timeoutMs: number, what: string): Promise<string>;
	save(name: string): void;
	stop(): void;
}

// How long a key press may take to show on a loaded machine; an idle one answers in milliseconds.
const uiCeilingMs = 15_000;

function tmux(...args: string[]): string {
	return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});
}

/** Starts `mesos-lab demo` in a detached tmux window of a fixed size. */
function startDemo(width: number, height: number): DemoTerminal {
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-demo-'));
	const session = `demo-${width}x${height}-${process.pid}`;
	const stderrFile = join(dir, 'stderr.txt');
	const command = `cd ${root} && exec node bin/mesos-lab.js demo --refresh 1 2>${stderrFile}`;
	tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', String(height), '-e', 'LANG=C.UTF-8', '-e', 'TERM=xterm-256color', command);
	const terminal: DemoTerminal = {
		session,
		screen: () => tmux('capture-pane', '-p', '-t', session),
		keys: (...keys) => {
			tmux('send-keys', '-t', session, ...keys);
		},
		controlUrl: async () => {
			const text = await poll(() => (existsSync(stderrFile) ? readFileSync(stderrFile, 'utf8') : ''), value => /http:\/\/127\.0\.0\.1:\d+/.test(value), 10_000, 'the control URL');
			return /http:\/\/127\.0\.0\.1:\d+/.exec(text)?.[0] ?? '';
		},
		waitFor: (predicate, timeoutMs, what) => poll(terminal.screen, predicate, timeoutMs, what),
		save: name => {
			mkdirSync(capturesDir, {recursive: true});
			writeFileSync(join(capturesDir, `${name}-${width}x${height}.txt`), terminal.screen());
		},
		stop: () => {
			spawnSync('tmux', ['-L', socket, 'kill-session', '-t', session]);
			rmSync(dir, {recursive: true, force: true});
		},
	};
	return terminal;
}

// The screen or file is read again on each try, and the last reading is what a failure shows.
async function poll<T>(read: () => T, predicate: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
	return waitFor(() => {
		const value = read();
		return predicate(value) ? {value} : undefined;
	}, what, {timeoutMs, everyMs: 50, lastSeen: () => String(read())}).then(found => found.value);
}

interface OverviewTask {
	id: string;
	host: string;
	ports: number[];
}

async function nginxTasks(controlUrl: string): Promise<OverviewTask[]> {
	const response = await fetch(`${controlUrl}/_sim/overview`);
	const overview = await response.json() as {apps: {id: string; tasks: OverviewTask[]}[]};
	return overview.apps.find(app => app.id === '/nginx')?.tasks ?? [];
}

const hostPort = (task: OverviewTask) => `${task.host}:${task.ports[0]}`;

describe.skipIf(why !== undefined)('mesos-lab demo in a terminal', () => {
	it('at 120x40 shows every panel, moves focus, drills down, and shows a killed task’s replacement within 2 s', async () => {
		const demo = startDemo(120, 40);
		try {
			// Given the demo is running
			const first = await demo.waitFor(screen => screen.includes('SIMULATED') && screen.includes('nginx_10000 UP'), 20_000, 'the first frame');
			for (const title of ['Apps', 'Tasks', 'Leaders & ZooKeeper', 'Agents', 'HAProxy', 'App → task → HAProxy', 'Events', 'CPU / memory allocated']) {
				expect(first).toContain(title);
			}
			// The allocation panel is a line chart, drawn in braille dots.
			expect(first).toMatch(/CPU \d+% · MEM \d+%/);
			expect(first).toMatch(/[\u2801-\u28FF]/);
			demo.save('overview');

			// When the user presses Tab, focus moves from Apps to Tasks
			expect(first).toContain('▶ Apps');
			demo.keys('Tab');
			await demo.waitFor(screen => screen.includes('▶ Tasks'), uiCeilingMs, 'focus on Tasks');

			// When the user goes back to Apps, picks /nginx and presses Enter, only its tasks remain
			demo.keys('BTab');
			await demo.waitFor(screen => screen.includes('▶ Apps'), uiCeilingMs, 'focus back on Apps');
			demo.keys('Down', 'Enter');
			const inApp = await demo.waitFor(screen => screen.includes('view: app /nginx'), uiCeilingMs, 'the app view');
			expect(inApp).not.toContain('hello-shell RUNNING');
			demo.save('app-view');

			// And Enter on a task opens its detail with the sandbox output
			demo.keys('Enter');
			await demo.waitFor(screen => screen.includes('view: task') && screen.includes('stdout (tail)'), 5_000, 'the task detail');
			demo.save('task-detail');
			// Two Escapes sent together read as one Alt-Escape, so each waits for its effect.
			demo.keys('Escape');
			await demo.waitFor(screen => screen.includes('view: app /nginx'), uiCeilingMs, 'the app view again');
			demo.keys('Escape');
			await demo.waitFor(screen => screen.includes('view: overview'), uiCeilingMs, 'the overview again');

			// When a task is killed through the control surface
			const controlUrl = await demo.controlUrl();
			const before = await nginxTasks(controlUrl);
			const victim = before[0];
			expect(victim).toBeDefined();
			await demo.waitFor(screen => screen.includes(hostPort(victim!)), uiCeilingMs, 'the victim on screen');
			const killedAt = Date.now();
			await fetch(`${controlUrl}/_sim/kill-task`, {method: 'POST', body: JSON.stringify({taskId: victim!.id})});

			// Then its replacement is on screen within 2 seconds
			let replacement: OverviewTask | undefined;
			while (!replacement && Date.now() - killedAt < 2_000) {
				replacement = (await nginxTasks(controlUrl)).find(task => !before.some(old => old.id === task.id));
			}
			expect(replacement, 'Marathon started no replacement within 2 s').toBeDefined();
			const remaining = 2_000 - (Date.now() - killedAt);
			const shown = await demo.waitFor(screen => screen.includes(hostPort(replacement!)) && !screen.includes(hostPort(victim!)), Math.max(0, remaining), 'the replacement on screen');
			expect(shown).toContain(hostPort(replacement!));
			demo.save('after-kill');

			// And q quits
			demo.keys('q');
			await poll(() => spawnSync('tmux', ['-L', socket, 'has-session', '-t', demo.session]).status, status => status !== 0, 10_000, 'the demo to exit');
		} finally {
			demo.stop();
		}
	}, 60_000);

	it('at 80x24 shows the focused panel and the event log, and Tab brings each panel forward', async () => {
		const demo = startDemo(80, 24);
		try {
			const first = await demo.waitFor(screen => screen.includes('SIMULATED') && screen.includes('▶ Apps'), 20_000, 'the first frame');
			expect(first).toContain('Events');
			expect(first).not.toContain('HAProxy (');
			demo.save('overview');
			demo.keys('Tab', 'Tab', 'Tab');
			const haproxy = await demo.waitFor(screen => screen.includes('▶ HAProxy'), uiCeilingMs, 'the HAProxy panel');
			expect(haproxy).toContain('nginx_10000');
			demo.save('haproxy');
			demo.keys('?');
			const help = await demo.waitFor(screen => screen.includes('Help'), uiCeilingMs, 'the help');
			expect(help).toContain('kill the selected task through the simulation');
			demo.save('help');

			// Tab goes on past Agents and Leaders to the allocation chart, drawn over the whole body.
			demo.keys('?');
			await demo.waitFor(screen => !screen.includes('Help'), uiCeilingMs, 'the help to close');
			demo.keys('Tab', 'Tab', 'Tab');
			const chart = await demo.waitFor(screen => screen.includes('▶ CPU / memory allocated'), uiCeilingMs, 'the allocation chart');
			expect(chart).toMatch(/[\u2801-\u28FF]/);
			demo.save('allocation');
		} finally {
			demo.stop();
		}
	}, 60_000);
});
