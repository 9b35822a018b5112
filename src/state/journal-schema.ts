import * as z from 'zod';

// The shape a checkpoint file must have before any command trusts it. A file edited by hand or
// damaged on disk is reported with the first field that is wrong, never half-read. Fields this
// build does not know are kept, so a rewrite never drops what a later build added.

const timestamp = z.string().refine(value => !Number.isNaN(Date.parse(value)), 'a date and time');

const jobShape = {
	name: z.string(),
	dir: z.string(),
	command: z.string(),
	startedAt: z.string(),
	readBytes: z.number().int().min(0),
};

const attempts = z.number().int().min(0);

/**
 * A text a person reads later (why a step is in place or was skipped, why it failed, how to fix it), in
 * both languages; plain text from an older build still reads.
 */
const reason = z.union([z.string(), z.object({zh: z.string(), en: z.string()})]);

/**
 * One step on one host, one shape per status: a field exists only in the states it means something
 * in (a job handle while running, the error and hint once failed, who skipped it once skipped).
 * Timestamps a build before this one may not have written stay optional.
 */
function stepShapes<Job extends z.ZodType>(job: Job) {
	return {
		pending: {
			status: z.literal('pending'),
			attempts,
		},
		running: {
			status: z.literal('running'),
			attempts,
			startedAt: timestamp.optional(),
			/** What the step's check found before it applied. */
			reason: reason.optional(),
			/** The detached job it follows, re-attached on resume. */
			job: job.optional(),
		},
		done: {
			status: z.literal('done'),
			attempts,
			startedAt: timestamp.optional(),
			finishedAt: timestamp.optional(),
			reason: reason.optional(),
		},
		skipped: {
			status: z.literal('skipped'),
			attempts,
			startedAt: timestamp.optional(),
			finishedAt: timestamp.optional(),
			/** Why the step was skipped or found already in place. */
			reason: reason.optional(),
			/**
			 * Who skipped it: its own check found it in place (checked again on the next run, since
			 * things change), or someone asked (that choice is kept).
			 */
			skippedBy: z.enum(['check', 'request']).optional(),
		},
		failed: {
			status: z.literal('failed'),
			attempts,
			startedAt: timestamp.optional(),
			finishedAt: timestamp.optional(),
			lastError: reason,
			hint: reason.optional(),
			/** The job a failed attempt left, for a restart to pick up. */
			job: job.optional(),
		},
	};
}

// Read loosely, so a rewrite never drops fields a later build added; typed exactly, as this build knows them.
const fileShapes = stepShapes(z.looseObject(jobShape));
type KnownShapes = ReturnType<typeof stepShapes<z.ZodObject<typeof jobShape>>>;

export const stepRecordSchema = z.discriminatedUnion('status', [
	z.looseObject(fileShapes.pending),
	z.looseObject(fileShapes.running),
	z.looseObject(fileShapes.done),
	z.looseObject(fileShapes.skipped),
	z.looseObject(fileShapes.failed),
]);

type Known<Status extends keyof KnownShapes> = z.output<z.ZodObject<KnownShapes[Status]>>;

/** One step on one host, as recorded: one member per status. */
export type StepRecord = Known<'pending'> | Known<'running'> | Known<'done'> | Known<'skipped'> | Known<'failed'>;

const runInfo = z.looseObject({
	startedAt: timestamp,
	outcome: z.enum(['running', 'completed', 'stopped', 'failed']),
	finishedAt: timestamp.optional(),
	lastStop: reason.optional(),
});

export const journalFileSchema = z.looseObject({
	schemaVersion: z.number().int(),
	labId: z.string(),
	order: z.array(z.string()).optional(),
	steps: z.record(z.string(), stepRecordSchema),
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
