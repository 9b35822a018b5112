import {ClusterError} from '../errors.js';
import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';
import type {DeploymentOutcome, DeploymentProgress, DeploymentRef, MarathonApi} from './marathon-api.js';

export interface FollowOptions {
	appId?: string | undefined;
	timeoutMs?: number | undefined;
	pollMs?: number | undefined;
	print?: ((line: string) => void) | undefined;
	/** The language of the progress lines; English when not given. */
	lang?: Language | undefined;
}

/** One progress line, printed only when something changed. */
export function describeProgress(progress: DeploymentProgress, language: Language = 'en'): string {
	const actions = progress.actions.length > 0 ? progress.actions.join(', ') : t(language, 'appProgressWaiting');
	return t(language, 'appProgress', {
		id: progress.deploymentId, step: progress.step, total: progress.totalSteps, actions,
		running: progress.running, instances: progress.instances, healthy: progress.healthy,
	});
}

/** Waits for a deployment, printing progress; a failed or timed-out deployment becomes a ClusterError with the reason. */
export async function followDeployment(writer: MarathonApi, ref: DeploymentRef, options: FollowOptions = {}): Promise<Extract<DeploymentOutcome, {kind: 'succeeded'}>> {
	let last = '';
	const outcome = await writer.waitForDeployment(ref, {
		appId: options.appId,
		timeoutMs: options.timeoutMs,
		pollMs: options.pollMs,
		onProgress: progress => {
			const line = describeProgress(progress, options.lang);
			if (line !== last) {
				last = line;
				options.print?.(line);
			}
		},
	});
	switch (outcome.kind) {
		case 'succeeded':
			options.print?.(t(options.lang ?? 'en', 'appDeploymentFinished', {id: outcome.deploymentId, seconds: (outcome.elapsedMs / 1000).toFixed(1)}));
			return outcome;
		case 'failed': {
			const words = {id: outcome.deploymentId, reason: outcome.reason};
			throw new ClusterError(t('en', 'appDeploymentFailed', words), {
				hint: t('en', 'appDeploymentFailedHint'),
				zh: {message: t('zh', 'appDeploymentFailed', words), hint: t('zh', 'appDeploymentFailedHint')},
			});
		}
		case 'timed-out': {
			const words = {id: outcome.deploymentId, seconds: Math.round((options.timeoutMs ?? 300_000) / 1000)};
			throw new ClusterError(t('en', 'appDeploymentTimedOut', words), {
				hint: t('en', 'appDeploymentTimedOutHint'),
				zh: {message: t('zh', 'appDeploymentTimedOut', words), hint: t('zh', 'appDeploymentTimedOutHint')},
			});
		}
	}
}
