import {UserInputError} from '../errors.js';
import type {Language} from '../steps/step.js';
import {t} from './messages.js';

export type {Language} from '../steps/step.js';

export const languages: readonly Language[] = ['zh', 'en'];

/** Everything that may name the language, strongest first. */
export interface LanguageSources {
	/** `--lang` as typed on the command line. */
	flag?: string | undefined;
	/** MESOS_LAB_LANG, then the POSIX locale variables LC_ALL, LC_MESSAGES and LANG. */
	env: NodeJS.ProcessEnv;
	/** The `language:` a lab file names, when the command reads one and the file names it. */
	labFile?: Language | undefined;
}

/**
 * The one place the language is decided: `--lang`, then MESOS_LAB_LANG, then the lab file, then the
 * locale. A flag always wins, so `--lang en` gives English even for a lab file that says zh.
 */
export function chooseLanguage(sources: LanguageSources): Language {
	const fromLocale = localeLanguage(sources.env);
	const explicit = explicitLanguage(sources.flag, '--lang ', fromLocale) ?? explicitLanguage(nonEmpty(sources.env['MESOS_LAB_LANG']), 'MESOS_LAB_LANG=', fromLocale);
	return explicit ?? sources.labFile ?? fromLocale;
}

function explicitLanguage(value: string | undefined, setting: string, speak: Language): Language | undefined {
	if (value === undefined) {
		return undefined;
	}
	if ((languages as readonly string[]).includes(value)) {
		return value as Language;
	}
	throw new UserInputError(t(speak, 'langUnknown', {setting: `${setting}${value}`}), {hint: t(speak, 'langUnknownHint')});
}

/**
 * POSIX: the first of LC_ALL, LC_MESSAGES and LANG that is set and not empty names the locale of
 * messages, as `language[_territory][.codeset][@modifier]` (zh_CN.UTF-8, zh_TW.Big5, zh_HK,
 * zh_SG.GBK are the Chinese locales glibc ships): those, and plain zh, give zh; C, POSIX and every
 * other locale give en. BCP 47 tags (zh-CN, zh-Hans, zh-Hant-TW), which some terminals export
 * instead, are read the same way.
 */
export function localeLanguage(env: NodeJS.ProcessEnv): Language {
	const locale = nonEmpty(env['LC_ALL']) ?? nonEmpty(env['LC_MESSAGES']) ?? nonEmpty(env['LANG']) ?? '';
	return /^zh(?:[_-](?:CN|TW|HK|SG)|-Han[st](?:-[a-z]{2})?)?(?:[.@]|$)/i.test(locale) ? 'zh' : 'en';
}

function nonEmpty(value: string | undefined): string | undefined {
	return value === undefined || value.trim() === '' ? undefined : value.trim();
}
