import {StoreError} from '../errors.js';
import {journalSchemaVersion, type Journal} from './journal.js';

/**
 * Brings a checkpoint file written by any earlier build up to the current format. A file from a
 * newer build is refused rather than rewritten, so downgrading never destroys a journal.
 */
export function migrateJournal(raw: Record<string, unknown>, file: string): Journal {
	const version = raw['schemaVersion'];
	if (typeof version !== 'number' || !Number.isInteger(version)) {
		throw new StoreError(`The checkpoint file ${file} has no schemaVersion.`, {
			hint: `Move it aside (mv ${file} ${file}.bad) to start this lab's journal afresh.`,
		});
	}
	if (version > journalSchemaVersion) {
		throw new StoreError(`The checkpoint file ${file} was written by a newer mesos-lab (format ${version}, this one reads ${journalSchemaVersion}).`, {
			hint: 'Upgrade mesos-lab, or use --home to keep this lab apart.',
		});
	}
	if (typeof raw['labId'] !== 'string' || typeof raw['steps'] !== 'object' || raw['steps'] === null) {
		throw new StoreError(`The checkpoint file ${file} is missing labId or steps.`, {
			hint: `Move it aside (mv ${file} ${file}.bad) to start this lab's journal afresh.`,
		});
	}
	const order = Array.isArray(raw['order']) ? raw['order'].filter((key): key is string => typeof key === 'string') : Object.keys(raw['steps']);
	return {...(raw as unknown as Journal), order, schemaVersion: journalSchemaVersion};
}
