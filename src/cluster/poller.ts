import {localized} from '../i18n/localized.js';
import {ClusterError, isMesosLabError} from '../errors.js';
import {t} from '../i18n/messages.js';
import {AnswerMemo} from './answer-memo.js';
import {snapshotBuilder, type SourceReadings} from './build-snapshot.js';
import {backoffDelay, defaultBackoff, systemClock, type Backoff, type Clock} from './clock.js';
import type {ClusterEvent} from './cluster-event.js';
import {deriveEvents} from './derive-events.js';
import {readHaproxy, type HaproxyReading} from './haproxy-client.js';
import {simulationHeaderName, type HttpOptions} from './http.js';
import {readMarathon, type MarathonReading} from './marathon-client.js';
import {readMesos, type MesosReading} from './mesos-client.js';
import type {ClusterSnapshot, SourceError, SourceName, SourceStatus, ZkMember} from './snapshot.js';
import {readZookeeper} from './zookeeper-client.js';

export interface ClusterEndpoints {
	/** Mesos master base URLs, such as http://10.0.0.1:5050. */
	mesos: string[];
	/** Marathon base URLs, such as http://10.0.0.1:8080. */
	marathon: string[];
	/** marathon-lb's stats base URL, such as http://10.0.0.1:9090. */
	lb?: string | undefined;
	/** ZooKeeper members as host:port. */
	zookeeper: string[];
}

/** How each source is read; replaceable so tests and the simulated cluster can stand in for any one. */
export interface SourceReaders {
	mesos(masters: string[], http: HttpOptions): Promise<MesosReading>;
	marathon(instances: string[], http: HttpOptions): Promise<MarathonReading>;
	haproxy(lbUrl: string, http: HttpOptions): Promise<HaproxyReading>;
	zookeeper(members: string[], http: HttpOptions): Promise<ZkMember[]>;
}

/** Readers that go over the network; with a memo, an unchanged answer is not decoded again. */
export function networkReaders(memo?: AnswerMemo): SourceReaders {
	return {
		mesos: (masters, http) => readMesos(masters, {...http, memo}),
		marathon: (instances, http) => readMarathon(instances, {...http, memo}),
		haproxy: (lbUrl, http) => readHaproxy(lbUrl, {...http, memo}),
		zookeeper: async (members, http) => {
			const result = await readZookeeper(members, {timeoutMs: http.timeoutMs, maxBytes: http.maxBytes});
			if (result.length > 0 && result.every(member => member.mode === 'unreachable')) {
				throw new ClusterError(localized('errNoZooKeeperMemberAnswered', {map: result.map(member => `${member.endpoint}: ${member.error ?? ''}`).join('; ')}), {hint: localized('errNoZooKeeperMemberAnsweredHint')});
			}
			return memo === undefined ? result : memo.settle('zookeeper', result);
		},
	};
}

export interface PollerOptions {
	endpoints: ClusterEndpoints;
	http?: HttpOptions | undefined;
	/** Authorization header values for secured Mesos masters and Marathons, each sent only to its own kind. */
	authorization?: SourceAuthorization;
	clock?: Clock;
	/** Time between refreshes. */
	refreshMs?: number;
	backoff?: Backoff;
	/** Per source, the time between reads when it is not the refresh time (HAProxy and ZooKeeper on slower clocks). */
	intervals?: Partial<Record<SourceName, number>>;
	/** Per source, the back-off after failures when it is not `backoff` (a stream reader retries on its own). */
	backoffs?: Partial<Record<SourceName, Backoff>>;
	simulated?: boolean;
	readers?: Partial<SourceReaders>;
	/** How long a refresh waits for its slowest read before it publishes what the others brought. */
	slowReadMs?: number;
	/** Where the endpoints are found anew before each refresh, such as leaders discovered through ZooKeeper. */
	resolveEndpoints?: () => ClusterEndpoints;
}

export interface SourceAuthorization {
	mesos?: string;
	marathon?: string;
}

export function withAuthorization(http: HttpOptions, authorization: string | undefined): HttpOptions {
	return authorization === undefined ? http : {...http, authorization};
}

