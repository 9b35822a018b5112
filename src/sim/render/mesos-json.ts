import {dockerImageOf, labelsOf, portMappingsOf} from '../model/app-definition.js';
import type {ClusterModel} from '../model/cluster-model.js';
import type {JsonObject, SimAgent, SimMaster, SimTask} from '../model/types.js';

const mesosVersion = '1.4.3';

/** Mesos writes port sets as range strings: "[31000-31002, 31005-31005]". */
export function portRangesText(ports: readonly number[]): string {
	const sorted = [...ports].sort((a, b) => a - b);
	const ranges: string[] = [];
	let start: number | undefined;
	let prev: number | undefined;
	for (const port of sorted) {
		if (start === undefined || prev === undefined || port !== prev + 1) {
			if (start !== undefined && prev !== undefined) ranges.push(`${start}-${prev}`);
			start = port;
		}
		prev = port;
	}
	if (start !== undefined && prev !== undefined) ranges.push(`${start}-${prev}`);
	return ranges.length === 0 ? '' : `[${ranges.join(', ')}]`;
}

function resources(cpus: number, mem: number, disk: number, ports: string): JsonObject {
	return {cpus: Math.round(cpus * 1000) / 1000, gpus: 0, mem, disk, ...(ports === '' ? {} : {ports})};
}

function masterPid(m: SimMaster): string {
	return `master@${m.hostname}:${m.port}`;
}

function masterInfo(m: SimMaster): JsonObject {
	return {id: m.id, pid: masterPid(m), port: m.port, hostname: m.hostname};
}

/** The extra key every simulated answer carries, so no one mistakes the sim for a real cluster. */
export const simulationMarker = {simulated: true, note: 'mesos-lab simulated cluster'} as const;

export function agentJson(model: ClusterModel, agent: SimAgent): JsonObject {
	const used = model.usedResources(agent);
	const total = resources(agent.cpus, agent.mem, agent.disk, `[${agent.portRange[0]}-${agent.portRange[1]}]`);
	const free = [] as number[];
	for (let p = agent.portRange[0]; p <= agent.portRange[1]; p++) if (!used.ports.includes(p)) free.push(p);
	return {
		id: agent.id, hostname: agent.hostname, port: agent.port, attributes: {...agent.attributes},
		pid: `slave(1)@${agent.ip}:${agent.port}`, registered_time: agent.registeredAt / 1000,
		resources: total, used_resources: resources(used.cpus, used.mem, used.disk, portRangesText(used.ports)),
		offered_resources: resources(0, 0, 0, ''), reserved_resources: {},
		unreserved_resources: total, active: agent.state === 'active', version: mesosVersion,
		capabilities: ['MULTI_ROLE', 'HIERARCHICAL_ROLE', 'RESERVATION_REFINEMENT'],
	};
}

export function taskJson(model: ClusterModel, task: SimTask): JsonObject {
	const agent = model.agentOf(task);
	const definition = model.apps.get(task.appId)?.versions.find(v => v.version === task.version)?.definition;
	const image = definition ? dockerImageOf(definition) : null;
	const mappings = definition ? portMappingsOf(definition) : [];
	const labels = definition ? labelsOf(definition) : {};
	const task_: JsonObject = {
		id: task.id, name: task.appId.slice(1).split('/').reverse().join('.'), framework_id: model.frameworkId, executor_id: '',
		slave_id: task.agentId, state: task.state, role: '*',
		resources: resources(task.cpus, task.mem, task.disk, portRangesText(task.hostPorts)),
		statuses: task.statuses.map(s => ({
			state: s.state, timestamp: s.timestamp / 1000,
			container_status: {container_id: {value: `${task.id.slice(-36)}`}, network_infos: [{ip_addresses: [{ip_address: agent?.ip ?? ''}]}]},
		})),
		labels: Object.entries(labels).map(([key, value]) => ({key, value})),
		discovery: {
			visibility: 'FRAMEWORK', name: task.appId.slice(1),
			ports: {ports: task.servicePorts.map((number, i) => ({number, name: mappings[i]?.name ?? `port${i}`, protocol: mappings[i]?.protocol ?? 'tcp'}))},
		},
	};
	if (image) {
		task_.container = {
			type: 'DOCKER',
			docker: {
				image, network: 'BRIDGE', privileged: false, force_pull_image: false,
				port_mappings: mappings.map((pm, i) => ({host_port: task.hostPorts[i] ?? 0, container_port: pm.containerPort, protocol: pm.protocol})),
			},
		};
	}
	return task_;
}

