import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {connectCluster, type LiveCluster} from '../../src/dashboard/cluster-ports.js';
import {runDashboard} from '../../src/dashboard/dashboard-app.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {findInEventLog, key, panel, recordingScreen, type RecordingScreen} from './recording-screen.js';
import {waitFor} from '../helpers/wait-for.js';

/** The dashboard as `mesos-lab demo` runs it, on a screen that records frames, against the simulated cluster over HTTP. */
interface Watched {
	screen: RecordingScreen;
	cluster: LiveCluster;
	done: Promise<void>;
}

let sim: SimulatedCluster;
let watched: Watched | undefined;

function watch(): Watched {
	const cluster = connectCluster({mesos: sim.mesosUrls, marathon: sim.marathonUrls, lb: sim.lbUrl, zookeeper: []}, {refreshMs: 150, simulated: true});
	const screen = recordingScreen(200, 60);
	const done = runDashboard(screen, cluster.ports, {clusterName: 'sim', color: false, readonly: false, demo: true});
	cluster.start();
	watched = {screen, cluster, done};
	return watched;
}

function until(screen: RecordingScreen, predicate: (text: string) => boolean, what: string): Promise<string> {
	return waitFor(() => {
		const text = screen.text();
		return predicate(text) ? text : undefined;
	}, what, {lastSeen: () => screen.text(), timeoutMs: 10_000});
}

const hostPort = (task: {hostPorts: number[]}, host: string) => `${host}:${task.hostPorts[0]}`;

beforeEach(async () => {
	sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 5, heartbeatSeconds: 1});
});

afterEach(async () => {
	if (watched) {
		watched.screen.press(key.char('q'));
		await watched.done;
		watched.cluster.stop();
		watched = undefined;
	}
	await sim.stop();
});

describe('the dashboard on the simulated cluster', () => {
	it('shows a killed task’s replacement in the event log and in the tables', async () => {
		const {screen} = watch();
		const victim = sim.model.liveTasks('/nginx')[0]!;
		const host = sim.model.agentOf(victim)!.hostname;
		await until(screen, text => panel(text, 'Tasks').includes(hostPort(victim, host)) && text.includes('all sources fresh'), 'the victim in the tasks table, every source read');

		await sim.control.killTask(victim.id);
		sim.control.tick(1000, 3);
		const replacement = sim.model.liveTasks('/nginx').find(task => !task.id.startsWith(victim.id) && task.id !== victim.id && task.state === 'TASK_RUNNING' && !screen.text().includes(task.id));
		expect(replacement, 'the simulation started no replacement').toBeDefined();
		const where = hostPort(replacement!, sim.model.agentOf(replacement!)!.hostname);

		await until(screen, seen => panel(seen, 'Tasks').includes(where) && panel(seen, 'App → task → HAProxy').includes(where), 'the replacement in the tasks and joined tables');
		// The log is newest first, each line at its event's own time: scroll to the replacement and the kill.
		await findInEventLog(screen, `/nginx: replacement task started on port ${replacement!.hostPorts[0]}`);
		await findInEventLog(screen, `task ${victim.id}`);
		const joinedRow = panel(screen.text(), 'App → task → HAProxy').split('\n').find(line => line.includes(where));
		expect(joinedRow).toMatch(/\/nginx\s+RUNNING/);
	});

	it('moves the refresh time and the task ages on an idle cluster', async () => {
		const {screen} = watch();
		const refreshed = (text: string) => /refreshed (\d\d:\d\d:\d\d)/.exec(text)?.[1];
		const first = await until(screen, text => refreshed(text) !== undefined && text.includes('all sources fresh') && panel(text, 'Tasks').includes('/nginx'), 'the first fresh picture');
		// Nothing changes in the cluster from here on; only its heartbeats arrive.
		const later = await until(screen, text => refreshed(text) !== refreshed(first) && panel(text, 'Tasks') !== panel(first, 'Tasks'), 'a later refresh time and older ages');
		expect(panel(later, 'Tasks').replace(/\d+s/g, 'AGE')).toBe(panel(first, 'Tasks').replace(/\d+s/g, 'AGE'));
	});

	it('follows the new Mesos leader when the leading master dies', async () => {
		const {screen} = watch();
		const [first, second] = sim.mesosUrls.map(url => new URL(url).host);
		await until(screen, text => text.includes(`mesos ${first} [event stream] ·`), 'the first master leading');

		await sim.control.killLeadingMaster();

		const text = await until(screen, seen => seen.includes(`mesos ${second} [event stream] ·`), 'the header naming the new leader');
		expect(panel(text, 'Leaders & ZooKeeper')).toMatch(new RegExp(`mesos\\s+${second}\\s+leader`));
		expect(panel(text, 'Leaders & ZooKeeper')).toMatch(new RegExp(`mesos\\s+${first}\\s+standby`));
		expect(panel(text, 'Events')).toContain(`Mesos leader is now ${second} (was ${first})`);
		// The tasks still come, now from the new leader.
		expect(panel(text, 'Tasks')).toContain('/nginx');
	});

	it('marks Marathon’s panels stale with the error while Mesos keeps updating', async () => {
		const {screen} = watch();
		const victim = sim.model.liveTasks('/nginx')[0]!;
		const host = sim.model.agentOf(victim)!.hostname;
		await until(screen, text => panel(text, 'Tasks').includes(hostPort(victim, host)) && text.includes('all sources fresh'), 'a fresh first picture');

		await sim.control.stopMarathon('all');
		const stale = await until(screen, text => panel(text, 'Apps').includes('STALE:'), 'the apps panel to go stale');
		expect(stale).toMatch(/marathon STALE \(last ok \d\d:\d\d:\d\d\): /);
		expect(panel(stale, 'Apps')).toContain('/nginx');
		expect(panel(stale, 'Tasks')).not.toContain('STALE');

		// Mesos and HAProxy still answer: a task killed now frees its agent and leaves HAProxy.
		const agentRow = (text: string) => panel(text, 'Agents').split('\n').find(line => line.startsWith(`${host} `));
		const before = agentRow(stale);
		const server = `${host.replaceAll('.', '_')}_${victim.hostPorts[0]}`;
		expect(panel(stale, 'HAProxy')).toContain(server);
		await sim.control.killTask(victim.id);
		const after = await until(screen, text => !panel(text, 'HAProxy').includes(server) && agentRow(text) !== before, 'the agent and HAProxy panels to show the kill');
		expect(panel(after, 'Apps')).toContain('STALE:');
		expect(panel(after, 'Agents')).not.toContain('STALE');
		expect(panel(after, 'HAProxy')).not.toContain('STALE');
	});
});
