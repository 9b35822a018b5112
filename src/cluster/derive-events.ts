import {eventText, type ClusterEvent} from './cluster-event.js';
import type {ClusterSnapshot, SourceName, Task} from './snapshot.js';

const endedStates = new Set(['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_LOST', 'TASK_ERROR', 'TASK_DROPPED', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR', 'TASK_UNKNOWN', 'TASK_UNREACHABLE']);

/**
 * Events read off the difference between two snapshots: tasks that ended and their replacements,
 * HAProxy servers added, removed or changing state, leaders, agents and sources that changed.
 * Pure: the stream tells what Marathon did; this tells what the user sees change.
 */
export function deriveEvents(previous: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	return [...sourceEvents(previous, next), ...leaderEvents(previous, next), ...agentEvents(previous, next), ...taskEvents(previous, next), ...backendEvents(previous, next)];
}

function event(next: ClusterSnapshot, kind: ClusterEvent['kind'], type: string, words: Pick<ClusterEvent, 'text' | 'message'>, extra: Partial<ClusterEvent> = {}): ClusterEvent {
	return {at: next.takenAt, origin: 'derived', kind, type, ...words, ...extra};
}

function taskEvents(previous: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	const events: ClusterEvent[] = [];
	if (previous.sources.mesos.kind === 'ok' && next.sources.mesos.kind !== 'ok') {
		return events;
	}
	if (previous.tasks === next.tasks && previous.apps === next.apps) {
		return events;
	}
	// Tasks a source shows on its first reading were running before the dashboard looked: on a
	// large cluster that would be 100,000 "started" lines, and the work of writing each of them;
	// and a source read for the first time ends no task.
	if (firstReading(previous, next, 'mesos') || firstReading(previous, next, 'marathon') || loadingFirstState(previous) || loadingFirstState(next)) {
		return events;
	}
	const before = new Map(previous.tasks.map(task => [task.id, task]));
	const after = new Map(next.tasks.map(task => [task.id, task]));
	const instancesBefore = new Map(previous.apps.map(app => [app.id, app.instances]));
	const instancesAfter = new Map(next.apps.map(app => [app.id, app.instances]));
	const appsWithLoss = new Set<string>();
	let idsByApp: Map<string, Set<string>> | undefined;
	const taskIdsBefore = (): Map<string, Set<string>> => (idsByApp ??= taskIdsByApp(previous.tasks));
	for (const [id, task] of before) {
		if (!isLive(task)) {
			continue;
		}
		const now = after.get(id);
		if (now === undefined || endedStates.has(now.state)) {
			if (task.appId) {
				appsWithLoss.add(task.appId);
			}
			const app = task.appId ?? task.name;
			const words = now === undefined ? eventText('evTaskGone', {app, id, where: where(task)}) : eventText('evTaskEnded', {app, id, state: now.state, where: where(task)});
			events.push(event(next, 'task', 'task-ended', words, {taskId: id, host: task.host, ...(task.appId ? {appId: task.appId} : {})}));
		}
	}
	for (const [id, task] of after) {
		const was = before.get(id);
		if (task.state !== 'TASK_RUNNING' || was?.state === 'TASK_RUNNING') {
			continue;
		}
		const appId = task.appId;
		const grew = appId !== undefined && (instancesAfter.get(appId) ?? 0) > (instancesBefore.get(appId) ?? 0);
		const known = appId !== undefined && instancesBefore.has(appId);
		const replacement = known && !grew && (appsWithLoss.has(appId) || hadOtherTask(taskIdsBefore(), appId, id));
		const app = appId ?? task.name;
		const ports = task.ports.join(',');
		const message = replacement
			? (ports === '' ? eventText('evTaskReplaced', {app, place: task.host}) : eventText('evTaskReplacedPorts', {app, ports, host: task.host}))
			: (ports === '' ? eventText('evTaskStarted', {app, place: task.host}) : eventText('evTaskStartedPorts', {app, ports, host: task.host}));
		events.push(event(next, 'task', replacement ? 'task-replaced' : 'task-started', message, {taskId: id, host: task.host, ...(appId ? {appId} : {})}));
	}
	return events;
}

/** Whether this snapshot holds a source's first good reading: what it lists was there before it was looked at. */
function firstReading(previous: ClusterSnapshot, next: ClusterSnapshot, name: SourceName): boolean {
	const was = previous.sources[name];
	return next.sources[name].kind === 'ok' && was.kind !== 'ok' && (was.kind === 'unconfigured' || was.lastOkAt === null);
}

/** While the stream's first state loads, tasks appear as they are read, not as they start. */
function loadingFirstState(snapshot: ClusterSnapshot): boolean {
	return snapshot.feeds.mesos?.kind === 'loading';
}

function taskIdsByApp(tasks: readonly Task[]): Map<string, Set<string>> {
	const ids = new Map<string, Set<string>>();
	for (const task of tasks) {
		if (task.appId !== undefined) {
			let set = ids.get(task.appId);
			if (set === undefined) {
				set = new Set();
				ids.set(task.appId, set);
			}
			set.add(task.id);
		}
	}
	return ids;
}

/** Whether the app had a task other than `id` before. */
function hadOtherTask(idsByApp: Map<string, Set<string>>, appId: string, id: string): boolean {
	const ids = idsByApp.get(appId);
	return ids !== undefined && ids.size > (ids.has(id) ? 1 : 0);
}

function isLive(task: Task): boolean {
	return task.state === 'TASK_RUNNING' || task.state === 'TASK_STAGING' || task.state === 'TASK_STARTING';
}

function where(task: Task): string {
	return task.ports.length > 0 ? `${task.host}:${task.ports.join(',')}` : task.host || task.agentId;
}

function backendEvents(previous: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	if (previous.sources.haproxy.kind === 'ok' && next.sources.haproxy.kind !== 'ok') {
		return [];
	}
	// Servers on HAProxy's first reading were there before it was looked at.
	if (previous.backends === next.backends || firstReading(previous, next, 'haproxy')) {
		return [];
	}
	const key = (backend: {backend: string; server: string}): string => `${backend.backend}/${backend.server}`;
	const before = new Map(previous.backends.map(backend => [key(backend), backend]));
	const after = new Map(next.backends.map(backend => [key(backend), backend]));
	const events: ClusterEvent[] = [];
	for (const [name, backend] of before) {
		if (!after.has(name)) {
			events.push(event(next, 'backend', 'backend-removed', eventText('evBackendRemoved', {name}), backend.appId ? {appId: backend.appId} : {}));
		}
	}
	for (const [name, backend] of after) {
		const was = before.get(name);
		if (was === undefined) {
			events.push(event(next, 'backend', 'backend-added', eventText('evBackendAdded', {name, status: backend.status}), backend.appId ? {appId: backend.appId} : {}));
		} else if (statusWord(was.status) !== statusWord(backend.status)) {
			events.push(event(next, 'backend', 'backend-status', eventText('evBackendStatus', {name, status: backend.status, was: was.status}), backend.appId ? {appId: backend.appId} : {}));
		}
	}
	return events;
}

/** `UP 1/3` is still going up: report the settled word only. */
function statusWord(status: string): string {
	return status.split(' ')[0] ?? status;
}

/**
 * Leaders that changed. A leader on a source's first reading was leading before the dashboard
 * looked: sources land one by one, and the first to name a leader changes nothing.
 */
function leaderEvents(previous: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	const events: ClusterEvent[] = [];
	const changed = (before: string | null | undefined, after: string | null | undefined, source: SourceName): after is string =>
		after !== null && after !== undefined && before !== after && !((before === null || before === undefined) && firstReading(previous, next, source));
	if (changed(previous.leaders.mesos, next.leaders.mesos, 'mesos')) {
		events.push(event(next, 'leader', 'mesos-leader-changed', leaderNow('Mesos', next.leaders.mesos, previous.leaders.mesos)));
	}
	if (changed(previous.leaders.marathon, next.leaders.marathon, 'marathon')) {
		events.push(event(next, 'leader', 'marathon-leader-changed', leaderNow('Marathon', next.leaders.marathon, previous.leaders.marathon)));
	}
	const zkLeader = (snapshot: ClusterSnapshot): string | undefined => snapshot.zookeeper.find(member => member.mode === 'leader')?.endpoint;
	const zkBefore = zkLeader(previous);
	const zkAfter = zkLeader(next);
	if (changed(zkBefore, zkAfter, 'zookeeper')) {
		events.push(event(next, 'leader', 'zookeeper-leader-changed', leaderNow('ZooKeeper', zkAfter, zkBefore)));
	}
	return events;
}

function leaderNow(who: string, leader: string, was: string | null | undefined): Pick<ClusterEvent, 'text' | 'message'> {
	return was ? eventText('evLeaderNowWas', {who, leader, was}) : eventText('evLeaderNow', {who, leader});
}

function agentEvents(previous: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	if (next.sources.mesos.kind !== 'ok') {
		return [];
	}
	if (previous.agents === next.agents) {
		return [];
	}
	const before = new Map(previous.agents.map(agent => [agent.id, agent]));
	const after = new Map(next.agents.map(agent => [agent.id, agent]));
	const events: ClusterEvent[] = [];
	for (const [id, agent] of before) {
		const now = after.get(id);
		if (now === undefined) {
			events.push(event(next, 'agent', 'agent-removed', eventText('evAgentLeft', {host: agent.hostname}), {host: agent.hostname}));
		} else if (agent.active !== now.active) {
			events.push(event(next, 'agent', 'agent-active-changed', eventText(now.active ? 'evAgentActive' : 'evAgentInactive', {host: agent.hostname}), {host: agent.hostname}));
		}
	}
	if (previous.sources.mesos.kind === 'ok') {
		for (const [id, agent] of after) {
			if (!before.has(id)) {
				events.push(event(next, 'agent', 'agent-added', eventText('evAgentJoined', {host: agent.hostname}), {host: agent.hostname}));
			}
		}
	}
	return events;
}

const sourceLabels: Record<SourceName, string> = {mesos: 'Mesos', marathon: 'Marathon', haproxy: 'HAProxy', zookeeper: 'ZooKeeper'};

function sourceEvents(previous: ClusterSnapshot, next: ClusterSnapshot): ClusterEvent[] {
	const events: ClusterEvent[] = [];
	for (const name of Object.keys(sourceLabels) as SourceName[]) {
		const was = previous.sources[name];
		const now = next.sources[name];
		if (was.kind === 'ok' && now.kind === 'stale') {
			events.push(event(next, 'other', 'source-stale', eventText('evSourceUnreachable', {source: sourceLabels[name], error: now.error})));
		} else if (was.kind === 'stale' && was.lastOkAt !== null && now.kind === 'ok') {
			// A source read for the first time (a stream that just subscribed) was never away.
			events.push(event(next, 'other', 'source-back', eventText('evSourceBack', {source: sourceLabels[name]})));
		}
	}
	return events;
}
