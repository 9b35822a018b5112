import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';
import {decodeAnswer, settleValue, type SourceReadOptions} from './answer-memo.js';
import {fetchJson, fetchJsonText, fetchText, hostPortOf, joinUrl, parseJsonBody, ResponseTooLargeError, statusError, type HttpOptions} from './http.js';
import {normaliseMarathonApps, normaliseMarathonAppsText, normaliseMarathonDeployments, normaliseMarathonInfo, normaliseMarathonPodStatuses, normaliseMarathonTasks, type MarathonAppsParts, type MarathonDeployment, type MarathonTask} from './marathon-apps.js';
import type {App, MarathonInfo, Pod, SourceFeed} from './snapshot.js';

export interface MarathonReading {
	/** The leader as Marathon names it (`host:port`), or null. */
	leader: string | null;
	/** The configured URL requests went to: the leader's when it is configured, else any live instance (standbys proxy). */
	url: string;
	instances: MarathonInfo[];
	apps: App[];
	pods: Pod[];
	tasks: MarathonTask[];
	deployments: MarathonDeployment[];
	feed: SourceFeed;
	/** When data last arrived, for a reading kept up by the event stream. */
	receivedAt?: string;
}

export const appsQuery = '/v2/apps?embed=apps.tasks&embed=apps.counts&embed=apps.deployments&embed=apps.lastTaskFailure';

interface InstanceProbe {
	url: string;
	leader: string | null;
	version?: string;
	proxied: boolean;
	error?: string;
}

async function probeInstance(url: string, options: HttpOptions): Promise<InstanceProbe> {
	try {
		const answer = await fetchText(joinUrl(url, '/v2/info'), options, {headers: {accept: 'application/json'}});
		if (answer.status < 200 || answer.status >= 300) {
			throw statusError(answer);
		}
		const info = normaliseMarathonInfo(parseJsonBody(answer.body, answer.url));
		const headerLeader = answer.headers['x-marathon-leader'];
		const leader = info.leader ?? (headerLeader ? hostPortOf(headerLeader) : null);
		return {url, leader, ...(info.version ? {version: info.version} : {}), proxied: answer.headers['x-marathon-via'] !== undefined};
	} catch (error) {
		return {url, leader: null, proxied: false, error: (error as Error).message};
	}
}

/** Which configured instance leads: the one Marathon names, else the one that answered without proxying. */
export async function findMarathonLeader(instances: string[], options: HttpOptions): Promise<{leader: string | null; leaderUrl: string | null; infos: MarathonInfo[]}> {
	const probes = await Promise.all(instances.map(url => probeInstance(url, options)));
	const leader = probes.find(probe => probe.leader !== null)?.leader ?? null;
	const named = leader === null ? undefined : probes.find(probe => probe.error === undefined && hostPortOf(probe.url) === leader);
	const leaderProbe = named ?? probes.find(probe => probe.error === undefined && !probe.proxied);
	const infos: MarathonInfo[] = probes.map(probe => ({
		endpoint: hostPortOf(probe.url),
		role: probe.error !== undefined ? 'unreachable' : probe === leaderProbe ? 'leader' : 'standby',
		...(probe.version ? {version: probe.version} : {}),
		...(probe.error ? {error: probe.error} : {}),
	}));
	const anyLive = probes.find(probe => probe.error === undefined);
	return {leader, leaderUrl: leaderProbe?.url ?? anyLive?.url ?? null, infos};
}

/** Apps without their tasks: the counts, deployments and last failure are embedded all the same. */
export const appsWithoutTasksQuery = '/v2/apps?embed=apps.counts&embed=apps.deployments&embed=apps.lastTaskFailure';

/**
 * How Marathon's apps and tasks are read: in one answer, as apps and then `/v2/tasks`, or as apps
 * and then each app's tasks. A reader that keeps one learns the cluster's size once: the next read
 * starts with the way that fitted, instead of reading up to the limit again.
 */
export interface MarathonReadPlan {
	tasks: 'embedded' | 'task-list' | 'per-app';
}

/**
 * Apps with their tasks in one answer; when that is over the size limit (a large cluster), the
 * apps without tasks and then every task from `/v2/tasks`, or each app's tasks, each far smaller.
 */
