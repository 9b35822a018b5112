import {ClusterError} from '../errors.js';

/** Polls until `check` returns a value, or fails with `what` after the deadline. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined>, options: {timeoutMs: number; pollMs: number}): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined) {
				return value;
			}
		} catch (error) {
			lastError = error;
		}
		if (Date.now() >= deadline) {
			const reason = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
			throw new ClusterError(`Timed out after ${Math.round(options.timeoutMs / 1000)} s waiting for ${what}${reason}.`, {
				hint: 'Watch the cluster with: mesos-lab dashboard',
			});
		}
		await new Promise(resolve => setTimeout(resolve, options.pollMs));
	}
}
