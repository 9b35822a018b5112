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
}

const sourceNames: SourceName[] = ['mesos', 'marathon', 'haproxy', 'zookeeper'];

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
	readonly #build = snapshotBuilder();
	readonly #http: HttpOptions;
	// Once any endpoint answers as mesos-lab's simulation, every snapshot says so, wherever its
	// address came from.
	#simulationSeen = false;
	#latest: ClusterSnapshot | undefined;
	#timer: unknown;
	#running = false;
	#inFlight: Promise<ClusterSnapshot> | undefined;
	#again: Promise<ClusterSnapshot> | undefined;
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
			mesos: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0},
			marathon: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0},
			haproxy: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0},
			zookeeper: {lastOkAt: null, readAt: Number.NEGATIVE_INFINITY, failures: 0, retryAt: 0},
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
	 * One refresh now (sources in back-off or not yet due are skipped). A call while a refresh runs
	 * gets one more refresh after it, shared by every such call: news that came in during a read is
	 * never left waiting for the next tick.
	 */
	refresh(): Promise<ClusterSnapshot> {
		if (this.#inFlight === undefined) {
			this.#inFlight = this.#refresh().finally(() => {
				this.#inFlight = undefined;
			});
			return this.#inFlight;
		}
		this.#again ??= this.#inFlight.catch(() => undefined).then(() => {
			this.#again = undefined;
			return this.refresh();
		});
		return this.#again;
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

	async #refresh(): Promise<ClusterSnapshot> {
		const endpoints = this.#endpoints();
		const http = this.#http;
		const jobs: Record<SourceName, (() => Promise<unknown>) | undefined> = {
			mesos: endpoints.mesos.length > 0 ? () => this.#readers.mesos(endpoints.mesos, withAuthorization(http, this.#options.authorization?.mesos)) : undefined,
			marathon: endpoints.marathon.length > 0 ? () => this.#readers.marathon(endpoints.marathon, withAuthorization(http, this.#options.authorization?.marathon)) : undefined,
			haproxy: endpoints.lb ? () => this.#readers.haproxy(endpoints.lb ?? '', http) : undefined,
			zookeeper: endpoints.zookeeper.length > 0 ? () => this.#readers.zookeeper(endpoints.zookeeper, http) : undefined,
		};
		const startedAt = this.#clock.now();
		await Promise.all(sourceNames.map(async name => {
			const job = jobs[name];
			const state = this.#states[name];
			const hurry = this.#hurry[name];
			const interval = hurry !== undefined && startedAt >= hurry.from && startedAt < hurry.until ? undefined : this.#options.intervals?.[name];
			if (job === undefined || startedAt < state.retryAt || (interval !== undefined && state.error === undefined && startedAt - state.readAt < interval)) {
				return;
			}
			state.readAt = startedAt;
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
		}));
		const statuses = {} as Record<SourceName, SourceStatus>;
		const errors: SourceError[] = [];
		for (const name of sourceNames) {
			const state = this.#states[name];
			if (jobs[name] === undefined) {
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
		const snapshot = this.#build(readings, new Date(this.#clock.now()).toISOString(), (this.#options.simulated ?? false) || this.#simulationSeen);
		const derived = this.#latest ? deriveEvents(this.#latest, snapshot) : [];
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