async function readAppsWithTasks(leaderUrl: string, options: SourceReadOptions, plan: MarathonReadPlan): Promise<MarathonAppsParts> {
	if (plan.tasks === 'embedded') {
		try {
			const answer = await fetchJsonText(joinUrl(leaderUrl, appsQuery), options);
			return decodeAnswer(options.memo, 'marathon apps', answer.body, body => normaliseMarathonAppsText(body, text => parseJsonBody(text, answer.url)));
		} catch (error) {
			if (!(error instanceof ResponseTooLargeError)) {
				throw error;
			}
			plan.tasks = 'task-list';
		}
	}
	const appsAnswer = await fetchJsonText(joinUrl(leaderUrl, appsWithoutTasksQuery), options);
	const {apps} = decodeAnswer(options.memo, 'marathon apps without tasks', appsAnswer.body, body => normaliseMarathonApps(parseJsonBody(body, appsAnswer.url)));
	if (plan.tasks === 'task-list') {
		try {
			const tasksAnswer = await fetchJsonText(joinUrl(leaderUrl, '/v2/tasks'), options);
			return {apps, tasks: decodeAnswer(options.memo, 'marathon tasks', tasksAnswer.body, body => normaliseMarathonTasks(parseJsonBody(body, tasksAnswer.url)))};
		} catch (error) {
			if (!(error instanceof ResponseTooLargeError)) {
				throw error;
			}
			plan.tasks = 'per-app';
		}
	}
	return {apps, tasks: await readTasksAppByApp(leaderUrl, apps, options)};
}

/** Requests in flight at once when tasks are read app by app: enough to hide latency, few enough to spare Marathon. */
const appReadsAtOnce = 8;

/** Every app's `/v2/apps/{id}/tasks`, a few at a time: the read for clusters whose task list is itself over the limit. */
async function readTasksAppByApp(leaderUrl: string, apps: readonly App[], options: SourceReadOptions): Promise<MarathonTask[]> {
	const perApp: MarathonTask[][] = new Array<MarathonTask[]>(apps.length);
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < apps.length) {
			const index = next++;
			const app = apps[index] as App;
			const path = app.id.split('/').filter(part => part !== '').map(encodeURIComponent).join('/');
			perApp[index] = normaliseMarathonTasks(await fetchJson(joinUrl(leaderUrl, `/v2/apps/${path}/tasks`), options)).map(task => (task.appId === '' ? {...task, appId: app.id} : task));
		}
	};
	await Promise.all(Array.from({length: Math.min(appReadsAtOnce, apps.length)}, worker));
	return perApp.flat();
}

/** Leader, apps with tasks, and deployments, from one Marathon of the configured set. */
export async function readMarathon(instances: string[], options: SourceReadOptions = {}, plan: MarathonReadPlan = {tasks: 'embedded'}): Promise<MarathonReading> {
	if (instances.length === 0) {
		throw new ClusterError(localized('errNoMarathonIsConfigured'), {hint: localized('errNoMarathonIsConfiguredHint')});
	}
	const {leader, leaderUrl, infos} = await findMarathonLeader(instances, options);
	if (leaderUrl === null) {
		const reasons = infos.map(info => `${info.endpoint}: ${info.error ?? 'no answer'}`).join('; ');
		throw new ClusterError(localized('errNoMarathonAnswered', {reasons}), {hint: localized('errNoMarathonAnsweredHint')});
	}
	const [{apps, tasks: appTasks}, deploymentsRaw, podsAnswer] = await Promise.all([
		readAppsWithTasks(leaderUrl, options, plan),
		fetchJson(joinUrl(leaderUrl, '/v2/deployments'), options),
		fetchText(joinUrl(leaderUrl, '/v2/pods/::status'), options, {headers: {accept: 'application/json'}}),
	]);
	// Marathon before 1.4 has no pods and answers 404 here.
	const podParts = podsAnswer.status >= 200 && podsAnswer.status < 300
		? decodeAnswer(options.memo, 'marathon pods', podsAnswer.body, body => normaliseMarathonPodStatuses(parseJsonBody(body, podsAnswer.url)))
		: {pods: [], tasks: []};
	const tasks = podParts.tasks.length === 0 ? appTasks : [...appTasks, ...podParts.tasks];
	const deployments = normaliseMarathonDeployments(deploymentsRaw);
	const deploying = new Set(deployments.flatMap(deployment => deployment.affectedApps));
	const marked = apps.some(app => deploying.has(app.id) && !app.deploymentInProgress)
		? apps.map(app => (deploying.has(app.id) && !app.deploymentInProgress ? {...app, deploymentInProgress: true} : app))
		: apps;
	return {
		leader,
		url: leaderUrl,
		instances: infos,
		apps: settleValue(options.memo, 'marathon apps', marked),
		pods: settleValue(options.memo, 'marathon pods', podParts.pods),
		tasks: settleValue(options.memo, 'marathon tasks', tasks),
		deployments,
		feed: {kind: 'poll', reason: 'polling chosen'},
	};
}
