import {localized} from '../i18n/localized.js';
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
		throw new StoreError(localized('errTheCheckpointFileHasNo', {file}), {
			hint: localized('errTheCheckpointFileHasNoHint', {moveAside: moveAside(file)}),
		});
	}
	if (version > journalSchemaVersion) {
		throw new StoreError(localized('errTheCheckpointFileWasWritten', {file, version, journalSchemaVersion}), {
			hint: localized('errTheCheckpointFileWasWrittenHint'),
		});
	}
	const parsed = journalFileSchema.safeParse(raw);
	if (!parsed.success) {
		throw new StoreError(localized('errTheCheckpointFileIsDamaged', {file, firstIssue: firstIssue(parsed.error)}), {
			hint: localized('errTheCheckpointFileIsDamagedHint', {moveAside: moveAside(file)}),
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
		throw new StoreError(localized('errSavedLabCannotBeUsed', {labId, detail: error.message}), {
			hint: localized('errSavedLabCannotBeUsedHint', {labId}),
			cause: error,
		});
	}
}

/** The command that moves a bad checkpoint file out of the way, quoted for copy and paste. */
export function moveAside(file: string): string {
	return `mv ${quoteShellArg(file)} ${quoteShellArg(`${file}.bad`)}`;
}
