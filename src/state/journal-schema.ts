import * as z from 'zod';

// The shape a checkpoint file must have before any command trusts it. A file edited by hand or
// damaged on disk is reported with the first field that is wrong, never half-read. Fields this
// build does not know are kept, so a rewrite never drops what a later build added.

const timestamp = z.string().refine(value => !Number.isNaN(Date.parse(value)), 'a date and time');

const job = z.looseObject({
	name: z.string(),
	dir: z.string(),
	command: z.string(),
	startedAt: z.string(),
	readBytes: z.number().int().min(0),
});

const stepRecord = z.looseObject({
	status: z.enum(['pending', 'running', 'done', 'failed', 'skipped']),
	attempts: z.number().int().min(0),
	startedAt: timestamp.optional(),
	finishedAt: timestamp.optional(),
	reason: z.string().optional(),
	lastError: z.string().optional(),
	hint: z.string().optional(),
	job: job.optional(),
});

const runInfo = z.looseObject({
	startedAt: timestamp,
	outcome: z.enum(['running', 'completed', 'stopped', 'failed']),
	finishedAt: timestamp.optional(),
	lastStop: z.string().optional(),
});

export const journalFileSchema = z.looseObject({
	schemaVersion: z.number().int(),
	labId: z.string(),
	order: z.array(z.string()).optional(),
	steps: z.record(z.string(), stepRecord),
	run: runInfo.optional(),
	// Checked against the lab schema by migrateJournal, which names the file and the field at fault.
	lab: z.unknown().optional(),
});

/** The first problem zod found, as `field.path: what was expected`. */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (issue === undefined) {
		return 'unexpected content';
	}
	const path = issue.path.map(String).join('.');
	return `${path === '' ? 'the file' : path}: ${issue.message}`;
}