export type SnapshotListener = (snapshot: ClusterSnapshot, derived: ClusterEvent[]) => void;

interface SourceState<T> {
	reading?: T | undefined;
	lastOkAt: string | null;
	/** When the last read started, for sources on their own clock. */
	readAt: number;
	failures: number;
	retryAt: number;
	error?: string | undefined;
	/** The error in Chinese, when the reader that failed gave one. */
	errorZh?: string | undefined;
	/** The read under way, if any: a refresh meanwhile does not wait for it. */
	pending?: Promise<void> | undefined;
	/** A refresh came while the read was under way: read again once it is done, news may have come since. */
	again: boolean;
}

const sourceNames: SourceName[] = ['mesos', 'marathon', 'haproxy', 'zookeeper'];
/** How long a refresh waits for its slowest read before showing what the others brought. */
const defaultSlowReadMs = 250;

/** A streamed reading says when data last arrived; a polled one arrived just now. */
function arrivalOf(reading: unknown): string | undefined {
	const at = typeof reading === 'object' && reading !== null ? (reading as {receivedAt?: unknown}).receivedAt : undefined;
	return typeof at === 'string' ? at : undefined;
}

/**
 * Refreshes every configured source at once, each on its own: a failing source keeps its last good
 * data, is marked stale with its error and is retried with exponential back-off, while the others
 * go on. Each refresh yields a new snapshot plus the events derived from the previous one.
 */
export class ClusterPoller {
	readonly #options: PollerOptions;
	readonly #clock: Clock;
	readonly #readers: SourceReaders;
	readonly #states: Record<SourceName, SourceState<unknown>>;
	readonly #listeners = new Set<SnapshotListener>();
	readonly #snapshotOf = snapshotBuilder();
	readonly #http: HttpOptions;
	// Once any endpoint answers as mesos-lab's simulation, every snapshot says so, wherever its
	// address came from.
	#simulationSeen = false;
	#latest: ClusterSnapshot | undefined;
	#timer: unknown;
	#running = false;
	/** The snapshot about to be built, shared by every source that lands before it is. */
	#publishing: Promise<ClusterSnapshot> | undefined;
	/** Whether the snapshot about to be built ends a refresh (every read it made has landed). */
	#publishingComplete = false;
	/**
	 * The last snapshot that ended a refresh: events are read off the difference between such
	 * snapshots only. One published while a read was still out may show a task from Mesos before
	 * Marathon's word on it; judged alone it would call a replacement a stranger.
	 */
	#eventBase: ClusterSnapshot | undefined;
	readonly #hurry: Partial<Record<SourceName, {from: number; until: number}>> = {};

