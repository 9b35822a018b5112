import type {ClusterEndpoints} from '../cluster/poller.js';
import {parseZkUrl, type DiscoveryTargets} from '../cluster/zk-discovery.js';
import type {Lab} from '../lab/lab-schema.js';
import {topology} from '../steps/topology.js';

/** A host for a URL: IPv6 literals go in brackets. */
function urlHost(address: string): string {
	return address.includes(':') ? `[${address}]` : address;
}

/**
 * Where a lab's cluster answers, as the dashboard reads it: every master, every Marathon, the
 * load balancer's stats port and every ZooKeeper member, each on the host its role is placed on.
 */
export function labEndpoints(lab: Lab): ClusterEndpoints {
	const addressOf = (name: string) => lab.hosts.find(host => host.name === name)?.address ?? name;
	return {
		mesos: lab.roles.masters.map((name, index) => `http://${urlHost(addressOf(name))}:${lab.ports.masters[index] ?? 5050}`),
		marathon: lab.roles.marathon.map((name, index) => `http://${urlHost(addressOf(name))}:${lab.ports.marathon[index] ?? 8080}`),
		lb: `http://${urlHost(addressOf(lab.roles.marathonLb))}:${lab.ports.marathonLb}`,
		zookeeper: lab.roles.zookeeper.map((name, index) => `${urlHost(addressOf(name))}:${lab.ports.zookeeperClient[index] ?? 2181}`),
	};
}

/**
 * How the dashboard finds a lab's leaders by default: through ZooKeeper, at the paths the masters
 * (--zk) and Marathons (--zk) were started with, as Mesos clients do.
 */
export function labDiscovery(lab: Lab): DiscoveryTargets {
	const t = topology(lab);
	return {mesos: parseZkUrl(t.mesosZk), marathon: parseZkUrl(t.marathonZk)};
}
