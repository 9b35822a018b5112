import type {Agent, App, Backend, ClusterSnapshot, Pod, Task, ZkMember} from '../../cluster/snapshot.js';
import {formatAge, formatMegabytes, percent, trimNumber} from './format.js';

/** A table as panels show it: a header and rows of plain strings. */
export interface TableModel {
	header: string[];
	rows: string[][];
}

export function leadersTable(snapshot: ClusterSnapshot): TableModel {
	const rows: string[][] = [];
	for (const master of snapshot.leaders.mesosMasters) {
		rows.push(['mesos', master.endpoint, master.role, master.version ?? master.error ?? '']);
	}
	for (const marathon of snapshot.leaders.marathonInstances) {
		rows.push(['marathon', marathon.endpoint, marathon.role, marathon.version ?? marathon.error ?? '']);
	}
	for (const member of snapshot.zookeeper) {
		rows.push(['zk', member.endpoint, member.mode, zkDetail(member)]);
	}
	return {header: ['ROLE', 'ENDPOINT', 'STATE', 'DETAIL'], rows};
}

function zkDetail(member: ZkMember): string {
	if (member.error) {
		return member.error;
	}
	const parts: string[] = [];
	if (member.zxid) {
		parts.push(`zxid ${member.zxid}`);
	}
	if (member.latency) {
		parts.push(`lat ${member.latency.min}/${member.latency.avg}/${member.latency.max}`);
	}
	if (member.connections !== undefined) {
		parts.push(`conn ${member.connections}`);
	}
	return parts.join(' ');
}

export const agentsHeader = ['HOST', 'CPU', 'MEM', 'DISK', 'STATE', 'ATTRIBUTES'];

export function agentsTable(agents: readonly Agent[]): TableModel {
	return {header: agentsHeader, rows: agents.map(agentRow)};
}

export function agentRow(agent: Agent): string[] {
	return [
		agent.hostname,
		`${trimNumber(agent.used.cpus)}/${trimNumber(agent.total.cpus)}`,
		`${formatMegabytes(agent.used.mem)}/${formatMegabytes(agent.total.mem)}`,
		`${formatMegabytes(agent.used.disk)}/${formatMegabytes(agent.total.disk)}`,
		agent.active ? 'active' : 'inactive',
		Object.entries(agent.attributes).map(([key, value]) => `${key}:${value}`).join(','),
	];
}

export const appsHeader = ['APP', 'RUN', 'STAGED', 'HEALTHY', 'UNHEALTHY', 'DEPLOY', 'LAST FAILURE'];

export function appsTable(apps: readonly App[]): TableModel {
	return {header: appsHeader, rows: apps.map(appRow)};
}

/** A pod's row in the apps table: the same columns, where a pod has them. */
export function podRow(pod: Pod): string[] {
	return [`${pod.id} (pod)`, `${pod.running}/${pod.instances}`, '-', '-', '-', pod.status ?? '', ''];
}

export function appRow(app: App): string[] {
	return [
		app.id,
		`${app.running}/${app.instances}`,
		String(app.staged),
		app.hasHealthChecks ? String(app.healthy) : '-',
		app.hasHealthChecks ? String(app.unhealthy) : '-',
		app.deploymentInProgress ? 'deploying' : '',
		app.lastTaskFailure ? `${app.lastTaskFailure.state} ${app.lastTaskFailure.message}`.trim() : '',
	];
}

export function hostPorts(task: Task): string {
	return task.ports.length === 0 ? task.host : `${task.host}:${task.ports.join(',')}`;
}

export const tasksHeader = ['APP', 'STATE', 'HOST:PORTS', 'HEALTH', 'AGE', 'TASK'];

export function tasksTable(tasks: readonly Task[], now: number): TableModel {
	return {header: tasksHeader, rows: tasks.map(task => taskRow(task, now))};
}

export function taskRow(task: Task, now: number): string[] {
	return [
		task.appId ?? task.name,
		task.state.replace(/^TASK_/, ''),
		hostPorts(task),
		task.health,
		formatAge(task.startedAt, now),
		task.id,
	];
}

/** A task's cells a filter matches against: its row without the age, which changes by itself. */
export function taskSearchText(task: Task): string[] {
	return [task.appId ?? task.name, task.state.replace(/^TASK_/, ''), hostPorts(task), task.health, task.id];
}

export const backendsHeader = ['PORT', 'BACKEND', 'SERVER', 'STATUS', 'SESS'];

export function backendsTable(backends: readonly Backend[]): TableModel {
	return {header: backendsHeader, rows: backends.map(backendRow)};
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
