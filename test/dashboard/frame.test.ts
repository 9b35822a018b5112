import {describe, expect, it} from 'vitest';
import {buildFrame, type FrameInput} from '../../src/dashboard/frame.js';
import {computeLayout} from '../../src/dashboard/layout.js';
import {initialUiState, reduce} from '../../src/dashboard/ui-state.js';
import {emptyHistory} from '../../src/dashboard/view-models/allocation-history.js';
import {formatClock} from '../../src/dashboard/view-models/format.js';
import {headerModel} from '../../src/dashboard/view-models/header.js';
import {reconcileSnapshot} from '../../src/dashboard/view-models/snapshot-change.js';
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

	it('brings the allocation chart forward at 80x24 when Tab reaches it', () => {
		const ui = {...initialUiState({readonly: false, demo: false}), focus: 'allocation' as const};
		const frame = buildFrame(input({width: 80, height: 24, ui}));
		expect(Object.keys(frame.layout.panels).sort()).toEqual(['allocation', 'events']);
		expect(frame.layout.panels.allocation?.height).toBeGreaterThanOrEqual(10);
		expect(frame.allocation).toMatchObject({cpu: 25, mem: 25, focused: true});
		expect(frame.panels.allocation?.title).toBe('▶ CPU / memory allocated');
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

	it('matches the filter against what a task is, not against its age', () => {
		const ui = {...initialUiState({readonly: false, demo: false}), focus: 'tasks' as const, filter: '5m'};
		expect(buildFrame(input({ui})).panels.tasks?.title).toContain('(0)');
	});

	it('filters each new snapshot afresh', () => {
		const ui = {...initialUiState({readonly: false, demo: false}), focus: 'tasks' as const, filter: 'web.'};
		const first = smallCluster();
		expect(buildFrame(input({ui, snapshot: first})).panels.tasks?.title).toContain('(2)');
		const fewer = smallCluster({tasks: first.tasks.slice(1)});
		expect(buildFrame(input({ui, snapshot: fewer})).panels.tasks?.title).toContain('(1)');
		expect(buildFrame(input({ui, snapshot: first})).panels.tasks?.title).toContain('(2)');
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
	it('ignores the refresh clocks and keeps the lists already on screen', () => {
		const first = smallCluster();
		const later = structuredClone(smallCluster({takenAt: '2026-03-01T12:00:02Z'}));
		const change = reconcileSnapshot(first, later);
		expect(change.changed).toBe(false);
		expect(change.snapshot.tasks).toBe(first.tasks);
		expect(change.snapshot.takenAt).toBe('2026-03-01T12:00:02Z');
	});

	it('redraws when data arrives, so "refreshed" moves, and still keeps the lists already on screen', () => {
		const first = smallCluster();
		const later = structuredClone(smallCluster({takenAt: '2026-03-01T12:00:02Z', sources: {...first.sources, mesos: {kind: 'ok', at: '2026-03-01T12:00:02Z'}}}));
		const change = reconcileSnapshot(first, later);
		expect(change.changed).toBe(true);
		expect(change.snapshot.tasks).toBe(first.tasks);
		expect(headerModel(change.snapshot, 'lab', 'en').refreshedAt).toBe(formatClock('2026-03-01T12:00:02Z'));
	});

	it('sees a changed task and keeps the lists that did not change', () => {
		const first = smallCluster();
		const moved = structuredClone(smallCluster({tasks: [{...first.tasks[0]!, ports: [31009]}, first.tasks[1]!]}));
		const change = reconcileSnapshot(first, moved);
		expect(change.changed).toBe(true);
		expect(change.snapshot.tasks).toBe(moved.tasks);
		expect(change.snapshot.backends).toBe(first.backends);
	});

	it('takes a list seen equal before as unchanged, and still sees the next real change', () => {
		const first = smallCluster();
		const copy = structuredClone(first);
		const changed = smallCluster({tasks: first.tasks.slice(1)});
		const afterCopy = reconcileSnapshot(first, copy);
		expect(afterCopy.snapshot.tasks).toBe(first.tasks);
		const again = reconcileSnapshot(afterCopy.snapshot, {...copy, takenAt: '2026-03-01T12:00:04Z'});
		expect(again.changed).toBe(false);
		expect(again.snapshot.tasks).toBe(first.tasks);
		const afterChange = reconcileSnapshot(again.snapshot, changed);
		expect(afterChange.changed).toBe(true);
		const back = reconcileSnapshot(afterChange.snapshot, copy);
		expect(back.changed).toBe(true);
		expect(back.snapshot.tasks).toBe(copy.tasks);
	});

	it('sees a source going stale', () => {
		const first = smallCluster();
		const stale = smallCluster({sources: {...first.sources, marathon: {kind: 'stale', lastOkAt: first.takenAt, error: 'connection refused', retryAt: first.takenAt}}});
		expect(reconcileSnapshot(first, stale).changed).toBe(true);
	});
});

describe('pods beside apps', () => {
	it('lists a pod in the apps panel with its running instances, and its tasks under it', () => {
		const base = smallCluster();
		const snapshot = smallCluster({
			pods: [{id: '/web/frontend', instances: 2, running: 1, status: 'DEGRADED'}],
			tasks: [...base.tasks, {...base.tasks[0]!, id: 'web_frontend.instance-1.nginx', appId: '/web/frontend', name: 'nginx'}],
		});
		const frame = buildFrame({snapshot, ui: initialUiState({readonly: false, demo: false}), history: emptyHistory, log: [], clusterName: 'lab', width: 200, height: 60, color: false, now: fixedNow});
		const apps = frame.panels.apps?.lines.join('\n') ?? '';
		expect(apps).toMatch(/\/web\/frontend \(pod\)\s+1\/2\s+-\s+-\s+-\s+DEGRADED/);
		expect(frame.panels.tasks?.lines.join('\n')).toContain('web_frontend.instance-1.nginx');
	});
});

describe('cluster text on the live screen', () => {
	it('carries no colour, conceal, title, clipboard or clear sequence from app ids and host names', () => {
		const hostile = '\u001B[31m\u001B[8mx\u001B]0;title\u0007\u001B]52;c;cGF5bG9hZA==\u0007\u001B[2J\u009B2J';
		const base = smallCluster();
		const snapshot = smallCluster({
			apps: base.apps.map(app => ({...app, id: `${app.id}${hostile}`})),
			tasks: base.tasks.map(task => ({...task, host: `${task.host}${hostile}`})),
			agents: base.agents.map(agent => ({...agent, hostname: `${agent.hostname}${hostile}`})),
		});
		const frame = buildFrame(input({snapshot, color: true}));
		const text = [...frame.header, ...Object.values(frame.panels).flatMap(panel => panel.lines), frame.status].join('\n');
		expect(text).toContain('x');
		expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
		expect(text).not.toContain('cGF5bG9hZA==');
	});
});
