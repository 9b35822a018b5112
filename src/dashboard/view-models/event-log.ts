import {eventMessage, type ClusterEvent} from '../../cluster/cluster-event.js';
import type {Language} from '../../i18n/language.js';
import {formatClock} from './format.js';

function timeOf(event: ClusterEvent): number {
	const at = Date.parse(event.at);
	return Number.isNaN(at) ? 0 : at;
}

/**
 * Adds events to the log, which stays in time order (oldest first) by each event's own time:
 * streams deliver out of order, and derived events carry the time of the snapshot that showed
 * them. Keeps the newest `limit`.
 */
export function appendEvents(log: readonly ClusterEvent[], events: readonly ClusterEvent[], limit: number): readonly ClusterEvent[] {
	if (events.length === 0) {
		return log;
	}
	// A stable sort keeps events of the same instant in the order they arrived.
	return [...log, ...events].sort((a, b) => timeOf(a) - timeOf(b)).slice(-limit);
}

/** One line per event, newest first, with the event's own time; derived events carry a star so they read apart from the streams. */
export function eventLine(log: readonly ClusterEvent[], index: number, language: Language): string {
	const event = log[log.length - 1 - index];
	return event === undefined ? '' : `${formatClock(event.at)} ${event.origin === 'derived' ? '*' : ' '} ${eventMessage(event, language)}`;
}

/** The window of `height` lines, newest first, that keeps line `chosen` in view. */
export function eventWindow(log: readonly ClusterEvent[], height: number, chosen: number, language: Language): {start: number; lines: string[]} {
	const start = Math.max(0, Math.min(chosen - Math.floor(height / 2), log.length - height));
	const lines: string[] = [];
	for (let index = start; index < Math.min(log.length, start + height); index++) {
		lines.push(eventLine(log, index, language));
	}
	return {start, lines};
}
