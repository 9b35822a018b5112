import type {Lab} from '../lab/lab-schema.js';
import {labProcesses, roleTable} from '../lab/roles.js';
import type {PhaseId, PlannedCommand} from './step.js';
import {command} from './step-kit.js';
import {topology} from '../lab/topology.js';
import {zookeeperStartCommand, zookeeperStopCommand} from './zookeeper.js';

export type LifecycleAction = 'start' | 'stop';

interface LabUnit {
	host: string;
	unit: string;
	phase: PhaseId;
}

/** Every long-running unit of the lab, in start order (ZooKeeper first, marathon-lb last), from the role table. */
export function labUnits(lab: Lab): LabUnit[] {
	// ZooKeeper run by its own script (zookeeper.service: script) has no unit.
	const units = labProcesses(lab).filter((process) => process.role !== 'zookeeper' || lab.zookeeper.service === 'systemd');
	return units.map((process) => ({host: process.host, unit: process.unit, phase: roleTable[process.role].phase}));
}

/** Commands that start or stop every lab process, per host, in dependency order. */
export function lifecycleCommands(lab: Lab, action: LifecycleAction): Array<{host: string; command: PlannedCommand}> {
	const units = labUnits(lab).map((entry) => ({host: entry.host, command: command(['systemctl', action, entry.unit])}));
	const scripted = lab.zookeeper.service === 'script'
		? topology(lab).zookeeper.map((member) => ({host: member.host.name, command: {command: action === 'start' ? zookeeperStartCommand(lab, member) : zookeeperStopCommand(lab, member), sudo: true}}))
		: [];
	const ordered = [...scripted, ...units];
	return action === 'start' ? ordered : ordered.reverse();
}
