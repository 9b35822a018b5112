import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {connectCluster, type LiveCluster} from '../../src/dashboard/cluster-ports.js';
import {runDashboard} from '../../src/dashboard/dashboard-app.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {findInEventLog, key, panel, recordingScreen, type RecordingScreen} from './recording-screen.js';
import {waitFor} from '../helpers/wait-for.js';

let sim: SimulatedCluster;
let running: {screen: RecordingScreen; cluster: LiveCluster; done: Promise<void>} | undefined;

/** The dashboard with its real key handling and Marathon actions, on a recording screen, against the simulation. */
function dashboard(options: {readonly: boolean}): RecordingScreen {
	const cluster = connectCluster({mesos: sim.mesosUrls, marathon: sim.marathonUrls, lb: sim.lbUrl, zookeeper: []}, {refreshMs: 150, simulated: true});
	const screen = recordingScreen(200, 60);
	const done = runDashboard(screen, cluster.ports, {clusterName: 'sim', color: false, readonly: options.readonly, demo: true});
	cluster.start();
	running = {screen, cluster, done};
	return screen;
}

function shows(screen: RecordingScreen, predicate: (text: string) => boolean, what: string): Promise<string> {
	return waitFor(() => (predicate(screen.text()) ? screen.text() : undefined), what, {lastSeen: () => screen.text(), timeoutMs: 10_000});
}

function statusLine(screen: RecordingScreen): string {
	return screen.frames.at(-1)?.status ?? '';
}

/** Narrows every table to rows holding `text`, the way a user types `/text` and Enter. */
function filterTo(screen: RecordingScreen, text: string): void {
	screen.press(key.char('/'), ...[...text].map(key.char), key.enter);
}

/** Lets the simulated Marathon finish what it was asked to do. */
function settle(): void {
	sim.control.tick(1000, 6);
}

beforeEach(async () => {
	sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 9});
});

afterEach(async () => {
	if (running) {
		running.screen.press(key.char('q'));
		await running.done;
		running.cluster.stop();
		running = undefined;
	}
	await sim.stop();
});

describe('changing the cluster from the dashboard', () => {
	it('scales an app after asking how many and confirming', async () => {
		const screen = dashboard({readonly: false});
		await shows(screen, text => text.includes('/nginx') && text.includes('all sources fresh'), 'the first picture');
		filterTo(screen, 'nginx');
		screen.press(key.char('s'));
		expect(statusLine(screen)).toContain('scale /nginx to how many instances?');
		screen.press(key.char('4'), key.enter);
		expect(statusLine(screen)).toContain('scale /nginx to 4 instances? [y/N]');
		screen.press(key.char('y'));

		await shows(screen, text => text.includes('done: scale /nginx'), 'Marathon to accept the scale');
		settle();
		const text = await shows(screen, seen => /\/nginx\s+4\/4/.test(panel(seen, 'Apps')), 'four running instances in the apps table');
		expect(panel(text, 'Tasks').split('\n').filter(line => /^\/nginx\s+RUNNING/.test(line))).toHaveLength(4);
		expect(sim.model.liveTasks('/nginx')).toHaveLength(4);
	});

	it('rolls an app back to its previous version', async () => {
		const screen = dashboard({readonly: false});
		await shows(screen, text => /\/nginx\s+2\/2/.test(text), 'two nginx instances');
		filterTo(screen, 'nginx');
		screen.press(key.char('s'), key.char('3'), key.enter, key.char('y'));
		await shows(screen, text => text.includes('done: scale /nginx'), 'the scale');
		settle();
		await shows(screen, text => /\/nginx\s+3\/3/.test(text), 'three nginx instances');

		screen.press(key.char('b'));
		expect(statusLine(screen)).toContain('roll /nginx back to its previous version? [y/N]');
		screen.press(key.char('y'));
		await shows(screen, text => text.includes('done: rollback /nginx'), 'Marathon to accept the rollback');
		settle();
		await shows(screen, text => /\/nginx\s+2\/2/.test(text), 'two nginx instances again');
		expect(sim.model.liveTasks('/nginx')).toHaveLength(2);
	});

	it('restarts an app: every task is replaced', async () => {
		const screen = dashboard({readonly: false});
		await shows(screen, text => text.includes('all sources fresh') && /\/nginx\s+2\/2/.test(text), 'the first picture');
		const before = sim.model.liveTasks('/nginx').map(task => task.id);
		filterTo(screen, 'nginx');
		screen.press(key.char('r'));
		expect(statusLine(screen)).toContain('restart /nginx? [y/N]');
		screen.press(key.char('y'));
		await shows(screen, text => text.includes('done: restart /nginx'), 'Marathon to accept the restart');
		settle();
		const after = sim.model.liveTasks('/nginx').map(task => task.id);
		expect(after).toHaveLength(2);
		expect(after.some(id => before.includes(id))).toBe(false);
		const text = await shows(screen, seen => after.every(id => panel(seen, 'Tasks').includes(id)), 'the new tasks in the tasks table');
		expect(panel(text, 'Tasks').split('\n').filter(line => before.some(id => line.includes(id)) && line.includes('RUNNING'))).toEqual([]);
	});

	it('kills the selected task after confirming, and Marathon replaces it', async () => {
		const screen = dashboard({readonly: false});
		const victim = sim.model.liveTasks('/nginx')[0]!;
		await shows(screen, text => text.includes(victim.id) && text.includes('all sources fresh'), 'the victim on screen, every source read');
		screen.press(key.tab);
		filterTo(screen, victim.id);
		screen.press(key.char('x'));
		expect(statusLine(screen)).toContain(`kill task ${victim.id} (Marathon starts a replacement)? [y/N]`);
		screen.press(key.char('y'));
		await shows(screen, text => text.includes(`done: kill ${victim.id}`), 'Marathon to accept the kill');
		settle();
		expect(sim.model.liveTasks('/nginx').map(task => task.id)).not.toContain(victim.id);
		screen.press(key.escape);
		await findInEventLog(screen, 'replacement task started');
	});

	it('does nothing when the user answers no', async () => {
		const screen = dashboard({readonly: false});
		await shows(screen, text => text.includes('/nginx'), 'the first picture');
		filterTo(screen, 'nginx');
		screen.press(key.char('r'), key.char('n'));
		expect(statusLine(screen)).toContain('cancelled');
		settle();
		expect(sim.model.deploymentsFor('/nginx')).toHaveLength(0);
	});

	it('refuses every action with --readonly', async () => {
		const screen = dashboard({readonly: true});
		await shows(screen, text => text.includes('/nginx'), 'the first picture');
		const before = sim.model.liveTasks('/nginx').map(task => task.id);
		filterTo(screen, 'nginx');
		for (const action of ['s', 'r', 'b']) {
			screen.press(key.char(action));
			expect(statusLine(screen)).toContain('read-only: actions are off');
			expect(screen.frames.at(-1)?.status).not.toContain('[y/N]');
		}
		screen.press(key.tab, key.char('x'), key.char('y'));
		expect(statusLine(screen)).toContain('read-only: actions are off');
		settle();
		expect(sim.model.liveTasks('/nginx').map(task => task.id)).toEqual(before);
	});
});
