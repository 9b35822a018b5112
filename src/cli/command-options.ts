import {localized} from '../i18n/localized.js';
import * as z from 'zod';
import {BugError} from '../errors.js';
import {firstIssue} from '../state/journal-schema.js';

// What commander hands a command, checked against the command's own schema before the command runs,
// so every `run(options)` receives exactly its type. Commander already refused unknown flags and
// bad choices; a mismatch here is a mistake in the command table, not in what the user typed.

/** A switch: present (true), negated with --no-… (false) or absent. */
export const flag = z.boolean().optional();

/** A flag that takes one word. */
export const word = z.string().optional();

/** A flag given any number of times. */
export const words = z.array(z.string()).optional();

/** How a command reaches lab hosts over SSH. */
export const hostAccessOptions = z.object({
	acceptNewHostKey: flag,
	/** `--ssh-config FILE`: read this instead of ~/.ssh/config. */
	sshConfig: word,
});

/** How a command reaches a secured Mesos or Marathon. */
export const clusterAccessOptions = z.object({
	mesosCredentialsFile: word,
	marathonCredentialsFile: word,
	caFile: word,
});

/** `raw` as the command's options, or a BugError naming the first field the command table got wrong. */
export function parseOptions<Options>(schema: z.ZodType<Options>, raw: Record<string, unknown>, command: string): Options {
	const result = schema.safeParse(raw);
	if (!result.success) {
		throw new BugError(localized('errOptionsDoNotFitSchema', {command, issue: firstIssue(result.error)}));
	}
	return result.data;
}
