// Runs inside a test host's network namespace (`ip netns exec NS node sim-daemon.ts config.json`)
// (or, for a lab of several hosts, inside their segment's switch namespace) and answers for the lab's
// Mesos masters, agents, Marathons and marathon-lb at the ports the lab file gives them, each only
// while its unit's process lives on its test host.
// The cluster behind the answers is the simulated one, loaded from the build in dist/.
import {readFileSync} from 'node:fs';
import type {ClusterModel as ClusterModelType} from '../../src/sim/model/cluster-model.js';

/** One daemon of the lab: where the lab says it is, where this process listens for it, and its unit. */
export interface Served {
	/** The host address the lab gives the daemon (what the cluster's answers name). */
	address: string;
	port: number;
	/** Where this process listens: the same address, or one a forwarder on that host sends to (unit-forwarder.ts). */
	listen: string;
	/** The systemd unit whose process the daemon stands for. */
	unit: string;
	/** Where the systemctl stand-in of the daemon's host keeps `<unit>.pid`. */
	unitsDir: string;
}

export interface DaemonConfig {
	masters: Served[];
	agents: Array<Served & {attributes: Record<string, string>}>;
	marathons: Served[];
	lb: Served;
}

const dist = new URL('../../dist/', import.meta.url);
const {ClusterModel} = await import(new URL('sim/model/cluster-model.js', dist).href) as typeof import('../../src/sim/model/cluster-model.js');
const {Listener} = await import(new URL('sim/listener.js', dist).href) as typeof import('../../src/sim/listener.js');
const {handleMaster, handleAgent} = await import(new URL('sim/mesos-handlers.js', dist).href) as typeof import('../../src/sim/mesos-handlers.js');
const {handleMarathon} = await import(new URL('sim/marathon-handlers.js', dist).href) as typeof import('../../src/sim/marathon-handlers.js');
const {handleLb} = await import(new URL('sim/lb-handler.js', dist).href) as typeof import('../../src/sim/lb-handler.js');

const config = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as DaemonConfig;
const model: ClusterModelType = new ClusterModel({
	seed: 7,
	startTime: Date.now(),
	agents: config.agents.map(agent => ({hostname: agent.address, ip: agent.address, port: agent.port, cpus: 4, mem: 7680, disk: 40_000, attributes: agent.attributes})),
	masters: config.masters.map(({address, port}) => ({hostname: address, port})),
	marathons: config.marathons.map(({address, port}) => ({hostname: address, port})),
});

// Nothing runs until its unit starts: masters down, agents unregistered, Marathons stopped.
for (const master of model.masters) {
	master.state = 'down';
	master.electedAt = null;
}
for (const agent of config.agents) {
	model.killAgent(agent.address);
}
model.stopMarathon('all');

interface Endpoint {
	served: Served;
	listener: InstanceType<typeof Listener>;
	up(): void;
	down(): void;
}

const endpoints: Endpoint[] = [
	...config.masters.map((served, index): Endpoint => ({
		served,
		listener: new Listener(served.listen, served.port, (req, res) => handleMaster(model, index, req, res)),
		up: () => model.startMaster(index),
		down() {
			const master = model.masters[index];
			if (master?.state === 'leader') {
				model.killLeadingMaster({restart: false});
			} else if (master) {
				master.state = 'down';
			}
		},
	})),
	...config.agents.map((served, index): Endpoint => ({
		served,
		listener: new Listener(served.listen, served.port, (req, res) => handleAgent(model, index, req, res)),
		up: () => model.reviveAgent(served.address),
		down: () => model.killAgent(served.address),
	})),
	...config.marathons.map((served, index): Endpoint => ({
		served,
		listener: new Listener(served.listen, served.port, (req, res) => handleMarathon(model, index, req, res)),
		up: () => model.startMarathon(index),
		down: () => model.stopMarathon(index),
	})),
	{
		served: config.lb,
		listener: new Listener(config.lb.listen, config.lb.port, (req, res) => handleLb(model, {group: 'docker-haproxy'}, req, res)),
		up() {},
		down() {},
	},
];

function unitAlive({unit, unitsDir}: Served): boolean {
	try {
		process.kill(Number(readFileSync(`${unitsDir}/${unit}.pid`, 'utf8').trim()), 0);
		return true;
	} catch {
		return false;
	}
}

async function follow(): Promise<void> {
	for (const endpoint of endpoints) {
		const alive = unitAlive(endpoint.served);
		if (alive && !endpoint.listener.listening) {
			endpoint.up();
			await endpoint.listener.start();
		} else if (!alive && endpoint.listener.listening) {
			await endpoint.listener.stop();
			endpoint.down();
		}
	}
}

let following = false;
const timer = setInterval(() => {
	model.tick(200);
	if (!following) {
		following = true;
		void follow().finally(() => {
			following = false;
		});
	}
}, 200);
process.on('SIGTERM', () => {
	clearInterval(timer);
	void Promise.all(endpoints.map(endpoint => endpoint.listener.stop())).then(() => process.exit(0));
});
process.stdout.write('ready\n');
