/** Time as an effect: the poller and the event follower take one, so tests can drive time themselves. */
export interface Clock {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: handle => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Resolves after `ms` on the given clock, or at once when the signal aborts. */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		if (signal?.aborted) {
			resolve();
			return;
		}
		const onAbort = (): void => {
			clock.clearTimeout(handle);
			resolve();
		};
		const handle = clock.setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, {once: true});
	});
}

export interface Backoff {
	initialMs: number;
	maxMs: number;
}

export const defaultBackoff: Backoff = {initialMs: 1_000, maxMs: 30_000};

/** Delay before the next try after `failures` failures in a row: doubling, capped. */
export function backoffDelay(backoff: Backoff, failures: number): number {
	return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.max(0, failures - 1));
}
