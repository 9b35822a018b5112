import type {App, Backend, ClusterSnapshot, Task} from '../../cluster/snapshot.js';
import type {Language} from '../../i18n/language.js';
import {t} from '../../i18n/messages.js';
import {healthWord, hostPorts, type TableModel} from './tables.js';

/** One row of the joined view before it is turned into text. */
export type JoinedEntry =
	| {kind: 'task'; appId: string; task: Task; backends: Backend[]}
	| {kind: 'idle-app'; appId: string}
	| {kind: 'orphan-backend'; backend: Backend};

export function joinedHeader(language: Language): string[] {
	return [t(language, 'dashColApp'), t(language, 'dashColTask'), t(language, 'dashColHostPort'), t(language, 'dashColHealth'), t(language, 'dashColHaproxy')];
}

/**
 * One row of the joined view as a reference into the snapshot: a task, an orphan backend, or the
 * id of an app without tasks. Keeping references rather than row objects lets 20,000 tasks be
 * joined without 20,000 allocations; a row's entry is made when it is shown.
 */
export type JoinedSlot = Task | Backend | string;

export interface JoinedView {
	slots: readonly JoinedSlot[];
	entry(slot: JoinedSlot): JoinedEntry;
}

interface JoinedMemo {
	apps: readonly App[];
	backends: readonly Backend[];
	view: JoinedView;
}

// Keyed on the task list: the dashboard keeps unchanged lists across refreshes, so an idle
// cluster joins its tasks and backends once.
const memo = new WeakMap<readonly Task[], JoinedMemo>();

/**
 * The one view the three web UIs cannot give: each app's tasks with where they listen and what
 * HAProxy thinks of them. A task with no backend shows "-", a backend with no task is listed as
 * an orphan, because both mean the load balancer and Marathon disagree.
 */
export function joinedView(snapshot: ClusterSnapshot): JoinedView {
	const known = memo.get(snapshot.tasks);
	if (known && known.apps === snapshot.apps && known.backends === snapshot.backends) {
		return known.view;
	}
	const view = join(snapshot);
	memo.set(snapshot.tasks, {apps: snapshot.apps, backends: snapshot.backends, view});
	return view;
}

export function joinedEntries(snapshot: ClusterSnapshot): JoinedEntry[] {
	const view = joinedView(snapshot);
	return view.slots.map(slot => view.entry(slot));
}

function isTask(slot: Task | Backend): slot is Task {
	return 'agentId' in slot;
}

function join(snapshot: ClusterSnapshot): JoinedView {
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
	const {backends} = snapshot;
	const index = indexBackends(backends);
	const claimed = new Uint8Array(backends.length);
	const claim = (at: number) => {
		claimed[at] = 1;
	};
	const slots: JoinedSlot[] = [];
	const appIds = new Set(snapshot.apps.map(app => app.id));
	for (const appId of byApp.keys()) {
		appIds.add(appId);
	}
	for (const appId of appIds) {
		const tasks = byApp.get(appId);
		if (!tasks) {
			slots.push(appId);
			continue;
		}
		for (const task of tasks) {
			forEachBackendOf(task, index, claim);
			slots.push(task);
		}
	}
	backends.forEach((backend, at) => {
		if (claimed[at] === 0) {
			slots.push(backend);
		}
	});
	return {
		slots,
		entry(slot) {
			if (typeof slot === 'string') {
				return {kind: 'idle-app', appId: slot};
			}
			if (!isTask(slot)) {
				return {kind: 'orphan-backend', backend: slot};
			}
			const matched: Backend[] = [];
			forEachBackendOf(slot, index, at => {
				const backend = backends[at] as Backend;
				if (!matched.includes(backend)) {
					matched.push(backend);
				}
			});
			return {kind: 'task', appId: slot.appId ?? slot.name, task: slot, backends: matched};
		},
	};
}

interface BackendIndex {
	first: Map<string, Map<number, number>>;
	next: Int32Array;
}

