import {IntlMessageFormat} from 'intl-messageformat';
import type {Language} from '../steps/step.js';
import {messages, type MessageKey, type ParamsOf} from './catalog.js';

export type {MessageKey} from './catalog.js';

const locales: Record<Language, string> = {zh: 'zh-CN', en: 'en'};

const formats = new Map<string, IntlMessageFormat>();

function formatFor(language: Language, key: MessageKey): IntlMessageFormat {
	const id = `${language}:${key}`;
	let format = formats.get(id);
	if (format === undefined) {
		// ignoreTag: `<file>` in a message is text, not a rich-text element.
		format = new IntlMessageFormat(messages[key][language], locales[language], undefined, {ignoreTag: true});
		formats.set(id, format);
	}
	return format;
}

/** A key without parameters takes none; any other takes exactly its own. */
export type ParamsArgument<Key extends MessageKey> = keyof ParamsOf<Key> extends never ? [] : [params: ParamsOf<Key>];

/** The message for `key` in `language`, with its parameters filled in. */
export function t<Key extends MessageKey>(language: Language, key: Key, ...params: ParamsArgument<Key>): string {
	const message = messages[key][language];
	if (!/[{}]/.test(message)) {
		// Without braces ICU has nothing to fill in and only '' to read (as one apostrophe); skipping
		// the parse keeps `mesos-lab --help`, which shows some thirty such texts, quick to start.
		return message.replaceAll("''", "'");
	}
	const text = formatFor(language, key).format<string>(params[0]);
	return Array.isArray(text) ? text.join('') : text;
}
