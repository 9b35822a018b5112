// Runs inside a test host's network namespace (`ip netns exec NS node sim-daemon.ts config.json`)
// and answers for the lab's Mesos masters, agent, Marathons and marathon-lb at the addresses and
// ports the lab file gives them, each only while its unit's process lives on the test host.
// While marathon-lb's unit runs, a real HAProxy listens on the host's address for every service
// port and for virtual hosts on 80, in front of a small server per task port; the ZooKeeper units
// (real ZooKeeper) decide whether the simulated masters and Marathons have a quorum to elect with.
// A container kill (the docker stand-in's `docker kill`) reaches the simulation through its
// control surface on the namespace's loopback.
// The cluster behind the answers is the simulated one, loaded from the build in dist/.
import {readFileSync} from 'node:fs';
import type {ClusterModel as ClusterModelType} from '../../src/sim/model/cluster-model.js';

interface DaemonConfig {
	address: string;
	masterPorts: number[];
	agentPort: number;
	agentAttributes: Record<string, string>;
	marathonPorts: number[];
	lbPort: number;
	/** Where the systemctl stand-in keeps `<unit>.pid`. */
	unitsDir: string;
	zookeeperIds: number[];
	/** Loopback ports of HAProxy's stats page and of the simulation's control surface. */
	haproxyStatsPort: number;
	controlPort: number;
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
const {address} = config;
const model: ClusterModelType = new ClusterModel({
	seed: 7,
	startTime: Date.now(),
	agents: [{hostname: address, ip: address, port: config.agentPort, cpus: 4, mem: 7680, disk: 40_000, attributes: config.agentAttributes}],
	masters: config.masterPorts.map(port => ({hostname: address, port})),
	marathons: config.marathonPorts.map(port => ({hostname: address, port})),
});

// Nothing runs until its unit starts: masters down, agent unregistered, Marathons stopped.
for (const master of model.masters) {
	master.state = 'down';
	master.electedAt = null;
}
model.killAgent(address);
model.stopMarathon('all');
for (const id of config.zookeeperIds) {
	model.stopZookeeper(id);
}

const lbGroup = 'docker-haproxy';
let haproxy: InstanceType<typeof RealHaproxy> | undefined;
const containers = {killContainer: async (taskId: string) => haproxy?.killContainer(taskId)};
const control = createControl(model, async () => haproxy?.sync(), {containers});
const controlListener = new Listener('127.0.0.1', config.controlPort, (req, res) => handleControl(model, control, req, res));
await controlListener.start();

interface Endpoint {
	unit: string;
	listener: InstanceType<typeof Listener>;
	up(): void;
	down(): void;
}

const endpoints: Endpoint[] = [
	...config.masterPorts.map((port, index): Endpoint => ({
		unit: `mesos-lab-master-${index + 1}.service`,
		listener: new Listener(address, port, (req, res) => handleMaster(model, index, req, res)),
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
	{
		unit: 'mesos-lab-agent.service',
		listener: new Listener(address, config.agentPort, (req, res) => {
			// The installed agent this stands in for is a real one: its /state carries no simulation
			// marker, so what reads it (lab inside) goes to the host over SSH as it would on a real lab.
			const agent = model.agents[0];
			if (agent?.state === 'active' && new URL(req.url ?? '/', 'http://agent').pathname === '/state') {
				const state = agentStateJson(model, agent);
				delete state['mesos_lab_simulation'];
				res.writeHead(200, {'Content-Type': 'application/json'});
				res.end(JSON.stringify(state));
				return;
			}
			handleAgent(model, 0, req, res);
		}),
		up: () => model.reviveAgent(address),
		down: () => model.killAgent(address),
	},
	...config.marathonPorts.map((port, index): Endpoint => ({
		unit: `mesos-lab-marathon-${index + 1}.service`,
		listener: new Listener(address, port, (req, res) => handleMarathon(model, index, req, res)),
		up: () => model.startMarathon(index),
		down: () => model.stopMarathon(index),
	})),
	{
		unit: 'mesos-lab-marathon-lb.service',
		listener: new Listener(address, config.lbPort, (req, res) => handleLb(model, {group: lbGroup}, req, res)),
		up() {
			haproxy = new RealHaproxy(model, {group: lbGroup, statsPort: config.haproxyStatsPort, vhostPort: 80, bindAddress: address});
			// Without HAProxy the rest of the cluster still answers; the experiments through it then say so.
			haproxy.start().catch((error: unknown) => process.stderr.write(`HAProxy did not start: ${String(error)}\n`));
		},
		down() {
			haproxy?.stop().catch((error: unknown) => process.stderr.write(`HAProxy did not stop: ${String(error)}\n`));
			haproxy = undefined;
		},
	},
];

function unitAlive(unit: string): boolean {
	try {
		process.kill(Number(readFileSync(`${config.unitsDir}/${unit}.pid`, 'utf8').trim()), 0);
		return true;
	} catch {
		return false;
	}
}

/** ZooKeeper members follow their units: down while the unit's process is gone, back once it runs. */
function followZookeeper(): void {
	for (const id of config.zookeeperIds) {
		const alive = unitAlive(`mesos-lab-zookeeper-${id}.service`);
		const member = model.zookeeper.find(candidate => candidate.id === id);
		if (alive && member?.state === 'down') {
			model.startZookeeper(id);
		} else if (!alive && member !== undefined && member.state !== 'down') {
			model.stopZookeeper(id);
		}
	}
}

async function follow(): Promise<void> {
	followZookeeper();
	for (const endpoint of endpoints) {
		const alive = unitAlive(endpoint.unit);
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
	void Promise.all([...endpoints.map(endpoint => endpoint.listener.stop()), controlListener.stop(), haproxy?.stop()]).then(() => process.exit(0));
});
process.stdout.write('ready\n');
