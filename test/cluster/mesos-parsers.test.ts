import {describe, expect, it} from 'vitest';
import {normaliseMesosMetrics, normaliseMesosState, normaliseMesosStateSummary, parsePortRanges} from '../../src/cluster/mesos-state.js';
import {fixtureJson} from './helpers/fixtures.js';

describe('reading a Mesos 1.x master state', () => {
	const parts = normaliseMesosState(fixtureJson('mesos-state.1x-slaves.json'));

	it('names the leader from leader_info', () => {
		expect(parts.leader).toBe('m1.lab:5050');
		expect(parts.version).toBe('1.4.3');
	});

	it('lists agents with attributes as strings and resources used of total', () => {
		expect(parts.agents).toHaveLength(2);
		const [first, second] = parts.agents;
		expect(first).toMatchObject({id: 'agent-s0', hostname: 'a1.lab', port: 5051, active: true, attributes: {dc: 'bj', rack: 'r1', weight: '3'}});
		expect(first?.total).toEqual({cpus: 4, mem: 7820, disk: 45000, ports: '[31000-32000]'});
		expect(first?.used.cpus).toBe(0.2);
		expect(first?.registeredAt).toBe(new Date(1731400010250).toISOString());
		expect(second?.active).toBe(false);
	});

	it('lists live tasks with host, ports from the range string, start time and Mesos health', () => {
		expect(parts.tasks.map(task => task.id)).toEqual(['web.9f6c1a2e-0001', 'web.9f6c1a2e-0002', 'batch.7a7a-0001']);
		const [web1, web2, batch] = parts.tasks;
		expect(web1).toMatchObject({host: 'a1.lab', ports: [31001], state: 'TASK_RUNNING', frameworkId: 'fw-marathon', health: 'unknown'});
		expect(web1?.startedAt).toBe(new Date(1731400101500).toISOString());
		expect(web1?.sandbox).toEqual({agentEndpoint: '10.1.0.21:5051', directory: expect.stringContaining('/executors/web.9f6c1a2e-0001/')});
		expect(web2?.health).toBe('unhealthy');
		expect(batch).toMatchObject({state: 'TASK_STAGING', host: 'a2.lab', ports: []});
	});

	it('keeps multi-role frameworks and ignores fields it does not know', () => {
		expect(parts.frameworks.map(framework => framework.name)).toEqual(['marathon', 'Multi Role Framework']);
		expect(parts.frameworks[0]?.webuiUrl).toBe('http://m1.lab:8080');
	});
});

describe('reading a state that says agents and agent_id, with fields missing', () => {
	const parts = normaliseMesosState(fixtureJson('mesos-state.agent-naming.json'));

	it('takes the leader from the pid when leader_info is absent', () => {
		expect(parts.leader).toBe('10.2.0.1:5050');
	});

	it('defaults what is missing', () => {
		expect(parts.agents[0]).toMatchObject({id: 'ag-1', port: 5051, active: true, attributes: {}, total: {cpus: 2, mem: 1024, disk: 0}, used: {cpus: 0, mem: 0, disk: 0}});
		expect(parts.tasks[0]).toMatchObject({id: 't-1', agentId: 'ag-1', host: 'node-1', ports: [31000, 31001, 31002]});
	});

	it('turns anything that is not an object into an empty picture instead of throwing', () => {
		expect(normaliseMesosState(null)).toEqual({leader: null, agents: [], tasks: [], frameworks: []});
		expect(normaliseMesosState([1, 2])).toEqual({leader: null, agents: [], tasks: [], frameworks: []});
	});
});

describe('reading Mesos metrics and summaries', () => {
	it('knows the elected master by master/elected', () => {
		expect(normaliseMesosMetrics(fixtureJson('mesos-metrics.leader.json')).elected).toBe(true);
		expect(normaliseMesosMetrics(fixtureJson('mesos-metrics.standby.json')).elected).toBe(false);
	});

	it('reads agents from a state summary with its per-state counters ignored', () => {
		const summary = normaliseMesosStateSummary({slaves: [{id: 's', hostname: 'h', TASK_RUNNING: 3, resources: {cpus: 1}}], frameworks: [{id: 'f', name: 'marathon', TASK_RUNNING: 3}]});
		expect(summary.agents[0]).toMatchObject({id: 's', hostname: 'h', total: {cpus: 1}});
		expect(summary.frameworks[0]?.name).toBe('marathon');
	});

	it('expands several port ranges', () => {
		expect(parsePortRanges('[31000-31001, 31005-31005]')).toEqual([31000, 31001, 31005]);
		expect(parsePortRanges('')).toEqual([]);
	});
});

describe('reading Mesos port ranges by hand', () => {
	it('reads ranges the way the range pattern does, skipping what is not a range', () => {
		expect(parsePortRanges('[31000-31002, 31005 - 31005]')).toEqual([31000, 31001, 31002, 31005]);
		expect(parsePortRanges('12 3-4')).toEqual([3, 4]);
		expect(parsePortRanges('1-2-3')).toEqual([1, 2]);
		expect(parsePortRanges('[31000-]')).toEqual([]);
		expect(parsePortRanges('31000-40000')).toHaveLength(1000);
	});
});
