import {Agent, getGlobalDispatcher, setGlobalDispatcher, type Dispatcher} from 'undici';
import {startSimulatedCluster, type SimulatedCluster, type SimulatedClusterOptions} from '../../../src/sim/index.js';

export interface RecordedCall {
	method: string;
	origin: string;
	path: string;
	body?: unknown;
}

export interface SimHarness {
	sim: SimulatedCluster;
	/** Every HTTP call the code under test made, in order. */
	calls: RecordedCall[];
	/** Calls to Marathon that change something (not GET), as `METHOD path`. */
	marathonWrites(): string[];
	/** Runs after every simulated tick, for invariants that must hold at each one. */
	onTick(listener: () => void): void;
	stop(): Promise<void>;
}

/**
 * A simulated cluster driven fast: one simulated second every `realMsPerTick` real milliseconds.
 * HTTP calls are recorded through undici's global dispatcher, which the CLI uses.
 */
export async function startSimHarness(options: SimulatedClusterOptions & {realMsPerTick?: number} = {}): Promise<SimHarness> {
	const sim = await startSimulatedCluster({seedApps: false, ...options, tickIntervalMs: 0});
	const calls: RecordedCall[] = [];
	const listeners: Array<() => void> = [];
	const previous = getGlobalDispatcher();
	const agent = new Agent();
	const recording = agent.compose(dispatch => (opts: Dispatcher.DispatchOptions, handler) => {
		const body = typeof opts.body === 'string' ? safeJson(opts.body) : undefined;
		calls.push({method: opts.method, origin: String(opts.origin ?? ''), path: opts.path, ...(body === undefined ? {} : {body})});
		return dispatch(opts, handler);
	});
	setGlobalDispatcher(recording);
	const timer = setInterval(() => {
		sim.control.tick(1000);
		for (const listener of listeners) {
			listener();
		}
	}, options.realMsPerTick ?? 40);
	const marathonOrigins = new Set(sim.marathonUrls.map(url => new URL(url).origin));
	return {
		sim,
		calls,
		marathonWrites: () => calls.filter(c => c.method !== 'GET' && marathonOrigins.has(new URL(c.origin).origin)).map(c => `${c.method} ${c.path}`),
		onTick: listener => {
			listeners.push(listener);
		},
		stop: async () => {
			clearInterval(timer);
			setGlobalDispatcher(previous);
			await agent.close();
			await sim.stop();
		},
	};
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}
