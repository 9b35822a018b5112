import stringWidth from 'string-width';

/**
 * Terminal columns, not string length: a Chinese character takes two columns, a combining mark
 * none. Every table, label and cut that lines text up on screen measures with these.
 */

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

// Printable ASCII is one column a character; most cells are such, and skip the Unicode tables.
const plainAscii = /^[\x20-\x7e]*$/;

export function displayWidth(text: string): number {
	return plainAscii.test(text) ? text.length : stringWidth(text);
}

/** The longest start of `text` that takes at most `width` columns; a wide character is never split. */
export function headToWidth(text: string, width: number): string {
	if (plainAscii.test(text)) {
		return text.slice(0, Math.max(0, width));
	}
	let used = 0;
	let end = 0;
	for (const {segment} of graphemes.segment(text)) {
		const columns = stringWidth(segment);
		if (used + columns > width) {
			break;
		}
		used += columns;
		end += segment.length;
	}
	return text.slice(0, end);
}

/** The longest end of `text` that takes at most `width` columns. */
export function tailToWidth(text: string, width: number): string {
	if (plainAscii.test(text)) {
		return width <= 0 ? '' : text.slice(-width);
	}
	const parts = [...graphemes.segment(text)].map(part => part.segment);
	let used = 0;
	let start = text.length;
	for (let index = parts.length - 1; index >= 0; index--) {
		const part = parts[index] ?? '';
		const columns = stringWidth(part);
		if (used + columns > width) {
			break;
		}
		used += columns;
		start -= part.length;
	}
	return text.slice(start);
}

/** `text` with spaces after it up to `width` columns (unchanged when it is already as wide). */
export function padToWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

// Words as ICU finds them: Chinese has no spaces, so it can break between its words, which a split on spaces never does.
const words = new Intl.Segmenter('zh', {granularity: 'word'});
const wideText = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const closing = /^[，。、；：）！？”》」]/;
const opening = /[（“《「]$/;

/**
 * `text` broken into lines of at most `width` columns, at spaces and between Chinese words (never
 * before a closing or after an opening full-width mark, never inside a run of Latin text such as a
 * path or URL). A piece wider than `width` keeps its own line. Hand-written because the maintained
 * wrappers (wrap-ansi, commander's own) break only at spaces, or anywhere once asked to be hard.
 */
export function wrapToWidth(text: string, width: number): string[] {
	const pieces: string[] = [];
	let spaces = '';
	let previous = '';
	for (const {segment} of words.segment(text)) {
		if (/^\s+$/.test(segment)) {
			spaces += segment;
			continue;
		}
		const glued = pieces.length > 0 && spaces === '' && (closing.test(segment) || opening.test(previous) || (!wideText.test(segment) && !wideText.test(previous)));
		if (glued) {
			pieces[pieces.length - 1] += segment;
		} else {
			pieces.push(spaces + segment);
		}
		spaces = '';
		previous = segment;
	}
	const lines: string[] = [];
	let line = '';
	for (const piece of pieces) {
		if (line !== '' && displayWidth(line + piece) > width) {
			lines.push(line);
			line = piece.trimStart();
		} else {
			line += piece;
		}
	}
	lines.push(line);
	return lines;
}
