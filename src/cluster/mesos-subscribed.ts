import {JsonPathValues} from './json-path-values.js';
import {num, record} from './json-input.js';
import {MesosTables} from './mesos-tables.js';

const state = ['subscribed', 'get_state'];

/**
 * Where the operator API's SUBSCRIBED record keeps what the dashboard shows (`v1/master.proto`:
 * `Event.Subscribed.get_state` is a `Response.GetState`). Completed tasks and executors are not read.
 */
const paths = {
	type: ['type'],
	heartbeat: ['subscribed', 'heartbeat_interval_seconds'],
	pending_tasks: [...state, 'get_tasks', 'pending_tasks', '[]'],
	tasks: [...state, 'get_tasks', 'tasks', '[]'],
	unreachable_tasks: [...state, 'get_tasks', 'unreachable_tasks', '[]'],
	orphan_tasks: [...state, 'get_tasks', 'orphan_tasks', '[]'],
	agents: [...state, 'get_agents', 'agents', '[]'],
	frameworks: [...state, 'get_frameworks', 'frameworks', '[]'],
};

/**
 * The SUBSCRIBED record read while it arrives: its tables fill task by task, so the first tasks
 * can be shown, and counted, long before a 100 MB record is in.
 */
export class SubscribedRecord {
	readonly tables = new MesosTables();
	#type: unknown;
	#heartbeatSeconds: number | undefined;
	readonly #scanner = new JsonPathValues(paths, (name, value) => {
		switch (name) {
			case 'type':
				this.#type = value;
				break;
			case 'heartbeat':
				this.#heartbeatSeconds = num(value, 15);
				break;
			case 'agents':
				this.tables.addAgent(value);
				break;
			case 'frameworks':
				this.tables.putFramework(value);
				break;
			default:
				this.tables.addTask(record(value), false);
		}
	});

	push(bytes: Uint8Array): void {
		this.#scanner.push(bytes);
	}

	/** Once every byte is in: how often heartbeats come (in ms; undefined when the master sends none). */
	finish(): {heartbeatMs: number | undefined} {
		this.#scanner.end();
		if (this.#type !== 'SUBSCRIBED') {
			throw new Error(`the stream's first record is ${JSON.stringify(this.#type ?? null)}, not SUBSCRIBED`);
		}
		this.tables.resolveHosts();
		return {heartbeatMs: this.#heartbeatSeconds === undefined ? undefined : this.#heartbeatSeconds * 1000};
	}
}
