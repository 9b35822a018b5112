import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';
import type {SourceReadOptions} from './answer-memo.js';
import type {ClusterEvent} from './cluster-event.js';
import {backoffDelay, defaultBackoff, sleep, systemClock, type Clock} from './clock.js';
import {defaultMaxBytes, fetchJson, fetchText, joinUrl, parseJsonBody, statusError} from './http.js';
import {normaliseMarathonApps, normaliseMarathonDeployments, type MarathonDeployment, type MarathonTask} from './marathon-apps.js';
import {readMarathon, type MarathonReadPlan, type MarathonReading} from './marathon-client.js';
import type {App} from './snapshot.js';

/** One app's query: its tasks, counts, deployments and last failure, as `/v2/apps` embeds them. */
export function appQuery(appId: string): string {
	const path = appId.split('/').filter(part => part !== '').map(encodeURIComponent).join('/');
	return `/v2/apps/${path}?embed=app.tasks&embed=app.counts&embed=app.deployments&embed=app.lastTaskFailure`;
}

export interface MarathonLiveOptions {
	clock?: Clock;
	/** How long the first read waits for the event stream to connect, so that it is not read twice at start. */
	connectGraceMs?: number;
	/** Time between whole reads while the event stream is down. */
	pollMs?: number;
	/** Called when a whole read running in the background is done. */
	onReady?: () => void;
	/** Time between full reads while the event stream is up: the safety net for a missed event. */
	resyncMs?: number;
	/**
	 * Largest answer of a whole read, when above the transport's own limit: Marathon's apps with
	 * their tasks are its whole state, as the first record of the Mesos stream is the master's, and
	 * take the same limit (`--max-state-mb`), so that a large cluster is read in one answer rather
	 * than app by app. Reads of one app keep the transport's limit.
	 */
	maxWholeBytes?: number;
	/**
	 * Settles when whole reads may start. A large cluster's Mesos state and Marathon's apps arrive
	 * as two answers of tens of megabytes each: read one after the other, the tasks show sooner
	 * (the Mesos state alone draws them) and the two are never held in memory at once.
	 */
	readWholeAfter?: () => Promise<unknown>;
}

/** Five minutes: a missed event is repaired within this time, at a fraction of the cost of polling. */
export const defaultResyncMs = 5 * 60_000;

const wholeReadTimeoutMs = 60_000;
/** The resync waits at least this many times as long as the last whole read took (under 0.5% of the time). */
const resyncTimeShare = 200;
const firstReadWaitMs = 2_000;

/** Events after which the whole of Marathon is read again: they name no single app. */
const wholeReads = new Set(['event-stream-connected', 'group_change_success', 'group_change_failed', 'pod_created_event', 'pod_updated_event', 'pod_deleted_event']);

/**
 * Marathon as its event stream drives it (upstream advice: treat events as cache invalidation and
 * read again). A full read when the stream (re)connects, when it is down, and on a slow clock; in
 * between, only the apps an event names are read again (`/v2/apps/{id}`), and `/v2/deployments`
 * after a deployment event.
 */
