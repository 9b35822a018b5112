import {idText, isRecord, num, record, text, type JsonRecord} from './json-input.js';
import {agentsOf, frameworksOf, resourcesOf, taskOf} from './mesos-v1.js';
import type {Agent, Framework, Resources, Task} from './snapshot.js';

const terminalStates = new Set(['TASK_FINISHED', 'TASK_FAILED', 'TASK_KILLED', 'TASK_LOST', 'TASK_ERROR', 'TASK_DROPPED', 'TASK_GONE', 'TASK_GONE_BY_OPERATOR']);

/**
 * The leading master's agents, frameworks and live tasks, as the operator API's v1 records build
 * and change them: the SUBSCRIBED state first, then TASK_*, AGENT_* and FRAMEWORK_* events.
 */
export class MesosTables {
	readonly agents = new Map<string, Agent>();
	readonly frameworks = new Map<string, Framework>();
	readonly tasks = new Map<string, Task>();
	readonly #taskResources = new Map<string, Resources>();
	readonly #hosts = {get: (agentId: string): string | undefined => this.agents.get(agentId)?.hostname};

	/** One v1 `Agent` (`agent_info`, `total_resources`, `allocated_resources`…). */
	addAgent(raw: unknown): void {
		const [agent] = agentsOf({agents: [raw]});
		if (agent) {
			this.agents.set(agent.id, agent);
		}
	}

	removeAgent(agentId: string): void {
		this.agents.delete(agentId);
	}

	/** One v1 `Framework` (`framework_info`, `active`…), added or changed. */
	putFramework(raw: unknown): void {
		const [framework] = frameworksOf({frameworks: [raw]});
		if (framework) {
			this.frameworks.set(framework.id, framework);
		}
	}

	removeFramework(frameworkId: string): void {
		this.frameworks.delete(frameworkId);
	}

	/**
	 * One v1 `Task`. `allocate`: whether its resources are new to its agent's allocation (a task
	 * of the SUBSCRIBED state is already counted in the agent's `allocated_resources`).
	 */
	addTask(raw: JsonRecord, allocate: boolean): void {
		const task = taskOf(raw, this.#hosts);
		if (terminalStates.has(task.state)) {
			return;
		}
		const resources = resourcesOf(raw.resources);
		this.tasks.set(task.id, task);
		this.#taskResources.set(task.id, resources);
		if (allocate) {
			this.#allocate(task.agentId, resources, 1);
		}
	}

	/** A TASK_UPDATED payload. The proto puts the ids inside `status`; the 1.x doc example puts them at the top. */
	updateTask(payload: JsonRecord): void {
		const status = record(payload.status);
		const taskId = idText(status.task_id) || idText(payload.task_id);
		const state = text(payload.state) || text(status.state);
		const task = this.tasks.get(taskId);
		if (task === undefined) {
			return;
		}
		if (terminalStates.has(state)) {
			this.tasks.delete(taskId);
			const resources = this.#taskResources.get(taskId);
			this.#taskResources.delete(taskId);
			if (resources) {
				this.#allocate(task.agentId, resources, -1);
			}
			return;
		}
		const timestamp = num(status.timestamp);
		const healthy = status.healthy;
		this.tasks.set(taskId, {
			...task,
			state,
			health: typeof healthy === 'boolean' ? (healthy ? 'healthy' : 'unhealthy') : task.health,
			...(state === 'TASK_RUNNING' && task.startedAt === undefined && timestamp > 0 ? {startedAt: new Date(timestamp * 1000).toISOString()} : {}),
		});
	}

	/**
	 * Names the host of every task read before its agent: the master writes the state's tasks
	 * ahead of its agents.
	 */
	resolveHosts(): void {
		for (const [id, task] of this.tasks) {
			if (task.host === '') {
				const host = this.agents.get(task.agentId)?.hostname;
				if (host !== undefined && host !== '') {
					this.tasks.set(id, {...task, host});
				}
			}
		}
	}

	/** The master sends no agent update when a task starts or ends there: its allocation follows the tasks. */
	#allocate(agentId: string, resources: Resources, sign: 1 | -1): void {
		const agent = this.agents.get(agentId);
		if (agent === undefined || !isRecord(agent.used)) {
			return;
		}
		const round = (value: number): number => Math.round(value * 1000) / 1000;
		this.agents.set(agentId, {
			...agent,
			used: {
				...agent.used,
				cpus: round(Math.max(0, agent.used.cpus + sign * resources.cpus)),
				mem: round(Math.max(0, agent.used.mem + sign * resources.mem)),
				disk: round(Math.max(0, agent.used.disk + sign * resources.disk)),
			},
		});
	}
}
