import type {Agent, App, Backend, ClusterSnapshot, Pod, Task, ZkMember} from '../../cluster/snapshot.js';
import type {Language} from '../../i18n/language.js';
import {t} from '../../i18n/messages.js';
import {formatAge, formatMegabytes, percent, trimNumber} from './format.js';

/** A table as panels show it: a header and rows of plain strings. */
export interface TableModel {
	header: string[];
	rows: string[][];
}

export function leadersTable(snapshot: ClusterSnapshot, language: Language): TableModel {
	const rows: string[][] = [];
	for (const master of snapshot.leaders.mesosMasters) {
		rows.push(['mesos', master.endpoint, roleWord(master.role, language), master.version ?? master.error ?? '']);
	}
	for (const marathon of snapshot.leaders.marathonInstances) {
		rows.push(['marathon', marathon.endpoint, roleWord(marathon.role, language), marathon.version ?? marathon.error ?? '']);
	}
	for (const member of snapshot.zookeeper) {
		rows.push(['zk', member.endpoint, zkModeWord(member.mode, language), zkDetail(member, language)]);
	}
	return {header: [t(language, 'dashColRole'), t(language, 'dashColEndpoint'), t(language, 'dashColState'), t(language, 'dashColDetail')], rows};
}

function roleWord(role: 'leader' | 'standby' | 'unreachable', language: Language): string {
	return t(language, role === 'leader' ? 'dashRoleLeader' : role === 'standby' ? 'dashRoleStandby' : 'dashUnreachable');
}

/** ZooKeeper's own `Mode:` values stay as `srvr` prints them; only mesos-lab's words for a member it could not read are translated. */
function zkModeWord(mode: ZkMember['mode'], language: Language): string {
	switch (mode) {
		case 'unreachable':
			return t(language, 'dashUnreachable');
		case 'refused':
			return t(language, 'dashZkRefused');
		case 'unknown':
			return t(language, 'dashUnknown');
		default:
			return mode;
	}
}

export function healthWord(health: Task['health'], language: Language): string {
	return t(language, health === 'healthy' ? 'dashHealthy' : health === 'unhealthy' ? 'dashUnhealthy' : 'dashUnknown');
}

function zkDetail(member: ZkMember, language: Language): string {
	if (member.error) {
		return member.error;
	}
	const parts: string[] = [];
	if (member.zxid) {
		parts.push(`zxid ${member.zxid}`);
	}
	if (member.latency) {
		parts.push(t(language, 'dashZkLatency', member.latency));
	}
	if (member.connections !== undefined) {
		parts.push(t(language, 'dashZkConnections', {count: member.connections}));
	}
	return parts.join(' ');
}

export function agentsHeader(language: Language): string[] {
	return [t(language, 'dashColHost'), 'CPU', t(language, 'dashColMem'), t(language, 'dashColDisk'), t(language, 'dashColState'), t(language, 'dashColAttributes')];
}

export function agentsTable(agents: readonly Agent[], language: Language): TableModel {
	return {header: agentsHeader(language), rows: agents.map(agent => agentRow(agent, language))};
}

export function agentRow(agent: Agent, language: Language): string[] {
	return [
		agent.hostname,
		`${trimNumber(agent.used.cpus)}/${trimNumber(agent.total.cpus)}`,
		`${formatMegabytes(agent.used.mem)}/${formatMegabytes(agent.total.mem)}`,
		`${formatMegabytes(agent.used.disk)}/${formatMegabytes(agent.total.disk)}`,
		t(language, agent.active ? 'dashAgentActive' : 'dashAgentInactive'),
		Object.entries(agent.attributes).map(([key, value]) => `${key}:${value}`).join(','),
	];
}

export function appsHeader(language: Language): string[] {
	return [
		t(language, 'dashColApp'), t(language, 'dashColRun'), t(language, 'dashColStaged'), t(language, 'dashColHealthy'),
		t(language, 'dashColUnhealthy'), t(language, 'dashColDeploy'), t(language, 'dashColLastFailure'),
	];
}

export function appsTable(apps: readonly App[], language: Language): TableModel {
	return {header: appsHeader(language), rows: apps.map(app => appRow(app, language))};
}

/** A pod's row in the apps table: the same columns, where a pod has them. */
export function podRow(pod: Pod): string[] {
	return [`${pod.id} (pod)`, `${pod.running}/${pod.instances}`, '-', '-', '-', pod.status ?? '', ''];
}

export function appRow(app: App, language: Language): string[] {
	return [
		app.id,
		`${app.running}/${app.instances}`,
		String(app.staged),
		app.hasHealthChecks ? String(app.healthy) : '-',
		app.hasHealthChecks ? String(app.unhealthy) : '-',
		app.deploymentInProgress ? t(language, 'dashDeploying') : '',
		app.lastTaskFailure ? `${app.lastTaskFailure.state} ${app.lastTaskFailure.message}`.trim() : '',
	];
}

export function hostPorts(task: Task): string {
	return task.ports.length === 0 ? task.host : `${task.host}:${task.ports.join(',')}`;
}

export function tasksHeader(language: Language): string[] {
	return [t(language, 'dashColApp'), t(language, 'dashColState'), t(language, 'dashColHostPorts'), t(language, 'dashColHealth'), t(language, 'dashColAge'), t(language, 'dashColTask')];
}

export function tasksTable(tasks: readonly Task[], now: number, language: Language): TableModel {
	return {header: tasksHeader(language), rows: tasks.map(task => taskRow(task, now, language))};
}

export function taskRow(task: Task, now: number, language: Language): string[] {
	return [
		task.appId ?? task.name,
		task.state.replace(/^TASK_/, ''),
		hostPorts(task),
		healthWord(task.health, language),
		formatAge(task.startedAt, now),
		task.id,
	];
}

/** A task's cells a filter matches against: its row without the age, which changes by itself. */
export function taskSearchText(task: Task): string[] {
	return [task.appId ?? task.name, task.state.replace(/^TASK_/, ''), hostPorts(task), task.health, task.id];
}

export function backendsHeader(language: Language): string[] {
	return [t(language, 'dashColPort'), t(language, 'dashColBackend'), t(language, 'dashColServer'), t(language, 'dashColStatus'), t(language, 'dashColSessions')];
}

export function backendsTable(backends: readonly Backend[], language: Language): TableModel {
	return {header: backendsHeader(language), rows: backends.map(backendRow)};
}

export function backendRow(backend: Backend): string[] {
	return [
		backend.servicePort === undefined ? '-' : String(backend.servicePort),
		backend.backend,
		backend.server,
		backend.status,
		String(backend.sessions),
	];
}

/** Resource use of an agent as percentages, for gauges. */
export function agentUsage(agent: Agent): {cpu: number; mem: number; disk: number} {
	return {
		cpu: percent(agent.used.cpus, agent.total.cpus),
		mem: percent(agent.used.mem, agent.total.mem),
		disk: percent(agent.used.disk, agent.total.disk),
	};
}

/** The whole cluster's allocation: what Mesos has handed out of what agents offer. */
export function clusterAllocation(agents: readonly Agent[]): {cpu: number; mem: number} {
	let usedCpus = 0;
	let totalCpus = 0;
	let usedMem = 0;
	let totalMem = 0;
	for (const agent of agents) {
		usedCpus += agent.used.cpus;
		totalCpus += agent.total.cpus;
		usedMem += agent.used.mem;
		totalMem += agent.total.mem;
	}
	return {cpu: percent(usedCpus, totalCpus), mem: percent(usedMem, totalMem)};
}
