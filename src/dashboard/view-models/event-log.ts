import type {ClusterEvent} from '../../cluster/cluster-event.js';
import {formatClock} from './format.js';

/** Appends events, newest last, keeping at most `limit`. */
export function appendEvents(log: readonly ClusterEvent[], events: readonly ClusterEvent[], limit: number): readonly ClusterEvent[] {
	if (events.length === 0) {
		return log;
	}
	return [...log, ...events].slice(-limit);
}

/** The newest `height` events as lines; derived events carry a star so they read apart from the stream. */
export function eventLines(log: readonly ClusterEvent[], height: number): string[] {
	return log.slice(-height).map(event => `${formatClock(event.at)} ${event.origin === 'derived' ? '*' : ' '} ${event.message}`);
}
