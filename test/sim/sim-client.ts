
export interface SseEvent {
	event: string;
	data: Record<string, unknown>;
}

/** Reads Marathon's event stream in the background and keeps every event it saw. */
export async function openEventStream(url: string): Promise<{events: SseEvent[]; close(): void}> {
	const controller = new AbortController();
	const response = await fetch(url, {headers: {Accept: 'text/event-stream'}, signal: controller.signal});
	if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
	const events: SseEvent[] = [];
	const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
	void (async () => {
		let buffer = '';
		try {
			for (;;) {
				const {value, done} = await reader.read();
				if (done) return;
				buffer += value;
				let end: number;
				while ((end = buffer.indexOf('\n\n')) >= 0) {
					const block = buffer.slice(0, end);
					buffer = buffer.slice(end + 2);
					const event = /^event: (.*)$/m.exec(block)?.[1];
					const data = /^data: (.*)$/m.exec(block)?.[1];
					if (event && data) events.push({event, data: JSON.parse(data) as Record<string, unknown>});
				}
			}
		} catch {
			// Aborted by close().
		}
	})();
	return {events, close: () => controller.abort()};
}

// Answers are read like a client would read them: any JSON shape, checked by the assertions.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function getJson(url: string, init?: RequestInit): Promise<{status: number; headers: Headers; body: any}> {
	const response = await fetch(url, {redirect: 'manual', ...init});
	const text = await response.text();
	return {status: response.status, headers: response.headers, body: text === '' ? null : JSON.parse(text)};
}
