import {input, select} from '@inquirer/prompts';
import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';

/** Typed into any text question, or chosen in any list, to return to the previous question. */
export const backToken = '<';

export interface Choice<T extends string> {
	name: string;
	value: T;
	description?: string;
}

/** Every question says its language: the interview's first answer may change it for the rest. */
export interface SelectQuestion<T extends string> {
	language: Language;
	message: string;
	choices: Array<Choice<T>>;
	default?: T;
}

export interface InputQuestion {
	language: Language;
	message: string;
	default?: string;
	validate?: (value: string) => true | string;
}

/**
 * The three things the interview needs from a terminal. The real one is inquirer; tests pass a
 * scripted one, so the question flow is tested without a keyboard.
 */
export interface PromptKit {
	select<T extends string>(question: SelectQuestion<T>): Promise<T | typeof backToken>;
	input(question: InputQuestion): Promise<string | typeof backToken>;
	note(text: string): void;
}

/** inquirer, used only while Ink is not mounted, so one reader owns the keyboard at a time. */
export function inquirerPromptKit(write: (text: string) => void): PromptKit {
	return {
		async select<T extends string>(question: SelectQuestion<T>) {
			const {language} = question;
			const back: Choice<typeof backToken> = {name: t(language, 'backChoice'), value: backToken, description: t(language, 'backChoiceHelp')};
			const choices: Array<Choice<T | typeof backToken>> = [...question.choices, back];
			// inquirer's own key help is English; ours is said in the interview's language.
			return select<T | typeof backToken>({
				message: question.message,
				choices,
				...(question.default === undefined ? {} : {default: question.default}),
				theme: {style: {keysHelpTip: () => t(language, 'selectHelp')}},
			});
		},
		async input(question) {
			return input({
				message: t(question.language, 'inputBackHint', {message: question.message, token: backToken}),
				default: question.default,
				validate: value => (value.trim() === backToken ? true : question.validate?.(value.trim()) ?? true),
			}).then(value => value.trim());
		},
		note(text) {
			write(`${text}\n`);
		},
	};
}
