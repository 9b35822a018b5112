import type {Backend, ClusterSnapshot, SourceName, Task} from '../../cluster/snapshot.js';
import {lastArrival} from './header.js';

/**
 * Structural equality of plain JSON-like values. It walks both values once and allocates
 * nothing, so comparing two 20,000-task snapshots costs far less than serialising either.
 */
export function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) {
		return true;
	}
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
		return false;
	}
	if (Array.isArray(a) || Array.isArray(b)) {
		if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
			return false;
		}
		for (let index = 0; index < a.length; index++) {
			if (!sameValue(a[index], b[index])) {
				return false;
			}
		}
		return true;
	}
	const left = a as Record<string, unknown>;
	const right = b as Record<string, unknown>;
	let leftKeys = 0;
	for (const key in left) {
		leftKeys++;
		if (!sameValue(left[key], right[key])) {
			return false;
		}
	}
	let rightKeys = 0;
	for (const key in right) {
		if (Object.hasOwn(right, key)) {
			rightKeys++;
		}
	}
	return leftKeys === rightKeys;
}

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
	if (a.length !== b.length) {
		return false;
	}
	for (let index = 0; index < a.length; index++) {
		if (a[index] !== b[index]) {
			return false;
		}
	}
	return true;
}

// Tasks and backends come by the ten thousand, so they are compared field by field; the Record
// type makes the compiler name any field added to Task or Backend and not compared here.
const taskFields: Record<keyof Task, (a: Task, b: Task) => boolean> = {
	id: (a, b) => a.id === b.id,
	appId: (a, b) => a.appId === b.appId,
	name: (a, b) => a.name === b.name,
	state: (a, b) => a.state === b.state,
	agentId: (a, b) => a.agentId === b.agentId,
	host: (a, b) => a.host === b.host,
	ports: (a, b) => sameNumbers(a.ports, b.ports),
	health: (a, b) => a.health === b.health,
	startedAt: (a, b) => a.startedAt === b.startedAt,
	frameworkId: (a, b) => a.frameworkId === b.frameworkId,
	sandbox: (a, b) => a.sandbox?.agentEndpoint === b.sandbox?.agentEndpoint && a.sandbox?.directory === b.sandbox?.directory,
};

const backendFields: Record<keyof Backend, (a: Backend, b: Backend) => boolean> = {
	backend: (a, b) => a.backend === b.backend,
	server: (a, b) => a.server === b.server,
	status: (a, b) => a.status === b.status,
	servicePort: (a, b) => a.servicePort === b.servicePort,
	appId: (a, b) => a.appId === b.appId,
	address: (a, b) => a.address === b.address,
	sessions: (a, b) => a.sessions === b.sessions,
	checkStatus: (a, b) => a.checkStatus === b.checkStatus,
};

function sameListBy<T>(a: readonly T[], b: readonly T[], fields: Record<string, (x: T, y: T) => boolean>): boolean {
	if (a.length !== b.length) {
		return false;
	}
	const checks = Object.values(fields);
	for (let index = 0; index < a.length; index++) {
		const left = a[index] as T;
		const right = b[index] as T;
		if (left === right) {
			continue;
		}
		for (const check of checks) {
			if (!check(left, right)) {
				return false;
			}
		}
	}
	return true;
}

// A delivered list found equal to the one on screen, mapped to that one. The poller delivers the
// same list again while its source is unchanged, so the next refresh is settled by identity.
const equalTo = new WeakMap<object, object>();

/** The list on screen when `next` holds the same content, else `next`. */
function keptList<T extends object>(onScreen: T, next: T, same: (a: T, b: T) => boolean): T {
	if (onScreen === next || equalTo.get(next) === onScreen) {
		return onScreen;
	}
	if (same(onScreen, next)) {
		equalTo.set(next, onScreen);
		return onScreen;
	}
	return next;
}

const sourceNames: SourceName[] = ['mesos', 'marathon', 'haproxy', 'zookeeper'];

/** Source health as the screen shows it: the kind, the error and when data last arrived, not the clocks that tick every refresh. */
function sameSources(previous: ClusterSnapshot, next: ClusterSnapshot): boolean {
	if (lastArrival(previous) !== lastArrival(next) || !sameValue(previous.feeds, next.feeds)) {
		return false;
	}
	for (const name of sourceNames) {
		const before = previous.sources[name];
		const after = next.sources[name];
		if (before.kind !== after.kind || (before.kind === 'stale' && after.kind === 'stale' && before.error !== after.error)) {
			return false;
		}
	}
	if (previous.errors.length !== next.errors.length) {
		return false;
	}
	return previous.errors.every((error, index) => {
		const other = next.errors[index];
		return other !== undefined && other.source === error.source && other.endpoint === error.endpoint && other.message === error.message;
	});
}

export interface SnapshotChange {
	/** The new snapshot, with every unchanged list replaced by the previous one, so caches keyed on lists keep their entries. */
	snapshot: ClusterSnapshot;
	/** Whether anything the screen shows differs, ignoring refresh clocks. */
	changed: boolean;
}

/**
 * Compares a fresh snapshot with the one on screen, list by list. An idle cluster yields
 * `changed: false` and the dashboard skips the render; a change in one list (a task replaced)
 * keeps the other lists, and everything derived from them, as they were.
 */
export function reconcileSnapshot(previous: ClusterSnapshot | undefined, next: ClusterSnapshot): SnapshotChange {
	if (previous === undefined) {
		return {snapshot: next, changed: true};
	}
	const agents = keptList(previous.agents, next.agents, sameValue);
	const apps = keptList(previous.apps, next.apps, sameValue);
	const tasks = keptList(previous.tasks, next.tasks, (a, b) => sameListBy(a, b, taskFields));
	const backends = keptList(previous.backends, next.backends, (a, b) => sameListBy(a, b, backendFields));
	const changed = agents !== previous.agents
		|| apps !== previous.apps
		|| tasks !== previous.tasks
		|| backends !== previous.backends
		|| previous.simulated !== next.simulated
		|| !sameValue(previous.pods, next.pods)
		|| !sameValue(previous.leaders, next.leaders)
		|| !sameValue(previous.zookeeper, next.zookeeper)
		|| !sameSources(previous, next);
	return {snapshot: {...next, agents, apps, tasks, backends}, changed};
}
