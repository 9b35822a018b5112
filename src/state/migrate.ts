import {StoreError, UserInputError} from '../errors.js';
import {quoteShellArg} from '../exec/quote.js';
import {validateLab} from '../lab/lab-file.js';
import type {Lab} from '../lab/lab-schema.js';
import {journalFileSchema, firstIssue} from './journal-schema.js';
import {journalSchemaVersion, type Journal} from './journal.js';

/**
 * Brings a checkpoint file written by any earlier build up to the current format. A file from a
 * newer build is refused rather than rewritten, so downgrading never destroys a journal.
 */
export function migrateJournal(raw: Record<string, unknown>, file: string): Journal {
	const version = raw['schemaVersion'];
	if (typeof version !== 'number' || !Number.isInteger(version)) {
		throw new StoreError(`The checkpoint file ${file} has no schemaVersion.`, {
			hint: `Move it aside (${moveAside(file)}) to start this lab's journal afresh.`,
		});
	}
	if (version > journalSchemaVersion) {
		throw new StoreError(`The checkpoint file ${file} was written by a newer mesos-lab (format ${version}, this one reads ${journalSchemaVersion}).`, {
			hint: 'Upgrade mesos-lab, or use --home to keep this lab apart.',
		});
	}
	const parsed = journalFileSchema.safeParse(raw);
	if (!parsed.success) {
		throw new StoreError(`The checkpoint file ${file} is damaged (${firstIssue(parsed.error)}); it was left untouched.`, {
			hint: `Fix that field by hand, or move the file aside (${moveAside(file)}) to start this lab's journal afresh.`,
		});
	}
	const {lab, ...journal} = parsed.data;
	return {
		...journal,
		order: journal.order ?? Object.keys(journal.steps),
		schemaVersion: journalSchemaVersion,
		...(lab === undefined ? {} : {lab: savedLab(lab, file, journal.labId)}),
	} as Journal;
}

/** The lab kept in the journal, checked as a lab file is: one this build cannot use is named with its field and a way on. */
function savedLab(raw: unknown, file: string, labId: string): Lab {
	try {
		return validateLab(raw, `the lab saved in ${file}`);
	} catch (error) {
		if (!(error instanceof UserInputError)) {
			throw error;
		}
		throw new StoreError(`The saved lab of ${labId} cannot be used: ${error.message}`, {
			hint: `Nothing was changed. Write a corrected lab file and run \`mesos-lab init --config lab.yaml --lab-id ${labId}\`: it continues from the same journal.`,
			cause: error,
		});
	}
}

/** The command that moves a bad checkpoint file out of the way, quoted for copy and paste. */
export function moveAside(file: string): string {
	return `mv ${quoteShellArg(file)} ${quoteShellArg(`${file}.bad`)}`;
}
