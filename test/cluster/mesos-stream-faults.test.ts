import {createServer, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {MesosStream} from '../../src/cluster/mesos-stream.js';
import {RecordIoParser} from '../../src/cluster/recordio.js';
import {waitFor} from '../helpers/wait-for.js';

/**
 * A stand-in for one leading Mesos master (docs/operator-http-api.md, docs/recordio.md): it is
 * elected, answers GET_MASTER, and answers each SUBSCRIBE with the next scripted behaviour; a
 * well-behaved stream once the script runs out.
 */
type Behaviour = (res: ServerResponse) => void;

const frame = (body: object): string => {
	const text = JSON.stringify(body);
	return `${Buffer.byteLength(text)}\n${text}`;
};

const subscribed = (heartbeatSeconds: number): string => frame({
	type: 'SUBSCRIBED',
	subscribed: {
		heartbeat_interval_seconds: heartbeatSeconds,
		get_state: {
			get_agents: {agents: [{agent_info: {hostname: 'a1', id: {value: 'S1'}, port: 5051}, active: true, total_resources: [], allocated_resources: []}]},
			get_tasks: {tasks: [{name: 'web', task_id: {value: 'web.1'}, framework_id: {value: 'F1'}, agent_id: {value: 'S1'}, state: 'TASK_RUNNING', resources: [], statuses: []}]},
			get_frameworks: {frameworks: [{framework_info: {id: {value: 'F1'}, name: 'marathon'}, active: true}]},
		},
	},
});

const wellBehaved: Behaviour = res => {
	res.write(subscribed(1));
	const beat = setInterval(() => res.write(frame({type: 'HEARTBEAT'})), 1000);
	res.on('close', () => clearInterval(beat));
};

interface FakeMaster {
	url: string;
	subscriptions: number;
	/** Bytes the master managed to write on each SUBSCRIBE before the client hung up. */
	written: number[];
	close(): Promise<void>;
}

async function fakeMaster(script: Behaviour[]): Promise<FakeMaster> {
	const state = {subscriptions: 0, written: [] as number[]};
	const server: Server = createServer((req, res) => {
		if (req.url === '/metrics/snapshot') {
			res.writeHead(200, {'content-type': 'application/json'}).end('{"master/elected":1}');
			return;
		}
		let body = '';
		req.on('data', chunk => {
			body += String(chunk);
		});
		req.on('end', () => {
			if (body.includes('GET_MASTER')) {
				res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({type: 'GET_MASTER', get_master: {master_info: {hostname: 'm1.example', port: 5050, version: '1.5.3'}}}));
				return;
			}
			const index = state.subscriptions++;
			state.written[index] = 0;
			const write = res.write.bind(res);
			res.write = ((chunk: string | Buffer) => {
				state.written[index] = (state.written[index] ?? 0) + Buffer.byteLength(chunk);
				return write(chunk);
			}) as typeof res.write;
			res.writeHead(200, {'content-type': 'application/json'});
			(script[index] ?? wellBehaved)(res);
		});
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		get subscriptions() {
			return state.subscriptions;
		},
		written: state.written,
		close: () => new Promise(resolve => {
			server.closeAllConnections();
			server.close(() => resolve());
		}),
	};
}

let master: FakeMaster | undefined;
let stream: MesosStream | undefined;

afterEach(async () => {
	stream?.stop();
	await master?.close();
	master = undefined;
	stream = undefined;
});

/** Follows the fake master, noting every condition the stream reports as stale. */
function followFake(url: string, options: {maxStateBytes?: number} = {}): {stale: string[]} {
	const seen = {stale: [] as string[]};
	stream = new MesosStream([url], {
		backoff: {initialMs: 50, maxMs: 200},
		...options,
		onNotice: message => seen.stale.push(message),
	});
	stream.start();
	return seen;
}

async function readsTheTask(): Promise<void> {
	await waitFor(async () => {
		const reading = await stream!.read({}).catch(() => undefined);
		return reading?.tasks.some(task => task.id === 'web.1') ? true : undefined;
	});
}

describe('a Mesos event stream that misbehaves', () => {
	it('is marked stale and subscribed again when the heartbeats stop', async () => {
		master = await fakeMaster([res => res.write(subscribed(0.1))]);
		const seen = followFake(master.url);
		await waitFor(() => (master!.subscriptions >= 2 ? true : undefined));
		expect(seen.stale.join('\n')).toMatch(/master event stream lost \(no heartbeat for/);
		await readsTheTask();
	});

	it('is marked stale and subscribed again after a truncated record', async () => {
		master = await fakeMaster([res => {
			res.write(subscribed(1));
			res.end('500\n{"type":"HEARTB');
		}]);
		const seen = followFake(master.url);
		await waitFor(() => (seen.stale.some(line => line.includes('ended inside a record')) ? true : undefined));
		await waitFor(() => (master!.subscriptions >= 2 ? true : undefined));
		await readsTheTask();
	});

	it('refuses a record claiming 2 GB at its length, hangs up, and subscribes again', async () => {
		master = await fakeMaster([res => {
			res.write('2147483648\n');
			// The master would go on sending for ever; the client must not buffer it.
			const junk = Buffer.alloc(1024 * 1024, 0x20);
			const pump = setInterval(() => res.write(junk), 1);
			res.on('close', () => clearInterval(pump));
		}]);
		const seen = followFake(master.url, {maxStateBytes: 64 * 1024 * 1024});
		await waitFor(() => (seen.stale.some(line => line.includes('2147483648 bytes is over')) ? true : undefined));
		await waitFor(() => (master!.subscriptions >= 2 ? true : undefined));
		await readsTheTask();
		// The first answer was cut short long before the 2 GB it announced (the socket buffers hold a few MB).
		expect(master.written[0]).toBeLessThan(64 * 1024 * 1024);
	});

	it('shows the leader as the master names itself', async () => {
		master = await fakeMaster([]);
		followFake(master.url);
		await readsTheTask();
		const reading = await stream!.read({});
		expect(reading.leaderReported).toBe('m1.example:5050');
		expect(reading.leader).toBe(new URL(master.url).host);
	});
});

describe('a Mesos master without the operator API stream', () => {
	it('is read through /master/state instead, and the reading says why', async () => {
		// Mesos before 1.1 has no /api/v1: it answers 404 there and serves the v0 endpoints.
		const server = createServer((req, res) => {
			if (req.url === '/metrics/snapshot') {
				res.writeHead(200, {'content-type': 'application/json'}).end('{"master/elected":1}');
			} else if (req.url === '/master/state') {
				res.writeHead(200, {'content-type': 'application/json'}).end(JSON.stringify({
					version: '1.0.4', leader_info: {hostname: 'old.example', port: 5050},
					slaves: [{id: 'S1', hostname: 'a1', port: 5051, resources: {cpus: 1, mem: 128, disk: 0}, used_resources: {cpus: 0, mem: 0, disk: 0}, active: true}],
					frameworks: [{id: 'F1', name: 'marathon', active: true, tasks: [{id: 'web.1', name: 'web', state: 'TASK_RUNNING', slave_id: 'S1', statuses: []}]}],
				}));
			} else {
				res.writeHead(404).end();
			}
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		try {
			const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
			stream = new MesosStream([url], {backoff: {initialMs: 50, maxMs: 200}});
			stream.start();
			const reading = await waitFor(() => stream!.read({}).catch(() => undefined));
			expect(reading.feed).toEqual({kind: 'poll', reason: 'POST /api/v1 answered HTTP 404'});
			expect(reading.tasks.map(task => task.id)).toEqual(['web.1']);
			expect(reading.leaderReported).toBe('old.example:5050');
		} finally {
			stream?.stop();
			server.closeAllConnections();
			await new Promise(resolve => server.close(resolve));
		}
	});
});

describe('the RecordIO reader', () => {
	it('refuses an oversized record from its length line alone, holding none of it', () => {
		const parser = new RecordIoParser(1024, 4096);
		expect(() => parser.push(new TextEncoder().encode('2147483648\n{'))).toThrow(/over the 4096 byte limit/);
	});

	it('gives the first record its own limit and later records theirs', () => {
		const parser = new RecordIoParser(10, 100);
		const body = JSON.stringify({type: 'SUBSCRIBED', pad: 'x'.repeat(40)});
		expect(parser.push(new TextEncoder().encode(`${body.length}\n${body}`))).toHaveLength(1);
		expect(() => parser.push(new TextEncoder().encode('50\n'))).toThrow(/over the 10 byte limit/);
	});

	it('joins a record split across many chunks, even inside a character', () => {
		const parser = new RecordIoParser();
		const body = JSON.stringify({message: '主节点 leader'});
		const bytes = new TextEncoder().encode(`${new TextEncoder().encode(body).length}\n${body}`);
		const records: string[] = [];
		for (const byte of bytes) {
			records.push(...parser.push(Uint8Array.of(byte)));
		}
		expect(records).toEqual([body]);
		expect(() => parser.end()).not.toThrow();
	});

	it('hands the first record on piece by piece as it arrives, then returns the records after it whole', () => {
		const pieces: [Uint8Array, boolean][] = [];
		const parser = new RecordIoParser(64, 1024, (bytes, last) => pieces.push([bytes.slice(), last]));
		const first = JSON.stringify({type: 'SUBSCRIBED', subscribed: {state: '主节点'}});
		const firstBytes = new TextEncoder().encode(first);
		const later = '{"type":"HEARTBEAT"}';
		const stream = new TextEncoder().encode(`${firstBytes.length}\n${first}${later.length}\n${later}`);
		const header = String(firstBytes.length).length + 1;
		expect(parser.push(stream.subarray(0, header + 10))).toEqual([]);
		expect(parser.handed).toBe(10);
		expect(parser.push(stream.subarray(header + 10, header + 20))).toEqual([]);
		expect(parser.push(stream.subarray(header + 20))).toEqual([later]);
		expect(pieces.map(([, last]) => last)).toEqual([false, false, true]);
		expect(new TextDecoder().decode(Buffer.concat(pieces.map(([bytes]) => bytes)))).toBe(first);
		expect(() => parser.end()).not.toThrow();
	});

	it('says how much of a first record handed on in pieces had come when the stream ended inside it', () => {
		const parser = new RecordIoParser(64, 1024, () => undefined);
		parser.push(new TextEncoder().encode('100\n{"type":'));
		expect(() => parser.end()).toThrow(/ended inside a record \(8 of 100 bytes\)/);
	});
});
