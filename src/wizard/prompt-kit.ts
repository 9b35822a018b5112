import {input, select} from '@inquirer/prompts';

/** Typed into any text question, or chosen in any list, to return to the previous question. */
export const backToken = '<';

export interface Choice<T extends string> {
	name: string;
	value: T;
	description?: string;
}

/**
 * The three things the interview needs from a terminal. The real one is inquirer; tests pass a
 * scripted one, so the question flow is tested without a keyboard.
 */
export interface PromptKit {
	select<T extends string>(question: {message: string; choices: Array<Choice<T>>; default?: T}): Promise<T | typeof backToken>;
	input(question: {message: string; default?: string; validate?: (value: string) => true | string}): Promise<string | typeof backToken>;
	note(text: string): void;
}

/** inquirer, used only while Ink is not mounted, so one reader owns the keyboard at a time. */
export function inquirerPromptKit(write: (text: string) => void): PromptKit {
	return {
		async select<T extends string>(question: {message: string; choices: Array<Choice<T>>; default?: T}) {
			const choices: Array<Choice<T | typeof backToken>> = [...question.choices, {name: '← back', value: backToken, description: 'Return to the previous question'}];
			return select<T | typeof backToken>({message: question.message, choices, default: question.default});
		},
		async input(question) {
			return input({
				message: `${question.message} (${backToken} to go back)`,
				default: question.default,
				validate: value => (value.trim() === backToken ? true : question.validate?.(value.trim()) ?? true),
			}).then(value => value.trim());
		},
		note(text) {
			write(`${text}\n`);
		},
	};
}
