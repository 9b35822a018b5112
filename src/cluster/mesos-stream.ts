import {localized} from '../i18n/localized.js';
import {request} from 'undici';
import {eventText, type ClusterEvent, type EventText} from './cluster-event.js';
import {ClusterError} from '../errors.js';
import {t} from '../i18n/messages.js';
import {backoffDelay, defaultBackoff, sleep, systemClock, type Backoff, type Clock} from './clock.js';
import {defaultTimeoutMs, fetchText, hostPortOf, joinUrl, parseJsonBody, resolveLocation, type HttpOptions} from './http.js';
import {idText, record, text} from './json-input.js';
import {findMesosLeader, readMesos, type MesosReading} from './mesos-client.js';
import {SubscribedRecord} from './mesos-subscribed.js';
import {MesosTables} from './mesos-tables.js';
import {normaliseMesosV1Answer} from './mesos-v1.js';
import {RecordIoParser} from './recordio.js';
import type {MasterInfo} from './snapshot.js';

/** How the Mesos part of the snapshot is fed. */
export interface MesosStreamOptions {
	http?: HttpOptions;
	clock?: Clock;
	backoff?: Backoff;
	/**
	 * Largest first record accepted: SUBSCRIBED carries the whole state in one record, so it is as
	 * large as `/master/state`. Set from the start (never grown by what a master claims). The
	 * record is read as it arrives and never held whole; the limit bounds how long that goes on.
	 */
	maxStateBytes?: number;
	/** Largest record after the first: one task, agent or framework. */
	maxEventBytes?: number;
	/** Silence, in heartbeat intervals, after which the stream counts as dead. */
	missedHeartbeats?: number;
	/**
	 * Called when data arrives: `state` when the cluster or the stream's condition changed,
	 * `progress` while the first record loads, `arrival` for a heartbeat.
	 */
	onChange?: (what: 'state' | 'progress' | 'arrival') => void;
	/** Called with each line worth a place in the event log (subscriptions, losses). */
	/** The notice in English, when, and as a catalog text for readers in other languages. */
	onNotice?: (message: string, at: string, text: EventText) => void;
}

/** 256 MiB: a 100,000-task state is about 90 MB of JSON; `--max-state-mb` changes it. */
export const defaultMaxStateBytes = 256 * 1024 * 1024;
export const defaultMaxEventBytes = 4 * 1024 * 1024;
/** Longest stretch spent reading the first state before timers (a refresh, a key press) get their turn. */
const firstStateSliceMs = 50;
/** Mesos masters before 1.5 send no HEARTBEAT and no interval; a silent idle cluster is then normal for this long. */
const noHeartbeatSilenceMs = 5 * 60_000;

type Condition =
	| {kind: 'connecting'}
	| {kind: 'loading'; receivedBytes: number; totalBytes: number | undefined}
	| {kind: 'live'}
	| {kind: 'down'; error: string}
	| {kind: 'unsupported'; reason: string};

/** A status code that says the master has no operator API stream (Mesos before 1.1, or a proxy that blocks it). */
function cannotStream(status: number): boolean {
	return status === 400 || status === 404 || status === 405 || status === 415 || status === 501;
}

class CannotStream extends Error {}

/**
 * Follows the leading master's v1 operator API event stream (`POST /api/v1` SUBSCRIBE): the
 * SUBSCRIBED record gives the whole state, TASK_*, AGENT_* and FRAMEWORK_* records change it, and
 * HEARTBEATs prove the stream alive. A dropped stream, a leader change, a missed heartbeat, a
 * truncated or oversized record: the data is kept (and shown stale), the leader found again and
 * the stream opened again, with back-off. A master that cannot stream is polled instead.
 */
