import stripAnsi from 'strip-ansi';

// What strip-ansi leaves behind that a terminal still obeys or that hides text: C0 controls other
// than tab and newline (BEL, BS, CR, a lone ESC...), DEL, the C1 range (8-bit CSI, OSC, DCS...),
// and the bidirectional overrides that reorder what is shown (CVE-2021-42574).
const leftoverControls = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Text from a cluster, a target host or a response body, made safe for a terminal: escape
 * sequences (colour, conceal, OSC title and clipboard, screen clears) and other controls removed.
 * Newlines and tabs stay. Every such text passes here before anything writes it to a terminal.
 */
export function cleanText(text: string): string {
	return stripAnsi(text.replaceAll('\r\n', '\n')).replace(leftoverControls, '');
}

/** `cleanText` for one cell or one line: newlines and tabs become spaces. */
export function cleanLine(text: string): string {
	return cleanText(text).replace(/[\n\t]/g, ' ');
}

/**
 * JSON whose strings may carry controls: JSON.stringify already escapes C0, and this escapes what
 * it leaves raw (DEL, C1, bidirectional overrides), so the document is safe to print and parses
 * to the same values.
 */
export function terminalSafeJson(json: string): string {
	return json.replace(/[\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A copy of a plain value (objects, arrays, strings) with every string passed through `cleanText`. */
export function cleanStrings<T>(value: T): T {
	if (typeof value === 'string') {
		return cleanText(value) as T;
	}
	if (Array.isArray(value)) {
		return value.map(cleanStrings) as T;
	}
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, cleanStrings(inner)])) as T;
	}
	return value;
}
