import {eventText, type ClusterEvent} from './cluster-event.js';
import {firstOf, flag, idText, isRecord, list, num, optionalText, record, text, type JsonRecord} from './json-input.js';
import type {MesosStateParts} from './mesos-state.js';
import {parsePortRanges} from './mesos-state.js';
import type {Agent, Framework, Resources, Task} from './snapshot.js';

/** What a v1 operator API answer (`POST /api/v1`) holds, in snapshot terms where it has any. */
export interface MesosV1Answer {
	type: string;
	state?: MesosStateParts;
	master?: {hostname: string; port: number; version?: string};
	metrics?: Record<string, number>;
	healthy?: boolean;
	version?: string;
}

/** Reads `{"type": "GET_X", "get_x": {...}}`; the v1 API says agent, wraps ids in `{value}` and lists resources. */
export function normaliseMesosV1Answer(raw: unknown): MesosV1Answer {
	const body = record(raw);
	const type = text(body.type);
	const payload = body[type.toLowerCase()];
	if (type === '' || !isRecord(payload)) {
		throw new Error(`not a v1 operator API answer: expected "type" and a "${type.toLowerCase() || 'get_…'}" object`);
	}
	switch (type) {
		case 'GET_STATE':
			return {type, state: stateOf(payload)};
		case 'GET_AGENTS':
			return {type, state: {leader: null, agents: agentsOf(payload), tasks: [], frameworks: []}};
		case 'GET_TASKS':
			return {type, state: {leader: null, agents: [], tasks: tasksOf(payload, new Map()), frameworks: []}};
		case 'GET_FRAMEWORKS':
			return {type, state: {leader: null, agents: [], tasks: [], frameworks: frameworksOf(payload)}};
		case 'GET_MASTER': {
			const info = record(payload.master_info);
			const address = record(info.address);
			const version = optionalText(info.version);
			return {type, master: {hostname: text(firstOf(info, 'hostname') ?? address.hostname), port: num(info.port, 5050), ...(version ? {version} : {})}};
		}
		case 'GET_METRICS': {
			const metrics: Record<string, number> = {};
			for (const item of list(payload.metrics)) {
				metrics[text(record(item).name)] = num(record(item).value);
			}
			return {type, metrics};
		}
		case 'GET_HEALTH':
			return {type, healthy: flag(payload.healthy)};
		case 'GET_VERSION':
			return {type, version: text(record(payload.version_info).version)};
		default:
			return {type};
	}
}

function stateOf(payload: JsonRecord): MesosStateParts {
	const agents = agentsOf(record(payload.get_agents));
	const hosts = new Map(agents.map(agent => [agent.id, agent.hostname]));
	return {
		leader: null,
		agents,
		tasks: tasksOf(record(payload.get_tasks), hosts),
		frameworks: frameworksOf(record(payload.get_frameworks)),
	};
}

export function agentsOf(payload: JsonRecord): Agent[] {
	return list(payload.agents).map(item => {
		const agent = record(item);
		const info = record(agent.agent_info);
		const registered = num(record(agent.registered_time).nanoseconds);
		return {
			id: idText(info.id),
			hostname: text(info.hostname),
			port: num(info.port, 5051),
			active: flag(agent.active, true),
			attributes: attributesOf(info.attributes),
			total: resourcesOf(agent.total_resources ?? info.resources),
			used: resourcesOf(agent.allocated_resources),
			...(registered > 0 ? {registeredAt: new Date(registered / 1e6).toISOString()} : {}),
		};
	});
}

function tasksOf(payload: JsonRecord, hosts: Map<string, string>): Task[] {
	const tasks: Task[] = [];
	for (const group of ['pending_tasks', 'tasks', 'unreachable_tasks', 'orphan_tasks']) {
		for (const item of list(payload[group])) {
			tasks.push(taskOf(record(item), hosts));
		}
	}
	return tasks;
}

export function taskOf(task: JsonRecord, hosts: Pick<ReadonlyMap<string, string>, 'get'>): Task {
	const agentId = idText(task.agent_id);
	const statuses = list(task.statuses).map(record);
	const running = statuses.find(status => text(status.state) === 'TASK_RUNNING');
	const last = statuses.at(-1);
	const portsResource = resourcesList(task.resources).find(resource => text(resource.name) === 'ports');
	const portText = list(record(portsResource?.ranges).range).map(range => `${num(record(range).begin)}-${num(record(range).end)}`).join(',');
	const frameworkId = idText(task.framework_id);
	return {
		id: idText(task.task_id),
		name: text(task.name),
		state: text(task.state, 'TASK_STAGING'),
		agentId,
		host: hosts.get(agentId) ?? '',
		ports: parsePortRanges(portText),
		health: typeof last?.healthy === 'boolean' ? (last.healthy ? 'healthy' : 'unhealthy') : 'unknown',
		...(running && num(running.timestamp) > 0 ? {startedAt: new Date(num(running.timestamp) * 1000).toISOString()} : {}),
		...(frameworkId ? {frameworkId} : {}),
	};
}

