import {request, type Dispatcher} from 'undici';

export interface DeploymentVerdict {
	kind: 'success' | 'failed';
	reason?: string;
}

/**
 * Listens on Marathon's event bus for the end of one deployment. Polling alone cannot tell a
 * finished deployment from a failed one; the bus can. When the bus is unavailable the watcher
 * stays silent and the caller falls back to polling.
 */
export function watchDeploymentEnd(options: {url: string; deploymentId: string; dispatcher?: Dispatcher}): {verdict: () => DeploymentVerdict | undefined; attached: () => boolean; close: () => void} {
	const controller = new AbortController();
	let verdict: DeploymentVerdict | undefined;
	let attached = false;
	const read = async () => {
		const response = await request(`${options.url}/v2/events?event_type=deployment_success&event_type=deployment_failed&plan-format=light`, {
			dispatcher: options.dispatcher,
			headers: {accept: 'text/event-stream'},
			signal: controller.signal,
		});
		if (response.statusCode !== 200) {
			await response.body.dump();
			return;
		}
		attached = true;
		let buffer = '';
		for await (const chunk of response.body) {
			buffer += (chunk as Buffer).toString('utf8');
			let end: number;
			while ((end = buffer.indexOf('\n\n')) !== -1) {
				const block = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				const data = block.split('\n').filter(line => line.startsWith('data:')).map(line => line.slice(5).trim()).join('');
				if (data === '') {
					continue;
				}
				try {
					const event = JSON.parse(data) as {eventType?: string; id?: string; reason?: string};
					if (event.id === options.deploymentId && (event.eventType === 'deployment_failed' || event.eventType === 'deployment_success')) {
						verdict = event.eventType === 'deployment_failed'
							? {kind: 'failed', reason: event.reason ?? 'deployment_failed'}
							: {kind: 'success'};
						controller.abort();
						return;
					}
				} catch {
					// A line that is not JSON is not an event we need.
				}
			}
		}
	};
	read().catch(() => undefined).finally(() => {
		attached = false;
	});
	return {verdict: () => verdict, attached: () => attached, close: () => controller.abort()};
}
