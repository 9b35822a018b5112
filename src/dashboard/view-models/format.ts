/** Shared text formatting for every panel: widths, sizes and ages. */

import {displayWidth, headToWidth, padToWidth, tailToWidth} from '../../i18n/display-width.js';

export function formatMegabytes(mb: number): string {
	if (mb >= 1024 * 1024) {
		return `${trimNumber(mb / (1024 * 1024))}T`;
	}
	if (mb >= 1024) {
		return `${trimNumber(mb / 1024)}G`;
	}
	return `${trimNumber(mb)}M`;
}

export function trimNumber(value: number): string {
	if (Number.isInteger(value)) {
		return String(value);
	}
	return value.toFixed(1).replace(/\.0$/, '');
}

export function percent(used: number, total: number): number {
	if (total <= 0) {
		return 0;
	}
	return Math.min(100, Math.max(0, Math.round((used / total) * 100)));
}

/** Age as the largest whole unit, such as 42s, 5m, 3h or 2d. */
export function formatAge(since: string | undefined, now: number): string {
	if (!since) {
		return '-';
	}
	const start = Date.parse(since);
	if (Number.isNaN(start)) {
		return '-';
	}
	const seconds = Math.max(0, Math.floor((now - start) / 1000));
	if (seconds < 60) {
		return `${seconds}s`;
	}
	if (seconds < 3600) {
		return `${Math.floor(seconds / 60)}m`;
	}
	if (seconds < 86_400) {
		return `${Math.floor(seconds / 3600)}h`;
	}
	return `${Math.floor(seconds / 86_400)}d`;
}

/** Clock time (UTC) of an ISO timestamp, as HH:MM:SS. */
export function formatClock(iso: string): string {
	const date = new Date(iso);
	if (Number.isNaN(date.getTime())) {
		return '--:--:--';
	}
	return date.toISOString().slice(11, 19);
}

/**
 * Cuts or pads text to exactly `width` columns, marking a cut with an ellipsis. An endpoint
 * (`host:port`, or a URL ending in a port) is cut in the middle, so its port stays readable.
 * Columns are display columns: a Chinese character takes two.
 */
export function fit(text: string, width: number): string {
	if (width <= 0) {
		return '';
	}
	if (displayWidth(text) > width) {
		const port = /^\S+(:\d{1,5})$/.exec(text)?.[1];
		if (port !== undefined && width >= port.length + 3) {
			const tail = Math.max(port.length + 1, Math.floor((width - 1) / 2));
			return padToWidth(`${headToWidth(text, width - 1 - tail)}…${tailToWidth(text, tail)}`, width);
		}
		return width === 1 ? '…' : padToWidth(`${headToWidth(text, width - 1)}…`, width);
	}
	return padToWidth(text, width);
}

/** Lays rows out as aligned columns within `width` display columns; the last column takes what is left. */
export function layoutColumns(header: string[], rows: string[][], width: number): string[] {
	const all = [header, ...rows];
	const count = header.length;
	const natural = Array.from({length: count}, (_, column) => Math.max(...all.map(row => displayWidth(row[column] ?? ''))));
	const widths = shrinkToFit(natural, width - (count - 1));
	return all.map(row => widths.map((columnWidth, column) => fit(row[column] ?? '', columnWidth)).join(' ').trimEnd());
}

function shrinkToFit(natural: number[], available: number): number[] {
	const widths = [...natural];
	let total = widths.reduce((sum, value) => sum + value, 0);
	// Take from the widest column first, so short columns (states, counts) stay whole.
	while (total > available) {
		let widest = 0;
		for (let index = 1; index < widths.length; index++) {
			if ((widths[index] ?? 0) > (widths[widest] ?? 0)) {
				widest = index;
			}
		}
		if ((widths[widest] ?? 0) <= 1) {
			break;
		}
		widths[widest] = (widths[widest] ?? 0) - 1;
		total--;
	}
	return widths;
}
