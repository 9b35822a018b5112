import type {Lab} from './lab-schema.js';
import {topology} from './topology.js';

/** Where a lab's services answer, as the dashboard, the experiments and the app command reach them. */
export interface LabEndpoints {
	mesos: string[];
	marathon: string[];
	/** marathon-lb's stats and config endpoint (port 9090 by default). */
	lb: string;
	/** The marathon-lb host, where HAProxy's frontends (10000, 80) listen. */
	serviceHost: string;
	/** ZooKeeper members as host:port. */
	zookeeper: string[];
}

/** A host for a URL: IPv6 literals go in brackets. */
function hostInUrl(address: string): string {
	return address.includes(':') ? `[${address}]` : address;
}

/** Every master, Marathon and ZooKeeper member of the lab, and its marathon-lb, on the hosts and ports the install used. */
export function labEndpoints(lab: Lab): LabEndpoints {
	const t = topology(lab);
	const url = (address: string, port: number) => `http://${hostInUrl(address)}:${port}`;
	return {
		mesos: t.masters.map(master => url(master.host.address, master.port)),
		marathon: t.marathon.map(instance => url(instance.host.address, instance.port)),
		lb: url(t.marathonLb.host.address, t.marathonLb.port),
		serviceHost: t.marathonLb.host.address,
		zookeeper: t.zookeeper.map(member => `${hostInUrl(member.host.address)}:${member.clientPort}`),
	};
}
