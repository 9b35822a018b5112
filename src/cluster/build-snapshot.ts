import {marathonLbBackendName} from './haproxy-config.js';
import type {HaproxyReading} from './haproxy-client.js';
import type {MarathonTask} from './marathon-apps.js';
import type {MarathonReading} from './marathon-client.js';
import type {MesosReading} from './mesos-client.js';
import type {App, Backend, ClusterSnapshot, SourceError, SourceName, SourceStatus, Task, ZkMember} from './snapshot.js';

/** The last good reading of each source (undefined when never read) and each source's status. */
export interface SourceReadings {
	mesos?: MesosReading | undefined;
	marathon?: MarathonReading | undefined;
	haproxy?: HaproxyReading | undefined;
	zookeeper?: ZkMember[] | undefined;
	statuses: Record<SourceName, SourceStatus>;
	errors: SourceError[];
}

/**
 * Joins the sources into one snapshot: every Mesos task, enriched with Marathon's app id, health and
 * ports; Marathon tasks Mesos does not list yet (or when Mesos is down) are added, unless Marathon's
 * answer is stale and Mesos has a word on which tasks still exist; HAProxy servers
 * are tied to apps through marathon-lb's naming. Pure: the same readings give the same snapshot.
 */
export function buildSnapshot(readings: SourceReadings, takenAt: string, simulated: boolean): ClusterSnapshot {
	const {mesos, marathon, haproxy} = readings;
	return assemble(readings, takenAt, simulated, joinTasks(mesos?.tasks ?? [], marathon?.tasks ?? [], addsUnlisted(readings)), haproxy ? joinBackends(haproxy, marathon?.apps ?? []) : []);
}

/**
 * Builds snapshots like `buildSnapshot`, but reuses the joined tasks and backends of the previous
 * call while their inputs are the very same arrays, as they are when a source's answer has not
 * changed: an idle cluster then costs a few small objects per refresh, and a reader of the
 * snapshot can tell "unchanged" by identity.
 */
export function snapshotBuilder(): (readings: SourceReadings, takenAt: string, simulated: boolean) => ClusterSnapshot {
	let tasksFrom: {mesos: readonly Task[]; marathon: readonly MarathonTask[]; unlisted: boolean; tasks: Task[]} | undefined;
	let backendsFrom: {haproxy: HaproxyReading | undefined; apps: readonly App[]; appPorts: string; backends: Backend[]} | undefined;
	return (readings, takenAt, simulated) => {
		const mesosTasks = readings.mesos?.tasks ?? noTasks;
		const marathonTasks = readings.marathon?.tasks ?? noMarathonTasks;
		const unlisted = addsUnlisted(readings);
		if (tasksFrom?.mesos !== mesosTasks || tasksFrom.marathon !== marathonTasks || tasksFrom.unlisted !== unlisted) {
			tasksFrom = {mesos: mesosTasks, marathon: marathonTasks, unlisted, tasks: joinTasks(mesosTasks, marathonTasks, unlisted)};
		}
		const apps = readings.marathon?.apps ?? noApps;
		const haproxy = readings.haproxy;
		const sameHaproxy = backendsFrom !== undefined && backendsFrom.haproxy?.servers === haproxy?.servers && backendsFrom.haproxy?.servicePorts === haproxy?.servicePorts;
		if (!sameHaproxy || backendsFrom?.apps !== apps) {
			// Backends take only each app's id and service ports: an app whose tasks changed (a kill)
			// leaves them as they were, and readers of the snapshot see the same list.
			const appPorts = backendsFrom?.apps === apps ? backendsFrom.appPorts : appPortsOf(apps);
			backendsFrom = sameHaproxy && backendsFrom?.appPorts === appPorts
				? {...backendsFrom, apps}
				: {haproxy, apps, appPorts, backends: haproxy ? joinBackends(haproxy, apps) : []};
		}
		return assemble(readings, takenAt, simulated, tasksFrom.tasks, backendsFrom.backends);
	};
}

// A stale Marathon still lists tasks that have since died: shown beside a fresher Mesos they would
// read as running. Its last tasks then only enrich the Mesos tasks of the same id.
function addsUnlisted(readings: SourceReadings): boolean {
	return readings.statuses.marathon.kind !== 'stale' || readings.mesos === undefined;
}

/** What of the apps the backends depend on, as one comparable text. */
function appPortsOf(apps: readonly App[]): string {
	return apps.map(app => `${app.id} ${app.servicePorts.join(',')}`).join('\n');
}

const noTasks: readonly Task[] = [];
const noMarathonTasks: readonly MarathonTask[] = [];
const noApps: readonly App[] = [];

