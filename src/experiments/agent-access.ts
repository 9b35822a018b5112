import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';
import type {Executor} from '../exec/executor.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';

/** Opens a command channel to one lab host: SSH, or this machine when the host is this machine. */
export type OpenHost = (host: LabHost) => Promise<Executor>;

export interface AgentAccess {
	/** The executor for the agent Marathon names as a task's host (the agent's advertised address). */
	executorFor(agentHost: string): Promise<Executor>;
	close(): Promise<void>;
}

/**
 * Shell access to a lab's agents, opened on first use and kept for the run. Agents register with
 * their lab address as hostname, so Marathon's `task.host` leads back to the lab host.
 */
export function labAgentAccess(lab: Lab, open: OpenHost): AgentAccess {
	const opened = new Map<string, Promise<Executor>>();
	return {
		executorFor(agentHost) {
			const host = lab.hosts.find(candidate => candidate.address === agentHost || candidate.name === agentHost);
			if (host === undefined) {
				return Promise.reject(new ClusterError(localized('errMarathonRunsATaskOn', {agentHost}), {
					hint: localized('errMarathonRunsATaskOnHint', {map: lab.hosts.map(h => h.address).join(', ')}),
				}));
			}
			let executor = opened.get(host.name);
			if (executor === undefined) {
				executor = open(host);
				opened.set(host.name, executor);
			}
			return executor;
		},
		async close() {
			const settled = await Promise.allSettled(opened.values());
			await Promise.allSettled(settled.map(result => (result.status === 'fulfilled' ? result.value.close() : undefined)));
			opened.clear();
		},
	};
}
