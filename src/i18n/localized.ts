import type {Language, Localized} from '../steps/step.js';
import type {MessageKey} from './catalog.js';
import {t, type ParamsArgument} from './messages.js';

/**
 * A catalog message in both languages at once, for texts made before the reader's language is
 * known (step titles, whys, hints): whoever shows one picks its language.
 */
export function localized<Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): Localized {
	return {zh: t('zh', key, ...params), en: t('en', key, ...params)};
}

/** As `localized`, for parameters that differ by language, such as a list joined with 、 or with commas. */
export function localizedBy<Key extends MessageKey>(key: Key, params: (language: Language) => ParamsArgument<Key>): Localized {
	return {zh: t('zh', key, ...params('zh')), en: t('en', key, ...params('en'))};
}

/** Items as a list in running text: 、 between Chinese items, a comma and space between English ones. */
export function listText(language: Language, items: readonly string[]): string {
	return items.join(language === 'zh' ? '、' : ', ');
}

/** Text that reads the same in both languages: a value the machine printed, a name, a version. */
export function verbatim(text: string): Localized {
	return {zh: text, en: text};
}

/** A text followed by what a command printed (kept as printed): `text: detail`, or the text alone when nothing was printed. */
export function withDetail(text: Localized, detail: string): Localized {
	return detail === '' ? text : {zh: `${text.zh}：${detail}`, en: `${text.en}: ${detail}`};
}

/** A reason saved by an older build as plain text still shows, the same in either language. */
export function inLanguage(text: Localized | string, language: Language): string {
	return typeof text === 'string' ? text : text[language];
}
