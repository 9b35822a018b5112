import type {ClusterModel} from '../model/cluster-model.js';
import type {JsonObject, SimAgent, SimMaster, SimTask} from '../model/types.js';
import {simulationMarker} from './mesos-json.js';

/**
 * The v1 operator API's shapes (include/mesos/v1/master/master.proto and mesos.proto): ids as
 * `{value}`, times as `{nanoseconds}`, resources as a list of typed entries, "agent" everywhere.
 */
const mesosVersion = '1.5.3';

function id(value: string): JsonObject {
	return {value};
}

function scalar(name: string, value: number): JsonObject {
	return {name, type: 'SCALAR', role: '*', scalar: {value: Math.round(value * 1000) / 1000}};
}

function portRanges(ports: readonly number[]): JsonObject {
	const sorted = [...ports].sort((a, b) => a - b);
	const range: JsonObject[] = [];
	for (const port of sorted) {
		const last = range.at(-1);
		if (last && last.end === port - 1) last.end = port;
		else range.push({begin: port, end: port});
	}
	return {name: 'ports', type: 'RANGES', role: '*', ranges: {range}};
}

function resourceList(cpus: number, mem: number, disk: number, ports: readonly number[] | readonly [number, number] | null): JsonObject[] {
	const list = [scalar('cpus', cpus), scalar('mem', mem), scalar('disk', disk)];
	if (ports !== null && ports.length > 0) list.push(portRanges(ports));
	return list;
}

function nanos(ms: number): JsonObject {
	return {nanoseconds: ms * 1_000_000};
}

export function v1MasterInfo(master: SimMaster): JsonObject {
	return {
		id: master.id, pid: `master@${master.hostname}:${master.port}`, port: master.port, hostname: master.hostname, version: mesosVersion,
		address: {hostname: master.hostname, ip: master.hostname, port: master.port},
	};
}

export function v1Agent(model: ClusterModel, agent: SimAgent): JsonObject {
	const used = model.usedResources(agent);
	const total = resourceList(agent.cpus, agent.mem, agent.disk, null);
	total.push({name: 'ports', type: 'RANGES', role: '*', ranges: {range: [{begin: agent.portRange[0], end: agent.portRange[1]}]}});
	return {
		agent_info: {
			hostname: agent.hostname, id: id(agent.id), port: agent.port, resources: total,
			attributes: Object.entries(agent.attributes).map(([name, value]) => ({name, type: 'TEXT', text: {value}})),
		},
		active: agent.state === 'active', version: mesosVersion, pid: `slave(1)@${agent.ip}:${agent.port}`,
		registered_time: nanos(agent.registeredAt), total_resources: total,
		allocated_resources: resourceList(used.cpus, used.mem, used.disk, used.ports),
		offered_resources: [],
	};
}

export function v1Task(model: ClusterModel, task: SimTask): JsonObject {
	return {
		name: task.appId.slice(1).split('/').reverse().join('.'), task_id: id(task.id), framework_id: id(model.frameworkId),
		agent_id: id(task.agentId), state: task.state, resources: resourceList(task.cpus, task.mem, task.disk, task.hostPorts),
		statuses: task.statuses.map(status => v1Status(task, status.state, status.timestamp)),
	};
}

/** A TaskStatus; `healthy` only once a health check has spoken, as the agent reports it. */
export function v1Status(task: SimTask, state: string, timestampMs: number): JsonObject {
	return {
		task_id: id(task.id), agent_id: id(task.agentId), state, source: 'SOURCE_EXECUTOR', timestamp: timestampMs / 1000,
		...(task.health === 'unknown' ? {} : {healthy: task.health === 'healthy'}),
	};
}

export function v1Framework(model: ClusterModel): JsonObject {
	const marathon = model.leadingMarathon() ?? model.marathons[0];
	return {
		framework_info: {
			id: id(model.frameworkId), name: 'marathon', user: 'root', failover_timeout: 604800, checkpoint: true, role: '*',
			hostname: marathon?.hostname ?? '127.0.0.1', webui_url: marathon ? `http://${marathon.hostname}:${marathon.port}` : '',
		},
		active: model.leadingMarathon() !== undefined, connected: model.leadingMarathon() !== undefined, recovered: false,
		registered_time: nanos(model.masters[0]?.startedAt ?? model.now),
	};
}

/** `GetState`: what SUBSCRIBED carries and GET_STATE answers. */
export function v1State(model: ClusterModel): JsonObject {
	const active = model.agents.filter(agent => agent.state === 'active');
	return {
		get_tasks: {pending_tasks: [], tasks: model.liveTasks().map(task => v1Task(model, task)), unreachable_tasks: [], completed_tasks: [], orphan_tasks: []},
		get_executors: {executors: [], orphan_executors: []},
		get_frameworks: {frameworks: [v1Framework(model)], completed_frameworks: [], recovered_frameworks: []},
		get_agents: {agents: active.map(agent => v1Agent(model, agent)), recovered_agents: []},
		mesos_lab_simulation: {...simulationMarker},
	};
}
