import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {PhaseId, PlannedCommand, Step} from './step.js';
import {command, simpleStep, text} from './step-kit.js';
import {hostsInUse, topology} from './topology.js';
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

/** Steps that remove what the lab installed: units, data and the lab root. Packages stay (yum history undo can remove them). */
export function buildResetPlan(lab: Lab): Step[] {
	const units = labUnits(lab);
	return hostsInUse(lab).flatMap((host) => {
		const own = units.filter((entry) => entry.host === host.name);
		const unitFiles = own.map((entry) => `/etc/systemd/system/${entry.unit}`);
		return [
			simpleStep({
				id: 'reset-services', phase: own[own.length - 1]?.phase ?? 'zookeeper', host: host.name,
				title: text('停止并删除实验环境的服务', 'Stop and remove the lab\'s services'),
				why: text('先按相反顺序停止服务（marathon-lb、Marathon、agent、master、ZooKeeper），再删除单元文件，机器重启后也不会再拉起它们。', 'Services stop in reverse order (marathon-lb, Marathon, agent, masters, ZooKeeper), then their unit files go, so a reboot does not bring them back.'),
				done: shellCommand(['bash', '-c', 'for f in "$@"; do [ ! -e "$f" ] || exit 1; done', 'mesos-lab', ...unitFiles]),
				proof: shellCommand(['bash', '-c', 'for f in "$@"; do [ ! -e "$f" ] || exit 1; done', 'mesos-lab', ...unitFiles]),
				commands: [
					...[...own].reverse().map((entry) => command(['systemctl', 'disable', '--now', entry.unit], undefined, {timeoutMs: 120_000})),
					command(['rm', '-f', ...unitFiles]),
					command(['systemctl', 'daemon-reload']),
				],
				hints: [],
			}),
			simpleStep({
				id: 'reset-data', phase: 'zookeeper', host: host.name,
				title: text(`删除实验环境目录 ${lab.root}`, `Delete the lab directory ${lab.root}`),
				why: text('删除 ZooKeeper 数据、master 的复制日志、agent 的工作目录和下载文件，下次安装从干净的状态开始。保留的部分：yum 源的 vault 改写（去掉它 yum 就又不能用了）、已安装的软件包（docker-ce、编译依赖）、/usr/local 下的 Mesos、/etc/docker/daemon.json 和交换文件；需要时可以手动删除。', 'Deletes ZooKeeper data, the masters\' replicated log, the agent\'s work directory and downloads, so the next install starts clean. What stays: the yum vault rewrite (without it yum breaks again), installed packages (docker-ce, the build dependencies), Mesos under /usr/local, /etc/docker/daemon.json and any swap file; remove them by hand if you want them gone.'),
				done: shellCommand(['test', '!', '-e', lab.root]), proof: shellCommand(['test', '!', '-e', lab.root]),
				commands: [command(['rm', '-rf', '--one-file-system', lab.root])],
				hints: [],
				dependsOn: ['reset-services'],
			}),
		];
	});
}
