import {JsonPathValues} from './json-path-values.js';

/** Bytes handed to the scanner at a time: a few apps each, so one JSON.parse never builds more than their trees. */
const sliceBytes = 64 * 1024;

/**
 * The elements of one array in a JSON object's text, each parsed on its own: `{"apps": [...]}`
 * from a 100,000-task Marathon is 70 MB, and parsed whole it becomes a tree of several hundred
 * megabytes that lives until the last app is read; element by element, a few apps' trees at a time.
 * Returns false, having handed over nothing, when the text holds no such array or an empty one
 * (a whole parse then says what the text holds); throws when the text is not valid JSON where it
 * was read, after handing over the elements before that point.
 */
export function eachArrayElement(text: string, key: string, each: (element: unknown) => void): boolean {
	let found = 0;
	const scanner = new JsonPathValues({element: [key, '[]']}, (_name, element) => {
		found++;
		each(element);
	});
	const bytes = Buffer.from(text, 'utf8');
	for (let at = 0; at < bytes.length; at += sliceBytes) {
		scanner.push(bytes.subarray(at, at + sliceBytes));
	}
	scanner.end();
	return found > 0;
}
