/** One thing to undo: stop a process, close a server, delete a namespace or a folder. */
export type Cleanup = () => void | Promise<void>;

/**
 * What a test set up, taken down again newest first (a host before the segment it is plugged into,
 * a folder last). Every cleanup runs even when one before it failed, and each runs once; the
 * failures are reported together after all have run, so one stuck process never leaves the rest of
 * the machine's namespaces and servers behind for the tests after it.
 */
export class Teardown {
	readonly #cleanups: Cleanup[] = [];

	/** Registers how to undo what was just made. */
	add(cleanup: Cleanup): void {
		this.#cleanups.push(cleanup);
	}

	/** Runs every cleanup registered so far, newest first; throws naming each that failed. */
	async run(): Promise<void> {
		const failures = await this.#runAll();
		if (failures.length > 0) {
			throw new AggregateError(failures, `${failures.length} cleanup(s) failed: ${failures.map(describe).join('; ')}`);
		}
	}

	/**
	 * For a setup that failed half-way: undoes what it made, then throws the setup's own error. A
	 * cleanup that fails too is named after it, never instead of it.
	 */
	async abandon(setupError: unknown): Promise<never> {
		const failures = await this.#runAll();
		if (failures.length === 0) {
			throw setupError;
		}
		throw new AggregateError([setupError, ...failures], `${describe(setupError)} (then ${failures.length} cleanup(s) failed too: ${failures.map(describe).join('; ')})`);
	}

	async #runAll(): Promise<unknown[]> {
		const failures: unknown[] = [];
		for (let cleanup = this.#cleanups.pop(); cleanup; cleanup = this.#cleanups.pop()) {
			try {
				await cleanup();
			} catch (error) {
				failures.push(error);
			}
		}
		return failures;
	}
}

function describe(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}
