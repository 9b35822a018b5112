import {truncateToWidth} from './text-width.js';

/** Default number of output lines the step screen keeps: enough to read, small enough for 80x24. */
export const defaultTailLines = 8;

/** Widest line kept, in terminal cells: a single minified blob must not push everything else off the screen. */
const maxLineWidth = 400;

/**
 * Appends a line and keeps only the last `limit`. Returns a new array so the reducer stays pure;
 * the copy is bounded by `limit`, so a chatty command costs the same as a quiet one.
 */
export function appendToTail(tail: readonly string[], line: string, limit: number): string[] {
	const clipped = truncateToWidth(line, maxLineWidth);
	const start = Math.max(0, tail.length + 1 - limit);
	const next = tail.slice(start);
	next.push(clipped);
	return next;
}
