import type {ClusterSnapshot} from '../../cluster/snapshot.js';
import {clusterAllocation} from './tables.js';

/** CPU and memory allocation over the last refreshes, as percentages, oldest first. */
export interface AllocationHistory {
	cpu: number[];
	mem: number[];
}

export const emptyHistory: AllocationHistory = {cpu: [], mem: []};

/** Adds one snapshot's allocation, keeping at most `limit` points. */
export function recordAllocation(history: AllocationHistory, snapshot: ClusterSnapshot, limit: number): AllocationHistory {
	const now = clusterAllocation(snapshot.agents);
	return {
		cpu: [...history.cpu, now.cpu].slice(-limit),
		mem: [...history.mem, now.mem].slice(-limit),
	};
}

const bars = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/** A text sparkline of percentages, newest on the right, exactly `width` columns. */
export function sparkline(series: readonly number[], width: number, ascii = false): string {
	const points = series.slice(-width);
	const line = points
		.map(value => {
			const level = Math.min(bars.length - 1, Math.floor((Math.max(0, Math.min(100, value)) / 100) * bars.length));
			return ascii ? '_.-=*#'[Math.min(5, Math.floor(level * 6 / bars.length))] : bars[level];
		})
		.join('');
	return line.padStart(width);
}
