import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';
import {decodeAnswer, settleValue, type SourceReadOptions} from './answer-memo.js';
import {fetchJson, fetchText, hostPortOf, joinUrl, parseJsonBody, resolveLocation, ResponseTooLargeError, statusError, type HttpAnswer, type HttpOptions} from './http.js';
import {normaliseMesosMetrics, normaliseMesosState, normaliseMesosStateSummary, normaliseMesosTaskPage, type MesosStateParts} from './mesos-state.js';
import type {MasterInfo, SourceFeed, Task} from './snapshot.js';

export interface MesosReading extends MesosStateParts {
	/** The leading master as `host:port` of the URL that reached it, or null. */
	leader: string | null;
	/** The leader as the masters name it (`leader_info` or GET_MASTER hostname:port): a wrong --hostname shows here. */
	leaderReported: string | null;
	feed: SourceFeed;
	/** When data last arrived, for a streamed reading (a polled one arrived when it was read). */
	receivedAt?: string;
	/** The URL the state was read from. */
	leaderUrl: string | null;
	masters: MasterInfo[];
	metrics: Record<string, number>;
}

export interface MesosReadOptions extends SourceReadOptions {
	/** Read `/master/state-summary` instead of `/master/state`: agents without the task list. */
	summaryOnly?: boolean;
}

interface MasterProbe {
	url: string;
	info: MasterInfo;
	elected: boolean;
	metrics: Record<string, number>;
}

/**
 * Finds the leader among the configured masters. `/metrics/snapshot` is never redirected, so each
 * master says for itself whether it is elected; when none says so, `/master/redirect` answers 307
 * with a scheme-less `//host:port` Location that names the leader.
 */
export async function findMesosLeader(masters: string[], options: HttpOptions): Promise<{leaderUrl: string | null; probes: MasterProbe[]}> {
	const probes = await Promise.all(masters.map(url => probeMaster(url, options)));
	const elected = probes.find(probe => probe.elected);
	if (elected) {
		return {leaderUrl: elected.url, probes};
	}
	for (const probe of probes) {
		const target = await redirectTarget(joinUrl(probe.url, '/master/redirect'), options);
		if (target) {
			const base = new URL(target);
			const leaderUrl = masters.find(url => hostPortOf(url) === hostPortOf(base.origin)) ?? base.origin;
			return {leaderUrl, probes};
		}
	}
	return {leaderUrl: null, probes};
}

async function probeMaster(url: string, options: HttpOptions): Promise<MasterProbe> {
	const endpoint = hostPortOf(url);
	try {
		const metrics = normaliseMesosMetrics(await fetchJson(joinUrl(url, '/metrics/snapshot'), options));
		return {url, elected: metrics.elected, metrics: metrics.values, info: {endpoint, role: metrics.elected ? 'leader' : 'standby'}};
	} catch (error) {
		return {url, elected: false, metrics: {}, info: {endpoint, role: 'unreachable', error: (error as Error).message}};
	}
}

async function redirectTarget(url: string, options: HttpOptions): Promise<string | undefined> {
	try {
		const answer = await fetchText(url, options);
		const location = answer.headers.location;
		return answer.status >= 300 && answer.status < 400 && location ? resolveLocation(location, url) : undefined;
	} catch {
		return undefined;
	}
}

/** GET a master endpoint, following one 307 to the leader (Location may be `//host:port/...`). */
export async function fetchFromLeader(url: string, options: HttpOptions): Promise<unknown> {
	const answer = await fetchTextFromLeader(url, options);
	return parseJsonBody(answer.body, answer.url);
}

/** The leader's 2xx answer to a master endpoint, body undecoded; redirects and errors as `fetchFromLeader`. */
export async function fetchTextFromLeader(url: string, options: HttpOptions): Promise<HttpAnswer> {
	let target = url;
	for (let hop = 0; hop < 3; hop++) {
		const answer = await fetchText(target, options, {headers: {accept: 'application/json'}});
		const location = answer.headers.location;
		if ((answer.status === 307 || answer.status === 302 || answer.status === 301) && location) {
			target = resolveLocation(location, target);
			continue;
		}
		if (answer.status === 503) {
			throw new ClusterError(localized('errSaysNoMesosMasterLeads', {target}), {hint: localized('errSaysNoMesosMasterLeadsHint')});
		}
		if (answer.status < 200 || answer.status >= 300) {
			throw statusError(answer);
		}
		return answer;
	}
	throw new ClusterError(localized('errRedirectedTooManyTimes', {url}), {hint: localized('errRedirectedTooManyTimesHint')});
}