export class MarathonLive {
	readonly #instances: string[];
	readonly #clock: Clock;
	readonly #resyncMs: number;
	readonly #maxWholeBytes: number | undefined;
	readonly #readWholeAfter: (() => Promise<unknown>) | undefined;
	#apps = new Map<string, {app: App; tasks: MarathonTask[]}>();
	#deployments: MarathonDeployment[] = [];
	/** Tasks of pods, which come with the full read (pod events ask for one). */
	#podTasks: MarathonTask[] = [];
	#base: MarathonReading | undefined;
	#whole: Promise<void> | undefined;
	#wholeError: Error | undefined;
	#wholeFailures = 0;
	#retryWholeAt = 0;
	readonly #pollMs: number;
	readonly #onReady: (() => void) | undefined;
	#reading: MarathonReading | undefined;
	#streamUp = false;
	#readBefore = false;
	#wholeWanted = true;
	#deploymentsWanted = false;
	#dirty = new Set<string>();
	#lastWholeAt = 0;
	#lastWholeTookMs = 0;
	readonly #plan: MarathonReadPlan = {tasks: 'embedded'};
	#receivedAt: string | null = null;
	readonly #connectGraceMs: number;
	#connected!: () => void;
	readonly #firstConnect = new Promise<void>(resolve => {
		this.#connected = resolve;
	});

	constructor(instances: string[], options: MarathonLiveOptions = {}) {
		this.#instances = instances;
		this.#clock = options.clock ?? systemClock;
		this.#resyncMs = options.resyncMs ?? defaultResyncMs;
		this.#maxWholeBytes = options.maxWholeBytes;
		this.#readWholeAfter = options.readWholeAfter;
		this.#connectGraceMs = options.connectGraceMs ?? 1_000;
		this.#pollMs = options.pollMs ?? 2_000;
		this.#onReady = options.onReady;
	}

	/** When an answer or an event last arrived from Marathon. */
	get receivedAt(): string | null {
		return this.#receivedAt;
	}

	/** Takes one event of the stream; returns whether it asks for a read. */
	onEvent(event: ClusterEvent): boolean {
		this.#receivedAt = new Date(this.#clock.now()).toISOString();
		if (event.type === 'event-stream-lost') {
			this.#streamUp = false;
			return false;
		}
		if (event.type === 'event-stream-connected') {
			this.#streamUp = true;
			this.#connected();
		}
		if (wholeReads.has(event.type)) {
			this.#wholeWanted = true;
			return true;
		}
		if (event.kind === 'deployment') {
			this.#deploymentsWanted = true;
		}
		const ids = event.appIds ?? (event.appId ? [event.appId] : []);
		for (const id of ids) {
			this.#dirty.add(id);
		}
		return ids.length > 0 || event.kind === 'deployment';
	}

	/**
	 * The current reading. After the first, a whole read runs in the background (a large cluster
	 * takes seconds to read whole): meanwhile the last reading stands, and `onReady` tells when it
	 * is done.
	 */
	async read(http: SourceReadOptions): Promise<MarathonReading> {
		// Only the first read waits (for the stream, then for the whole read): a later read that
		// waited would hold back every refresh, the Mesos news of the same refresh included.
		const first = !this.#readBefore;
		this.#readBefore = true;
		if (first && this.#base === undefined && !this.#streamUp) {
			// A read before the stream connects would be repeated when it does (events in between could be missed).
			await Promise.race([this.#firstConnect, sleep(this.#clock, this.#connectGraceMs)]);
		}
		const now = this.#clock.now();
		const sinceWhole = now - this.#lastWholeAt;
		const wantWhole = this.#base === undefined || (this.#streamUp ? this.#wholeWanted || sinceWhole >= this.#resyncEveryMs() : sinceWhole >= this.#pollMs);
		if (wantWhole && this.#whole === undefined && now >= this.#retryWholeAt) {
			this.#whole = this.#readWhole(http, now).finally(() => {
				this.#whole = undefined;
				this.#onReady?.();
			});
		}
		if (first && this.#reading === undefined && this.#whole !== undefined) {
			// The first picture waits a little for Marathon; a large cluster shows what else it has meanwhile.
			await Promise.race([this.#whole, sleep(this.#clock, firstReadWaitMs)]);
		}
		if (this.#wholeError !== undefined) {
			throw this.#wholeError;
		}
		if (this.#reading === undefined) {
			throw new ClusterError(localized('errReadingMarathonSAppsAndTasks'), {hint: localized('errReadingMarathonSAppsAndTasksHint')});
		}
		if (this.#whole !== undefined || (this.#dirty.size === 0 && !this.#deploymentsWanted)) {
			return this.#stamped(this.#reading);
		}
		const url = this.#reading.url;
		const ids = [...this.#dirty];
		this.#dirty.clear();
		const wantDeployments = this.#deploymentsWanted;
		this.#deploymentsWanted = false;
		try {
			await Promise.all(ids.map(async id => this.#readApp(url, id, http)));
			if (wantDeployments) {
				this.#deployments = normaliseMarathonDeployments(await fetchJson(joinUrl(url, '/v2/deployments'), http));
			}
		} catch (error) {
			// Read these again next time, and everything once Marathon answers again.
			ids.forEach(id => this.#dirty.add(id));
			this.#deploymentsWanted ||= wantDeployments;
			this.#wholeWanted = true;
			throw error;
		}
		this.#receivedAt = new Date(this.#clock.now()).toISOString();
		this.#reading = this.#materialise(this.#reading);
		return this.#stamped(this.#reading);
	}

	/**
	 * The safety-net read takes at most a small share of the time: a 100,000-task Marathon takes
	 * seconds to read whole, and an idle cluster whose events all arrive should cost almost nothing.
	 */
	#resyncEveryMs(): number {
		return Math.max(this.#resyncMs, this.#lastWholeTookMs * resyncTimeShare);
	}

	#stamped(reading: MarathonReading): MarathonReading {
		return this.#receivedAt === null ? reading : {...reading, receivedAt: this.#receivedAt};
	}

	async #readWhole(http: SourceReadOptions, now: number): Promise<void> {
		// Events from here on are newer than what this read may see: they are read again after it.
		this.#wholeWanted = false;
		this.#dirty.clear();
		this.#deploymentsWanted = false;
		this.#lastWholeAt = now;
		let whole: MarathonReading;
		let readStartedAt = now;
		try {
			await this.#readWholeAfter?.();
			readStartedAt = this.#clock.now();
			// A whole read of a large cluster is tens of megabytes: give it the time that takes.
			const maxBytes = Math.max(http.maxBytes ?? defaultMaxBytes, this.#maxWholeBytes ?? 0);
			whole = await readMarathon(this.#instances, {...http, timeoutMs: Math.max(http.timeoutMs ?? 0, wholeReadTimeoutMs), maxBytes}, this.#plan);
		} catch (error) {
			this.#wholeFailures++;
			this.#retryWholeAt = this.#clock.now() + backoffDelay(defaultBackoff, this.#wholeFailures);
			this.#wholeWanted = true;
			this.#wholeError = error as Error;
			return;
		}
		this.#lastWholeTookMs = this.#clock.now() - readStartedAt;
		this.#wholeFailures = 0;
		this.#retryWholeAt = 0;
		this.#wholeError = undefined;
		this.#receivedAt = new Date(this.#clock.now()).toISOString();
		const tasksByApp = new Map<string, MarathonTask[]>();
		for (const task of whole.tasks) {
			const list = tasksByApp.get(task.appId);
			if (list) {
				list.push(task);
			} else {
				tasksByApp.set(task.appId, [task]);
			}
		}
		this.#apps = new Map(whole.apps.map(app => [app.id, {app, tasks: tasksByApp.get(app.id) ?? []}]));
		this.#podTasks = whole.pods.flatMap(pod => tasksByApp.get(pod.id) ?? []);
		this.#deployments = whole.deployments;
		const feed = this.#streamUp ? {kind: 'stream' as const} : {kind: 'poll' as const, reason: 'the event stream is down'};
		this.#base = {...whole, feed};
		this.#reading = this.#base;
	}

	async #readApp(url: string, appId: string, http: SourceReadOptions): Promise<void> {
		const answer = await fetchText(joinUrl(url, appQuery(appId)), http, {headers: {accept: 'application/json'}});
		if (answer.status === 404) {
			this.#apps.delete(appId);
			return;
		}
		if (answer.status < 200 || answer.status >= 300) {
			throw statusError(answer);
		}
		const {apps, tasks} = normaliseMarathonApps(parseJsonBody(answer.body, answer.url));
		const [app] = apps;
		if (app === undefined) {
			throw new ClusterError(localized('errDidNotDescribeAnApp', {url: answer.url}), {hint: localized('errDidNotDescribeAnAppHint')});
		}
		this.#apps.set(app.id, {app, tasks});
	}

	#materialise(base: MarathonReading): MarathonReading {
		const entries = [...this.#apps.values()];
		return {
			...base,
			apps: entries.map(entry => entry.app),
			tasks: [...entries.flatMap(entry => entry.tasks), ...this.#podTasks],
			deployments: this.#deployments,
			feed: {kind: 'stream'},
		};
	}
}
