/**
 * The parameters an ICU MessageFormat string takes, read from the string by the type checker, so
 * that a call with a missing, misspelt or extra parameter does not compile.
 *
 * A brace opens an argument where text is being read (the top level, or inside a plural or select
 * branch), and a branch where an argument's options are being read; a stack of those two contexts
 * tells which is which. Only the argument's name and type (plural, select, number…) are read: the
 * branches themselves are checked at run time by the ICU parser (see the catalog test).
 */

type Context = 'argument' | 'branch';

type Trim<S extends string> = S extends ` ${infer Rest}` ? Trim<Rest> : S extends `${infer Rest} ` ? Trim<Rest> : S;

type Pop<Stack extends Context[]> = Stack extends [...infer Rest extends Context[], Context] ? Rest : [];

type Top<Stack extends Context[]> = Stack extends [...Context[], infer Last] ? Last : undefined;

/** `count, plural, one {…` → ['count', 'plural']; `name} rest` → ['name', 'simple']. */
type ArgumentAt<Text extends string> = Text extends `${infer Head}}${string}`
	? Head extends `${infer Name},${infer Rest}`
		? [Trim<Name>, Trim<Rest extends `${infer Kind},${string}` ? Kind : Rest>]
		: [Trim<Head>, 'simple']
	: never;

type Scan<Text extends string, Stack extends Context[], Found extends [string, string]> = Text extends `${infer Before}{${infer After}`
	? Before extends `${string}}${infer Closed}`
		? Scan<`${Closed}{${After}`, Pop<Stack>, Found>
		: Top<Stack> extends 'argument'
			? Scan<After, [...Stack, 'branch'], Found>
			: Scan<After, [...Stack, 'argument'], Found | ArgumentAt<After>>
	: Found;

interface ValueOfKind {
	simple: string | number;
	number: number;
	plural: number;
	selectordinal: number;
	select: string;
	date: Date | number;
	time: Date | number;
}

type ValueOf<Kind extends string> = Kind extends keyof ValueOfKind ? ValueOfKind[Kind] : never;

/** The parameters of one message: `{labId}` gives `{labId: string | number}`, `{n, plural, …}` gives `{n: number}`. */
export type MessageParams<Message extends string> = {
	[Found in Scan<Message, [], never> as Found[0]]: ValueOf<Found[1]>;
};
