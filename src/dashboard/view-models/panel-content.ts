import type {ClusterSnapshot, SourceName} from '../../cluster/snapshot.js';
import type {PanelId, View} from '../ui-state.js';
import {joinedEntries, joinedHeader, joinedRow} from './joined.js';
import {agentRow, agentsHeader, appRow, appsHeader, backendRow, backendsHeader, leadersTable, taskRow, tasksHeader} from './tables.js';

/**
 * A table panel's content, made row by row on demand: a screen shows a few dozen rows of a
 * cluster that may hold tens of thousands, so only the visible ones are turned into text.
 */
export interface PanelTable {
	header: string[];
	source: SourceName;
	count: number;
	row(index: number): string[];
	/** The id Enter drills into (an app id or a task id; '' when none). */
	key(index: number): string;
}

function lazyTable<T>(header: string[], source: SourceName, items: readonly T[], row: (item: T) => string[], key: (item: T) => string, filter: string): PanelTable {
	let kept = items;
	if (filter !== '') {
		const needle = filter.toLowerCase();
		kept = items.filter(item => row(item).some(cell => cell.toLowerCase().includes(needle)));
	}
	return {
		header,
		source,
		count: kept.length,
		row: index => (kept[index] === undefined ? [] : row(kept[index] as T)),
		key: index => (kept[index] === undefined ? '' : key(kept[index] as T)),
	};
}

/** What a table panel shows in the current view, after the filter. */
export function panelTable(panel: PanelId, snapshot: ClusterSnapshot, view: View, filter: string, now: number): PanelTable | undefined {
	const inApp = view.kind === 'app' ? view.appId : undefined;
	switch (panel) {
		case 'leaders': {
			const table = leadersTable(snapshot);
			return lazyTable(table.header, 'mesos', table.rows, row => row, () => '', filter);
		}
		case 'agents':
			return lazyTable(agentsHeader, 'mesos', snapshot.agents, agentRow, agent => agent.id, filter);
		case 'apps': {
			const apps = inApp ? snapshot.apps.filter(app => app.id === inApp) : snapshot.apps;
			return lazyTable(appsHeader, 'marathon', apps, appRow, app => app.id, filter);
		}
		case 'tasks': {
			const tasks = inApp ? snapshot.tasks.filter(task => task.appId === inApp) : snapshot.tasks;
			return lazyTable(tasksHeader, 'mesos', tasks, task => taskRow(task, now), task => task.id, filter);
		}
		case 'backends': {
			const backends = inApp ? snapshot.backends.filter(backend => backend.appId === inApp) : snapshot.backends;
			return lazyTable(backendsHeader, 'haproxy', backends, backendRow, () => '', filter);
		}
		case 'joined': {
			const all = joinedEntries(snapshot);
			const entries = inApp ? all.filter(entry => (entry.kind === 'orphan-backend' ? entry.backend.appId : entry.appId) === inApp) : all;
			return lazyTable(joinedHeader, 'marathon', entries, joinedRow, entry => (entry.kind === 'task' ? entry.task.id : ''), filter);
		}
		case 'events':
		case 'allocation':
			return undefined;
	}
}
