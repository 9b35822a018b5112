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
