import {localized, localizedBy} from '../i18n/localized.js';
import {existsSync, mkdirSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {BugError, StoreError} from '../errors.js';
import {quoteShellArg} from '../exec/quote.js';
import {validateLab} from '../lab/lab-file.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Localized} from '../steps/step.js';
import {emptyJournal, journalSchemaVersion, type Journal, type JournalJob, type RunInfo, type StepFields, type StepRecord} from './journal.js';
import {appendFileFully, previousCopyOf, replaceFileDurably} from './durable-write.js';
import {migrateJournal, moveAside} from './migrate.js';
import {labDir, stepLogFile} from './paths.js';

const secretKey = /pass(word|phrase)|secret|token|credential|private.?key$/i;

/** A copy of the lab configuration fit for disk: every field that could hold a secret is dropped. */
export function withoutSecrets(value: unknown): unknown {
	if (Array.isArray(value)) {
		return value.map(withoutSecrets);
	}
	if (value !== null && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value)
			.filter(([key]) => !secretKey.test(key))
			.map(([key, inner]) => [key, withoutSecrets(inner)]));
	}
	return value;
}

/**
 * The journal of one lab: `<home>/labs/<labId>/checkpoints.json`, written whole and atomically on
 * every change, plus one log file per step. A file that cannot be read is reported, never replaced.
 */
export class CheckpointStore {
	readonly labId: string;
	readonly dir: string;
	readonly file: string;
	readonly #home: string;

	private constructor(home: string, labId: string, dir: string) {
		this.#home = home;
		this.labId = labId;
		this.dir = dir;
		this.file = join(dir, 'checkpoints.json');
	}

	/** Opens (creating when absent) the journal of `labId` under `home`. Throws StoreError for a bad file. */
	static open(home: string, labId: string): CheckpointStore {
		const dir = labDir(home, labId);
		const file = join(dir, 'checkpoints.json');
		try {
			mkdirSync(dir, {recursive: true});
		} catch (error) {
			throw notSaved(file, error);
		}
		const store = new CheckpointStore(home, labId, dir);
		const journal = store.journal();
		if (!existsSync(file) || journal.schemaVersion !== journalSchemaVersion) {
			store.#write(journal);
		}
		return store;
	}

	/** Whether a lab already has a journal on disk, without creating one. */
	static exists(home: string, labId: string): boolean {
		return existsSync(join(labDir(home, labId), 'checkpoints.json'));
	}

	/** Lab ids that have a journal under `home`. */
	static list(home: string): string[] {
		const labs = join(home, 'labs');
		if (!existsSync(labs)) {
			return [];
		}
		return readdirSync(labs).filter(labId => existsSync(join(labs, labId, 'checkpoints.json'))).sort();
	}

	journal(): Journal {
		const raw = this.#readObject();
		if (raw === undefined || Object.keys(raw).length === 0) {
			return emptyJournal(this.labId);
		}
		return migrateJournal(raw, this.file);
	}

	step(key: string): StepRecord | undefined {
		return this.journal().steps[key];
	}

	/** Records the plan's step keys in order; steps absent from the journal start pending. */
	savePlan(keys: readonly string[]): void {
		const journal = this.journal();
		journal.order = [...keys];
		for (const key of keys) {
			journal.steps[key] ??= {status: 'pending', attempts: 0};
		}
		this.#write(journal);
	}

	saveStep(key: string, record: StepRecord): void {
		const journal = this.journal();
		journal.steps[key] = record;
		if (!journal.order.includes(key)) {
			journal.order.push(key);
		}
		this.#write(journal);
	}

	/** Records what a running step learned: its check's finding, or how far its job's log was read. */
	updateRunning(key: string, patch: {reason?: Localized; job?: JournalJob}): void {
		const journal = this.journal();
		const record = journal.steps[key];
		if (record?.status !== 'running') {
			throw new BugError(localized('errStepIsNotRunning', {key, status: record?.status ?? 'unknown'}));
		}
		journal.steps[key] = {...record, ...patch};
		this.#write(journal);
	}