/** Calls `found` with the position of every backend listening where the task does. */
function forEachBackendOf(task: Task, index: BackendIndex, found: (at: number) => void): void {
	const onHost = index.first.get(task.host);
	if (!onHost) {
		return;
	}
	for (const port of task.ports) {
		for (let at = onHost.get(port) ?? -1; at >= 0; at = index.next[at] ?? -1) {
			found(at);
		}
	}
}

export function joinedRow(entry: JoinedEntry, language: Language): string[] {
	switch (entry.kind) {
		case 'idle-app':
			return [entry.appId, '-', '-', '-', t(language, 'dashJoinedNoTasks')];
		case 'orphan-backend':
			return [entry.backend.appId ?? '?', t(language, 'dashJoinedNoTask'), entry.backend.address ?? entry.backend.server, '-', `${entry.backend.backend} ${entry.backend.status}`];
		case 'task':
			return [
				entry.appId,
				entry.task.state.replace(/^TASK_/, ''),
				hostPorts(entry.task),
				healthWord(entry.task.health, language),
				entry.backends.length === 0 ? '-' : entry.backends.map(backend => `${backend.backend} ${backend.status}`).join(', '),
			];
	}
}

export function joinedTable(snapshot: ClusterSnapshot, language: Language): TableModel {
	return {header: joinedHeader(language), rows: joinedEntries(snapshot).map(entry => joinedRow(entry, language))};
}

// An unchanged backend list keeps its index when only tasks changed, as after a kill.
const indexes = new WeakMap<readonly Backend[], BackendIndex>();

/**
 * Backends by host, then by port, as positions in the backend list: `first` gives one, `next`
 * chains the others at the same address. Tasks look hosts up with the very strings the snapshot
 * holds, whose hashes the engine keeps, and ports as numbers, so no key is built per task.
 */
function indexBackends(backends: readonly Backend[]): BackendIndex {
	let index = indexes.get(backends);
	if (!index) {
		index = buildIndex(backends);
		indexes.set(backends, index);
	}
	return index;
}

function buildIndex(backends: readonly Backend[]): BackendIndex {
	const first = new Map<string, Map<number, number>>();
	const next = new Int32Array(backends.length).fill(-1);
	const add = (host: string, port: number, at: number) => {
		let ports = first.get(host);
		if (!ports) {
			ports = new Map();
			first.set(host, ports);
		}
		const earlier = ports.get(port);
		if (earlier !== undefined) {
			next[at] = earlier;
		}
		ports.set(port, at);
	};
	backends.forEach((backend, at) => {
		const fromAddress = backend.address ? splitHostPort(backend.address, ':') : undefined;
		const fromName = serverAddress(backend.server);
		// One place per backend: the address HAProxy reports, else the one its name encodes.
		const place = fromAddress ?? fromName;
		if (place) {
			add(place.host, place.port, at);
		}
	});
	return {first, next};
}

// Server names outlive snapshots (a server stays while its task runs), so each is read once.
const serverAddresses = new Map<string, {host: string; port: number} | null>();
const serverAddressLimit = 200_000;

/** marathon-lb names servers `10_0_0_5_31001` after the task's host and port. */
function serverAddress(server: string): {host: string; port: number} | undefined {
	let known = serverAddresses.get(server);
	if (known === undefined) {
		const parts = splitHostPort(server, '_');
		known = parts ? {host: parts.host.replaceAll('_', '.'), port: parts.port} : null;
		if (serverAddresses.size >= serverAddressLimit) {
			serverAddresses.clear();
		}
		serverAddresses.set(server, known);
	}
	return known ?? undefined;
}

function splitHostPort(text: string, separator: string): {host: string; port: number} | undefined {
	const cut = text.lastIndexOf(separator);
	if (cut <= 0) {
		return undefined;
	}
	const port = text.slice(cut + 1);
	return /^\d+$/.test(port) ? {host: text.slice(0, cut), port: Number(port)} : undefined;
}
