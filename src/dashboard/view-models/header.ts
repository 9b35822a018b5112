import type {ClusterSnapshot, SourceFeed, SourceName} from '../../cluster/snapshot.js';
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
		leaders: `mesos ${mesosLeaderText(snapshot)}${feedText(snapshot.feeds.mesos)} · marathon ${snapshot.leaders.marathon ?? 'none'}${feedText(snapshot.feeds.marathon)}`,
		refreshedAt: formatClock(lastArrival(snapshot)),
		warnings,
	};
}

/** Whether a panel fed by `source` shows old data, and why. */
export function staleNote(snapshot: ClusterSnapshot, source: SourceName): string | undefined {
	const status = snapshot.sources[source];
	return status.kind === 'stale' ? `STALE: ${status.error}` : undefined;
}

/**
 * The leader as the masters name it, beside the address that reached it when the two differ: a
 * master started with the wrong --hostname or --advertise_ip shows up here.
 */
function mesosLeaderText(snapshot: ClusterSnapshot): string {
	const {mesos, mesosReported} = snapshot.leaders;
	if (mesos === null) {
		return 'none';
	}
	return mesosReported === null || mesosReported === mesos ? mesos : `${mesosReported} (reached at ${mesos})`;
}

function feedText(feed: SourceFeed | null): string {
	if (feed === null) {
		return '';
	}
	return feed.kind === 'stream' ? ' [event stream]' : ` [polling: ${feed.reason}]`;
}

/** When data last arrived from any source: what "refreshed" means to someone reading the screen. */
export function lastArrival(snapshot: ClusterSnapshot): string {
	let latest: string | undefined;
	for (const source of sourceOrder) {
		const status = snapshot.sources[source];
		const at = status.kind === 'ok' ? status.at : status.kind === 'stale' ? status.lastOkAt : null;
		if (at !== null && (latest === undefined || Date.parse(at) > Date.parse(latest))) {
			latest = at;
		}
	}
	return latest ?? snapshot.takenAt;
}
