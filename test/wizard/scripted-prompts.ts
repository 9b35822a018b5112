import {backToken, type PromptKit} from '../../src/wizard/prompt-kit.js';

/**
 * Answers questions from a script, the way a user would type them. An answer of `undefined`
 * takes the default. Each question asked is recorded with its validation result, so a test can
 * tell which question it was at and what the inline check said.
 */
export function scriptedPrompts(answers: Array<string | undefined>): {kit: PromptKit; asked: string[]; notes: string[]; rejected: string[]} {
	const asked: string[] = [];
	const notes: string[] = [];
	const rejected: string[] = [];
	const next = (message: string): string | undefined => {
		asked.push(message);
		if (answers.length === 0) {
			throw new Error(`No scripted answer for "${message}"`);
		}

		return answers.shift();
	};

	const kit: PromptKit = {
		async select(question) {
			const answer = next(question.message) ?? question.default ?? question.choices[0]?.value;
			if (answer === backToken) {
				return backToken;
			}

			const choice = question.choices.find(item => item.value === answer);
			if (!choice) {
				throw new Error(`"${answer}" is not a choice of "${question.message}"`);
			}

			return choice.value;
		},
		async input(question) {
			for (;;) {
				const answer = next(question.message) ?? question.default ?? '';
				if (answer === backToken) {
					return backToken;
				}

				const verdict = question.validate?.(answer) ?? true;
				if (verdict === true) {
					return answer;
				}

				rejected.push(verdict);
			}
		},
		note(text) {
			notes.push(text);
		},
	};
	return {kit, asked, notes, rejected};
}
