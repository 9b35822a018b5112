import type {Lab, LabHost} from './lab-schema.js';
import {labProcesses, roleHosts, roleIds, roleTable} from './roles.js';

// Where every process of the lab lives and listens, as the steps and templates read it: the role
// table's entries with their hosts, ports, units and folders. The single-VM lab and a spread lab
// differ in data, not in code.

export interface ZookeeperMember {
	/** Its systemd unit, from the role table. */
	unit: string;
	id: 1 | 2 | 3;
	host: LabHost;
	clientPort: number;
	peerPort: number;
	electionPort: number;
	dir: string;
}

export interface MesosMaster {
	/** Its systemd unit, from the role table. */
	unit: string;
	index: number;
	host: LabHost;
	port: number;
	workDir: string;
	logDir: string;
}

export interface MesosAgent {
	/** Its systemd unit, from the role table. */
	unit: string;
	host: LabHost;
	port: number;
	workDir: string;
	logDir: string;
}

export interface MarathonInstance {
	/** Its systemd unit, from the role table. */
	unit: string;
	index: number;
	host: LabHost;
	port: number;
}

export interface Topology {
	zookeeper: ZookeeperMember[];
	masters: MesosMaster[];
	agents: MesosAgent[];
	marathon: MarathonInstance[];
	marathonLb: {host: LabHost; port: number; unit: string};
	/** host:port,host:port,host:port of the ensemble. */
	zkConnect: string;
	mesosZk: string;
	marathonZk: string;
}

export function hostByName(lab: Lab, name: string): LabHost {
	const host = lab.hosts.find((candidate) => candidate.name === name);
	if (host === undefined) {
		throw new Error(`host ${name} is not in the lab`);
	}
	return host;
}

export function topology(lab: Lab): Topology {
	const at = <T>(list: readonly T[], index: number): T => list[index] as T;
	const zookeeper = lab.roles.zookeeper.map((name, index): ZookeeperMember => ({
		id: (index + 1) as 1 | 2 | 3,
		unit: roleTable.zookeeper.unit(index + 1),
		host: hostByName(lab, name),
		clientPort: at(lab.ports.zookeeperClient, index),
		peerPort: at(lab.ports.zookeeperPeer, index),
		electionPort: at(lab.ports.zookeeperElection, index),
		dir: `${lab.root}/zookeeper/zk${index + 1}`,
	}));
	const zkConnect = zookeeper.map((member) => `${member.host.address}:${member.clientPort}`).join(',');
	return {
		zookeeper,
		masters: lab.roles.masters.map((name, index) => ({
			index: index + 1,
			unit: roleTable.masters.unit(index + 1),
			host: hostByName(lab, name),
			port: at(lab.ports.masters, index),
			workDir: `${lab.root}/mesos/master${index + 1}/work`,
			logDir: `${lab.root}/mesos/master${index + 1}/log`,
		})),
		agents: lab.roles.agents.map((name) => ({
			unit: roleTable.agents.unit(),
			host: hostByName(lab, name),
			port: lab.ports.agent,
			workDir: `${lab.root}/mesos/agent/work`,
			logDir: `${lab.root}/mesos/agent/log`,
		})),
		marathon: lab.roles.marathon.map((name, index) => ({index: index + 1, unit: roleTable.marathon.unit(index + 1), host: hostByName(lab, name), port: at(lab.ports.marathon, index)})),
		marathonLb: {host: hostByName(lab, lab.roles.marathonLb), port: lab.ports.marathonLb, unit: roleTable.marathonLb.unit()},
		zkConnect,
		mesosZk: `zk://${zkConnect}/mesos`,
		marathonZk: `zk://${zkConnect}/marathon`,
	};
}

/** Names of the hosts that need Mesos itself: masters, agents, and Marathon when it runs from a tarball. */
export function hostsNeedingMesos(lab: Lab): string[] {
	const names = new Set([...lab.roles.masters, ...lab.roles.agents, ...(lab.marathon.source === 'tarball' ? lab.roles.marathon : [])]);
	return lab.hosts.filter((host) => names.has(host.name)).map((host) => host.name);
}

/** Hosts in lab order that run at least one role. */
export function hostsInUse(lab: Lab): LabHost[] {
	const names = new Set(roleIds.flatMap(role => roleHosts(lab.roles, role)));
	return lab.hosts.filter((host) => names.has(host.name));
}

/** A port a host needs, what wants it, and the lab unit that holds it once the lab runs. */
export interface HostPort {
	port: number;
	owner: string;
	unit: string;
}

/** Every port a host needs free, with what wants it. */
export function portsOnHost(lab: Lab, hostName: string): HostPort[] {
	return labProcesses(lab).filter(process => process.host === hostName).flatMap(process => process.ports.map(({port, owner, unit}) => ({port, owner, unit})));
}
