import {describe, expect, it} from 'vitest';
import type {Clock} from '../../src/cluster/clock.js';
import type {ClusterEvent} from '../../src/cluster/cluster-event.js';
import type {HaproxyReading} from '../../src/cluster/haproxy-client.js';
import type {MarathonReading} from '../../src/cluster/marathon-client.js';
import type {MesosReading} from '../../src/cluster/mesos-client.js';
import {ClusterPoller, type SourceReaders} from '../../src/cluster/poller.js';
import type {ClusterSnapshot, Task} from '../../src/cluster/snapshot.js';
import {ClusterError} from '../../src/errors.js';

/** A clock that moves only when the test says so. */
function manualClock(start = Date.UTC(2024, 10, 12, 9, 0, 0)): Clock & {advance(ms: number): void} {
	let now = start;
	return {
		now: () => now,
		setTimeout: () => 0,
		clearTimeout: () => undefined,
		advance: ms => {
			now += ms;
		},
	};
}

function task(id: string, port: number, state = 'TASK_RUNNING'): Task {
	return {id, appId: '/web', name: 'web', state, agentId: 's0', host: 'a1', ports: [port], health: 'unknown'};
}

/** A cluster the test edits between refreshes; each reader can be made to fail. */
function fakeCluster() {
	const state = {
		tasks: [task('web.1', 31001), task('web.2', 31002)],
		servers: [{backend: 'web_10000', server: 'a1_10_0_0_1_31001', status: 'UP', sessions: 0}, {backend: 'web_10000', server: 'a1_10_0_0_1_31002', status: 'UP', sessions: 0}],
		mesosLeader: 'm1:5050',
		marathonDown: false,
		calls: {mesos: 0, marathon: 0, haproxy: 0, zookeeper: 0},
	};
	const readers: SourceReaders = {
		mesos: async () => {
			state.calls.mesos++;
			return {leader: state.mesosLeader, leaderReported: state.mesosLeader, feed: {kind: 'poll', reason: 'polling chosen'}, leaderUrl: `http://${state.mesosLeader}`, masters: [], metrics: {}, agents: [], tasks: state.tasks, frameworks: []} satisfies MesosReading;
		},
		marathon: async () => {
			state.calls.marathon++;
			if (state.marathonDown) {
				throw new ClusterError('http://mt1:8080/v2/info refused the connection');
			}
			return {leader: 'mt1:8080', url: 'http://mt1:8080', instances: [], apps: [{id: '/web', instances: 2, running: 2, staged: 0, healthy: 0, unhealthy: 0, cpus: 0.1, mem: 32, disk: 0, labels: {}, servicePorts: [10000], constraints: [], deploymentInProgress: false, hasHealthChecks: false}], pods: [], tasks: [], deployments: [], feed: {kind: 'poll', reason: 'polling chosen'}} satisfies MarathonReading;
		},
		haproxy: async () => {
			state.calls.haproxy++;
			return {servers: state.servers, servicePorts: new Map([['web_10000', 10000]])} satisfies HaproxyReading;
		},
		zookeeper: async members => {
			state.calls.zookeeper++;
			return members.map(endpoint => ({endpoint, mode: 'follower' as const}));
		},
	};
	return {state, readers};
}

const endpoints = {mesos: ['http://m1:5050'], marathon: ['http://mt1:8080'], lb: 'http://lb:9090', zookeeper: ['z1:2181']};

