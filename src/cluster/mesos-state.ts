import type {Agent, Framework, HealthState, Resources, Task} from './snapshot.js';
import {firstOf, flag, idText, list, num, optionalText, record, secondsToIso, stringMap, text, type JsonRecord} from './json-input.js';

/** What the leading master's `/master/state` (or `/master/state-summary`) says, in snapshot terms. */
export interface MesosStateParts {
	version?: string;
	/** The leader as the master itself names it, `host:port`. */
	leader: string | null;
	agents: Agent[];
	tasks: Task[];
	frameworks: Framework[];
}

/** Normalises `/master/state` of any Mesos 1.x (and 0.28): `slaves` or `agents`, `slave_id` or `agent_id`. */
export function normaliseMesosState(raw: unknown): MesosStateParts {
	const state = record(raw);
	const agents = list(firstOf(state, 'slaves', 'agents')).map(normaliseAgent);
	const agentsById = new Map(agents.map(agent => [agent.id, agent]));
	const endpoints = new Map(list(firstOf(state, 'slaves', 'agents')).map(item => {
		const agent = record(item);
		return [text(agent.id), agentEndpoint(agent)] as const;
	}));
	const tasks: Task[] = [];
	const frameworks: Framework[] = [];
	for (const item of list(state.frameworks)) {
		const framework = record(item);
		frameworks.push(normaliseFramework(framework));
		const frameworkId = text(framework.id);
		const directories = executorDirectories(framework);
		for (const group of ['tasks', 'unreachable_tasks']) {
			for (const task of list(framework[group])) {
				tasks.push(normaliseTask(record(task), frameworkId, agentsById, endpoints, directories));
			}
		}
	}
	for (const task of list(state.orphan_tasks)) {
		tasks.push(normaliseTask(record(task), '', agentsById, endpoints, new Map()));
	}
	return {version: optionalText(state.version), leader: leaderOf(state), agents, tasks, frameworks};
}

/** `/master/state-summary`: agents and frameworks without task lists, for large clusters. */
export function normaliseMesosStateSummary(raw: unknown): MesosStateParts {
	const summary = record(raw);
	return {
		leader: null,
		agents: list(firstOf(summary, 'slaves', 'agents')).map(normaliseAgent),
		tasks: [],
		frameworks: list(summary.frameworks).map(item => normaliseFramework(record(item))),
	};
}

export interface MesosMetrics {
	elected: boolean;
	values: Record<string, number>;
}

/** `/metrics/snapshot`: a flat name → number map; `master/elected` is 1 only on the leader. */
export function normaliseMesosMetrics(raw: unknown): MesosMetrics {
	const values: Record<string, number> = {};
	for (const [name, value] of Object.entries(record(raw))) {
		if (typeof value === 'number') {
			values[name] = value;
		}
	}
	return {elected: values['master/elected'] === 1, values};
}

function leaderOf(state: JsonRecord): string | null {
	const info = record(state.leader_info);
	const hostname = text(info.hostname);
	if (hostname !== '') {
		return `${hostname}:${num(info.port, 5050)}`;
	}
	const pid = text(state.leader);
	const at = pid.indexOf('@');
	return at >= 0 ? pid.slice(at + 1) : null;
}

export function normaliseAgent(item: unknown): Agent {
	const agent = record(item);
	return {
		id: text(agent.id),
		hostname: text(agent.hostname),
		port: num(agent.port, 5051),
		active: flag(agent.active, true),
		attributes: stringMap(agent.attributes),
		total: normaliseResources(agent.resources),
		used: normaliseResources(agent.used_resources),
		registeredAt: secondsToIso(agent.registered_time),
	};
}

export function normaliseResources(value: unknown): Resources {
	const resources = record(value);
	const ports = optionalText(resources.ports);
	return {cpus: num(resources.cpus), mem: num(resources.mem), disk: num(resources.disk), ...(ports ? {ports} : {})};
}

function normaliseFramework(framework: JsonRecord): Framework {
	return {
		id: text(framework.id),
		name: text(framework.name),
		active: flag(framework.active, true),
		webuiUrl: optionalText(framework.webui_url),
		hostname: optionalText(framework.hostname),
	};
}

function normaliseTask(task: JsonRecord, frameworkId: string, agents: Map<string, Agent>, endpoints: Map<string, string>, directories: Map<string, string>): Task {
	const agentId = idText(firstOf(task, 'slave_id', 'agent_id'));
	const statuses = list(task.statuses).map(record);
	const running = statuses.find(status => text(status.state) === 'TASK_RUNNING');
	const last = statuses.at(-1);
	const endpoint = endpoints.get(agentId);
	const executorDirectory = directories.get(text(task.executor_id) || text(task.id));
	return {
		id: idText(firstOf(task, 'id', 'task_id')),
		name: text(task.name),
		state: text(task.state, 'TASK_STAGING'),
		agentId,
		host: agents.get(agentId)?.hostname ?? '',
		ports: parsePortRanges(text(record(task.resources).ports)),
		health: healthOf(last),
		startedAt: secondsToIso(running?.timestamp),
		frameworkId: idText(firstOf(task, 'framework_id')) || frameworkId || undefined,
		...(endpoint && executorDirectory ? {sandbox: {agentEndpoint: endpoint, directory: executorDirectory}} : {}),
	};
}

function healthOf(status: JsonRecord | undefined): HealthState {
	if (status === undefined || typeof status.healthy !== 'boolean') {
		return 'unknown';
	}
	return status.healthy ? 'healthy' : 'unhealthy';
}

/** Command tasks run in an executor whose id is the task id; its `directory` is the sandbox. */
function executorDirectories(framework: JsonRecord): Map<string, string> {
	const directories = new Map<string, string>();
	for (const item of list(framework.executors)) {
		const executor = record(item);
		const directory = text(executor.directory);
		if (directory !== '') {
			directories.set(text(firstOf(executor, 'executor_id', 'id')), directory);
		}
	}
	return directories;
}

/** `slave(1)@10.0.0.5:5051` → `10.0.0.5:5051`, the address the agent's own HTTP API answers on. */
function agentEndpoint(agent: JsonRecord): string {
	const pid = text(agent.pid);
	const at = pid.indexOf('@');
	return at >= 0 ? pid.slice(at + 1) : `${text(agent.hostname)}:${num(agent.port, 5051)}`;
}

/** Mesos writes port ranges as a string: `[31000-31002, 31005-31005]`. */
export function parsePortRanges(value: string): number[] {
	const ports: number[] = [];
	for (const match of value.matchAll(/(\d+)\s*-\s*(\d+)/g)) {
		const from = Number(match[1]);
		const to = Number(match[2]);
		for (let port = from; port <= to && ports.length < 1000; port++) {
			ports.push(port);
		}
	}
	return ports;
}
