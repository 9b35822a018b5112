import {ClusterModel, type AgentSpec} from './model/cluster-model.js';
import {nginxAppDefinition, seedAgents, shellAppDefinition} from './model/seed.js';
import {createControl, handleControl, type SimControl} from './control.js';
import {Listener} from './listener.js';
import {RealHaproxy} from './real-haproxy.js';
import {startSimServers} from './server.js';

export interface SimulatedClusterOptions {
	seed?: number;
	/** Simulated start time (ms since the epoch); defaults to now. */
	startTime?: number;
	/** Background ticker period in ms; 0 turns it off so tests drive `control.tick` themselves. Default 1000. */
	tickIntervalMs?: number;
	agents?: AgentSpec[];
	/** Install the tutorial's shell and nginx apps and let them reach steady state. Default true. */
	seedApps?: boolean;
	/** Service port of the seeded nginx app. Default 10000. */
	nginxServicePort?: number;
	/** Range Marathon assigns service ports from. Default 10000-20000. */
	servicePortRange?: readonly [number, number];
	/** marathon-lb's `--group`. Default docker-haproxy. */
	lbGroup?: string;
	/** Put Debian's HAProxy in front of stand-in task servers; needs loopback ports for stats (and vhost, if any). */
	realHaproxy?: {statsPort: number; vhostPort?: number | null; binary?: string; checkOptions?: string; checkTiming?: 'fast' | 'marathon-lb'};
	/**
	 * Real milliseconds between a container's death and the model hearing of it (the executor's
	 * status update reaching Marathon). Real time, so an accelerated clock does not shorten it. Default 1000.
	 */
	containerDeathNoticeMs?: number;
	/** Seconds between HEARTBEATs on the masters' operator API streams. Default 15, as Mesos. */
	heartbeatSeconds?: number;
}

export interface SimulatedCluster {
	simulated: true;
	mesosUrls: string[];
	marathonUrls: string[];
	/** marathon-lb's 9090 equivalent: `/haproxy?stats;csv`, `/_haproxy_getconfig`. */
	lbUrl: string;
	/** Agent endpoints (`/state`, `/files/read`), in agent order. */
	agentUrls: string[];
	/** The HTTP control surface: `POST /_sim/kill-task` etc. */
	controlUrl: string;
	/** Real HAProxy stats CSV URL, when the real HAProxy runs. */
	haproxyStatsUrl?: string;
	/** The sim has no ZooKeeper ensemble. */
	zk?: undefined;
	model: ClusterModel;
	control: SimControl;
	stop(): Promise<void>;
}

/** Starts the whole simulated lab on loopback: 3 masters, agents in dc:bj and dc:sh, 2 Marathons, marathon-lb. */
export async function startSimulatedCluster(options: SimulatedClusterOptions = {}): Promise<SimulatedCluster> {
	const host = '127.0.0.1';
	const model = new ClusterModel({
		seed: options.seed ?? 1,
		startTime: options.startTime ?? Date.now(),
		agents: options.agents ?? seedAgents(),
		masters: [0, 1, 2].map(() => ({hostname: host, port: 0})),
		marathons: [0, 1].map(() => ({hostname: host, port: 0})),
		...(options.servicePortRange ? {servicePortRange: options.servicePortRange} : {}),
	});
	const group = options.lbGroup ?? 'docker-haproxy';
	const real = options.realHaproxy
		? new RealHaproxy(model, {
			group, statsPort: options.realHaproxy.statsPort, vhostPort: options.realHaproxy.vhostPort ?? null,
			...(options.realHaproxy.binary ? {binary: options.realHaproxy.binary} : {}),
			...(options.realHaproxy.checkOptions ? {checkOptions: options.realHaproxy.checkOptions} : {}),
			...(options.realHaproxy.checkTiming ? {checkTiming: options.realHaproxy.checkTiming} : {}),
		})
		: null;
	const servers = await startSimServers(model, {host, lbGroup: group, ...(real ? {real} : {}), ...(options.heartbeatSeconds === undefined ? {} : {heartbeatSeconds: options.heartbeatSeconds})});
	const settle = async (): Promise<void> => {
		await servers.sync();
		if (real) await real.sync();
	};
	const control = createControl(model, settle, {
		...(real ? {containers: real} : {}),
		noticeMs: options.containerDeathNoticeMs ?? 1000,
	});
	const controlListener = new Listener(host, 0, (req, res) => handleControl(model, control, req, res));
	await controlListener.start();

	try {
		if (options.seedApps !== false) {
			// nginx first: its fixed service port must not be taken by the shell app's automatic one.
			model.createApp(nginxAppDefinition(options.nginxServicePort ?? 10000));
			model.createApp(shellAppDefinition());
			for (let i = 0; i < 10 && model.deployments.size > 0; i++) model.tick(1000);
		}
		if (real) await real.start();
	} catch (error) {
		await controlListener.stop();
		if (real) await real.stop();
		await servers.stop();
		throw error;
	}

	const interval = options.tickIntervalMs ?? 1000;
	const timer = interval > 0 ? setInterval(() => model.tick(interval), interval) : null;
	timer?.unref();

	return {
		simulated: true,
		mesosUrls: servers.masters.map(l => l.url),
		marathonUrls: servers.marathons.map(l => l.url),
		lbUrl: servers.lb.url,
		agentUrls: servers.agents.map(l => l.url),
		controlUrl: controlListener.url,
		...(real ? {haproxyStatsUrl: real.statsUrl} : {}),
		model,
		control,
		stop: async () => {
			if (timer) clearInterval(timer);
			control.dispose();
			await controlListener.stop();
			if (real) await real.stop();
			await servers.stop();
		},
	};
}
