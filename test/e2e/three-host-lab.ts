/**
 * The tutorial's three-machine lab for end-to-end tests (examples/lab-3-hosts.yaml): three CentOS 7
 * test hosts as fresh as lab-host.ts makes one, plugged into one segment (test-segment.ts) so they
 * reach each other, each with a ZooKeeper, a master and an agent; Marathon on the first two and
 * marathon-lb on the third. ZooKeeper is Debian's real one, so its ensemble forms across the
 * hosts' namespaces. The simulated cluster answers for every Mesos daemon from the segment's
 * switch namespace; on each host a forwarder (unit-forwarder.ts) opens a daemon's port while its
 * unit runs there. The mirror listens on this machine's leg of the segment.
 *
 * Needs what lab-host.ts needs.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {stringify} from 'yaml';
import {Teardown} from '../helpers/teardown.js';
import {tethered} from '../helpers/tethered.js';
import {startTestHost, type TestHost} from '../helpers/test-host.js';
import {startTestSegment} from '../helpers/test-segment.js';
import {mirrorCertificate, prepareFreshCentos, releaseFiles, startMirror, startSimDaemon, stopMirror} from './lab-host.js';
import type {DaemonConfig, Served} from './sim-daemon.js';
import {labStandIns} from './stand-ins.js';
import type {Route} from './unit-forwarder.js';

/** The ports of examples/lab-3-hosts.yaml: one process of each kind per host, on the usual ports. */
export const threeHostPorts = {
	zookeeperClient: [2181, 2181, 2181],
	zookeeperPeer: [2888, 2888, 2888],
	zookeeperElection: [3888, 3888, 3888],
	masters: [5050, 5050, 5050],
	agent: 5051,
	marathon: [8080, 8080],
	marathonLb: 9090,
};

export interface LabMachine {
	name: string;
	/** The host's address on the segment, the one the lab file gives it. */
	address: string;
	host: TestHost;
	unitsDir: string;
}

