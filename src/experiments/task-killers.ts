import {localized, verbatim} from '../i18n/localized.js';
import {request, type Dispatcher} from 'undici';
import type {MarathonTask, MarathonApi} from '../apps/marathon-api.js';
import {ClusterError} from '../errors.js';
import type {Executor} from '../exec/executor.js';
import {shellCommand} from '../exec/quote.js';
import type {TaskKiller} from './experiment.js';

/**
 * Kills the Docker container behind a task on its agent, the way the tutorial does: the container
 * is found by the host port it publishes, so no Mesos internals are needed.
 */
export function dockerKillOnAgent(executorFor: (host: string) => Promise<Executor>): TaskKiller {
	return async (task: MarathonTask) => {
		const port = task.ports?.[0];
		if (port === undefined) {
			throw new ClusterError(localized('errTaskPublishesNoHostPort', {id: task.id}));
		}
		const executor = await executorFor(task.host);
		const listed = await executor.run(shellCommand(['docker', 'ps', '-q', '--filter', `publish=${port}`]), {sudo: true});
		const id = listed.stdout.trim().split('\n')[0] ?? '';
		if (listed.exitCode !== 0 || !/^[0-9a-f]{6,64}$/.test(id)) {
			throw new ClusterError(localized('errNoRunningContainerPublishesPort', {port, host: task.host}), {hint: listed.stderr.trim() || localized('errTaskStillRunningHint')});
		}
		const killed = await executor.run(shellCommand(['docker', 'kill', id]), {sudo: true});
		if (killed.exitCode !== 0) {
			throw new ClusterError(localized('errDockerKillFailedOn', {id, host: task.host, trim: killed.stderr.trim()}));
		}
		return localized('labKilledContainer', {id, host: task.host});
	};
}

/** Asks Marathon to kill the task without scaling down, so it starts a replacement: for clusters without SSH access. */
export function killThroughMarathon(writer: MarathonApi): TaskKiller {
	return async (task: MarathonTask) => {
		await writer.killTask(task.appId ?? '', task.id, {scale: false});
		return verbatim(`DELETE /v2/apps${task.appId ?? ''}/tasks/${task.id}`);
	};
}

/**
 * On the simulated cluster, the simulator's `docker kill`: the task's port stops answering at once,
 * and Mesos and Marathon hear of it as they would of a real container's exit.
 */
export function killThroughSimControl(controlUrl: string, dispatcher?: Dispatcher): TaskKiller {
	return async (task: MarathonTask) => {
		const response = await request(`${controlUrl.replace(/\/+$/, '')}/_sim/kill-container`, {
			method: 'POST', ...(dispatcher === undefined ? {} : {dispatcher}), headers: {'content-type': 'application/json'}, body: JSON.stringify({taskId: task.id}),
		});
		const text = await response.body.text();
		if (response.statusCode !== 200) {
			throw new ClusterError(localized('errTheSimulatorRefusedToKill', {id: task.id, slice: text.slice(0, 200)}));
		}
		return localized('labKilledSimContainer', {taskId: task.id, host: task.host});
	};
}
