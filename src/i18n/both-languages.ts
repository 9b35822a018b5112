import {UserInputError} from '../errors.js';
import type {Language} from '../steps/step.js';
import {t, type MessageKey, type ParamsArgument} from './messages.js';

/**
 * A message in both languages at once, for texts made before anyone knows who reads them: an
 * error carries its English message and its Chinese one, and the command line prints the one the
 * user speaks.
 */
export function inBoth<Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): Record<Language, string> {
	return {en: t('en', key, ...params), zh: t('zh', key, ...params)};
}

/** Bad input, said in both languages; the command line shows the user's. */
export function bilingualInputError(message: Record<Language, string>, hint?: Record<Language, string>, cause?: unknown): UserInputError {
	return new UserInputError(message.en, {
		...(hint ? {hint: hint.en} : {}),
		zh: {message: message.zh, ...(hint ? {hint: hint.zh} : {})},
		...(cause === undefined ? {} : {cause}),
	});
}
