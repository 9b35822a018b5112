import {localized, localizedBy} from '../i18n/localized.js';
import type {Localized} from '../steps/step.js';
import {ClusterError, CredentialsRequiredError, InterruptedError} from '../errors.js';

export interface WaitOptions {
	timeoutMs: number;
	pollMs: number;
	/** Aborted when the user interrupts the experiment: the wait ends at once. */
	signal?: AbortSignal;
}

/** Fails with InterruptedError once `signal` is aborted. */
export function throwIfInterrupted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) {
		throw new InterruptedError(localized('errInterrupted'), {hint: localized('errInterruptedHint')});
	}
}

/** Waits `ms`, or less when `signal` aborts first. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise(resolve => {
		const timer = setTimeout(done, ms);
		function done(): void {
			clearTimeout(timer);
			signal?.removeEventListener('abort', done);
			resolve();
		}
		signal?.addEventListener('abort', done, {once: true});
	});
}

/** Polls until `check` returns a value, or fails after the deadline naming `what` in the reader's language. */
export async function waitFor<T>(what: Localized, check: () => Promise<T | undefined>, options: WaitOptions): Promise<T> {
	const deadline = Date.now() + options.timeoutMs;
	let lastError: unknown;
	for (;;) {
		throwIfInterrupted(options.signal);
		try {
			const value = await check();
			if (value !== undefined) {
				return value;
			}
		} catch (error) {
			if (error instanceof CredentialsRequiredError) {
				throw error;
			}
			lastError = error;
		}
		throwIfInterrupted(options.signal);
		if (Date.now() >= deadline) {
			const seconds = Math.round(options.timeoutMs / 1000);
			const last = lastError;
			throw new ClusterError(last instanceof Error ? localizedBy('errTimedOutWaitingLastError', (language) => [{seconds, what: what[language], detail: last.message}]) : localizedBy('errTimedOutWaiting', (language) => [{seconds, what: what[language]}]), {
				hint: localized('errTimedOutWaitingHint'),
			});
		}
		await pause(options.pollMs, options.signal);
	}
}
