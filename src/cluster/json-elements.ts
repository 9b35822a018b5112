/**
 * The elements of one array in a JSON object's text, each parsed on its own: `{"apps": [...]}`
 * from a 100,000-task Marathon is 70 MB, and parsed whole it becomes a tree of several hundred
 * megabytes that lives until the last app is read; element by element, one app's tree at a time.
 * Written here because the streaming JSON libraries parse in JavaScript, several times slower
 * than the engine's JSON.parse, which this still uses for every element. The scan only finds
 * where elements begin and end (strings, with their escapes, skipped whole); JSON.parse judges
 * each element. The text around the array is not judged: it comes whole from one HTTP answer.
 */

const quote = 34;
const backslash = 92;
const comma = 44;
const openBrace = 123;
const closeBrace = 125;
const openBracket = 91;
const closeBracket = 93;

/** Index of the quote that ends the string opened at `start`, or -1. */
function stringEnd(text: string, start: number): number {
	let from = start + 1;
	for (;;) {
		const at = text.indexOf('"', from);
		if (at < 0) {
			return -1;
		}
		let backslashes = 0;
		for (let before = at - 1; text.charCodeAt(before) === backslash; before--) {
			backslashes++;
		}
		if (backslashes % 2 === 0) {
			return at;
		}
		from = at + 1;
	}
}

function skipSpace(text: string, from: number): number {
	let at = from;
	while (at < text.length && /\s/.test(text[at] as string)) {
		at++;
	}
	return at;
}

/**
 * Calls `each` with every element of the array under `key` in the top-level object of `text`.
 * Returns false, having called nothing, when the text is no object with such an array; throws
 * JSON.parse's error when an element is not valid JSON.
 */
export function eachArrayElement(text: string, key: string, each: (element: unknown) => void): boolean {
	const open = skipSpace(text, 0);
	if (text.charCodeAt(open) !== openBrace) {
		return false;
	}
	let depth = 1;
	for (let at = open + 1; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === quote) {
			const end = stringEnd(text, at);
			if (end < 0) {
				return false;
			}
			const isKey = depth === 1 && text.charCodeAt(skipSpace(text, end + 1)) === 58;
			if (isKey && text.slice(at + 1, end) === key) {
				const value = skipSpace(text, skipSpace(text, end + 1) + 1);
				return text.charCodeAt(value) === openBracket && splitArray(text, value + 1, each);
			}
			at = end;
		} else if (code === openBrace || code === openBracket) {
			depth++;
		} else if (code === closeBrace || code === closeBracket) {
			depth--;
			if (depth === 0) {
				return false;
			}
		}
	}
	return false;
}

/** Splits the array whose first element starts at `from`; false when it never closes. */
function splitArray(text: string, from: number, each: (element: unknown) => void): boolean {
	const elements: [number, number][] = [];
	let depth = 0;
	let start = from;
	for (let at = from; at < text.length; at++) {
		const code = text.charCodeAt(at);
		if (code === quote) {
			at = stringEnd(text, at);
			if (at < 0) {
				return false;
			}
		} else if (code === openBrace || code === openBracket) {
			depth++;
		} else if (code === closeBrace || code === closeBracket) {
			if (depth === 0) {
				elements.push([start, at]);
				// Every boundary is known before the first element is handed over: a text cut short
				// hands over nothing.
				for (const [first, last] of elements) {
					const element = text.slice(first, last);
					if (element.trim() !== '') {
						each(JSON.parse(element) as unknown);
					}
				}
				return true;
			}
			depth--;
		} else if (code === comma && depth === 0) {
			elements.push([start, at]);
			start = at + 1;
		}
	}
	return false;
}