/** Tasks per page of `/master/tasks`: about 9 MB of JSON, far under the answer limit. */
export const taskPageSize = 10_000;

/**
 * A state too large for one answer, read in pieces: agents and frameworks from
 * `/master/state-summary`, tasks from `/master/tasks` page by page (oldest first, so a task
 * started meanwhile lands on a later page; a task seen twice counts once).
 */
async function readMesosInPages(leaderUrl: string, options: MesosReadOptions): Promise<MesosStateParts> {
	const summary = normaliseMesosStateSummary(await fetchFromLeader(joinUrl(leaderUrl, '/master/state-summary'), options));
	const tasks = new Map<string, Task>();
	for (let offset = 0; offset < 1_000 * taskPageSize; offset += taskPageSize) {
		const page = normaliseMesosTaskPage(await fetchFromLeader(joinUrl(leaderUrl, `/master/tasks?limit=${taskPageSize}&offset=${offset}&order=asc`), options), summary.agents);
		for (const task of page.tasks) {
			tasks.set(task.id, task);
		}
		if (page.received < taskPageSize) {
			break;
		}
	}
	return {...summary, tasks: [...tasks.values()]};
}

/** Leader discovery, then the leader's state and metrics. Fails only when no master leads. */
export async function readMesos(masters: string[], options: MesosReadOptions = {}): Promise<MesosReading> {
	if (masters.length === 0) {
		throw new ClusterError(localized('errNoMesosMasterIsConfigured'), {hint: localized('errNoMesosMasterIsConfiguredHint')});
	}
	const {leaderUrl, probes} = await findMesosLeader(masters, options);
	if (leaderUrl === null) {
		const reasons = probes.map(probe => `${probe.info.endpoint}: ${probe.info.error ?? 'not elected'}`).join('; ');
		throw new ClusterError(localized('errNoMesosMasterLeads', {reasons}), {hint: localized('errNoMesosMasterLeadsHint')});
	}
	const path = options.summaryOnly ? '/master/state-summary' : '/master/state';
	let decoded: MesosStateParts;
	try {
		const answer = await fetchTextFromLeader(joinUrl(leaderUrl, path), options);
		decoded = decodeAnswer(options.memo, `mesos ${path}`, answer.body, body => {
			const raw = parseJsonBody(body, answer.url);
			return options.summaryOnly ? normaliseMesosStateSummary(raw) : normaliseMesosState(raw);
		});
	} catch (error) {
		if (!(error instanceof ResponseTooLargeError) || options.summaryOnly) {
			throw error;
		}
		decoded = await readMesosInPages(leaderUrl, options);
	}
	// Offers and counters in the state move at every refresh; agents, tasks and frameworks mostly do not.
	const {memo} = options;
	const parts = {...decoded, agents: settleValue(memo, 'mesos agents', decoded.agents), tasks: settleValue(memo, 'mesos tasks', decoded.tasks), frameworks: settleValue(memo, 'mesos frameworks', decoded.frameworks)};
	const leaderEndpoint = hostPortOf(leaderUrl);
	const masterInfos = probes.map(probe => {
		const isLeader = hostPortOf(probe.url) === leaderEndpoint;
		const role = isLeader ? 'leader' as const : probe.info.role === 'leader' ? 'standby' as const : probe.info.role;
		return {...probe.info, role, ...(isLeader && parts.version ? {version: parts.version} : {})};
	});
	if (!masterInfos.some(info => info.role === 'leader')) {
		masterInfos.push({endpoint: leaderEndpoint, role: 'leader', ...(parts.version ? {version: parts.version} : {})});
	}
	const metrics = probes.find(probe => hostPortOf(probe.url) === leaderEndpoint)?.metrics ?? {};
	return {...parts, leader: leaderEndpoint, leaderReported: parts.leader, leaderUrl, masters: masterInfos, metrics, feed: {kind: 'poll', reason: 'polling chosen'}};
}