export interface ThreeHostLab {
	machines: LabMachine[];
	labPath: string;
	home: string;
	stop(): Promise<void>;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const node = [process.execPath, '--experimental-strip-types', '--disable-warning=ExperimentalWarning'];

export async function startThreeHostLab(options: {firstIndex: number; buildSeconds?: number}): Promise<ThreeHostLab> {
	const work = mkdtempSync(join(tmpdir(), 'mesos-lab-e2e3-'));
	const home = join(work, 'home');
	mkdirSync(home);
	const teardown = new Teardown();
	teardown.add(() => rmSync(work, {recursive: true, force: true}));
	try {
		const segment = startTestSegment();
		teardown.add(() => segment.stop());
		const machines: LabMachine[] = [];
		for (const position of [1, 2, 3]) {
			const host = await startTestHost({index: options.firstIndex + position - 1, namePrefix: 'mle2e3', standIns: labStandIns(), overlays: ['/etc', '/usr', '/var', '/opt', '/root']});
			teardown.add(() => host.stop());
			const unitsDir = join(host.dir, 'state', 'units');
			prepareFreshCentos(host, unitsDir);
			machines.push({name: `node${position}`, address: segment.attach(host, position), host, unitsDir});
		}

		const files = releaseFiles(work, options.buildSeconds ?? 6);
		const tls = mirrorCertificate(work, segment.localAddress, machines.map(machine => machine.host));
		const mirror = await startMirror(segment.localAddress, files, [], tls);
		teardown.add(() => stopMirror(mirror));

		// Each host's daemons are served in the switch namespace at an address kept for that host.
		const switchAddresses = machines.map((_, position) => segment.addSwitchAddress(position + 1));
		const serve = (position: number, port: number, unit: string): Served => {
			const machine = machines[position]!;
			return {address: machine.address, port, listen: switchAddresses[position]!, unit, unitsDir: machine.unitsDir};
		};
		const cluster: DaemonConfig = {
			masters: [0, 1, 2].map(position => serve(position, threeHostPorts.masters[position]!, `mesos-lab-master-${position + 1}.service`)),
			agents: [0, 1, 2].map(position => ({...serve(position, threeHostPorts.agent, 'mesos-lab-agent.service'), attributes: {dc: position < 2 ? 'bj' : 'sh'}})),
			marathons: [0, 1].map(position => serve(position, threeHostPorts.marathon[position]!, `mesos-lab-marathon-${position + 1}.service`)),
			lb: serve(2, threeHostPorts.marathonLb, 'mesos-lab-marathon-lb.service'),
		};
		const daemon = await startSimDaemon(segment.namespace, work, cluster);
		teardown.add(() => {
			daemon.kill('SIGKILL');
		});
		const everyDaemon = [...cluster.masters, ...cluster.agents, ...cluster.marathons, cluster.lb];
		for (const [position, machine] of machines.entries()) {
			const routes: Route[] = everyDaemon.filter(served => served.address === machine.address).map(served => ({
				listen: {address: served.address, port: served.port},
				target: {address: served.listen, port: served.port},
				pidFile: join(served.unitsDir, `${served.unit}.pid`),
			}));
			const forwarder = await startForwarder(machine.host, join(work, `forwarder-${position + 1}.json`), routes);
			teardown.add(() => {
				forwarder.kill('SIGKILL');
			});
		}

		const mirrorUrl = `http://${segment.localAddress}:${mirror.port}`;
		const labPath = join(work, 'lab.yaml');
		writeFileSync(labPath, stringify({
			language: 'en',
			hosts: machines.map(({name, address, host}, position) => ({name, address, port: 22, user: 'root', auth: 'identity-file', identityFile: host.identityFile, attributes: {dc: position < 2 ? 'bj' : 'sh'}})),
			roles: {zookeeper: ['node1', 'node2', 'node3'], masters: ['node1', 'node2', 'node3'], agents: ['node1', 'node2', 'node3'], marathon: ['node1', 'node2'], marathonLb: 'node3'},
			ports: threeHostPorts,
			mirrors: {
				preset: 'custom',
				centosVault: [`${mirrorUrl}/centos-vault`],
				epelArchive: `${mirrorUrl}/epel-archive/7`,
				dockerCe: `${mirrorUrl}/docker-ce/linux/centos`,
				maven: `https://${segment.localAddress}:${mirror.securePort}/maven2`,
				apache: `${mirrorUrl}/apache`,
				registryMirrors: [mirrorUrl],
			},
			zookeeper: {download: {url: `${mirrorUrl}${files.zookeeperPath}`, checksum: {algorithm: 'sha512'}}},
			mesos: {source: 'build', download: {url: `${mirrorUrl}${files.mesosPath}`, checksum: {algorithm: 'sha256', value: files.mesosSha256}}},
		}));
		// The hosts' keys, at the addresses the lab file uses and at those the test's own logins use.
		writeFileSync(join(home, 'known_hosts'), machines.map(({address, host}) => `${host.knownHostsLine}\n${address} ${host.knownHostsLine.split(' ').slice(1).join(' ')}\n`).join(''));
		return {machines, labPath, home, stop: () => teardown.run()};
	} catch (error) {
		return teardown.abandon(error);
	}
}

async function startForwarder(host: TestHost, configPath: string, routes: Route[]): Promise<ChildProcess> {
	writeFileSync(configPath, JSON.stringify({routes}));
	const forwarder = spawn(...tethered('ip', ['netns', 'exec', host.namespace, ...node, here('unit-forwarder.ts'), configPath]), {stdio: ['ignore', 'pipe', 'pipe']});
	let log = '';
	forwarder.stderr?.on('data', chunk => {
		log += String(chunk);
	});
	await new Promise<void>((resolve, reject) => {
		forwarder.stdout?.on('data', chunk => {
			if (String(chunk).includes('ready')) {
				resolve();
			}
		});
		forwarder.once('exit', code => reject(new Error(`the forwarder on ${host.address} exited (${code}): ${log}`)));
	});
	return forwarder;
}
