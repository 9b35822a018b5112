import {describe, expect, it} from 'vitest';
import {AnswerMemo, sameData} from '../../src/cluster/answer-memo.js';
import {buildSnapshot, snapshotBuilder, type SourceReadings} from '../../src/cluster/build-snapshot.js';
import {deriveEvents} from '../../src/cluster/derive-events.js';
import {readHaproxyServers} from '../../src/cluster/haproxy-stats.js';
import {normaliseMarathonApps} from '../../src/cluster/marathon-apps.js';
import {normaliseMesosState} from '../../src/cluster/mesos-state.js';
import {fixtureJson, fixtureText} from './helpers/fixtures.js';

function readingsFrom(mesosRaw: unknown, marathonRaw: unknown, csv: string): SourceReadings {
	const mesos = normaliseMesosState(mesosRaw);
	const marathon = normaliseMarathonApps(marathonRaw);
	return {
		mesos: {...mesos, leaderReported: mesos.leader, feed: {kind: 'poll', reason: 'polling chosen'}, leaderUrl: 'http://m1.lab:5050', masters: [], metrics: {}},
		marathon: {leader: 'mt1:8080', url: 'http://mt1:8080', instances: [], apps: marathon.apps, pods: [], tasks: marathon.tasks, deployments: [], feed: {kind: 'poll', reason: 'polling chosen'}},
		haproxy: {servers: readHaproxyServers(csv), servicePorts: new Map()},
		statuses: {mesos: {kind: 'ok', at: 'a'}, marathon: {kind: 'ok', at: 'a'}, haproxy: {kind: 'ok', at: 'a'}, zookeeper: {kind: 'unconfigured'}},
		errors: [],
	};
}

describe('a refresh where nothing changed', () => {
	const mesosRaw = fixtureJson('mesos-state.1x-slaves.json');
	const marathonRaw = fixtureJson('marathon-apps.1.4-bridge.json');
	const csv = fixtureText('haproxy-stats.two-up.captured.csv');

	it('joins the same readings into the same snapshot as a fresh build, reusing the previous joins', () => {
		const build = snapshotBuilder();
		const readings = readingsFrom(mesosRaw, marathonRaw, csv);
		const first = build(readings, '2024-11-12T09:00:00.000Z', false);
		const second = build({...readings, statuses: {...readings.statuses}}, '2024-11-12T09:00:02.000Z', false);
		expect(first).toEqual(buildSnapshot(readings, '2024-11-12T09:00:00.000Z', false));
		expect(second.tasks).toBe(first.tasks);
		expect(second.backends).toBe(first.backends);
		expect(second.takenAt).toBe('2024-11-12T09:00:02.000Z');
		expect(deriveEvents(first, second)).toEqual([]);
	});

	it('joins again as soon as one source hands over new data', () => {
		const build = snapshotBuilder();
		const readings = readingsFrom(mesosRaw, marathonRaw, csv);
		const first = build(readings, 'a', false);
		const moved = readingsFrom(mesosRaw, marathonRaw, csv);
		const second = build({...readings, haproxy: moved.haproxy}, 'b', false);
		expect(second.tasks).toBe(first.tasks);
		expect(second.backends).not.toBe(first.backends);
		expect(second.backends).toEqual(first.backends);
	});

	it('hands back the previous decoded answer for the same bytes, and the previous value for the same data', () => {
		const memo = new AnswerMemo();
		let decodes = 0;
		const decode = (body: string): {servers: string[]} => {
			decodes++;
			return {servers: body.split(',')};
		};
		const first = memo.decode('lb', 'a,b', decode);
		expect(memo.decode('lb', 'a,b', decode)).toBe(first);
		expect(decodes).toBe(1);
		const changed = memo.decode('lb', 'a,c', decode);
		expect(changed).toEqual({servers: ['a', 'c']});
		expect(decodes).toBe(2);

		const tasks = [{id: 't1', ports: [31000], startedAt: undefined}];
		expect(memo.settle('tasks', tasks)).toBe(tasks);
		expect(memo.settle('tasks', [{id: 't1', ports: [31000]}])).toBe(tasks);
		const moved = [{id: 't1', ports: [31001]}];
		expect(memo.settle('tasks', moved)).toBe(moved);
	});

	it('compares plain data deeply, Maps included', () => {
		expect(sameData({a: [1, {b: 'x'}], c: undefined}, {a: [1, {b: 'x'}]})).toBe(true);
		expect(sameData(new Map([['web_10000', 10000]]), new Map([['web_10000', 10000]]))).toBe(true);
		expect(sameData(new Map([['web_10000', 10000]]), new Map([['web_10000', 10001]]))).toBe(false);
		expect(sameData([1, 2], {0: 1, 1: 2})).toBe(false);
		expect(sameData({a: 1}, {a: 1, b: 2})).toBe(false);
	});
});

describe('a task that died while Marathon was unreachable', () => {
	const mesosRaw = fixtureJson('mesos-state.1x-slaves.json');
	const marathonRaw = fixtureJson('marathon-apps.1.4-bridge.json');
	const csv = fixtureText('haproxy-stats.two-up.captured.csv');
	const ghost = {id: 'web.gone-1', appId: '/web', host: 'a1.lab', ports: [31999], servicePorts: [10000], state: 'TASK_RUNNING', health: 'healthy' as const, ipAddresses: []};

	function withGhost(marathonStatus: SourceReadings['statuses']['marathon']): SourceReadings {
		const readings = readingsFrom(mesosRaw, marathonRaw, csv);
		const marathon = readings.marathon;
		if (marathon === undefined) {
			throw new Error('the fixture has no Marathon reading');
		}
		return {...readings, marathon: {...marathon, tasks: [...marathon.tasks, ghost]}, statuses: {...readings.statuses, marathon: marathonStatus}};
	}

	it('is not shown as running from Marathon\'s stale list once Mesos no longer lists it', () => {
		const stale = withGhost({kind: 'stale', lastOkAt: 'a', error: 'connection refused', retryAt: 'b'});
		const snapshot = buildSnapshot(stale, 't', false);
		expect(snapshot.tasks.map(task => task.id)).not.toContain(ghost.id);
		expect(snapshotBuilder()(stale, 't', false).tasks.map(task => task.id)).not.toContain(ghost.id);
	});

	it('is still shown while Marathon answers: Mesos may simply not list it yet', () => {
		const fresh = withGhost({kind: 'ok', at: 'a'});
		expect(buildSnapshot(fresh, 't', false).tasks.map(task => task.id)).toContain(ghost.id);
	});
});