export function frameworksOf(payload: JsonRecord): Framework[] {
	return list(payload.frameworks).map(item => {
		const framework = record(item);
		const info = record(framework.framework_info);
		const webuiUrl = optionalText(info.webui_url);
		const hostname = optionalText(info.hostname);
		return {
			id: idText(info.id),
			name: text(info.name),
			active: flag(framework.active, true),
			...(webuiUrl ? {webuiUrl} : {}),
			...(hostname ? {hostname} : {}),
		};
	});
}

function resourcesList(value: unknown): JsonRecord[] {
	return list(value).map(record);
}

export function resourcesOf(value: unknown): Resources {
	const result: Resources = {cpus: 0, mem: 0, disk: 0};
	for (const resource of resourcesList(value)) {
		const name = text(resource.name);
		if (name === 'cpus' || name === 'mem' || name === 'disk') {
			result[name] += num(record(resource.scalar).value);
		} else if (name === 'ports') {
			result.ports = `[${list(record(resource.ranges).range).map(range => `${num(record(range).begin)}-${num(record(range).end)}`).join(', ')}]`;
		}
	}
	return result;
}

function attributesOf(value: unknown): Record<string, string> {
	const result: Record<string, string> = {};
	for (const item of list(value)) {
		const attribute = record(item);
		const scalar = record(attribute.scalar);
		const textValue = record(attribute.text);
		result[text(attribute.name)] = optionalText(textValue.value) ?? (scalar.value !== undefined ? text(scalar.value) : JSON.stringify(attribute.ranges ?? attribute.set ?? ''));
	}
	return result;
}

/** One event of the v1 `SUBSCRIBE` stream as a log line. */
export function normaliseMesosV1Event(raw: unknown, at: string): ClusterEvent {
	const body = record(raw);
	const type = text(body.type);
	if (type === '') {
		throw new Error('not a v1 event: no "type"');
	}
	const payload = record(body[type.toLowerCase()]);
	const base = {at, origin: 'mesos' as const, type};
	switch (type) {
		case 'TASK_ADDED': {
			const task = taskOf(record(payload.task), new Map());
			return {...base, kind: 'task', taskId: task.id, ...eventText('evMesosTaskAdded', {id: task.id, state: task.state})};
		}
		case 'TASK_UPDATED': {
			// The proto puts the ids inside `status`; the 1.x doc example puts them at the top.
			const status = record(payload.status);
			const taskId = idText(status.task_id) || idText(payload.task_id);
			const state = text(payload.state) || text(status.state);
			return {...base, kind: 'task', taskId, ...eventText('evMesosTaskIs', {id: taskId, state})};
		}
		case 'AGENT_ADDED': {
			const info = record(record(payload.agent).agent_info);
			return {...base, kind: 'agent', host: text(info.hostname), ...eventText('evMesosAgentAdded', {host: text(info.hostname)})};
		}
		case 'AGENT_REMOVED':
			return {...base, kind: 'agent', ...eventText('evMesosAgentRemoved', {id: idText(payload.agent_id)})};
		case 'FRAMEWORK_ADDED':
		case 'FRAMEWORK_UPDATED': {
			const info = record(record(payload.framework).framework_info);
			return {...base, kind: 'other', ...eventText(type === 'FRAMEWORK_ADDED' ? 'evFrameworkAdded' : 'evFrameworkUpdated', {name: text(info.name)})};
		}
		case 'FRAMEWORK_REMOVED':
			return {...base, kind: 'other', ...eventText('evFrameworkRemoved', {id: idText(record(payload.framework_info).id)})};
		case 'SUBSCRIBED':
			return {...base, kind: 'stream', ...eventText('evMesosSubscribed')};
		case 'HEARTBEAT':
			return {...base, kind: 'stream', ...eventText('evHeartbeat')};
		default:
			return {...base, kind: 'other', ...eventText('evRaw', {type})};
	}
}
