import {fetchText, parseJsonBody, statusError, type HttpOptions} from '../cluster/http.js';
import {list, num, record, text} from '../cluster/json-input.js';
import type {Agent, Task} from '../cluster/snapshot.js';
import {ClusterError} from '../errors.js';
import {localized} from '../i18n/localized.js';

const tailBytes = 16 * 1024;

/**
 * The last bytes of a task's stdout and stderr, through its agent's /files/read. The master's state
 * rarely names the sandbox, so without one the agent's own /state is asked for the executor's directory.
 */
export async function readSandboxTail(task: Task, agent: Agent | undefined, http: HttpOptions = {}): Promise<{stdout: string; stderr: string}> {
	const sandbox = task.sandbox ?? (agent ? await sandboxFromAgent(task, agent, http) : undefined);
	if (!sandbox) {
		throw new ClusterError(localized('dashNoSandbox', {taskId: task.id}), {hint: localized('dashNoSandboxHint')});
	}
	const {agentEndpoint, directory} = sandbox;
	const [stdout, stderr] = await Promise.all([readTail(agentEndpoint, `${directory}/stdout`, http), readTail(agentEndpoint, `${directory}/stderr`, http)]);
	return {stdout, stderr};
}

async function readTail(agentEndpoint: string, path: string, http: HttpOptions): Promise<string> {
	const base = /^https?:\/\//.test(agentEndpoint) ? agentEndpoint : `http://${agentEndpoint}`;
	const read = async (offset: number, length?: number) => {
		const query = `path=${encodeURIComponent(path)}&offset=${offset}${length === undefined ? '' : `&length=${length}`}`;
		const answer = await fetchText(`${base.replace(/\/$/, '')}/files/read?${query}`, http);
		if (answer.status !== 200) {
			throw statusError(answer);
		}
		return record(parseJsonBody(answer.body, `${path} on ${agentEndpoint}`));
	};
	// Offset -1 asks Mesos for the file's size only.
	const size = num((await read(-1)).offset);
	const start = Math.max(0, size - tailBytes);
	return text((await read(start, size - start)).data);
}

async function sandboxFromAgent(task: Task, agent: Agent, http: HttpOptions): Promise<{agentEndpoint: string; directory: string} | undefined> {
	const agentEndpoint = `http://${agent.hostname}:${agent.port}`;
	const answer = await fetchText(`${agentEndpoint}/state`, http);
	if (answer.status !== 200) {
		throw statusError(answer);
	}
	const state = record(parseJsonBody(answer.body, `${agentEndpoint}/state`));
	for (const framework of [...list(state.frameworks), ...list(state.completed_frameworks)].map(record)) {
		for (const executor of [...list(framework.executors), ...list(framework.completed_executors)].map(record)) {
			const runsTask = text(executor.id) === task.id || list(executor.tasks).some(item => text(record(item).id) === task.id);
			if (runsTask && text(executor.directory) !== '') {
				return {agentEndpoint, directory: text(executor.directory)};
			}
		}
	}
	return undefined;
}
