import stringWidth from 'string-width';

/**
 * Layout by display width, not by string length: a Chinese character takes two columns of a
 * terminal, a combining mark none, so `.length` would break every column and border in zh.
 */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** `text` followed by spaces up to `width` columns, for labels that line up in a column. */
export function padToWidth(text: string, width: number): string {
	return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}

/** `text` cut to at most `width` columns, ending in `…` when something was cut; never splits a character. */
export function truncateToWidth(text: string, width: number): string {
	if (stringWidth(text) <= width) {
		return text;
	}

	const room = Math.max(0, width - 1);
	let used = 0;
	let kept = '';
	for (const {segment} of new Intl.Segmenter().segment(text)) {
		const cells = stringWidth(segment);
		if (used + cells > room) {
			break;
		}

		kept += segment;
		used += cells;
	}

	return `${kept}…`;
}
