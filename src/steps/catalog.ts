import type {Lab} from '../lab/lab-schema.js';
import {dockerSteps} from './docker.js';
import {marathonLbSteps} from './marathon-lb.js';
import {marathonSteps} from './marathon.js';
import {mesosAgentSteps} from './mesos-agent.js';
import {mesosInstallSteps} from './mesos-install.js';
import {mesosMasterSteps} from './mesos-masters.js';
import {preflightSteps} from './preflight.js';
import type {SecretSource} from './secrets.js';
import type {Step} from './step.js';
import {hostsInUse, hostsNeedingMesos} from '../lab/topology.js';
import {vmPrepSteps} from './vm-prep.js';
import {zookeeperSteps} from './zookeeper.js';

export interface PlanOptions {
	/** Where run-time secrets (the registry password) come from; without it those commands prompt on their own. */
	secrets?: SecretSource;
}

/** The whole install in order: host-wide phases per host, then the cluster roles. */
export function buildPlan(lab: Lab, options: PlanOptions = {}): Step[] {
	const hosts = hostsInUse(lab);
	const needsMesos = new Set(hostsNeedingMesos(lab));
	return [
		...hosts.flatMap((host) => preflightSteps(lab, host)),
		...hosts.flatMap((host) => vmPrepSteps(lab, host)),
		...hosts.flatMap((host) => dockerSteps(lab, host, options.secrets)),
		...zookeeperSteps(lab),
		...hosts.filter((host) => needsMesos.has(host.name)).flatMap((host) => mesosInstallSteps(lab, host)),
		...mesosMasterSteps(lab),
		...mesosAgentSteps(lab),
		...marathonSteps(lab),
		...marathonLbSteps(lab),
	];
}
