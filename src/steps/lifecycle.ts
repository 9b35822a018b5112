import type {Lab} from '../lab/lab-schema.js';
import type {PhaseId, PlannedCommand} from './step.js';
import {command} from './step-kit.js';
import {topology} from './topology.js';
import {zookeeperStartCommand, zookeeperStopCommand, zookeeperUnitName} from './zookeeper.js';

export type LifecycleAction = 'start' | 'stop';

interface LabUnit {
	host: string;
	unit: string;
	phase: PhaseId;
}

/** Every long-running unit of the lab, in start order (ZooKeeper first, marathon-lb last). */
export function labUnits(lab: Lab): LabUnit[] {
	const t = topology(lab);
	return [
		...(lab.zookeeper.service === 'systemd' ? t.zookeeper.map((m) => ({host: m.host.name, unit: zookeeperUnitName(m), phase: 'zookeeper' as const})) : []),
		...t.masters.map((m) => ({host: m.host.name, unit: `mesos-lab-master-${m.index}.service`, phase: 'mesos-masters' as const})),
		...t.agents.map((a) => ({host: a.host.name, unit: 'mesos-lab-agent.service', phase: 'mesos-agent' as const})),
		...t.marathon.map((m) => ({host: m.host.name, unit: `mesos-lab-marathon-${m.index}.service`, phase: 'marathon' as const})),
		{host: t.marathonLb.host.name, unit: 'mesos-lab-marathon-lb.service', phase: 'marathon-lb' as const},
	];
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
