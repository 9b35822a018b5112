import {describe, expect, it} from 'vitest';
import {normaliseMarathonEvent} from '../../src/cluster/marathon-events.js';
import {SseParser, type SseMessage} from '../../src/cluster/sse.js';
import {fixtureText} from './helpers/fixtures.js';

const stream = fixtureText('marathon-events.sse.txt');
const bytes = new TextEncoder().encode(stream);

function parseInChunks(cut: number[]): SseMessage[] {
	const parser = new SseParser();
	const messages: SseMessage[] = [];
	let start = 0;
	for (const end of [...cut, bytes.length]) {
		messages.push(...parser.push(bytes.subarray(start, end)));
		start = end;
	}
	return [...messages, ...parser.end()];
}

describe('reading the Marathon event stream', () => {
	const whole = parseInChunks([]);

	it('yields one message per event, skipping comments', () => {
		expect(whole.map(message => message.event)).toEqual(['event_stream_attached', 'status_update_event', 'instance_health_changed_event', 'deployment_success']);
		expect(whole.map(message => normaliseMarathonEvent(message.event, JSON.parse(message.data)).kind)).toEqual(['stream', 'task', 'health', 'deployment']);
	});

	it('gives the same messages whichever byte the chunks split at', () => {
		for (let cut = 1; cut < bytes.length; cut++) {
			expect(parseInChunks([cut])).toEqual(whole);
		}
	});

	it('gives the same messages when every byte arrives alone', () => {
		expect(parseInChunks(Array.from({length: bytes.length - 1}, (_, index) => index + 1))).toEqual(whole);
	});

	it('accepts CRLF and CR line ends, split between CR and LF, and multi-line data', () => {
		const parser = new SseParser();
		const messages = [...parser.push('event: a\r'), ...parser.push('\ndata: one\r\ndata: two\r\r\n'), ...parser.push('data: x\r\r')];
		expect(messages).toEqual([{event: 'a', data: 'one\ntwo'}, {event: 'message', data: 'x'}]);
	});

	it('decodes a UTF-8 character split across chunks', () => {
		const encoded = new TextEncoder().encode('data: {"m":"北京"}\n\n');
		const parser = new SseParser();
		const messages = [...parser.push(encoded.subarray(0, 12)), ...parser.push(encoded.subarray(12))];
		expect(messages[0]?.data).toBe('{"m":"北京"}');
	});

	it('drops an event the stream cut off before its blank line', () => {
		const parser = new SseParser();
		expect([...parser.push('event: x\ndata: {"half":'), ...parser.end()]).toEqual([]);
	});
});

describe('an event stream line without end', () => {
	it('is refused once it passes the limit instead of growing without bound', () => {
		const parser = new SseParser({maxEventChars: 1024});
		expect(parser.push('data: ')).toEqual([]);
		expect(() => {
			for (let index = 0; index < 10; index++) {
				parser.push('x'.repeat(200));
			}
		}).toThrow(/longer than 1024 characters/);
	});

	it('is refused when many data lines never end their event', () => {
		const parser = new SseParser({maxEventChars: 1024});
		expect(() => parser.push('data: xxxxxxxxxx\n'.repeat(200))).toThrow(/longer than 1024 characters/);
	});
});