function frameworkJson(model: ClusterModel): JsonObject {
	const marathon = model.leadingMarathon() ?? model.marathons[0];
	const live = model.liveTasks();
	const cpus = live.reduce((s, t) => s + t.cpus, 0);
	const mem = live.reduce((s, t) => s + t.mem, 0);
	const disk = live.reduce((s, t) => s + t.disk, 0);
	return {
		id: model.frameworkId, name: 'marathon', pid: `scheduler-${model.frameworkId.slice(0, 8)}@${marathon?.hostname ?? '127.0.0.1'}:${marathon?.port ?? 0}`,
		used_resources: resources(cpus, mem, disk, portRangesText(live.flatMap(t => t.hostPorts))), offered_resources: resources(0, 0, 0, ''),
		capabilities: ['PARTITION_AWARE'], hostname: marathon?.hostname ?? '127.0.0.1', webui_url: marathon ? `http://${marathon.hostname}:${marathon.port}` : '',
		active: model.leadingMarathon() !== undefined, connected: model.leadingMarathon() !== undefined, recovered: false, user: 'root', failover_timeout: 604800,
		checkpoint: true, registered_time: model.masters[0] ? model.masters[0].startedAt / 1000 : 0, unregistered_time: 0, role: '*',
		tasks: live.map(t => taskJson(model, t)), unreachable_tasks: [],
		completed_tasks: [...model.tasks.values(), ...model.completedTasks].filter(t => !live.includes(t)).map(t => taskJson(model, t)),
		offers: [], executors: [],
	};
}

export function masterStateJson(model: ClusterModel, self: SimMaster): JsonObject {
	const leader = model.leadingMaster();
	const active = model.agents.filter(a => a.state === 'active');
	return {
		version: mesosVersion, build_date: '2026-01-01 00:00:00', build_time: 1767225600, build_user: 'mesos-lab-sim',
		start_time: self.startedAt / 1000, ...(self.electedAt === null ? {} : {elected_time: self.electedAt / 1000}),
		id: self.id, pid: masterPid(self), hostname: self.hostname,
		activated_slaves: active.length, deactivated_slaves: 0, unreachable_slaves: model.agents.length - active.length,
		...(leader ? {leader: masterPid(leader), leader_info: masterInfo(leader)} : {}),
		cluster: 'mesos-lab-sim', log_dir: '/var/log/mesos',
		flags: {quorum: '2', zk: 'zk://127.0.0.1:2181/mesos', hostname: self.hostname, port: String(self.port), work_dir: '/var/lib/mesos'},
		slaves: active.map(a => agentJson(model, a)), recovered_slaves: [],
		frameworks: [frameworkJson(model)], completed_frameworks: [], orphan_tasks: [], unregistered_frameworks: [],
		mesos_lab_simulation: {...simulationMarker},
	};
}

function counters(tasks: readonly SimTask[]): JsonObject {
	const names = ['TASK_STAGING', 'TASK_STARTING', 'TASK_RUNNING', 'TASK_KILLING', 'TASK_FINISHED', 'TASK_KILLED', 'TASK_FAILED', 'TASK_LOST', 'TASK_ERROR', 'TASK_UNREACHABLE'];
	return Object.fromEntries(names.map(n => [n, tasks.filter(t => t.state === n).length]));
}

