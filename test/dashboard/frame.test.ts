import {describe, expect, it} from 'vitest';
import {buildFrame, type FrameInput} from '../../src/dashboard/frame.js';
import {computeLayout} from '../../src/dashboard/layout.js';
import {initialUiState, reduce} from '../../src/dashboard/ui-state.js';
import {emptyHistory} from '../../src/dashboard/view-models/allocation-history.js';
import {snapshotFingerprint} from '../../src/dashboard/view-models/fingerprint.js';
import {fixedNow, smallCluster} from './snapshot-fixture.js';

function input(overrides: Partial<FrameInput> = {}): FrameInput {
	return {snapshot: smallCluster(), ui: initialUiState({readonly: false, demo: false}), history: emptyHistory, log: [], clusterName: 'lab', width: 200, height: 60, color: false, now: fixedNow, ...overrides};
}

describe('the screen at different sizes', () => {
	it('shows every panel at 200x60, inside the screen', () => {
		const layout = computeLayout(200, 60, {kind: 'overview'}, 'apps');
		expect(Object.keys(layout.panels).sort()).toEqual(['agents', 'allocation', 'apps', 'backends', 'events', 'joined', 'leaders', 'tasks']);
		for (const rect of Object.values(layout.panels)) {
			expect(rect.left + rect.width).toBeLessThanOrEqual(200);
			expect(rect.top + rect.height).toBeLessThanOrEqual(59);
		}
	});

	it('collapses to the focused panel and the event log at 80x24', () => {
		expect(Object.keys(computeLayout(80, 24, {kind: 'overview'}, 'backends').panels).sort()).toEqual(['backends', 'events']);
	});

	it('keeps every line within the panel width at 80x24', () => {
		const frame = buildFrame(input({width: 80, height: 24}));
		const plain = (line: string) => line.replace(/\{\/?[a-z-]+\}/g, '');
		expect(frame.panels.apps?.lines.every(line => plain(line).length <= 78)).toBe(true);
	});
});

describe('what the frame says', () => {
	it('puts SIMULATED in the header of a simulated cluster only', () => {
		expect(buildFrame(input({snapshot: smallCluster({simulated: true})})).header[0]).toContain('SIMULATED');
		expect(buildFrame(input()).header[0]).not.toContain('SIMULATED');
	});

	it('marks Marathon’s panels stale with the error while Mesos panels stay fresh', () => {
		const snapshot = smallCluster({sources: {...smallCluster().sources, marathon: {kind: 'stale', lastOkAt: '2026-03-01T11:59:50Z', error: 'connect ECONNREFUSED', retryAt: '2026-03-01T12:00:04Z'}}});
		const frame = buildFrame(input({snapshot}));
		expect(frame.header[2]).toContain('marathon STALE (last ok 11:59:50): connect ECONNREFUSED');
		expect(frame.panels.apps?.lines[0]).toBe('STALE: connect ECONNREFUSED');
		expect(frame.panels.agents?.lines[0]).not.toContain('STALE');
	});

	it('selects the focused row and reports it for actions', () => {
		const frame = buildFrame(input());
		expect(frame.selection).toEqual({appId: '/web'});
		expect(frame.panels.apps?.lines[1]).toMatch(/^\{inverse\}\/web/);
		const onTasks = buildFrame(input({ui: {...initialUiState({readonly: false, demo: false}), focus: 'tasks', selected: {tasks: 1}}}));
		expect(onTasks.selection).toEqual({taskId: 'web.b', appId: '/web'});
	});

	it('narrows tables to rows matching the filter', () => {
		const ui = {...initialUiState({readonly: false, demo: false}), filter: '31002'};
		const frame = buildFrame(input({ui}));
		expect(frame.panels.tasks?.lines.slice(1).join('\n')).toContain('web.b');
		expect(frame.panels.tasks?.lines.slice(1).join('\n')).not.toContain('web.a');
	});

	it('shows a task’s detail with the tail of its stdout and stderr', () => {
		const ui = reduce({...initialUiState({readonly: false, demo: false}), focus: 'tasks'}, {type: 'drill', target: {taskId: 'web.a'}});
		const output = {taskId: 'web.a', stdout: 'line1\nline2\nserving on 31001\n', stderr: 'warning: slow\n'};
		const frame = buildFrame(input({ui, output}));
		expect(frame.detail?.lines).toEqual(expect.arrayContaining(['state    TASK_RUNNING    health healthy    age 5m', 'serving on 31001', 'warning: slow']));
		expect(frame.panels).toEqual({});
	});

	it('escapes braces so data never turns into screen markup', () => {
		const snapshot = smallCluster();
		snapshot.apps[0] = {...snapshot.apps[0]!, id: '/{bold}x'};
		expect(buildFrame(input({snapshot})).panels.apps?.lines.join('')).toContain('{open}bold{close}x');
	});

	it('shows help listing the simulation key in the demo', () => {
		const ui = reduce(initialUiState({readonly: false, demo: true}), {type: 'toggle-help'});
		expect(buildFrame(input({ui, controlUrl: 'http://127.0.0.1:25001/control'})).help?.join('\n')).toContain('k             kill the selected task through the simulation');
	});
});

describe('skipping renders on an idle cluster', () => {
	it('ignores the refresh clocks but sees a changed task', () => {
		const first = smallCluster();
		const later = smallCluster({takenAt: '2026-03-01T12:00:02Z', sources: {...first.sources, mesos: {kind: 'ok', at: '2026-03-01T12:00:02Z'}}});
		expect(snapshotFingerprint(later)).toBe(snapshotFingerprint(first));
		const moved = smallCluster({tasks: first.tasks.slice(1)});
		expect(snapshotFingerprint(moved)).not.toBe(snapshotFingerprint(first));
	});
});