function assemble(readings: SourceReadings, takenAt: string, simulated: boolean, tasks: Task[], backends: Backend[]): ClusterSnapshot {
	const {mesos, marathon} = readings;
	return Object.freeze({
		takenAt,
		simulated,
		leaders: {
			mesos: mesos?.leader ?? null,
			mesosReported: mesos?.leaderReported ?? null,
			mesosMasters: mesos?.masters ?? [],
			marathon: marathon?.leader ?? null,
			marathonInstances: marathon?.instances ?? [],
		},
		zookeeper: readings.zookeeper ?? [],
		agents: mesos?.agents ?? [],
		apps: marathon?.apps ?? [],
		pods: marathon?.pods ?? [],
		tasks,
		backends,
		frameworks: mesos?.frameworks ?? [],
		sources: readings.statuses,
		feeds: {mesos: mesos?.feed ?? null, marathon: marathon?.feed ?? null},
		errors: readings.errors,
	});
}

/** Every Mesos task, enriched from Marathon's task of the same id, then (when `addUnlisted`) Marathon's tasks Mesos does not list. */
function joinTasks(mesosTasks: readonly Task[], marathonTasks: readonly MarathonTask[], addUnlisted: boolean): Task[] {
	const indexById = new Map<string, number>();
	let repeatedIds = false;
	for (let index = 0; index < marathonTasks.length; index++) {
		const size = indexById.size;
		indexById.set((marathonTasks[index] as MarathonTask).id, index);
		repeatedIds ||= indexById.size === size;
	}
	const matched = new Uint8Array(marathonTasks.length);
	const tasks: Task[] = [];
	for (const task of mesosTasks) {
		const index = indexById.size === 0 ? undefined : indexById.get(task.id);
		if (index === undefined) {
			tasks.push(task);
			continue;
		}
		matched[index] = 1;
		tasks.push(enrichedOnce(task, marathonTasks[index] as MarathonTask));
	}
	if (!addUnlisted) {
		return tasks;
	}
	marathonTasks.forEach((task, index) => {
		// With a repeated id only the last copy's flag was set, so ask by id.
		const isMatched = repeatedIds ? matched[indexById.get(task.id) ?? index] === 1 : matched[index] === 1;
		if (!isMatched) {
			tasks.push(fromMarathonOnly(task));
		}
	});
	return tasks;
}

// The joined task of each Mesos task, kept while both its halves are the very same objects: a
// stream changes a few tasks at a time, and the rest keep their identity (and every cache keyed on it).
const joined = new WeakMap<Task, {from: MarathonTask; task: Task}>();

function enrichedOnce(task: Task, fromMarathon: MarathonTask): Task {
	const hit = joined.get(task);
	if (hit?.from === fromMarathon) {
		return hit.task;
	}
	const result = enriched(task, fromMarathon);
	joined.set(task, {from: fromMarathon, task: result});
	return result;
}

/**
 * The Mesos task with Marathon's app id, ports, health and start time, in the Mesos task's field order.
 * Absent fields are undefined rather than missing, so that every task has one shape, built in one step.
 */
function enriched(task: Task, fromMarathon: MarathonTask): Task {
	return {
		id: task.id,
		name: task.name,
		state: task.state,
		agentId: task.agentId,
		host: task.host || fromMarathon.host,
		ports: fromMarathon.ports.length > 0 ? fromMarathon.ports : task.ports,
		health: fromMarathon.health === 'unknown' ? task.health : fromMarathon.health,
		startedAt: fromMarathon.startedAt ?? task.startedAt,
		frameworkId: task.frameworkId,
		sandbox: task.sandbox,
		appId: fromMarathon.appId,
	};
}

function fromMarathonOnly(task: MarathonTask): Task {
	return {
		id: task.id,
		appId: task.appId,
		name: task.appId.replace(/^\//, ''),
		state: task.state ?? (task.startedAt ? 'TASK_RUNNING' : 'TASK_STAGING'),
		agentId: task.agentId ?? '',
		host: task.host,
		ports: task.ports,
		health: task.health,
		startedAt: task.startedAt || undefined,
	};
}

function joinBackends(haproxy: HaproxyReading, apps: readonly App[]): Backend[] {
	const appsByBackend = new Map<string, {appId: string; servicePort: number}>();
	for (const app of apps) {
		for (const servicePort of app.servicePorts) {
			appsByBackend.set(marathonLbBackendName(app.id, servicePort), {appId: app.id, servicePort});
		}
	}
	const backends: Backend[] = new Array<Backend>(haproxy.servers.length);
	// HAProxy lists a backend's servers together: look each backend up once, not once per server.
	let lastName: string | undefined;
	let app: {appId: string; servicePort: number} | undefined;
	let servicePort: number | undefined;
	haproxy.servers.forEach((server, index) => {
		if (server.backend !== lastName) {
			lastName = server.backend;
			app = appsByBackend.get(server.backend);
			servicePort = haproxy.servicePorts.get(server.backend) ?? app?.servicePort ?? portSuffix(server.backend);
		}
		backends[index] = {
			backend: server.backend,
			server: server.server,
			status: server.status,
			sessions: server.sessions,
			servicePort,
			appId: app?.appId,
			address: server.address || undefined,
			checkStatus: server.checkStatus || undefined,
		};
	});
	return backends;
}

function portSuffix(backend: string): number | undefined {
	const match = /_(\d+)$/.exec(backend);
	return match ? Number(match[1]) : undefined;
}
