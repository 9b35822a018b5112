import {describe, expect, it} from 'vitest';
import {checkSample, formatResult, runConformance} from './sample-rules.js';

describe('checking one sample against its parser', () => {
	it('passes a sample that reads as its kind should', () => {
		const result = checkSample('marathon/v2-info.example.json', JSON.stringify({name: 'marathon', version: '1.5.0', elected: true, leader: 'm1:8080'}));
		expect(result).toMatchObject({outcome: 'pass', parser: 'marathon info', detail: 'marathon 1.5.0, leader m1:8080, elected=true'});
	});

	it('fails a sample that is not valid JSON with a clear message, not a crash', () => {
		const result = checkSample('mesos/master-state.broken.json', '{"slaves": [}');
		expect(result.outcome).toBe('fail');
		expect(result.detail).toMatch(/^not valid JSON: Unexpected token/);
	});

	it('accepts a known-broken upstream sample only when its parser rejects it', () => {
		expect(checkSample('mesos/v1-event-HEARTBEAT.docs.txt', '{"type": "HEARTBEAT",\n}')).toMatchObject({outcome: 'expected-invalid'});
		expect(checkSample('mesos/v1-event-HEARTBEAT.docs.txt', '{"type": "HEARTBEAT", "heartbeat": {}}')).toMatchObject({outcome: 'fail', detail: expect.stringContaining('expected to be rejected')});
	});

	it('takes a groups answer holding only pods (Marathon 1.4+) as valid', () => {
		const group = {id: '/', apps: [], groups: [{id: '/web', apps: [], groups: [], pods: [{id: '/web/frontend', scaling: {kind: 'fixed', instances: 2}, containers: [{name: 'nginx', resources: {cpus: 0.1, mem: 64}}]}]}], pods: [], version: '2026-03-01T10:00:00.000Z'};
		expect(checkSample('marathon/v2-groups.pods-only.json', JSON.stringify(group))).toMatchObject({outcome: 'pass', detail: '0 apps, 1 pods, 0 tasks (0 with health results)'});
	});

	it('takes a state-summary of a cluster with no agents as valid', () => {
		const summary = {hostname: 'm1', cluster: 'lab', slaves: [], frameworks: [{id: 'F1', name: 'marathon', active: true}]};
		expect(checkSample('mesos/master-state-summary.no-agents.json', JSON.stringify(summary))).toMatchObject({outcome: 'pass', detail: '0 agents, 1 frameworks'});
	});

	it('fails a file no parser claims, and skips the manifest', () => {
		expect(checkSample('mesos/notes.yaml', 'a: 1').outcome).toBe('fail');
		expect(checkSample('SOURCES.md', '# sources').outcome).toBe('skipped');
	});
});

const samples = process.env.MESOS_LAB_FIXTURES;

describe.skipIf(!samples)('the upstream samples (MESOS_LAB_FIXTURES)', () => {
	it('all read through their parsers, or are rejected where upstream published them broken', async () => {
		const results = await runConformance(samples ?? '');
		const failures = results.filter(result => result.outcome === 'fail').map(formatResult);
		expect(failures).toEqual([]);
		expect(results.filter(result => result.outcome === 'pass').length).toBeGreaterThan(50);
	});
});
