import {UserInputError} from '../../errors.js';
import {t} from '../../i18n/messages.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import {cleanText} from '../../untrusted-text.js';
import {nearest} from '../suggest.js';
import type {CommandContext} from '../context.js';
import {localized} from '../../i18n/localized.js';
import {resolveLabId} from './status.js';
import * as z from 'zod';
import {word} from '../command-options.js';

/** `mesos-lab logs [STEP]`'s argument and flags. */
export const options = z.object({
	labId: word,
	step: word,
});
export type LogsOptions = z.output<typeof options>;

export async function run(options: LogsOptions, ctx: CommandContext): Promise<number> {
	const store = CheckpointStore.open(ctx.home, resolveLabId(ctx.home, options.labId));
	const journal = store.journal();
	const keys = journal.order.length > 0 ? journal.order : Object.keys(journal.steps);
	if (options.step !== undefined) {
		if (!keys.includes(options.step)) {
			const guess = nearest(options.step, keys);
			throw new UserInputError(localized('noSuchStep', {step: options.step, labId: store.labId}), {hint: guess ? localized('noSuchStepNear', {guess}) : localized('statusListsSteps')});
		}
		const text = store.readLog(options.step);
		ctx.stdout.write(text === undefined ? `${t(ctx.lang, 'noLog')}\n` : cleanText(text));
		return 0;
	}
	for (const key of keys) {
		const text = store.readLog(key);
		if (text !== undefined) {
			ctx.stdout.write(cleanText(`==> ${key} <==\n${text}${text.endsWith('\n') ? '' : '\n'}`));
		}
	}
	return 0;
}
