import {createParser} from 'eventsource-parser';
import {request, type Dispatcher} from 'undici';

/** Largest event accepted on the bus; Marathon's deployment events are a few kilobytes. */
const maxEventChars = 4 * 1024 * 1024;

export interface DeploymentVerdict {
	kind: 'success' | 'failed';
	reason?: string;
}

/**
 * Listens on Marathon's event bus for the end of one deployment. Polling alone cannot tell a
 * finished deployment from a failed one; the bus can. When the bus is unavailable the watcher
 * stays silent and the caller falls back to polling.
 */
export function watchDeploymentEnd(options: {url: string; deploymentId: string; dispatcher?: Dispatcher | undefined; authorization?: string | undefined}): {verdict: () => DeploymentVerdict | undefined; attached: () => boolean; close: () => void} {
	const controller = new AbortController();
	let verdict: DeploymentVerdict | undefined;
	let attached = false;
	const read = async () => {
		const response = await request(`${options.url}/v2/events?event_type=deployment_success&event_type=deployment_failed&plan-format=light`, {
			...(options.dispatcher === undefined ? {} : {dispatcher: options.dispatcher}),
			headers: {accept: 'text/event-stream', ...(options.authorization === undefined ? {} : {authorization: options.authorization})},
			signal: controller.signal,
		});
		if (response.statusCode !== 200) {
			await response.body.dump();
			return;
		}
		attached = true;
		// A line or an event longer than this is no Marathon event: the parser stops there and the caller polls.
		const parser = createParser({
			maxBufferSize: maxEventChars,
			onEvent: message => {
				try {
					const event = JSON.parse(message.data) as {eventType?: string; id?: string; reason?: string};
					if (event.id === options.deploymentId && (event.eventType === 'deployment_failed' || event.eventType === 'deployment_success')) {
						verdict = event.eventType === 'deployment_failed'
							? {kind: 'failed', reason: event.reason ?? 'deployment_failed'}
							: {kind: 'success'};
						controller.abort();
					}
				} catch {
					// Data that is not JSON is not an event we need.
				}
			},
			onError: () => controller.abort(),
		});
		const decoder = new TextDecoder();
		for await (const chunk of response.body) {
			parser.feed(decoder.decode(chunk as Buffer, {stream: true}));
			if (controller.signal.aborted) {
				return;
			}
		}
	};
	read().catch(() => undefined).finally(() => {
		attached = false;
	});
	return {verdict: () => verdict, attached: () => attached, close: () => controller.abort()};
}
