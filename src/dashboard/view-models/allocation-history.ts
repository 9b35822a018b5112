import type {ClusterSnapshot} from '../../cluster/snapshot.js';
import {formatClock} from './format.js';
import {clusterAllocation} from './tables.js';

/** CPU and memory allocation over the last refreshes, as percentages, oldest first, with when each was read. */
export interface AllocationHistory {
	at: readonly string[];
	cpu: readonly number[];
	mem: readonly number[];
}

export const emptyHistory: AllocationHistory = {at: [], cpu: [], mem: []};

/** Adds one snapshot's allocation, keeping at most `limit` points. */
export function recordAllocation(history: AllocationHistory, snapshot: ClusterSnapshot, limit: number): AllocationHistory {
	const now = clusterAllocation(snapshot.agents);
	return {
		at: [...history.at, snapshot.takenAt].slice(-limit),
		cpu: [...history.cpu, now.cpu].slice(-limit),
		mem: [...history.mem, now.mem].slice(-limit),
	};
}

/** What the line chart plots: the newest points that fit, labelled with their clock time. */
export interface AllocationSeries {
	labels: string[];
	cpu: number[];
	mem: number[];
}

/**
 * The last `points` readings for the chart. A chart needs two points to draw a line, so a
 * single reading is drawn as a flat line.
 */
export function allocationSeries(history: AllocationHistory, points: number): AllocationSeries | undefined {
	const take = Math.max(2, points);
	const labels = history.at.slice(-take).map(formatClock);
	const cpu = history.cpu.slice(-take);
	const mem = history.mem.slice(-take);
	if (labels.length === 0) {
		return undefined;
	}
	if (labels.length === 1) {
		return {labels: [labels[0] ?? '', labels[0] ?? ''], cpu: [cpu[0] ?? 0, cpu[0] ?? 0], mem: [mem[0] ?? 0, mem[0] ?? 0]};
	}
	return {labels, cpu, mem};
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