	/** Marks the step failed, keeping its attempt count, start and any job it left for a restart. */
	failStep(key: string, failure: {finishedAt: string; lastError: Localized; hint?: Localized}): void {
		const journal = this.journal();
		const fields: StepFields = journal.steps[key] ?? {};
		journal.steps[key] = {
			status: 'failed',
			attempts: journal.steps[key]?.attempts ?? 0,
			...(fields.startedAt === undefined ? {} : {startedAt: fields.startedAt}),
			...(fields.job === undefined ? {} : {job: fields.job}),
			...failure,
		};
		this.#write(journal);
	}

	saveRun(run: RunInfo): void {
		const journal = this.journal();
		journal.run = run;
		this.#write(journal);
	}

	/** Keeps the lab configuration the plan came from; secrets never reach the file. */
	saveLab(lab: Lab): void {
		const journal = this.journal();
		// Checked again without its secrets, so what is kept is still a lab this build can read back.
		journal.lab = validateLab(withoutSecrets(lab), 'the lab to save');
		this.#write(journal);
	}

	logPath(key: string): string {
		return stepLogFile(this.#home, this.labId, key);
	}

	appendLog(key: string, text: string): void {
		const path = this.logPath(key);
		try {
			mkdirSync(join(this.dir, 'logs'), {recursive: true});
			appendFileFully(path, text);
		} catch (error) {
			const why = whyNotWritten(codeOf(error));
			throw new StoreError(localizedBy('errCouldNotWriteTheStep', language => [{path, codeOf: why[language]}]), {
				hint: localized('errCouldNotWriteTheStepHint'),
				cause: error,
			});
		}
	}

	/** The step's log, or undefined when it never wrote one. */
	readLog(key: string): string | undefined {
		const path = this.logPath(key);
		try {
			return readFileSync(path, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
				return undefined;
			}
			throw new StoreError(localized('errCouldNotReadTheStep', {path}), {hint: localized('errCouldNotReadTheStepHint'), cause: error});
		}
	}

	/** Deletes the lab's journal, logs and lock: the local half of `reset`. */
	remove(): void {
		rmSync(this.dir, {recursive: true, force: true});
	}

	/** The journal file's object, or undefined when there is no file yet; anything else is damage to report. */
	#readObject(): Record<string, unknown> | undefined {
		let text: string;
		try {
			text = readFileSync(this.file, 'utf8');
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
				return undefined;
			}
			throw unreadable(this.file, error);
		}
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			throw unreadable(this.file, error);
		}
		if (value === null || typeof value !== 'object' || Array.isArray(value)) {
			throw unreadable(this.file, new Error('it does not hold a JSON object'));
		}
		return value as Record<string, unknown>;
	}

	#write(journal: Journal): void {
		try {
			replaceFileDurably(this.file, `${JSON.stringify({...journal, schemaVersion: journalSchemaVersion}, undefined, '\t')}\n`);
		} catch (error) {
			throw notSaved(this.file, error);
		}
	}
}

function codeOf(error: unknown): string {
	return (error as NodeJS.ErrnoException | undefined)?.code ?? (error instanceof Error ? error.message : String(error));
}

/** Why a write failed, in words, for the errno codes a full or locked-down disk gives. */
function whyNotWritten(code: string): Localized {
	return code === 'ENOSPC' ? localized('errDiskFull') : code === 'EROFS' ? localized('errReadOnlyFileSystem') : code === 'EACCES' || code === 'EPERM' ? localized('errFolderNotWritable') : {en: code, zh: code};
}

/** A save that failed: the file on disk is still the last good one, so the run stops and says so. */
function notSaved(file: string, error: unknown): StoreError {
	const why = whyNotWritten(codeOf(error));
	return new StoreError(localizedBy('errCheckpointSaveFailed', (language) => [{file, why: why[language], previous: previousCopyOf(file)}]), {
		hint: localized('errCouldNotWriteTheStepHint'),
		cause: error,
	});
}

function unreadable(file: string, error: unknown): StoreError {
	const detail = (error instanceof Error ? error.message.split('\n')[0] : undefined) ?? String(error);
	const code = (error as NodeJS.ErrnoException | undefined)?.code;
	const hint = code === 'EACCES' || code === 'EPERM'
		? localized('errCheckpointOwnerHint', {file, command: `ls -l ${quoteShellArg(file)}`})
		: localized('errCheckpointFixJsonHint', {moveAside: moveAside(file)});
	return new StoreError(localized('errTheCheckpointFileCannotBe', {file, detail}), {hint, cause: error});
}
