import {marathonLbBackendName} from './haproxy-config.js';
import type {HaproxyReading} from './haproxy-client.js';
import type {MarathonReading} from './marathon-client.js';
import type {MesosReading} from './mesos-client.js';
import type {Backend, ClusterSnapshot, SourceError, SourceName, SourceStatus, Task, ZkMember} from './snapshot.js';

/** The last good reading of each source (undefined when never read) and each source's status. */
export interface SourceReadings {
	mesos?: MesosReading;
	marathon?: MarathonReading;
	haproxy?: HaproxyReading;
	zookeeper?: ZkMember[];
	statuses: Record<SourceName, SourceStatus>;
	errors: SourceError[];
}

/**
 * Joins the sources into one snapshot: every Mesos task, enriched with Marathon's app id, health and
 * ports; Marathon tasks Mesos does not list yet (or when Mesos is down) are added; HAProxy servers
 * are tied to apps through marathon-lb's naming. Pure: the same readings give the same snapshot.
 */
export function buildSnapshot(readings: SourceReadings, takenAt: string, simulated: boolean): ClusterSnapshot {
	const {mesos, marathon, haproxy} = readings;
	const marathonTasks = new Map((marathon?.tasks ?? []).map(task => [task.id, task]));
	const tasks: Task[] = [];
	const seen = new Set<string>();
	for (const task of mesos?.tasks ?? []) {
		const fromMarathon = marathonTasks.get(task.id);
		seen.add(task.id);
		if (fromMarathon === undefined) {
			tasks.push(task);
			continue;
		}
		tasks.push({
			...task,
			appId: fromMarathon.appId,
			host: task.host || fromMarathon.host,
			ports: fromMarathon.ports.length > 0 ? fromMarathon.ports : task.ports,
			health: fromMarathon.health === 'unknown' ? task.health : fromMarathon.health,
			startedAt: fromMarathon.startedAt ?? task.startedAt,
		});
	}
	for (const task of marathon?.tasks ?? []) {
		if (!seen.has(task.id)) {
			tasks.push({
				id: task.id,
				appId: task.appId,
				name: task.appId.replace(/^\//, ''),
				state: task.state ?? (task.startedAt ? 'TASK_RUNNING' : 'TASK_STAGING'),
				agentId: task.agentId ?? '',
				host: task.host,
				ports: task.ports,
				health: task.health,
				...(task.startedAt ? {startedAt: task.startedAt} : {}),
			});
		}
	}
	return Object.freeze({
		takenAt,
		simulated,
		leaders: {
			mesos: mesos?.leader ?? null,
			mesosMasters: mesos?.masters ?? [],
			marathon: marathon?.leader ?? null,
			marathonInstances: marathon?.instances ?? [],
		},
		zookeeper: readings.zookeeper ?? [],
		agents: mesos?.agents ?? [],
		apps: marathon?.apps ?? [],
		tasks,
		backends: haproxy ? joinBackends(haproxy, marathon) : [],
		frameworks: mesos?.frameworks ?? [],
		sources: readings.statuses,
		errors: readings.errors,
	});
}

function joinBackends(haproxy: HaproxyReading, marathon: MarathonReading | undefined): Backend[] {
	const appsByBackend = new Map<string, {appId: string; servicePort: number}>();
	for (const app of marathon?.apps ?? []) {
		for (const servicePort of app.servicePorts) {
			appsByBackend.set(marathonLbBackendName(app.id, servicePort), {appId: app.id, servicePort});
		}
	}
	return haproxy.servers.map(server => {
		const app = appsByBackend.get(server.backend);
		const servicePort = haproxy.servicePorts.get(server.backend) ?? app?.servicePort ?? portSuffix(server.backend);
		return {
			backend: server.backend,
			server: server.server,
			status: server.status,
			sessions: server.sessions,
			...(servicePort !== undefined ? {servicePort} : {}),
			...(app ? {appId: app.appId} : {}),
			...(server.address ? {address: server.address} : {}),
			...(server.checkStatus ? {checkStatus: server.checkStatus} : {}),
		};
	});
}

function portSuffix(backend: string): number | undefined {
	const match = /_(\d+)$/.exec(backend);
	return match ? Number(match[1]) : undefined;
}
