import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {ClusterEvent} from '../../src/cluster/cluster-event.js';
import {readMarathon} from '../../src/cluster/marathon-client.js';
import {readMesos} from '../../src/cluster/mesos-client.js';
import type {ClusterSnapshot} from '../../src/cluster/snapshot.js';
import {connectCluster, type LiveCluster} from '../../src/dashboard/cluster-ports.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {waitFor} from '../helpers/wait-for.js';

/** Streaming as `mesos-lab demo` and `dashboard` run it, against the simulated cluster over HTTP. */
let sim: SimulatedCluster;
let cluster: LiveCluster | undefined;
let latest: ClusterSnapshot | undefined;
let log: ClusterEvent[] = [];
// Every HTTP request the dashboard made, by path, to tell a stream from a poll.
let requests: string[] = [];

function follow(): LiveCluster {
	cluster = connectCluster({mesos: sim.mesosUrls, marathon: sim.marathonUrls, lb: sim.lbUrl, zookeeper: []}, {
		refreshMs: 150,
		simulated: true,
		http: {onAnswer: answer => requests.push(new URL(answer.url).pathname)},
	});
	cluster.ports.subscribe((snapshot, events) => {
		latest = snapshot;
		log.push(...events);
	});
	cluster.start();
	return cluster;
}

/** What a fresh `/master/state` and `/v2/apps` say, in the terms the comparison uses. */
async function freshView(): Promise<string> {
	const [mesos, marathon] = await Promise.all([readMesos(sim.mesosUrls), readMarathon(sim.marathonUrls)]);
	return view({
		tasks: mesos.tasks.map(task => ({...task, appId: marathon.tasks.find(item => item.id === task.id)?.appId})),
		agents: mesos.agents,
		apps: marathon.apps,
		leader: mesos.leader,
		marathonLeader: marathon.leader,
	});
}

function view(parts: {tasks: {id: string; state: string; agentId: string; host: string; appId?: string | undefined}[]; agents: {id: string; hostname: string; active: boolean}[]; apps: {id: string; instances: number; running: number; staged: number; healthy: number}[]; leader: string | null; marathonLeader: string | null}): string {
	return JSON.stringify({
		leader: parts.leader,
		marathonLeader: parts.marathonLeader,
		tasks: parts.tasks.map(task => `${task.id} ${task.state} ${task.agentId} ${task.host} ${task.appId ?? ''}`).sort(),
		agents: parts.agents.map(agent => `${agent.id} ${agent.hostname} ${agent.active}`).sort(),
		apps: parts.apps.map(app => `${app.id} ${app.instances} ${app.running} ${app.staged} ${app.healthy}`).sort(),
	}, null, 1);
}

function snapshotView(): string {
	if (!latest || latest.sources.mesos.kind !== 'ok' || latest.sources.marathon.kind !== 'ok') {
		return 'no fresh snapshot yet';
	}
	return view({tasks: latest.tasks, agents: latest.agents, apps: latest.apps, leader: latest.leaders.mesos, marathonLeader: latest.leaders.marathon});
}

/** Waits until the streamed snapshot says what a fresh read of the cluster says. */
async function matchesFreshRead(what: string): Promise<void> {
	let expected = '';
	await waitFor(async () => {
		expected = await freshView();
		return snapshotView() === expected;
	}, `${what} to match a fresh read`, {timeoutMs: 20_000, everyMs: 50, lastSeen: () => `streamed:\n${snapshotView()}\nfresh:\n${expected}`});
}

async function settle(): Promise<void> {
	// Staging tasks start, health checks pass, deployments finish: the simulation's clock moves.
	for (let step = 0; step < 6; step++) {
		sim.control.tick(1000);
		await new Promise(resolve => setImmediate(resolve));
	}
}

beforeEach(async () => {
	sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 11, heartbeatSeconds: 1});
	latest = undefined;
	log = [];
	requests = [];
});

afterEach(async () => {
	cluster?.stop();
	cluster = undefined;
	await sim.stop();
});

describe('following the simulated cluster through its event streams', () => {
	it('starts from the SUBSCRIBED snapshot and never reads /master/state', async () => {
		follow();
		await matchesFreshRead('the first streamed snapshot');
		expect(latest?.feeds).toEqual({mesos: {kind: 'stream'}, marathon: {kind: 'stream'}});
		requests = [];
		await waitFor(() => log.some(event => event.message.startsWith('subscribed to the master event stream')), 'the subscription in the log', {lastSeen: () => JSON.stringify(log.map(event => event.message))});
		expect(requests.filter(path => path === '/master/state')).toEqual([]);
	});

	it('after a task is killed, the snapshot matches a fresh read, and only that app was read again', async () => {
		follow();
		await matchesFreshRead('the first streamed snapshot');
		requests = [];
		const victim = sim.model.liveTasks('/nginx')[0]!;
		await sim.control.killTask(victim.id);
		await settle();
		await matchesFreshRead('the snapshot after the kill');
		expect(latest?.tasks.some(task => task.id === victim.id)).toBe(false);
		expect(requests.filter(path => path.startsWith('/v2/apps/'))).toContain('/v2/apps/nginx');
		expect(requests.filter(path => path === '/v2/apps' || path === '/master/state')).toEqual([]);
	});

	it('after an agent is killed, its tasks are gone and the snapshot matches a fresh read', async () => {
		follow();
		await matchesFreshRead('the first streamed snapshot');
		const agent = sim.model.agentOf(sim.model.liveTasks('/nginx')[0]!)!;
		await sim.control.killAgent(agent.id);
		await settle();
		await matchesFreshRead('the snapshot after the agent died');
		expect(latest?.agents.some(item => item.id === agent.id)).toBe(false);
	});

	it('after the Mesos leader fails over, it subscribes to the new leader and matches a fresh read', async () => {
		follow();
		await matchesFreshRead('the first streamed snapshot');
		const before = latest?.leaders.mesos;
		await sim.control.killLeadingMaster();
		await settle();
		await matchesFreshRead('the snapshot after the failover');
		expect(latest?.leaders.mesos).not.toBe(before);
		expect(latest?.feeds.mesos).toEqual({kind: 'stream'});
		expect(log.some(event => event.message.startsWith('master event stream lost'))).toBe(true);
	});

	it('after the Marathon leader fails over, it follows the new leader and matches a fresh read', async () => {
		follow();
		await matchesFreshRead('the first streamed snapshot');
		const before = latest?.leaders.marathon;
		await sim.control.stopMarathon('leader');
		const victim = sim.model.liveTasks('/nginx')[0]!;
		await sim.control.killTask(victim.id);
		await settle();
		await matchesFreshRead('the snapshot after the Marathon failover');
		expect(latest?.leaders.marathon).not.toBe(before);
		expect(latest?.tasks.some(task => task.id === victim.id)).toBe(false);
	});

	it('moves the "refreshed" time with the heartbeats of an idle cluster', async () => {
		follow();
		await matchesFreshRead('the first streamed snapshot');
		const first = latest?.sources.mesos.kind === 'ok' ? latest.sources.mesos.at : '';
		await waitFor(() => latest?.sources.mesos.kind === 'ok' && latest.sources.mesos.at !== first, 'a heartbeat to move the arrival time', {lastSeen: () => JSON.stringify(latest?.sources.mesos)});
	});
});
