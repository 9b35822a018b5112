import type {MessageParams} from './message-params.js';

interface Pair {
	en: string;
	zh: string;
}

type SameParams<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each pair as it is when both languages take the same parameters; otherwise a type it cannot match, naming the problem. */
type Checked<Catalog extends Record<string, Pair>> = {
	[Key in keyof Catalog]: SameParams<MessageParams<Catalog[Key]['en']>, MessageParams<Catalog[Key]['zh']>> extends true
		? Catalog[Key]
		: {en: Catalog[Key]['en']; zh: Catalog[Key]['zh']; problem: 'the Chinese and the English take different parameters'};
};

/** The catalog as written, refused by the compiler at the key whose languages disagree on parameters. */
export function defineCatalog<const Catalog extends Record<string, Pair>>(catalog: Catalog & Checked<Catalog>): Catalog {
	return catalog;
}

