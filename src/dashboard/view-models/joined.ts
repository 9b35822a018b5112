import type {Backend, ClusterSnapshot, Task} from '../../cluster/snapshot.js';
import {hostPorts, type TableModel} from './tables.js';

/** One row of the joined view before it is turned into text. */
export type JoinedEntry =
	| {kind: 'task'; appId: string; task: Task; backends: Backend[]}
	| {kind: 'idle-app'; appId: string}
	| {kind: 'orphan-backend'; backend: Backend};

export const joinedHeader = ['APP', 'TASK', 'HOST:PORT', 'HEALTH', 'HAPROXY'];

/**
 * The one view the three web UIs cannot give: each app's tasks with where they listen and what
 * HAProxy thinks of them. A task with no backend shows "-", a backend with no task is listed as
 * an orphan, because both mean the load balancer and Marathon disagree.
 */
export function joinedEntries(snapshot: ClusterSnapshot): JoinedEntry[] {
	const byApp = new Map<string, Task[]>();
	for (const task of snapshot.tasks) {
		const key = task.appId ?? task.name;
		const list = byApp.get(key);
		if (list) {
			list.push(task);
		} else {
			byApp.set(key, [task]);
		}
	}
	const claimed = new Set<Backend>();
	const backendIndex = indexBackends(snapshot.backends);
	const entries: JoinedEntry[] = [];
	const appIds = new Set(snapshot.apps.map(app => app.id));
	for (const appId of byApp.keys()) {
		appIds.add(appId);
	}
	for (const appId of appIds) {
		const tasks = byApp.get(appId);
		if (!tasks) {
			entries.push({kind: 'idle-app', appId});
			continue;
		}
		for (const task of tasks) {
			const backends: Backend[] = [];
			for (const port of task.ports) {
				for (const backend of backendIndex.get(`${task.host}:${port}`) ?? []) {
					backends.push(backend);
					claimed.add(backend);
				}
			}
			entries.push({kind: 'task', appId, task, backends});
		}
	}
	for (const backend of snapshot.backends) {
		if (!claimed.has(backend)) {
			entries.push({kind: 'orphan-backend', backend});
		}
	}
	return entries;
}

export function joinedRow(entry: JoinedEntry): string[] {
	switch (entry.kind) {
		case 'idle-app':
			return [entry.appId, '-', '-', '-', 'no tasks'];
		case 'orphan-backend':
			return [entry.backend.appId ?? '?', 'no task', entry.backend.address ?? entry.backend.server, '-', `${entry.backend.backend} ${entry.backend.status}`];
		case 'task':
			return [
				entry.appId,
				entry.task.state.replace(/^TASK_/, ''),
				hostPorts(entry.task),
				entry.task.health,
				entry.backends.length === 0 ? '-' : entry.backends.map(backend => `${backend.backend} ${backend.status}`).join(', '),
			];
	}
}

export function joinedTable(snapshot: ClusterSnapshot): TableModel {
	return {header: joinedHeader, rows: joinedEntries(snapshot).map(joinedRow)};
}

/** Backends keyed by `host:port`, from the address or from marathon-lb's `host_port` server name. */
function indexBackends(backends: readonly Backend[]): Map<string, Backend[]> {
	const index = new Map<string, Backend[]>();
	for (const backend of backends) {
		for (const key of backendKeys(backend)) {
			const list = index.get(key);
			if (list) {
				list.push(backend);
			} else {
				index.set(key, [backend]);
			}
		}
	}
	return index;
}

function backendKeys(backend: Backend): string[] {
	const keys: string[] = [];
	if (backend.address) {
		keys.push(backend.address);
	}
	const cut = backend.server.lastIndexOf('_');
	if (cut > 0) {
		const host = backend.server.slice(0, cut);
		const port = backend.server.slice(cut + 1);
		if (/^\d+$/.test(port)) {
			const dotted = `${host.replaceAll('_', '.')}:${port}`;
			if (dotted !== backend.address) {
				keys.push(dotted);
			}
		}
	}
	return keys;
}
