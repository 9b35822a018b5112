import type {Lab} from '../lab/lab-schema.js';
import {topology} from '../steps/topology.js';

/** Where a lab's services answer, as the experiments and the app command reach them. */
export interface LabEndpoints {
	mesos: string[];
	marathon: string[];
	/** marathon-lb's stats and config endpoint (port 9090 by default). */
	lb: string;
	/** The marathon-lb host, where HAProxy's frontends (10000, 80) listen. */
	serviceHost: string;
}

function hostInUrl(address: string): string {
	return address.includes(':') ? `[${address}]` : address;
}

/** Every master and Marathon of the lab, and its marathon-lb, from the roles and ports the install used. */
export function labEndpoints(lab: Lab): LabEndpoints {
	const t = topology(lab);
	const url = (address: string, port: number) => `http://${hostInUrl(address)}:${port}`;
	return {
		mesos: t.masters.map(master => url(master.host.address, master.port)),
		marathon: t.marathon.map(instance => url(instance.host.address, instance.port)),
		lb: url(t.marathonLb.host.address, t.marathonLb.port),
		serviceHost: t.marathonLb.host.address,
	};
}
