import {describe, expect, it} from 'vitest';
import {JsonPathValues, type JsonPath} from '../../src/cluster/json-path-values.js';

/** Feeds `text` to a scanner in chunks cut at `cuts`, and returns what it handed over. */
function scan(text: string, paths: Record<string, JsonPath>, cuts: (bytes: Uint8Array) => number[]): [string, unknown][] {
	const bytes = new TextEncoder().encode(text);
	const found: [string, unknown][] = [];
	const scanner = new JsonPathValues(paths, (name, value) => found.push([name, value]));
	let from = 0;
	for (const cut of [...cuts(bytes), bytes.length]) {
		scanner.push(bytes.subarray(from, cut));
		from = cut;
	}
	scanner.end();
	return found;
}

const whole = (): number[] => [];
const everyByte = (bytes: Uint8Array): number[] => Array.from({length: Math.max(0, bytes.length - 1)}, (_, index) => index + 1);

/** A deterministic pseudo-random source, so a failure can be replayed. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
		return state / 2_147_483_648;
	};
}

const subscribedPaths = {
	type: ['type'],
	heartbeat: ['subscribed', 'heartbeat_interval_seconds'],
	task: ['subscribed', 'get_state', 'get_tasks', 'tasks', '[]'],
	agent: ['subscribed', 'get_state', 'get_agents', 'agents', '[]'],
};

describe('values at chosen paths of a JSON document that arrives in pieces', () => {
	const tasks = [
		{task_id: {value: 'web.1'}, name: 'web', labels: [{key: 'k', value: 'a "quoted" \\ value'}]},
		{task_id: {value: '中文任务'}, name: 'say \\"hi\\"', resources: [{name: 'ports', ranges: {range: [{begin: 31000, end: 31001}]}}], nested: [[[]], {}]},
		{task_id: {value: 'ends-with-backslash\\'}, name: '\u2028 and \\u', empty: ''},
	];
	const document = JSON.stringify({
		type: 'SUBSCRIBED',
		subscribed: {
			get_state: {
				get_tasks: {pending_tasks: [], tasks, completed_tasks: [{task_id: {value: 'old'}, note: '] } ,'}]},
				get_executors: {},
				get_agents: {agents: [{agent_info: {id: {value: 'S1'}, hostname: 'node1'}}]},
			},
			heartbeat_interval_seconds: 15,
		},
	}, null, 1);
	const expected = [['type', 'SUBSCRIBED'], ...tasks.map(task => ['task', task]), ['agent', {agent_info: {id: {value: 'S1'}, hostname: 'node1'}}], ['heartbeat', 15]];

	it('hands over each wanted value once, parsed, in document order, and nothing else', () => {
		expect(scan(document, subscribedPaths, whole)).toEqual(expected);
	});

	it('gives the same values however the bytes are cut, down to one byte at a time', () => {
		expect(scan(document, subscribedPaths, everyByte)).toEqual(expected);
		const next = random(7);
		for (let round = 0; round < 200; round++) {
			const cuts = (bytes: Uint8Array): number[] => [...new Set(Array.from({length: 1 + Math.floor(next() * 12)}, () => Math.floor(next() * bytes.length)))].sort((a, b) => a - b);
			expect(scan(document, subscribedPaths, cuts)).toEqual(expected);
		}
	});

	it('reads keys and values written with escapes, spaces and Chinese text', () => {
		const text = '{ "ty\\u0070e" : "SUB\\"SCRIBED" , "subscribed":{"get_state":{"get_tasks":{"tasks":[ {"name":"任务 \\\\"} , 3 ]}}}}';
		expect(scan(text, subscribedPaths, everyByte)).toEqual([['type', 'SUB"SCRIBED'], ['task', {name: '任务 \\'}], ['task', 3]]);
	});

	it('refuses a document cut short or malformed where it reads structure', () => {
		expect(() => scan(document.slice(0, -3), subscribedPaths, whole)).toThrow(/ended after/);
		expect(() => scan('{"type" "x"}', subscribedPaths, whole)).toThrow(/unexpected/);
		expect(() => scan('{"subscribed":{"get_state":{"get_tasks":{"tasks":[{"a":}]}}}}', subscribedPaths, whole)).toThrow(SyntaxError);
		expect(() => scan('{} {}', subscribedPaths, whole)).toThrow(/unexpected/);
	});

	it('finds nothing, and no error, where the document has none of the paths', () => {
		expect(scan('{"type":3,"other":{"tasks":[1,2]}}', {task: ['subscribed', 'tasks', '[]']}, everyByte)).toEqual([]);
		expect(scan('[1, 2, "x"]', {item: ['[]']}, everyByte)).toEqual([['item', 1], ['item', 2], ['item', 'x']]);
		expect(scan('{"subscribed":{"tasks":"not an array"}}', {task: ['subscribed', 'tasks', '[]']}, whole)).toEqual([]);
	});
});