	constructor(options: PollerOptions) {
		this.#options = options;
		this.#clock = options.clock ?? systemClock;
		this.#readers = {...networkReaders(new AnswerMemo()), ...options.readers};
		const {onAnswer} = options.http ?? {};
		this.#http = {
			...options.http,
			onAnswer: answer => {
				this.#simulationSeen ||= answer.headers[simulationHeaderName] === 'true';
				onAnswer?.(answer);
			},
		};
		this.#states = {
			mesos: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0, again: false},
			marathon: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0, again: false},
			haproxy: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0, again: false},
			zookeeper: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0, again: false},
		};
	}

	/** Calls the listener with every new snapshot; returns the function that stops it. */
	subscribe(listener: SnapshotListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	/**
	 * Reads a source on a slower clock at every refresh from `afterMs` to `forMs` from now: after a
	 * change that moves it (marathon-lb rewrites HAProxy after Marathon's events), its answer is
	 * news again, but not at once, and the refresh carrying the change itself need not wait for it.
	 */
	hurry(name: SourceName, afterMs: number, forMs: number): void {
		const now = this.#clock.now();
		this.#hurry[name] = {from: now + afterMs, until: now + forMs};
	}

	/** The transport every read goes through; stream readers use it too, so what they learn counts. */
	get http(): HttpOptions {
		return this.#http;
	}

	latest(): ClusterSnapshot | undefined {
		return this.#latest;
	}

	/**
	 * One refresh now: every source that is due is read (those in back-off or not yet due are
	 * skipped), and the snapshot once they have all landed is returned and published. Sources that
	 * land together show together: a task the master reports is soon reported by Marathon too, and
	 * one snapshot shows it with its app. But a read still out after `slowReadMs` (a 13 MB HAProxy
	 * CSV), or one already out before this refresh began, holds nothing back: what the others
	 * brought is published without it, and again once it lands.
	 * A source whose read is still under way is read once more after it: news that came in
	 * meanwhile is never left waiting for the next tick.
	 */
	async refresh(): Promise<ClusterSnapshot> {
		const startedAt = this.#clock.now();
		const endpoints = this.#endpoints();
		const reads: Promise<void>[] = [];
		const started: Promise<void>[] = [];
		for (const name of sourceNames) {
			const under = this.#states[name].pending;
			const read = this.#read(name, endpoints, startedAt);
			if (read !== undefined) {
				reads.push(read);
				if (read !== under) {
					started.push(read);
				}
			}
		}
		let timer: unknown;
		const hold = new Promise<void>(resolve => {
			timer = this.#clock.setTimeout(resolve, this.#options.slowReadMs ?? defaultSlowReadMs);
		});
		// Publishing twice in one turn builds one snapshot: when nothing is slow, this is the last one.
		void Promise.race([Promise.all(started), hold]).then(() => this.#publish(false));
		try {
			await Promise.all(reads);
		} finally {
			this.#clock.clearTimeout(timer);
		}
		return this.#publish(true);
	}

	/** Ends a source's back-off, for when its address just changed (a new leader was found). */
	retryNow(name: SourceName): void {
		this.#states[name].retryAt = 0;
	}

	start(): void {
		if (this.#running) {
			return;
		}
		this.#running = true;
		const loop = (): void => {
			void this.refresh().finally(() => {
				if (this.#running) {
					this.#timer = this.#clock.setTimeout(loop, this.#options.refreshMs ?? 2_000);
				}
			});
		};
		loop();
	}

	stop(): void {
		this.#running = false;
		if (this.#timer !== undefined) {
			this.#clock.clearTimeout(this.#timer);
			this.#timer = undefined;
		}
	}

	/**
	 * Reads one source if it is due; the promise settles once it has landed. Called while a read of
	 * it is under way, it asks for one more read after that one (if the source is still due) and
	 * settles after both.
	 */
	#read(name: SourceName, endpoints: ClusterEndpoints, startedAt: number): Promise<void> | undefined {
		const state = this.#states[name];
		if (state.pending !== undefined) {
			state.again = true;
			return state.pending;
		}
		const due = this.#due(name, endpoints, startedAt);
		if (due === undefined) {
			return undefined;
		}
		state.pending = (async () => {
			let at = startedAt;
			let job: (() => Promise<unknown>) | undefined = due;
			while (job !== undefined) {
				state.readAt = at;
				state.again = false;
				try {
					const reading = await job();
					state.reading = reading;
					state.lastOkAt = arrivalOf(reading) ?? new Date(this.#clock.now()).toISOString();
					state.failures = 0;
					state.retryAt = 0;
					state.error = undefined;
					state.errorZh = undefined;
				} catch (error) {
					state.failures++;
					state.retryAt = this.#clock.now() + backoffDelay(this.#options.backoffs?.[name] ?? this.#options.backoff ?? defaultBackoff, state.failures);
					state.error = (error as Error).message;
					state.errorZh = isMesosLabError(error) ? error.textIn('zh').message : undefined;
				}
				at = this.#clock.now();
				job = state.again ? this.#due(name, this.#endpoints(), at) : undefined;
			}
		})().finally(() => {
			state.pending = undefined;
		});
		return state.pending;
	}

	/** The read to make of a source if it is due at `at`: configured, out of back-off, and its own clock come round. */
	#due(name: SourceName, endpoints: ClusterEndpoints, at: number): (() => Promise<unknown>) | undefined {
		const state = this.#states[name];
		const job = this.#job(name, endpoints);
		const hurry = this.#hurry[name];
		const interval = hurry !== undefined && at >= hurry.from && at < hurry.until ? undefined : this.#options.intervals?.[name];
		if (job === undefined || at < state.retryAt || (interval !== undefined && state.error === undefined && at - state.readAt < interval)) {
			return undefined;
		}
		return job;
	}

	#job(name: SourceName, endpoints: ClusterEndpoints): (() => Promise<unknown>) | undefined {
		const http = this.#http;
		switch (name) {
			case 'mesos':
				return endpoints.mesos.length > 0 ? () => this.#readers.mesos(endpoints.mesos, withAuthorization(http, this.#options.authorization?.mesos)) : undefined;
			case 'marathon':
				return endpoints.marathon.length > 0 ? () => this.#readers.marathon(endpoints.marathon, withAuthorization(http, this.#options.authorization?.marathon)) : undefined;
			case 'haproxy':
				return endpoints.lb ? () => this.#readers.haproxy(endpoints.lb ?? '', http) : undefined;
			case 'zookeeper':
				return endpoints.zookeeper.length > 0 ? () => this.#readers.zookeeper(endpoints.zookeeper, http) : undefined;
		}
	}

	/** Builds a snapshot from what every source last gave and hands it to the listeners; calls that come together share one. */
	#publish(complete: boolean): Promise<ClusterSnapshot> {
		this.#publishingComplete ||= complete;
		this.#publishing ??= new Promise(resolve => {
			setImmediate(() => {
				this.#publishing = undefined;
				const endsRefresh = this.#publishingComplete;
				this.#publishingComplete = false;
				resolve(this.#build(endsRefresh));
			});
		});
		return this.#publishing;
	}

	#build(endsRefresh: boolean): ClusterSnapshot {
		const endpoints = this.#endpoints();
		const statuses = {} as Record<SourceName, SourceStatus>;
		const errors: SourceError[] = [];
		for (const name of sourceNames) {
			const state = this.#states[name];
			if (this.#job(name, endpoints) === undefined) {
				statuses[name] = {kind: 'unconfigured'};
			} else if (state.error === undefined && state.lastOkAt !== null) {
				statuses[name] = {kind: 'ok', at: state.lastOkAt};
			} else {
				const error = state.error ?? t('en', 'srcNotReadYet');
				const errorZh = state.error === undefined ? t('zh', 'srcNotReadYet') : state.errorZh;
				statuses[name] = {kind: 'stale', lastOkAt: state.lastOkAt, error, ...(errorZh === undefined ? {} : {errorZh}), retryAt: new Date(state.retryAt).toISOString()};
				errors.push({source: name, endpoint: this.#endpointText(name), message: error, at: new Date(this.#clock.now()).toISOString()});
			}
		}
		const readings: SourceReadings = {
			mesos: this.#states.mesos.reading as MesosReading | undefined,
			marathon: this.#states.marathon.reading as MarathonReading | undefined,
			haproxy: this.#states.haproxy.reading as HaproxyReading | undefined,
			zookeeper: this.#states.zookeeper.reading as ZkMember[] | undefined,
			statuses,
			errors,
		};
		const snapshot = this.#snapshotOf(readings, new Date(this.#clock.now()).toISOString(), (this.#options.simulated ?? false) || this.#simulationSeen);
		const derived = endsRefresh && this.#eventBase ? deriveEvents(this.#eventBase, snapshot) : [];
		if (endsRefresh) {
			this.#eventBase = snapshot;
		}
		this.#latest = snapshot;
		for (const listener of this.#listeners) {
			listener(snapshot, derived);
		}
		return snapshot;
	}

	#endpoints(): ClusterEndpoints {
		return this.#options.resolveEndpoints?.() ?? this.#options.endpoints;
	}

	#endpointText(name: SourceName): string {
		const endpoints = this.#endpoints();
		switch (name) {
			case 'mesos':
				return endpoints.mesos.join(',');
			case 'marathon':
				return endpoints.marathon.join(',');
			case 'haproxy':
				return endpoints.lb ?? '';
			case 'zookeeper':
				return endpoints.zookeeper.join(',');
		}
	}
}