export class MesosStream {
	readonly #masters: string[];
	readonly #options: MesosStreamOptions;
	readonly #clock: Clock;
	readonly #abort = new AbortController();
	#condition: Condition = {kind: 'connecting'};
	/** Whether the current subscription has delivered its SUBSCRIBED record. */
	#everLiveThisStream = false;
	#tables = new MesosTables();
	/** The SUBSCRIBED record on its way, while it is read. */
	#incoming: SubscribedRecord | undefined;
	/** Whether any subscription ever delivered a whole state: until then, a state half read is shown. */
	#hadState = false;
	#leaderUrl: string | null = null;
	#leaderReported: string | null = null;
	#masterInfos: MasterInfo[] = [];
	#version: string | undefined;
	#receivedAt: string | null = null;
	#heartbeatMs: number | undefined;
	/** Tasks the leader counts in its metrics, to turn the bytes of the first record into a task count. */
	#expectedTasks = 0;
	#dirty = true;
	#reading: MesosReading | undefined;
	#started = false;
	#firstStateDone!: () => void;
	readonly #firstState = new Promise<void>(resolve => {
		this.#firstStateDone = resolve;
	});

	constructor(masters: string[], options: MesosStreamOptions = {}) {
		this.#masters = masters;
		this.#options = options;
		this.#clock = options.clock ?? systemClock;
	}

	start(): void {
		if (this.#masters.length === 0) {
			this.#firstStateDone();
		}
		if (this.#started || this.#masters.length === 0) {
			return;
		}
		this.#started = true;
		this.#run().catch(() => undefined);
	}

	stop(): void {
		this.#abort.abort();
		this.#firstStateDone();
	}

	/**
	 * Settles once the first state is in, or the stream is down or cannot be had, or it stopped:
	 * whichever comes first ends the time in which the whole state is on its way.
	 */
	firstState(): Promise<void> {
		return this.#firstState;
	}

	/** When data last arrived on the stream (any record, heartbeats included). */
	get receivedAt(): string | null {
		return this.#receivedAt;
	}

	/**
	 * The current state; while the stream is down, loading or was never up, an error that says so
	 * (the poller then keeps the last good reading and marks it stale). A master that cannot stream
	 * is read through `/master/state` here instead.
	 */
	async read(http: HttpOptions): Promise<MesosReading> {
		const condition = this.#condition;
		if (condition.kind === 'unsupported') {
			const polled = await readMesos(this.#masters, http);
			return {...polled, feed: {kind: 'poll', reason: condition.reason}};
		}
		const incoming = this.#incoming;
		if (condition.kind === 'loading' && !this.#hadState && incoming !== undefined && incoming.tables.tasks.size > 0) {
			// The first time only: what is read so far beats an empty screen. Later, while a new
			// subscription loads, the last whole state stays on screen (marked stale) instead.
			const tasksExpected = Math.max(this.#expectedTasks, incoming.tables.tasks.size);
			return {...this.#materialise(incoming.tables), feed: {kind: 'loading', tasksRead: incoming.tables.tasks.size, tasksExpected}};
		}
		if (condition.kind !== 'live') {
			throw new ClusterError(this.#describe(condition), {hint: localized('errTheDashboardSubscribesAgainOnHint')});
		}
		if (this.#dirty || this.#reading === undefined) {
			this.#reading = this.#materialise(this.#tables);
			this.#dirty = false;
		}
		return this.#receivedAt === null ? this.#reading : {...this.#reading, receivedAt: this.#receivedAt};
	}

	/** Where the stream is, in both languages: the dashboard shows it in place of the master's data until it is live. */
	#describe(condition: Exclude<Condition, {kind: 'live'} | {kind: 'unsupported'}>): {en: string; zh: string} {
		switch (condition.kind) {
			case 'connecting':
				return {en: t('en', 'srcSubscribing'), zh: t('zh', 'srcSubscribing')};
			case 'loading': {
				const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);
				const {receivedBytes, totalBytes} = condition;
				const size = `${mb(receivedBytes)}${totalBytes === undefined ? '' : ` / ${mb(totalBytes)}`} MB`;
				const read = this.#incoming?.tables.tasks.size ?? 0;
				if (totalBytes === undefined || this.#expectedTasks === 0) {
					return {en: t('en', 'srcReadingState', {size}), zh: t('zh', 'srcReadingState', {size})};
				}
				const counts = {read: read.toLocaleString('en'), expected: Math.max(read, this.#expectedTasks).toLocaleString('en'), size};
				return {en: t('en', 'srcReadingTasks', counts), zh: t('zh', 'srcReadingTasks', counts)};
			}
			case 'down':
				// The transport's own words (ECONNREFUSED…), the same in any language.
				return {en: condition.error, zh: condition.error};
		}
	}

	#materialise(tables: MesosTables): MesosReading {
		const leader = this.#leaderUrl === null ? null : hostPortOf(this.#leaderUrl);
		return {
			...(this.#version ? {version: this.#version} : {}),
			leader,
			leaderReported: this.#leaderReported,
			leaderUrl: this.#leaderUrl,
			masters: this.#masterInfos,
			metrics: {},
			agents: [...tables.agents.values()],
			tasks: [...tables.tasks.values()],
			frameworks: [...tables.frameworks.values()],
			feed: {kind: 'stream'},
		};
	}

	#set(condition: Condition): void {
		this.#condition = condition;
		if (condition.kind !== 'connecting' && condition.kind !== 'loading') {
			this.#firstStateDone();
		}
		this.#options.onChange?.(condition.kind === 'loading' ? 'progress' : 'state');
	}

	#notice(words: Pick<ClusterEvent, 'text' | 'message'>): void {
		this.#options.onNotice?.(words.message, new Date(this.#clock.now()).toISOString(), words.text);
	}

	async #run(): Promise<void> {
		const http = this.#options.http ?? {};
		let failures = 0;
		while (!this.#abort.signal.aborted) {
			let reason: string;
			try {
				const {leaderUrl, probes} = await findMesosLeader(this.#masters, http);
				if (leaderUrl === null) {
					throw new Error(`no Mesos master leads (${probes.map(probe => `${probe.info.endpoint}: ${probe.info.error ?? 'not elected'}`).join('; ')})`);
				}
				const leaderEndpoint = hostPortOf(leaderUrl);
				const metrics = probes.find(probe => hostPortOf(probe.url) === leaderEndpoint)?.metrics ?? {};
				this.#expectedTasks = ['staging', 'starting', 'running', 'killing', 'unreachable'].reduce((sum, state) => sum + (metrics[`master/tasks_${state}`] ?? 0), 0);
				this.#masterInfos = probes.map(probe => ({...probe.info, role: hostPortOf(probe.url) === leaderEndpoint ? 'leader' : probe.info.role === 'leader' ? 'standby' : probe.info.role}));
				const reached = await this.#subscribe(leaderUrl, http, () => {
					failures = 0;
				});
				reason = reached;
			} catch (error) {
				if (this.#abort.signal.aborted) {
					return;
				}
				if (error instanceof CannotStream) {
					this.#notice(eventText('evMesosCannotStream', {error: error.message}));
					this.#set({kind: 'unsupported', reason: error.message});
					return;
				}
				reason = (error as Error).message;
			}
			failures++;
			const delay = backoffDelay(this.#options.backoff ?? defaultBackoff, failures);
			this.#notice(eventText('evMesosStreamLost', {reason, seconds: Math.round(delay / 100) / 10}));
			this.#set({kind: 'down', error: `master event stream lost: ${reason}`});
			await sleep(this.#clock, delay, this.#abort.signal);
		}
	}

	/** One subscription, until it ends; resolves with why it ended. */
	async #subscribe(leaderUrl: string, http: HttpOptions, onSubscribed: () => void): Promise<string> {
		const masterAnswer = await fetchText(joinUrl(leaderUrl, '/api/v1'), http, {method: 'POST', headers: {'content-type': 'application/json', accept: 'application/json'}, body: '{"type":"GET_MASTER"}'});
		if (cannotStream(masterAnswer.status)) {
			throw new CannotStream(`POST /api/v1 answered HTTP ${masterAnswer.status}`);
		}
		if (masterAnswer.status === 200) {
			const master = normaliseMesosV1Answer(parseJsonBody(masterAnswer.body, masterAnswer.url)).master;
			this.#leaderReported = master && master.hostname !== '' ? `${master.hostname}:${master.port}` : null;
			this.#version = master?.version;
		}
		const timeoutMs = http.timeoutMs ?? defaultTimeoutMs;
		let url = joinUrl(leaderUrl, '/api/v1');
		for (let hop = 0; hop < 3; hop++) {
			const watchdog = new AbortController();
			const signal = AbortSignal.any([this.#abort.signal, watchdog.signal]);
			const response = await request(url, {
				method: 'POST',
				headers: {'content-type': 'application/json', accept: 'application/json', ...(http.authorization === undefined ? {} : {authorization: http.authorization})},
				body: '{"type":"SUBSCRIBE"}',
				...(http.dispatcher === undefined ? {} : {dispatcher: http.dispatcher}),
				signal,
				headersTimeout: timeoutMs,
				bodyTimeout: 0,
			});
			const location = response.headers.location;
			if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string') {
				await response.body.dump();
				url = resolveLocation(location, url);
				continue;
			}
			if (response.statusCode !== 200) {
				await response.body.dump();
				if (cannotStream(response.statusCode)) {
					throw new CannotStream(`SUBSCRIBE answered HTTP ${response.statusCode}`);
				}
				throw new Error(`SUBSCRIBE answered HTTP ${response.statusCode}`);
			}
			this.#leaderUrl = leaderUrl;
			return await this.#consume(response.body, watchdog, onSubscribed);
		}
		throw new Error('SUBSCRIBE redirected too many times');
	}

	async #consume(body: AsyncIterable<unknown> & {destroy(error?: Error): unknown}, watchdog: AbortController, onSubscribed: () => void): Promise<string> {
		const incoming = new SubscribedRecord();
		this.#incoming = incoming;
		const parser = new RecordIoParser(this.#options.maxEventBytes ?? defaultMaxEventBytes, this.#options.maxStateBytes ?? defaultMaxStateBytes, (bytes, last) => {
			this.#receivedAt = new Date(this.#clock.now()).toISOString();
			incoming.push(bytes);
			if (last) {
				this.#subscribed(incoming, onSubscribed);
			}
		});
		let silenceReason = '';
		let timer: unknown;
		const arm = (): void => {
			if (timer !== undefined) {
				this.#clock.clearTimeout(timer);
			}
			const beats = this.#options.missedHeartbeats ?? 3;
			const silenceMs = this.#heartbeatMs === undefined ? (this.#everLiveThisStream ? noHeartbeatSilenceMs : Math.max(3 * defaultTimeoutMs, 15_000 * beats)) : this.#heartbeatMs * beats;
			timer = this.#clock.setTimeout(() => {
				silenceReason = `no heartbeat for ${Math.round(silenceMs / 1000)} s`;
				watchdog.abort();
			}, silenceMs);
		};
		this.#heartbeatMs = undefined;
		this.#everLiveThisStream = false;
		let lastYield = performance.now();
		this.#set({kind: 'connecting'});
		arm();
		try {
			for await (const chunk of body) {
				const records = parser.push(chunk as Uint8Array);
				if (!this.#everLiveThisStream && parser.expected !== undefined) {
					this.#set({kind: 'loading', receivedBytes: parser.handed, totalBytes: parser.expected});
				}
				for (const text of records) {
					this.#apply(JSON.parse(text) as unknown);
				}
				// Chunks already received resolve one after another as microtasks, which would keep
				// every timer, and so every screen, waiting until the whole first state is in.
				if (!this.#everLiveThisStream && performance.now() - lastYield > firstStateSliceMs) {
					await new Promise(resolve => setImmediate(resolve));
					lastYield = performance.now();
				}
				// After the records: SUBSCRIBED has just said how often heartbeats come.
				arm();
			}
			parser.end();
			return 'the master closed the stream';
		} catch (error) {
			if (silenceReason !== '') {
				return silenceReason;
			}
			body.destroy();
			throw error;
		} finally {
			this.#incoming = undefined;
			if (timer !== undefined) {
				this.#clock.clearTimeout(timer);
			}
		}
	}

	/** The SUBSCRIBED record is in: its state replaces the one kept, and events apply to it from now on. */
	#subscribed(incoming: SubscribedRecord, onSubscribed: () => void): void {
		const {heartbeatMs} = incoming.finish();
		this.#tables = incoming.tables;
		this.#incoming = undefined;
		this.#hadState = true;
		this.#heartbeatMs = heartbeatMs;
		this.#everLiveThisStream = true;
		onSubscribed();
		this.#notice(eventText('evMesosSubscribedOf', {master: this.#leaderReported ?? this.#leaderUrl ?? '?'}));
		this.#dirty = true;
		this.#set({kind: 'live'});
	}

	#apply(raw: unknown): void {
		const event = record(raw);
		const type = text(event.type);
		this.#receivedAt = new Date(this.#clock.now()).toISOString();
		const payload = record(event[type.toLowerCase()]);
		const tables = this.#tables;
		switch (type) {
			case 'TASK_ADDED':
				tables.addTask(record(payload.task), true);
				break;
			case 'TASK_UPDATED':
				tables.updateTask(payload);
				break;
			case 'AGENT_ADDED':
				tables.addAgent(payload.agent);
				break;
			case 'AGENT_REMOVED':
				tables.removeAgent(idText(payload.agent_id));
				break;
			case 'FRAMEWORK_ADDED':
			case 'FRAMEWORK_UPDATED':
				tables.putFramework(payload.framework);
				break;
			case 'FRAMEWORK_REMOVED':
				tables.removeFramework(idText(record(payload.framework_info).id));
				break;
			default:
				// HEARTBEAT and types newer than this reader: the time of arrival is all they change.
				this.#options.onChange?.('arrival');
				return;
		}
		this.#dirty = true;
		this.#set({kind: 'live'});
	}
}
