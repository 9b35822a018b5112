// Runs inside a test host's network namespace (`ip netns exec NS node sim-daemon.ts config.json`)
// (or, for a lab of several hosts, inside their segment's switch namespace) and answers for the lab's
// Mesos masters, agents, Marathons and marathon-lb at the ports the lab file gives them, each only
// while its unit's process lives on its test host.
// Where the config names them: the ZooKeeper units (real ZooKeeper) decide whether the simulated
// masters and Marathons have a quorum to elect with; while marathon-lb's unit runs, a real HAProxy
// listens where marathon-lb does, for every service port and for virtual hosts on 80, in front of
// a small server per task port; and a container kill (the docker stand-in's `docker kill`) reaches
// the simulation through its control surface on the namespace's loopback.
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
	zookeeper?: Array<{id: number; unit: string; unitsDir: string}>;
	/** Loopback ports of HAProxy's stats page and of the simulation's control surface. */
	haproxyStatsPort?: number;
	controlPort?: number;
}

const dist = new URL('../../dist/', import.meta.url);
const {ClusterModel} = await import(new URL('sim/model/cluster-model.js', dist).href) as typeof import('../../src/sim/model/cluster-model.js');
const {Listener} = await import(new URL('sim/listener.js', dist).href) as typeof import('../../src/sim/listener.js');
const {handleMaster, handleAgent} = await import(new URL('sim/mesos-handlers.js', dist).href) as typeof import('../../src/sim/mesos-handlers.js');
const {handleMarathon} = await import(new URL('sim/marathon-handlers.js', dist).href) as typeof import('../../src/sim/marathon-handlers.js');
const {handleLb} = await import(new URL('sim/lb-handler.js', dist).href) as typeof import('../../src/sim/lb-handler.js');
const {RealHaproxy} = await import(new URL('sim/real-haproxy.js', dist).href) as typeof import('../../src/sim/real-haproxy.js');
const {createControl, handleControl} = await import(new URL('sim/control.js', dist).href) as typeof import('../../src/sim/control.js');
const {agentStateJson} = await import(new URL('sim/render/mesos-json.js', dist).href) as typeof import('../../src/sim/render/mesos-json.js');

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
for (const member of config.zookeeper ?? []) {
	model.stopZookeeper(member.id);
}

const lbGroup = 'docker-haproxy';
let haproxy: InstanceType<typeof RealHaproxy> | undefined;
const containers = {killContainer: async (taskId: string) => haproxy?.killContainer(taskId)};
const control = createControl(model, async () => haproxy?.sync(), {containers});
const controlListener = config.controlPort === undefined ? undefined : new Listener('127.0.0.1', config.controlPort, (req, res) => handleControl(model, control, req, res));
await controlListener?.start();

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
		listener: new Listener(served.listen, served.port, (req, res) => {
			// The installed agent this stands in for is a real one: its /state carries no simulation
			// marker, so what reads it (lab inside) goes to the host over SSH as it would on a real lab.
			const agent = model.agents[index];
			if (agent?.state === 'active' && new URL(req.url ?? '/', 'http://agent').pathname === '/state') {
				const state = agentStateJson(model, agent);
				delete state['mesos_lab_simulation'];
				res.writeHead(200, {'Content-Type': 'application/json'});
				res.end(JSON.stringify(state));
				return;
			}
			handleAgent(model, index, req, res);
		}),
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
		listener: new Listener(config.lb.listen, config.lb.port, (req, res) => handleLb(model, {group: lbGroup}, req, res)),
		up() {
			if (config.haproxyStatsPort === undefined) {
				return;
			}
			haproxy = new RealHaproxy(model, {group: lbGroup, statsPort: config.haproxyStatsPort, vhostPort: 80, bindAddress: config.lb.listen});
			// Without HAProxy the rest of the cluster still answers; the experiments through it then say so.
			haproxy.start().catch((error: unknown) => process.stderr.write(`HAProxy did not start: ${String(error)}\n`));
		},
		down() {
			haproxy?.stop().catch((error: unknown) => process.stderr.write(`HAProxy did not stop: ${String(error)}\n`));
			haproxy = undefined;
		},
	},
];

function unitAlive({unit, unitsDir}: Pick<Served, 'unit' | 'unitsDir'>): boolean {
	try {
		process.kill(Number(readFileSync(`${unitsDir}/${unit}.pid`, 'utf8').trim()), 0);
		return true;
	} catch {
		return false;
	}
}

/** ZooKeeper members follow their units: down while the unit's process is gone, back once it runs. */
function followZookeeper(): void {
	for (const unit of config.zookeeper ?? []) {
		const alive = unitAlive(unit);
		const member = model.zookeeper.find(candidate => candidate.id === unit.id);
		if (alive && member?.state === 'down') {
			model.startZookeeper(unit.id);
		} else if (!alive && member !== undefined && member.state !== 'down') {
			model.stopZookeeper(unit.id);
		}
	}
}

async function follow(): Promise<void> {
	followZookeeper();
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
	void Promise.all([...endpoints.map(endpoint => endpoint.listener.stop()), controlListener?.stop(), haproxy?.stop()]).then(() => process.exit(0));
});
process.stdout.write('ready\n');
