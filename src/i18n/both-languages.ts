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
