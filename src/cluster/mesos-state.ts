import type {Agent, Framework, HealthState, Resources, Task} from './snapshot.js';
import {firstOf, flag, idText, list, num, optionalText, record, secondsToIso, stringMap, text, type JsonRecord} from './json-input.js';

/** What the leading master's `/master/state` (or `/master/state-summary`) says, in snapshot terms. */
export interface MesosStateParts {
	version?: string | undefined;
	/** The leader as the master itself names it, `host:port`. */
	leader: string | null;
	agents: Agent[];
	tasks: Task[];
	frameworks: Framework[];
}

/** Normalises `/master/state` of any Mesos 1.x (and 0.28): `slaves` or `agents`, `slave_id` or `agent_id`. */
export function normaliseMesosState(raw: unknown): MesosStateParts {
	const state = record(raw);
	const rawAgents = list(firstOf(state, 'slaves', 'agents'));
	const agents: Agent[] = [];
	const agentsById = new Map<string, AgentPlace>();
	for (const item of rawAgents) {
		const agent = normaliseAgent(item);
		agents.push(agent);
		agentsById.set(agent.id, {hostname: agent.hostname, endpoint: agentEndpoint(record(item))});
	}
	const tasks: Task[] = [];
	const frameworks: Framework[] = [];
	for (const item of list(state.frameworks)) {
		const framework = record(item);
		frameworks.push(normaliseFramework(framework));
		const frameworkId = text(framework.id);
		const directories = executorDirectories(framework);
		for (const group of ['tasks', 'unreachable_tasks']) {
			for (const task of list(framework[group])) {
				tasks.push(normaliseTask(record(task), frameworkId, agentsById, directories));
			}
		}
	}
	for (const task of list(state.orphan_tasks)) {
		tasks.push(normaliseTask(record(task), '', agentsById, new Map()));
	}
	return {version: optionalText(state.version), leader: leaderOf(state), agents, tasks, frameworks};
}

const terminalStates = new Set(['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_LOST', 'TASK_ERROR', 'TASK_DROPPED', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR']);

/**
 * One page of `/master/tasks` (`{"tasks": [...]}`), which lists completed tasks too: those are
 * left out, as `/master/state` keeps them apart. `received` counts every task of the page.
 */
export function normaliseMesosTaskPage(raw: unknown, agents: readonly Agent[]): {tasks: Task[]; received: number} {
	const places = new Map(agents.map(agent => [agent.id, {hostname: agent.hostname, endpoint: `${agent.hostname}:${agent.port}`}]));
	const items = list(record(raw).tasks);
	const tasks: Task[] = [];
	for (const item of items) {
		const task = normaliseTask(record(item), '', places, new Map());
		if (!terminalStates.has(task.state)) {
			tasks.push(task);
		}
	}
	return {tasks, received: items.length};
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

/** Where an agent is, for the tasks it runs: its hostname and the address its own HTTP API answers on. */
interface AgentPlace {
	hostname: string;
	endpoint: string;
}

function normaliseTask(task: JsonRecord, frameworkId: string, agents: Map<string, AgentPlace>, directories: Map<string, string>): Task {
	const agentId = idText(task.slave_id ?? task.agent_id);
	const agent = agents.get(agentId);
	const statuses = list(task.statuses);
	let runningAt: unknown;
	for (const item of statuses) {
		const status = record(item);
		if (text(status.state) === 'TASK_RUNNING') {
			runningAt = status.timestamp;
			break;
		}
	}
	const last = statuses.length > 0 ? record(statuses[statuses.length - 1]) : undefined;
	const endpoint = agent?.endpoint;
	const executorDirectory = endpoint === undefined || directories.size === 0 ? undefined : directories.get(text(task.executor_id) || text(task.id));
	return {
		id: idText(task.id ?? task.task_id),
		name: text(task.name),
		state: text(task.state, 'TASK_STAGING'),
		agentId,
		host: agent?.hostname ?? '',
		ports: parsePortRanges(text(record(task.resources).ports)),
		health: healthOf(last),
		startedAt: secondsToIso(runningAt),
		frameworkId: idText(task.framework_id) || frameworkId || undefined,
		sandbox: endpoint && executorDirectory ? {agentEndpoint: endpoint, directory: executorDirectory} : undefined,
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

/**
 * Mesos writes port ranges as a string: `[31000-31002, 31005-31005]`. Read by hand rather than with
 * a regular expression: every task of a large cluster carries one.
 */
export function parsePortRanges(value: string): number[] {
	const ports: number[] = [];
	let index = 0;
	while (index < value.length && ports.length < 1000) {
		if (!isDigit(value.charCodeAt(index))) {
			index++;
			continue;
		}
		const fromEnd = digitsEnd(value, index);
		const from = Number(value.slice(index, fromEnd));
		index = fromEnd;
		let cursor = spacesEnd(value, fromEnd);
		if (value.charCodeAt(cursor) !== 45) {
			continue;
		}
		cursor = spacesEnd(value, cursor + 1);
		const toEnd = digitsEnd(value, cursor);
		if (toEnd === cursor) {
			continue;
		}
		const to = Number(value.slice(cursor, toEnd));
		for (let port = from; port <= to && ports.length < 1000; port++) {
			ports.push(port);
		}
		index = toEnd;
	}
	return ports;
}

function isDigit(code: number): boolean {
	return code >= 48 && code <= 57;
}

function digitsEnd(value: string, start: number): number {
	let index = start;
	while (index < value.length && isDigit(value.charCodeAt(index))) {
		index++;
	}
	return index;
}

/** Past the characters `\s` matches in a regular expression. */
function spacesEnd(value: string, start: number): number {
	let index = start;
	while (index < value.length && isSpace(value.charCodeAt(index))) {
		index++;
	}
	return index;
}

function isSpace(code: number): boolean {
	return code === 32 || (code >= 9 && code <= 13) || (code > 127 && /\s/.test(String.fromCharCode(code)));
}
