import {request, type Dispatcher} from 'undici';
import {backoffDelay, defaultBackoff, sleep, systemClock, type Backoff, type Clock} from './clock.js';
import {eventText, type ClusterEvent} from './cluster-event.js';
import {joinUrl, resolveLocation} from './http.js';
import {normaliseMarathonEvent} from './marathon-events.js';
import {SseParser} from './sse.js';

export interface EventStreamOptions {
	dispatcher?: Dispatcher | undefined;
	clock?: Clock | undefined;
	backoff?: Backoff | undefined;
	/** Time to wait for the response headers. */
	connectTimeoutMs?: number | undefined;
	/** A stream silent this long is treated as dead and reopened; 0 waits for ever. */
	idleTimeoutMs?: number | undefined;
	/** Authorization header for a Marathon that requires basic auth. */
	authorization?: string | undefined;
	/** Stops the stream; the generator then returns. */
	signal?: AbortSignal | undefined;
}

/**
 * Follows Marathon's `/v2/events` across the configured instances: reconnects with back-off when the
 * stream ends, moves on to the next instance when one fails, and follows a standby's redirect to
 * the leader (Marathon 1.7+ redirects instead of proxying). Yields normalised events, plus `stream`
 * events when the connection changes.
 */
export async function* followMarathonEvents(instances: string[], options: EventStreamOptions = {}): AsyncGenerator<ClusterEvent> {
	const clock = options.clock ?? systemClock;
	const backoff = options.backoff ?? defaultBackoff;
	let failures = 0;
	let index = 0;
	while (!options.signal?.aborted && instances.length > 0) {
		const base = instances[index % instances.length] ?? '';
		let url = joinUrl(base, '/v2/events?plan-format=light');
		let reason = 'the stream ended';
		try {
			for (let hop = 0; ; hop++) {
				const response = await request(url, {
					headers: {accept: 'text/event-stream', ...(options.authorization === undefined ? {} : {authorization: options.authorization})},
					...(options.dispatcher === undefined ? {} : {dispatcher: options.dispatcher}),
					...(options.signal === undefined ? {} : {signal: options.signal}),
					headersTimeout: options.connectTimeoutMs ?? 5_000,
					bodyTimeout: options.idleTimeoutMs ?? 0,
				});
				const location = response.headers.location;
				if (response.statusCode >= 300 && response.statusCode < 400 && typeof location === 'string' && hop < 3) {
					await response.body.dump();
					url = resolveLocation(location, url);
					continue;
				}
				if (response.statusCode !== 200) {
					await response.body.dump();
					throw new Error(`HTTP ${response.statusCode}`);
				}
				failures = 0;
				yield streamEvent(clock, 'event-stream-connected', eventText('evStreamConnected', {host: new URL(url).host}));
				const parser = new SseParser();
				for await (const chunk of response.body) {
					for (const message of parser.push(chunk as Buffer)) {
						yield toClusterEvent(clock, message.event, message.data);
					}
				}
				break;
			}
		} catch (error) {
			if (options.signal?.aborted) {
				return;
			}
			reason = (error as Error).message;
			index++;
		}
		failures++;
		const delay = backoffDelay(backoff, failures);
		yield streamEvent(clock, 'event-stream-lost', eventText('evStreamLost', {reason, seconds: Math.round(delay / 100) / 10}));
		await sleep(clock, delay, options.signal);
	}
}

function toClusterEvent(clock: Clock, eventName: string, data: string): ClusterEvent {
	try {
		return normaliseMarathonEvent(eventName, JSON.parse(data) as unknown);
	} catch {
		return {at: new Date(clock.now()).toISOString(), origin: 'marathon', kind: 'other', type: eventName, ...eventText('evUnreadable', {type: eventName})};
	}
}

function streamEvent(clock: Clock, type: string, words: Pick<ClusterEvent, 'text' | 'message'>): ClusterEvent {
	return {at: new Date(clock.now()).toISOString(), origin: 'marathon', kind: 'stream', type, ...words};
}
