import type {MessageKey} from '../../i18n/catalog.js';
import {t, type ParamsArgument} from '../../i18n/messages.js';

/**
 * A catalog text as `#` comment lines in a file written on a host: the English lines, then the Chinese.
 * Both go in whatever the reader's language, because the step's check compares the file's content:
 * a file that followed --lang would be rewritten by a re-run in the other language.
 */
export function hostComment<Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): string[] {
	return [...t('en', key, ...params).split('\n'), ...t('zh', key, ...params).split('\n')].map((line) => `# ${line}`);
}

/** The same for XML: one comment per language ("--" may not appear inside an XML comment). */
export function xmlHostComment<Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): string[] {
	return [t('en', key, ...params), t('zh', key, ...params)].map((text) => `<!-- ${text.replaceAll('--', '- -')} -->`);
}