export function stateSummaryJson(model: ClusterModel, self: SimMaster): JsonObject {
	const all = [...model.tasks.values()];
	return {
		hostname: self.hostname, cluster: 'mesos-lab-sim',
		slaves: model.agents.filter(a => a.state === 'active').map(a => ({...agentJson(model, a), ...counters(all.filter(t => t.agentId === a.id)), framework_ids: [model.frameworkId]})),
		frameworks: [{...frameworkJson(model), tasks: undefined, completed_tasks: undefined, ...counters(all), slave_ids: model.agents.map(a => a.id)}]
			.map(f => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as JsonObject),
		mesos_lab_simulation: {...simulationMarker},
	};
}

export function metricsJson(model: ClusterModel, self: SimMaster): JsonObject {
	const isLeader = self.state === 'leader';
	const active = model.agents.filter(a => a.state === 'active');
	const live = model.liveTasks();
	const all = [...model.tasks.values(), ...model.completedTasks];
	const total = {cpus: active.reduce((s, a) => s + a.cpus, 0), mem: active.reduce((s, a) => s + a.mem, 0), disk: active.reduce((s, a) => s + a.disk, 0)};
	const used = {cpus: live.reduce((s, t) => s + t.cpus, 0), mem: live.reduce((s, t) => s + t.mem, 0), disk: live.reduce((s, t) => s + t.disk, 0)};
	const count = (state: string): number => all.filter(t => t.state === state).length;
	const base: JsonObject = {'master/elected': isLeader ? 1 : 0, 'master/uptime_secs': (model.now - self.startedAt) / 1000};
	if (!isLeader) return base;
	return {
		...base,
		'master/slaves_active': active.length, 'master/slaves_connected': active.length,
		'master/slaves_disconnected': model.agents.length - active.length, 'master/slaves_inactive': 0,
		'master/frameworks_active': model.leadingMarathon() ? 1 : 0,
		'master/tasks_running': count('TASK_RUNNING'), 'master/tasks_staging': count('TASK_STAGING'), 'master/tasks_starting': 0,
		'master/tasks_failed': count('TASK_FAILED'), 'master/tasks_killed': count('TASK_KILLED'), 'master/tasks_lost': count('TASK_LOST'),
		'master/tasks_finished': count('TASK_FINISHED'), 'master/tasks_error': 0, 'master/tasks_unreachable': 0,
		'master/cpus_total': total.cpus, 'master/cpus_used': used.cpus, 'master/cpus_percent': total.cpus === 0 ? 0 : used.cpus / total.cpus,
		'master/mem_total': total.mem, 'master/mem_used': used.mem, 'master/mem_percent': total.mem === 0 ? 0 : used.mem / total.mem,
		'master/disk_total': total.disk, 'master/disk_used': used.disk, 'master/disk_percent': total.disk === 0 ? 0 : used.disk / total.disk,
		'master/outstanding_offers': 0,
	};
}

/** Where a task's sandbox lives on its agent, as the agent's /state reports it. */
export function sandboxDirectory(model: ClusterModel, task: SimTask): string {
	return `/var/lib/mesos/slaves/${task.agentId}/frameworks/${model.frameworkId}/executors/${task.id}/runs/latest`;
}

export function agentStateJson(model: ClusterModel, agent: SimAgent): JsonObject {
	const tasks = [...model.tasks.values()].filter(t => t.agentId === agent.id);
	const executor = (t: SimTask): JsonObject => ({id: t.id, name: `Command Executor (Task: ${t.id})`, source: t.id, directory: sandboxDirectory(model, t), tasks: [taskJson(model, t)]});
	return {
		version: mesosVersion, id: agent.id, pid: `slave(1)@${agent.ip}:${agent.port}`, hostname: agent.hostname,
		resources: agentJson(model, agent).resources ?? {}, attributes: {...agent.attributes},
		// A real agent's /state carries the flags it started with; these are the tutorial's.
		flags: {master: 'zk://127.0.0.1:2181/mesos', work_dir: '/var/lib/mesos', log_dir: '/var/log/mesos', port: String(agent.port), containerizers: 'docker,mesos'},
		frameworks: [{id: model.frameworkId, name: 'marathon', executors: tasks.filter(t => t.endedAt === null).map(executor), completed_executors: tasks.filter(t => t.endedAt !== null).map(executor)}],
		mesos_lab_simulation: {...simulationMarker},
	};
}
