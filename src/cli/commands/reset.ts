import {createInterface} from 'node:readline/promises';
import {UserInputError} from '../../errors.js';
import {t} from '../../i18n/messages.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import type {Journal} from '../../state/journal.js';
import {acquireLabLock} from '../../state/lock.js';
import type {CommandContext} from '../context.js';
import {resolveLabId} from './status.js';

export interface ResetOptions {
	labId?: string;
	yes?: boolean;
}

/** Undoes the install on the targets before the journal is forgotten; the steps provide it. */
export type UndoOnTargets = (journal: Journal, ctx: CommandContext) => Promise<void>;

export interface ResetHooks {
	undoOnTargets?: UndoOnTargets;
}

export async function run(options: ResetOptions, ctx: CommandContext, hooks: ResetHooks = {}): Promise<number> {
	const labId = resolveLabId(ctx.home, options.labId);
	const store = CheckpointStore.open(ctx.home, labId);
	if (!options.yes) {
		const answer = await ask(t(ctx.lang, 'resetConfirm', {labId}), ctx);
		if (answer.trim() !== labId) {
			throw new UserInputError(`"${answer.trim()}" does not match ${labId}; nothing was removed.`, {hint: `Type ${labId} exactly, or pass --yes.`});
		}
	}
	const lock = acquireLabLock(store.dir);
	try {
		await hooks.undoOnTargets?.(store.journal(), ctx);
	} catch (error) {
		lock.release();
		throw error;
	}
	store.remove();
	ctx.stdout.write(`${t(ctx.lang, 'resetDone', {labId, dir: store.dir})}\n`);
	return 0;
}

async function ask(question: string, ctx: CommandContext): Promise<string> {
	const reader = createInterface({input: ctx.stdin, output: ctx.stderr, terminal: false});
	try {
		ctx.stderr.write(question);
		const lines = reader[Symbol.asyncIterator]();
		const next = await lines.next();
		return next.done ? '' : next.value;
	} finally {
		reader.close();
	}
}
