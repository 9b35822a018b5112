import type {Language, Localized} from '../steps/step.js';

/** What the screens need to explain a step, looked up by its key so renderers never hold the Step. */
export interface StepInfo {
	title: Localized;
	why: Localized;
	/** Steps that depend on this one, warned about before a skip. */
	dependents: string[];
}

export type StepInfoLookup = (key: string) => StepInfo | undefined;

export function localize(text: Localized | undefined, language: Language, fallback: string): string {
	return text ? text[language] : fallback;
}
