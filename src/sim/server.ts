import type {ClusterModel} from './model/cluster-model.js';
import {handleLb, type RealLbSource} from './lb-handler.js';
import {Listener} from './listener.js';
import {handleMarathon} from './marathon-handlers.js';
import {handleAgent, handleMaster} from './mesos-handlers.js';
import {defaultHeartbeatSeconds} from './mesos-operator-api.js';

export interface SimServers {
	masters: Listener[];
	agents: Listener[];
	marathons: Listener[];
	lb: Listener;
	/** Opens or closes listeners to match the model: a stopped Marathon or a dead master refuses connections. */
	sync(): Promise<void>;
	stop(): Promise<void>;
}

export interface SimServerOptions {
	/** Loopback address of masters, Marathons and marathon-lb. */
	host: string;
	lbGroup: string;
	real?: RealLbSource;
	/** Seconds between HEARTBEATs on the masters' operator API streams. */
	heartbeatSeconds?: number;
}

/** Puts every simulated daemon on its own loopback port (port 0: the system picks). */
export async function startSimServers(model: ClusterModel, options: SimServerOptions): Promise<SimServers> {
	const masters = model.masters.map((_m, i) => new Listener(options.host, 0, (req, res) => handleMaster(model, i, req, res, {heartbeatSeconds: options.heartbeatSeconds ?? defaultHeartbeatSeconds})));
	const agents = model.agents.map((a, i) => new Listener(a.ip, 0, (req, res) => handleAgent(model, i, req, res)));
	const marathons = model.marathons.map((_m, i) => new Listener(options.host, 0, (req, res) => handleMarathon(model, i, req, res)));
	const lb = new Listener(options.host, 0, (req, res) => handleLb(model, {group: options.lbGroup, ...(options.real ? {real: options.real} : {})}, req, res));
	const all = [...masters, ...agents, ...marathons, lb];
	await Promise.all(all.map(l => l.start()));
	model.setEndpointPorts('master', masters.map(l => l.port));
	model.setEndpointPorts('agent', agents.map(l => l.port));
	model.setEndpointPorts('marathon', marathons.map(l => l.port));

	let chain: Promise<void> = Promise.resolve();
	const syncOnce = async (): Promise<void> => {
		const wanted: [Listener, boolean][] = [
			...masters.map((l, i): [Listener, boolean] => [l, model.masters[i]?.state !== 'down']),
			...agents.map((l, i): [Listener, boolean] => [l, model.agents[i]?.state === 'active']),
			...marathons.map((l, i): [Listener, boolean] => [l, model.marathons[i]?.state !== 'stopped']),
		];
		await Promise.all(wanted.map(([listener, up]) => (up ? listener.start() : listener.stop())));
	};
	const sync = (): Promise<void> => {
		chain = chain.then(syncOnce, syncOnce);
		return chain;
	};
	const unwatch = model.onChange(() => {
		void sync();
	});
	return {
		masters, agents, marathons, lb, sync,
		stop: async () => {
			unwatch();
			await chain.catch(() => undefined);
			await Promise.all(all.map(l => l.stop()));
		},
	};
}