describe('refreshing the cluster picture', () => {
	it('joins every source into one frozen snapshot, tying HAProxy servers to apps', async () => {
		const {readers} = fakeCluster();
		const poller = new ClusterPoller({endpoints, readers, clock: manualClock()});
		const snapshot = await poller.refresh();
		expect(Object.isFrozen(snapshot)).toBe(true);
		expect(snapshot.sources.mesos.kind).toBe('ok');
		expect(snapshot.leaders).toMatchObject({mesos: 'm1:5050', marathon: 'mt1:8080'});
		expect(snapshot.backends[0]).toMatchObject({appId: '/web', servicePort: 10000, status: 'UP'});
		expect(snapshot.zookeeper).toEqual([{endpoint: 'z1:2181', mode: 'follower'}]);
		expect(snapshot.errors).toEqual([]);
	});

	it('keeps Marathon’s last apps, marks it stale with the error and backs off, while the others go on', async () => {
		const {state, readers} = fakeCluster();
		const clock = manualClock();
		const poller = new ClusterPoller({endpoints, readers, clock, backoff: {initialMs: 1_000, maxMs: 8_000}});
		await poller.refresh();
		state.marathonDown = true;
		state.tasks = [task('web.1', 31001), task('web.3', 31003)];
		const stale = await poller.refresh();
		expect(stale.sources.marathon).toMatchObject({kind: 'stale', error: expect.stringContaining('refused'), lastOkAt: '2024-11-12T09:00:00.000Z'});
		expect(stale.apps.map(app => app.id)).toEqual(['/web']);
		expect(stale.tasks.map(item => item.id)).toEqual(['web.1', 'web.3']);
		expect(stale.errors).toEqual([expect.objectContaining({source: 'marathon', endpoint: 'http://mt1:8080'})]);

		const callsAfterFailure = state.calls.marathon;
		clock.advance(500);
		await poller.refresh();
		expect(state.calls.marathon).toBe(callsAfterFailure);
		clock.advance(600);
		await poller.refresh();
		expect(state.calls.marathon).toBe(callsAfterFailure + 1);
		clock.advance(1_500);
		await poller.refresh();
		expect(state.calls.marathon).toBe(callsAfterFailure + 1);
		expect(state.calls.mesos).toBe(5);

		state.marathonDown = false;
		clock.advance(1_000);
		const back = await poller.refresh();
		expect(back.sources.marathon.kind).toBe('ok');
		expect(back.errors).toEqual([]);
	});

	it('tells listeners what changed: a task replaced on a new port, backends swapped, a new leader', async () => {
		const {state, readers} = fakeCluster();
		const clock = manualClock();
		const poller = new ClusterPoller({endpoints, readers, clock});
		const seen: {snapshot: ClusterSnapshot; derived: ClusterEvent[]}[] = [];
		const stop = poller.subscribe((snapshot, derived) => seen.push({snapshot, derived}));
		await poller.refresh();
		state.tasks = [task('web.1', 31001), task('web.2', 31002, 'TASK_KILLED'), task('web.3', 31003)];
		state.servers = [state.servers[0]!, {backend: 'web_10000', server: 'a1_10_0_0_1_31003', status: 'UP', sessions: 0}];
		state.mesosLeader = 'm2:5050';
		clock.advance(2_000);
		await poller.refresh();
		stop();
		await poller.refresh();
		expect(seen).toHaveLength(2);
		expect(seen[0]?.derived).toEqual([]);
		expect(seen[1]?.derived.map(event => event.message)).toEqual([
			'Mesos leader is now m2:5050 (was m1:5050)',
			'/web: task web.2 ended (TASK_KILLED) on a1:31002',
			'/web: replacement task started on port 31003 of a1',
			'backend web_10000/a1_10_0_0_1_31002 removed',
			'backend web_10000/a1_10_0_0_1_31003 added (UP)',
		]);
		expect(seen[1]?.derived.every(event => event.at === '2024-11-12T09:00:02.000Z' && event.origin === 'derived')).toBe(true);
	});

	it('takes what a source lists on its first reading as already there, and what starts after as news', async () => {
		const {state, readers} = fakeCluster();
		const clock = manualClock();
		let firstRead = false;
		const poller = new ClusterPoller({
			endpoints, clock, backoff: {initialMs: 0, maxMs: 0},
			readers: {
				...readers,
				mesos: async (masters, http) => (firstRead ? readers.mesos(masters, http) : Promise.reject(new ClusterError('subscribing to the master event stream'))),
				haproxy: async (url, http) => (firstRead ? readers.haproxy(url, http) : Promise.reject(new ClusterError('http://lb:9090 refused the connection'))),
			},
		});
		const derived: ClusterEvent[][] = [];
		poller.subscribe((_snapshot, events) => derived.push(events));
		await poller.refresh();
		firstRead = true;
		clock.advance(2_000);
		const first = await poller.refresh();
		expect(first.tasks).toHaveLength(2);
		expect(first.backends).toHaveLength(2);
		expect(derived[1]?.filter(event => event.kind === 'task' || event.kind === 'backend')).toEqual([]);

		state.tasks = [...state.tasks, task('web.3', 31003)];
		state.servers = [...state.servers, {backend: 'web_10000', server: 'a1_10_0_0_1_31003', status: 'UP', sessions: 0}];
		clock.advance(2_000);
		await poller.refresh();
		expect(derived[2]?.map(event => event.type)).toEqual(['task-replaced', 'backend-added']);
	});

	it('reports sources that are not configured as such, and never reads them', async () => {
		const {state, readers} = fakeCluster();
		const poller = new ClusterPoller({endpoints: {mesos: ['http://m1:5050'], marathon: [], zookeeper: []}, readers, clock: manualClock()});
		const snapshot = await poller.refresh();
		expect(snapshot.sources).toMatchObject({marathon: {kind: 'unconfigured'}, haproxy: {kind: 'unconfigured'}, zookeeper: {kind: 'unconfigured'}});
		expect(state.calls).toMatchObject({marathon: 0, haproxy: 0, zookeeper: 0});
	});
});
