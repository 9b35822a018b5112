import type {ClusterSnapshot, SourceName} from '../../cluster/snapshot.js';
import {formatClock} from './format.js';

export interface HeaderModel {
	title: string;
	simulated: boolean;
	leaders: string;
	refreshedAt: string;
	/** One entry per source that is not fresh, such as "marathon stale: connection refused". */
	warnings: string[];
}

const sourceOrder: SourceName[] = ['mesos', 'marathon', 'haproxy', 'zookeeper'];

export function headerModel(snapshot: ClusterSnapshot, clusterName: string): HeaderModel {
	const warnings: string[] = [];
	for (const source of sourceOrder) {
		const status = snapshot.sources[source];
		if (status.kind === 'stale') {
			const since = status.lastOkAt ? ` (last ok ${formatClock(status.lastOkAt)})` : '';
			warnings.push(`${source} STALE${since}: ${status.error}`);
		}
	}
	return {
		title: clusterName,
		simulated: snapshot.simulated,
		leaders: `mesos ${snapshot.leaders.mesos ?? 'none'} · marathon ${snapshot.leaders.marathon ?? 'none'}`,
		refreshedAt: formatClock(snapshot.takenAt),
		warnings,
	};
}

/** Whether a panel fed by `source` shows old data, and why. */
export function staleNote(snapshot: ClusterSnapshot, source: SourceName): string | undefined {
	const status = snapshot.sources[source];
	return status.kind === 'stale' ? `STALE: ${status.error}` : undefined;
}
