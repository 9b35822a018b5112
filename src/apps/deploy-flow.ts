import {ClusterError} from '../errors.js';
import type {DeploymentOutcome, DeploymentProgress, DeploymentRef, MarathonApi} from './marathon-api.js';

export interface FollowOptions {
	appId?: string;
	timeoutMs?: number;
	pollMs?: number;
	print?: (line: string) => void;
}

/** One progress line, printed only when something changed. */
export function describeProgress(progress: DeploymentProgress): string {
	const actions = progress.actions.length > 0 ? progress.actions.join(', ') : 'waiting';
	return `deployment ${progress.deploymentId}: step ${progress.step}/${progress.totalSteps} ${actions}; `
		+ `${progress.running}/${progress.instances} running, ${progress.healthy} healthy`;
}

/** Waits for a deployment, printing progress; a failed or timed-out deployment becomes a ClusterError with the reason. */
export async function followDeployment(writer: MarathonApi, ref: DeploymentRef, options: FollowOptions = {}): Promise<Extract<DeploymentOutcome, {kind: 'succeeded'}>> {
	let last = '';
	const outcome = await writer.waitForDeployment(ref, {
		appId: options.appId,
		timeoutMs: options.timeoutMs,
		pollMs: options.pollMs,
		onProgress: progress => {
			const line = describeProgress(progress);
			if (line !== last) {
				last = line;
				options.print?.(line);
			}
		},
	});
	switch (outcome.kind) {
		case 'succeeded':
			options.print?.(`deployment ${outcome.deploymentId} finished in ${(outcome.elapsedMs / 1000).toFixed(1)} s`);
			return outcome;
		case 'failed':
			throw new ClusterError(`Deployment ${outcome.deploymentId} failed: ${outcome.reason}`, {
				hint: 'Look at the app\'s last task failure with: mesos-lab app list',
			});
		case 'timed-out':
			throw new ClusterError(`Deployment ${outcome.deploymentId} did not finish within ${Math.round((options.timeoutMs ?? 300_000) / 1000)} s (timeout).`, {
				hint: 'Marathon keeps trying. Check for missing resources or a failing health check, or roll back with: mesos-lab app rollback ID',
			});
	}
}
