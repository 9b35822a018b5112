import type {Lab, LabHost} from '../lab/lab-schema.js';

// Where every process of the lab lives and listens. Steps and templates read only this, so the
// single-VM lab and a spread lab differ in data, not in code.

export interface ZookeeperMember {
	id: 1 | 2 | 3;
	host: LabHost;
	clientPort: number;
	peerPort: number;
	electionPort: number;
	dir: string;
}

export interface MesosMaster {
	index: number;
	host: LabHost;
	port: number;
	workDir: string;
	logDir: string;
}

export interface MesosAgent {
	host: LabHost;
	port: number;
	workDir: string;
	logDir: string;
}

export interface MarathonInstance {
	index: number;
	host: LabHost;
	port: number;
}

export interface Topology {
	zookeeper: ZookeeperMember[];
	masters: MesosMaster[];
	agents: MesosAgent[];
	marathon: MarathonInstance[];
	marathonLb: {host: LabHost; port: number};
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
			host: hostByName(lab, name),
			port: at(lab.ports.masters, index),
			workDir: `${lab.root}/mesos/master${index + 1}/work`,
			logDir: `${lab.root}/mesos/master${index + 1}/log`,
		})),
		agents: lab.roles.agents.map((name) => ({
			host: hostByName(lab, name),
			port: lab.ports.agent,
			workDir: `${lab.root}/mesos/agent/work`,
			logDir: `${lab.root}/mesos/agent/log`,
		})),
		marathon: lab.roles.marathon.map((name, index) => ({index: index + 1, host: hostByName(lab, name), port: at(lab.ports.marathon, index)})),
		marathonLb: {host: hostByName(lab, lab.roles.marathonLb), port: lab.ports.marathonLb},
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
	const names = new Set([...lab.roles.zookeeper, ...lab.roles.masters, ...lab.roles.agents, ...lab.roles.marathon, lab.roles.marathonLb]);
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
	const t = topology(lab);
	const ports: HostPort[] = [];
	for (const member of t.zookeeper.filter((m) => m.host.name === hostName)) {
		const unit = `mesos-lab-zookeeper-${member.id}.service`;
		ports.push({port: member.clientPort, owner: `zookeeper ${member.id}`, unit}, {port: member.peerPort, owner: `zookeeper ${member.id}`, unit}, {port: member.electionPort, owner: `zookeeper ${member.id}`, unit});
	}
	for (const master of t.masters.filter((m) => m.host.name === hostName)) {
		ports.push({port: master.port, owner: `mesos-master ${master.index}`, unit: `mesos-lab-master-${master.index}.service`});
	}
	for (const agent of t.agents.filter((a) => a.host.name === hostName)) {
		ports.push({port: agent.port, owner: 'mesos-agent', unit: 'mesos-lab-agent.service'});
	}
	for (const marathon of t.marathon.filter((m) => m.host.name === hostName)) {
		ports.push({port: marathon.port, owner: `marathon ${marathon.index}`, unit: `mesos-lab-marathon-${marathon.index}.service`});
	}
	if (t.marathonLb.host.name === hostName) {
		const unit = 'mesos-lab-marathon-lb.service';
		// marathon-lb's HAProxy also binds 443 and 9091 (marathon-lb config.py), whatever PORTS says.
		ports.push({port: t.marathonLb.port, owner: 'marathon-lb', unit}, {port: 80, owner: 'marathon-lb (vhosts)', unit}, {port: 443, owner: 'marathon-lb (https vhosts)', unit}, {port: 9091, owner: 'marathon-lb (HAProxy internal)', unit});
	}
	return ports;
}
