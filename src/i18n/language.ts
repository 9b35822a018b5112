import {UserInputError} from '../errors.js';
import type {Language} from '../steps/step.js';

export const languages: readonly Language[] = ['zh', 'en'];

/** --lang wins; otherwise LC_ALL, LC_MESSAGES, then LANG decide (zh_* means Chinese); English by default. */
export function chooseLanguage(flag: string | undefined, env: NodeJS.ProcessEnv): Language {
	if (flag !== undefined) {
		if (flag === 'zh' || flag === 'en') {
			return flag;
		}
		throw new UserInputError(`--lang ${flag} is not a language mesos-lab speaks.`, {hint: 'Use --lang zh or --lang en.'});
	}
	const locale = env['LC_ALL'] || env['LC_MESSAGES'] || env['LANG'] || '';
	return /^zh/i.test(locale) ? 'zh' : 'en';
}
