import {exitCodes, isMesosLabError} from '../errors.js';
import {t} from '../i18n/messages.js';
import {cleanText} from '../untrusted-text.js';
import type {CommandContext} from './context.js';

/** The one place errors become text and an exit code. Stacks only with --debug. */
export function handleError(error: unknown, ctx: Pick<CommandContext, 'stderr' | 'debug' | 'lang'>): number {
	if (isMesosLabError(error)) {
		// Messages quote response bodies and command output: they are cleaned like any text from outside.
		const text = error.textIn(ctx.lang);
		ctx.stderr.write(`${cleanText(text.message)}\n`);
		if (text.hint) {
			ctx.stderr.write(`${t(ctx.lang, 'withHint', {hint: cleanText(text.hint)})}\n`);
		}
		if (ctx.debug && error.stack) {
			ctx.stderr.write(`${error.stack}\n`);
		}
		return error.exitCode;
	}
	const message = cleanText(error instanceof Error ? error.message : String(error));
	if (ctx.debug) {
		ctx.stderr.write(`${error instanceof Error && error.stack ? error.stack : message}\n`);
	} else {
		ctx.stderr.write(`${t(ctx.lang, 'runWithDebug', {message: message.split('\n')[0] ?? ''})}\n`);
	}
	return exitCodes.failure;
}
