import {describe, expect, it} from 'vitest';
import type {ClusterSnapshot, Task} from '../../src/cluster/snapshot.js';
import {panelTable} from '../../src/dashboard/view-models/panel-content.js';
import {fixedNow, smallCluster} from './snapshot-fixture.js';

function withTasks(names: string[]): ClusterSnapshot {
	const base = smallCluster();
	const template = base.tasks[0] as Task;
	return {...base, tasks: names.map((name, index) => ({...template, id: `${name}.${index}`, name, appId: `/${name}`}))};
}

/** The task ids a panel keeps when the filter is typed one key at a time, as a user types it. */
function typed(snapshot: ClusterSnapshot, panel: 'tasks' | 'joined', filter: string): string[][] {
	const kept: string[][] = [];
	for (let length = 1; length <= filter.length; length++) {
		const table = panelTable(panel, snapshot, {kind: 'overview'}, filter.slice(0, length), fixedNow);
		kept.push(Array.from({length: table?.count ?? 0}, (_, index) => table?.row(index).join(' ') ?? ''));
	}
	return kept;
}

/** The same filter, each step applied to a fresh copy of the lists, so nothing typed before can help. */
function fresh(snapshot: ClusterSnapshot, panel: 'tasks' | 'joined', filter: string): string[][] {
	const kept: string[][] = [];
	for (let length = 1; length <= filter.length; length++) {
		const copy = {...snapshot, tasks: [...snapshot.tasks], backends: [...snapshot.backends]};
		const table = panelTable(panel, copy, {kind: 'overview'}, filter.slice(0, length), fixedNow);
		kept.push(Array.from({length: table?.count ?? 0}, (_, index) => table?.row(index).join(' ') ?? ''));
	}
	return kept;
}

describe('a filter typed one key at a time', () => {
	const snapshot = withTasks(['nginx', 'web', 'nginx-canary', 'ngrok', 'ΟΔΟΣ', 'οδοσα']);

	it('keeps at every key what the same filter keeps on its own, in the tasks and joined panels', () => {
		for (const panel of ['tasks', 'joined'] as const) {
			for (const filter of ['nginx-c', 'NG', 'web', 'zzz']) {
				expect(typed(snapshot, panel, filter)).toEqual(fresh(snapshot, panel, filter));
			}
		}
	});

	it('is not fooled where lower case is not letter by letter (a Greek final sigma)', () => {
		// "ΟΔΟΣ" lower-cases to "οδος" (final ς) but "ΟΔΟΣΑ" to "οδοσα": the longer filter is no narrowing of the shorter.
		const steps = typed(snapshot, 'tasks', 'ΟΔΟΣΑ');
		expect(steps).toEqual(fresh(snapshot, 'tasks', 'ΟΔΟΣΑ'));
		expect(steps.at(-1)?.some(row => row.includes('οδοσα'))).toBe(true);
	});
});
