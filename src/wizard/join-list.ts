import type {Language} from '../steps/step.js';

/** Chinese lists names with the enumeration comma 、, English with a comma and a space. */
const separators: Record<Language, string> = {zh: '、', en: ', '};

export function joinList(items: readonly string[], language: Language): string {
	return items.join(separators[language]);
}
