/** A probe's answer while the awaited thing has not happened yet. */
type NotYet = undefined | null | false;

export interface WaitOptions {
	/** The ceiling: generous, since the machine running the tests is a loaded shared box. */
	timeoutMs?: number;
	everyMs?: number;
	/**
	 * What the failure message shows as last seen (a screen, a log), when the probe's own value says too
	 * little; it may have to ask for it (a terminal's screen is captured on demand).
	 */
	lastSeen?: () => string | Promise<string>;
}

/**
 * Asks `probe` again and again until it answers with a value (anything but undefined, null or false),
 * and returns that value. A probe that throws is asked again too (a server still starting refuses
 * connections); the last error is named if the ceiling is reached. Tests wait on conditions with this,
 * never on sleeps.
 */
export async function waitFor<T>(probe: () => T | NotYet | Promise<T | NotYet>, what = 'the condition', options: WaitOptions = {}): Promise<Exclude<T, NotYet>> {
	const timeoutMs = options.timeoutMs ?? 60_000;
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined && value !== null && value !== false) {
				return value as Exclude<T, NotYet>;
			}
		} catch (error) {
			lastError = error;
		}
		if (Date.now() > deadline) {
			const cause = lastError === undefined ? '' : `; the probe last threw: ${lastError instanceof Error ? lastError.message : String(lastError)}`;
			const seen = options.lastSeen ? `; last seen:\n${await lastSeenBy(options.lastSeen)}` : '';
			throw new Error(`gave up waiting for ${what} after ${timeoutMs} ms${cause}${seen}`);
		}
		await new Promise(resolve => setTimeout(resolve, options.everyMs ?? 20));
	}
}

/** What was last seen, or why it could not be had: the timeout it explains is the failure to report. */
async function lastSeenBy(lastSeen: () => string | Promise<string>): Promise<string> {
	try {
		return await lastSeen();
	} catch (error) {
		return `(could not be read: ${error instanceof Error ? error.message : String(error)})`;
	}
}
