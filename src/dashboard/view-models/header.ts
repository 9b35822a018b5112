import type {ClusterSnapshot, SourceFeed, SourceName, SourceStatus} from '../../cluster/snapshot.js';
import type {Language} from '../../i18n/language.js';
import {t} from '../../i18n/messages.js';
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

export function headerModel(snapshot: ClusterSnapshot, clusterName: string, language: Language): HeaderModel {
	const warnings: string[] = [];
	const mesosFeed = snapshot.feeds.mesos;
	if (mesosFeed?.kind === 'loading') {
		warnings.push(t(language, 'dashSourceLoading', {source: 'mesos', read: mesosFeed.tasksRead.toLocaleString('en'), expected: mesosFeed.tasksExpected.toLocaleString('en')}));
	}
	for (const source of sourceOrder) {
		const status = snapshot.sources[source];
		if (status.kind === 'stale') {
			const error = sourceError(status, language);
			warnings.push(status.lastOkAt
				? t(language, 'dashSourceStaleSince', {source, time: formatClock(status.lastOkAt), error})
				: t(language, 'dashSourceStale', {source, error}));
		}
	}
	return {
		title: clusterName,
		simulated: snapshot.simulated,
		leaders: `mesos ${mesosLeaderText(snapshot, language)}${feedText(snapshot.feeds.mesos, language)} · marathon ${snapshot.leaders.marathon ?? t(language, 'dashLeaderNone')}${feedText(snapshot.feeds.marathon, language)}`,
		refreshedAt: formatClock(lastArrival(snapshot)),
		warnings,
	};
}

/** Whether a panel fed by `source` shows old data, and why. */
export function staleNote(snapshot: ClusterSnapshot, source: SourceName, language: Language): string | undefined {
	const status = snapshot.sources[source];
	return status.kind === 'stale' ? t(language, 'dashPanelStale', {error: sourceError(status, language)}) : undefined;
}

function sourceError(status: Extract<SourceStatus, {kind: 'stale'}>, language: Language): string {
	return language === 'zh' && status.errorZh !== undefined ? status.errorZh : status.error;
}

/**
 * The leader as the masters name it, beside the address that reached it when the two differ: a
 * master started with the wrong --hostname or --advertise_ip shows up here.
 */
function mesosLeaderText(snapshot: ClusterSnapshot, language: Language): string {
	const {mesos, mesosReported} = snapshot.leaders;
	if (mesos === null) {
		return t(language, 'dashLeaderNone');
	}
	return mesosReported === null || mesosReported === mesos ? mesos : t(language, 'dashLeaderReachedAt', {reported: mesosReported, address: mesos});
}

function feedText(feed: SourceFeed | null, language: Language): string {
	if (feed === null) {
		return '';
	}
	switch (feed.kind) {
		case 'stream':
			return ` ${t(language, 'dashFeedStream')}`;
		case 'loading':
			return ` ${t(language, 'dashFeedLoading', {read: feed.tasksRead.toLocaleString('en'), expected: feed.tasksExpected.toLocaleString('en')})}`;
		case 'poll':
			return ` ${t(language, 'dashFeedPolling', {reason: feed.reason})}`;
	}
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
