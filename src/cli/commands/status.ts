import {UserInputError} from '../../errors.js';
import {inLanguage} from '../../i18n/localized.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import type {Journal, StepFields, StepRecord} from '../../state/journal.js';
import {readLabLock} from '../../state/lock.js';
import {cleanLine, terminalSafeJson} from '../../untrusted-text.js';
import type {CommandContext} from '../context.js';
import * as z from 'zod';
import {flag, word} from '../command-options.js';
import {displayWidth, padToWidth} from '../../i18n/display-width.js';
import type {Language} from '../../i18n/language.js';
import {t} from '../../i18n/messages.js';

/** `mesos-lab status`'s flags. */
export const options = z.object({
	labId: word,
	json: flag,
});
export type StatusOptions = z.output<typeof options>;

/** Picks the lab a command acts on: the one named, or the only one there is. */
export function resolveLabId(home: string, labId: string | undefined): string {
	if (labId !== undefined) {
		if (!CheckpointStore.exists(home, labId)) {
			throw new UserInputError(t('en', 'noSuchLab', {labId, home}), {hint: labHint(home, 'en'), zh: {message: t('zh', 'noSuchLab', {labId, home}), hint: labHint(home, 'zh')}});
		}
		return labId;
	}
	const labs = CheckpointStore.list(home);
	if (labs.length === 1) {
		return labs[0]!;
	}
	if (labs.length === 0) {
		throw new UserInputError(t('en', 'noLabsUnder', {home}), {hint: t('en', 'noLabsUnderHint'), zh: {message: t('zh', 'noLabsUnder', {home}), hint: t('zh', 'noLabsUnderHint')}});
	}
	const several = {home, labs: labs.join(', ')};
	throw new UserInputError(t('en', 'severalLabs', several), {hint: t('en', 'severalLabsHint'), zh: {message: t('zh', 'severalLabs', several), hint: t('zh', 'severalLabsHint')}});
}

function labHint(home: string, language: Language): string {
	const labs = CheckpointStore.list(home);
	return labs.length > 0 ? t(language, 'labsHere', {labs: labs.join(', ')}) : t(language, 'startOne');
}

export interface StepRow {
	key: string;
	status: string;
	attempts: number;
	startedAt: string | null;
	finishedAt: string | null;
	durationMs: number | null;
	reason: string | null;
	lastError: string | null;
	hint: string | null;
	job: {name: string; readBytes: number} | null;
}

export function stepRows(journal: Journal, language: Language): StepRow[] {
	const keys = [...journal.order, ...Object.keys(journal.steps).filter(key => !journal.order.includes(key))];
	return keys.map(key => {
		const step = journal.steps[key] ?? {status: 'pending' as const, attempts: 0};
		const record: StepFields & Pick<StepRecord, 'status' | 'attempts'> = step;
		const durationMs = record.startedAt && record.finishedAt ? Date.parse(record.finishedAt) - Date.parse(record.startedAt) : null;
		return {
			key,
			status: record.status,
			attempts: record.attempts,
			startedAt: record.startedAt ?? null,
			finishedAt: record.finishedAt ?? null,
			durationMs,
			reason: record.reason === undefined ? null : inLanguage(record.reason, language),
			lastError: record.lastError === undefined ? null : inLanguage(record.lastError, language),
			hint: record.hint === undefined ? null : inLanguage(record.hint, language),
			job: record.job ? {name: record.job.name, readBytes: record.job.readBytes} : null,
		};
	});
}

export async function run(options: StatusOptions, ctx: CommandContext): Promise<number> {
	const labId = resolveLabId(ctx.home, options.labId);
	const store = CheckpointStore.open(ctx.home, labId);
	const journal = store.journal();
	const rows = stepRows(journal, ctx.lang);
	const lock = readLabLock(store.dir);
	if (options.json) {
		ctx.stdout.write(`${terminalSafeJson(JSON.stringify({labId, file: store.file, run: journal.run ?? null, lockedBy: lock ?? null, steps: rows}, null, 2))}\n`);
		return 0;
	}
	const say = ctx.lang;
	const head = (['statusColStep', 'statusColState', 'statusColTries', 'statusColStarted', 'statusColTook', 'statusColNote'] as const).map(key => t(say, key));
	const table = rows.map(row => [
		row.key,
		t(say, 'statusStep', {status: row.status}),
		String(row.attempts),
		row.startedAt ? row.startedAt.replace('T', ' ').slice(0, 19) : '-',
		row.durationMs === null ? '-' : formatDuration(row.durationMs),
		cleanLine(row.lastError && row.status === 'failed' ? row.lastError : (row.job && row.status === 'running' ? t(say, 'statusJob', {name: row.job.name, bytes: String(row.job.readBytes)}) : (row.reason ?? ''))),
	]);
	// Widths in display columns: a Chinese head or state takes two columns a character.
	const widths = head.map((cell, index) => Math.max(displayWidth(cell), ...table.map(line => displayWidth(line[index]!))));
	const format = (cells: string[]) => cells.map((cell, index) => (index === cells.length - 1 ? cell : padToWidth(cell, widths[index]!))).join('  ').trimEnd();
	const parts = [t(say, 'statusLab', {labId})];
	if (journal.run) {
		parts.push(`${t(say, 'statusRun', {outcome: journal.run.outcome})}${journal.run.lastStop ? ` (${cleanLine(inLanguage(journal.run.lastStop, say))})` : ''}`);
	}
	if (lock) {
		parts.push(t(say, 'statusInUse', {pid: lock.pid, host: lock.host}));
	}
	ctx.stdout.write(`${parts.join(' · ')}\n`);
	if (rows.length === 0) {
		ctx.stdout.write(`${t(say, 'statusNoSteps')}\n`);
		return 0;
	}
	ctx.stdout.write(`${[format(head), ...table.map(format)].join('\n')}\n`);
	return 0;
}

function formatDuration(ms: number): string {
	if (ms < 1000) {
		return `${ms}ms`;
	}
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
