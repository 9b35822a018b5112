import {UserInputError} from '../../errors.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import type {Journal, StepFields, StepRecord} from '../../state/journal.js';
import {readLabLock} from '../../state/lock.js';
import {cleanLine, terminalSafeJson} from '../../untrusted-text.js';
import type {CommandContext} from '../context.js';
import * as z from 'zod';
import {flag, word} from '../command-options.js';

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
			throw new UserInputError(`There is no lab "${labId}" under ${home}.`, {hint: labHint(home)});
		}
		return labId;
	}
	const labs = CheckpointStore.list(home);
	if (labs.length === 1) {
		return labs[0]!;
	}
	if (labs.length === 0) {
		throw new UserInputError(`There are no labs under ${home}.`, {hint: 'Start one with `mesos-lab init`, or point --home at the right folder.'});
	}
	throw new UserInputError(`There are several labs under ${home}: ${labs.join(', ')}.`, {hint: 'Choose one with --lab-id.'});
}

function labHint(home: string): string {
	const labs = CheckpointStore.list(home);
	return labs.length > 0 ? `Labs here: ${labs.join(', ')}.` : 'Start one with `mesos-lab init`.';
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

export function stepRows(journal: Journal): StepRow[] {
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
			reason: record.reason ?? null,
			lastError: record.lastError ?? null,
			hint: record.hint ?? null,
			job: record.job ? {name: record.job.name, readBytes: record.job.readBytes} : null,
		};
	});
}

export async function run(options: StatusOptions, ctx: CommandContext): Promise<number> {
	const labId = resolveLabId(ctx.home, options.labId);
	const store = CheckpointStore.open(ctx.home, labId);
	const journal = store.journal();
	const rows = stepRows(journal);
	const lock = readLabLock(store.dir);
	if (options.json) {
		ctx.stdout.write(`${terminalSafeJson(JSON.stringify({labId, file: store.file, run: journal.run ?? null, lockedBy: lock ?? null, steps: rows}, null, 2))}\n`);
		return 0;
	}
	const zh = ctx.lang === 'zh';
	const head = [zh ? '步骤' : 'STEP', zh ? '状态' : 'STATE', zh ? '尝试次数' : 'TRIES', zh ? '开始' : 'STARTED', zh ? '耗时' : 'TOOK', zh ? '说明' : 'NOTE'];
	const table = rows.map(row => [
		row.key,
		row.status,
		String(row.attempts),
		row.startedAt ? row.startedAt.replace('T', ' ').slice(0, 19) : '-',
		row.durationMs === null ? '-' : formatDuration(row.durationMs),
		cleanLine(row.lastError && row.status === 'failed' ? row.lastError : (row.job && row.status === 'running' ? `job ${row.job.name} @${row.job.readBytes}` : (row.reason ?? ''))),
	]);
	const widths = head.map((cell, index) => Math.max(cell.length, ...table.map(line => line[index]!.length)));
	const format = (cells: string[]) => cells.map((cell, index) => (index === cells.length - 1 ? cell : cell.padEnd(widths[index]!))).join('  ').trimEnd();
	ctx.stdout.write(`lab ${labId}${journal.run ? ` · ${journal.run.outcome}${journal.run.lastStop ? ` (${cleanLine(journal.run.lastStop)})` : ''}` : ''}${lock ? ` · ${zh ? '运行中' : 'in use by'} pid ${lock.pid}@${lock.host}` : ''}\n`);
	if (rows.length === 0) {
		ctx.stdout.write(zh ? '这个实验环境还没有记录任何步骤；`mesos-lab resume` 会从头开始。\n' : 'No step of this lab has been recorded yet; `mesos-lab resume` starts from the beginning.\n');
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
