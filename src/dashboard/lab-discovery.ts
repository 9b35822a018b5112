import {parseZkUrl, type DiscoveryTargets} from '../cluster/zk-discovery.js';
import type {Lab} from '../lab/lab-schema.js';
import {topology} from '../lab/topology.js';

/**
 * How the dashboard finds a lab's leaders by default: through ZooKeeper, at the paths the masters
 * (--zk) and Marathons (--zk) were started with, as Mesos clients do.
 */
export function labDiscovery(lab: Lab): DiscoveryTargets {
	const t = topology(lab);
	return {mesos: parseZkUrl(t.mesosZk), marathon: parseZkUrl(t.marathonZk)};
}
