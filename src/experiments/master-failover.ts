import {ClusterError} from '../errors.js';
import type {Experiment, Measurement} from './experiment.js';
import {ensureWitnessApp, holdsFor, mesosLeader, positionOf, requireServices, runningPicture, since} from './ha-probes.js';
import {shellAppExperiment} from './shell-app.js';
import {StoppedServices} from './stopped-services.js';
import {waitFor} from './wait-for.js';

/** How long the experiment watches the cluster with one master left, to show that nobody takes the lead. */
const noQuorumWatchMs = 5_000;

/** Stop the leading master, then a second one, and watch the two elections. */
export const masterFailoverExperiment: Experiment = {
	id: 'master-failover',
	title: {zh: '实验六：Mesos master 故障切换与 --quorum=2', en: 'Experiment 6: Mesos master failover and quorum=2'},
	lessons: [
		{
			zh: 'Mesos 有两次不同的选举。第一次通过 ZooKeeper：每个 master 在 /mesos 下登记一个临时顺序节点 json.info_*，序号最小的当主节点（leader），负责调度；主节点停止后它的节点消失，下一个 master 接任。',
			en: 'Mesos holds two different elections. The first goes through ZooKeeper: each master registers an ephemeral sequential znode json.info_* under /mesos, and the lowest sequence number leads and schedules; when the leader stops, its znode vanishes and the next master takes over.',
		},
		{
			zh: '第二次是复制日志（replicated log）：集群的注册信息（有哪些 agent）保存在各 master 的复制日志里，用类似 Paxos 的协议同步，读写都需要 --quorum=2 个副本同意。新主节点必须先从日志里恢复注册信息，然后 agent 重新注册到它，任务一直在 agent 上运行，不会丢失。',
			en: 'The second is the replicated log: the cluster\'s registry (which agents belong) lives in the masters\' replicated log, kept in step with a Paxos-like protocol, and every read or write needs --quorum=2 replicas to agree. A new leader first recovers the registry from the log; then the agents re-register with it. Tasks keep running on their agents throughout and none is lost.',
		},
		{
			zh: '3 个 master、--quorum=2 能扛住 1 个故障。再停掉一个，剩下的 master 即使在 ZooKeeper 里当选，也凑不齐 2 个副本来读取复制日志，所以没有 master 能领导集群。如果只有 2 个 master，法定人数仍是 2，坏 1 个就停摆，所以是 3 个而不是 2 个。',
			en: 'Three masters with quorum=2 survive one failure. Stop another, and the last master, even if ZooKeeper elects it, cannot gather two replicas to read the log, so no master can lead. Two masters would still need a quorum of 2 and stop at the first failure, hence three and not two.',
		},
	],
	app: shellAppExperiment.app,
	async run(context) {
		const services = requireServices(context, 'master-failover');
		if (context.mesosUrls.length < 3) {
			throw new ClusterError(`master-failover needs the lab's three masters; it was given ${context.mesosUrls.length}.`, {hint: 'Pass --lab-id, or --mesos with all three masters.'});
		}
		const guard = new StoppedServices(services, context.print, context.lang);
		const zh = context.lang === 'zh';
		const print = context.print;
		const observations: string[] = [];
		const measurements: Measurement[] = [];
		const leaderNow = () => mesosLeader(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
		const position = (hostPort: string): number => {
			const found = positionOf(context.mesosUrls, hostPort);
			if (found === undefined) throw new ClusterError(`The leading master ${hostPort} is not one of ${context.mesosUrls.join(', ')}.`, {hint: 'Pass --mesos with the masters\' addresses as they advertise them.'});
			return found;
		};

		const witness = await ensureWitnessApp(context);
		const firstLeader = await waitFor('a leading Mesos master', leaderNow, context);
		const before = await runningPicture(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
		print(zh ? `主节点 master：${firstLeader}；${before.agents.size} 个 agent，${before.tasks.size} 个运行中的任务（含 ${witness.id}）` : `leading master: ${firstLeader}; ${before.agents.size} agent(s), ${before.tasks.size} running task(s), ${witness.id} among them`);
		const first = position(firstLeader);
		try {
			// 1. The leader stops: ZooKeeper's election picks a standby, the log still has a quorum.
			const stoppedAt = await guard.stop({kind: 'master', index: first});
			const secondLeader = await waitFor('a standby master to be elected', async () => {
				const leader = await leaderNow();
				return leader !== undefined && leader !== firstLeader ? leader : undefined;
			}, context);
			const gapMs = since(stoppedAt);
			measurements.push({name: 'mesos-failover-gap', value: gapMs, unit: 'ms'});
			print(zh ? `${secondLeader} 在 ${gapMs} 毫秒后当选主节点` : `${secondLeader} leads after ${gapMs} ms`);
			const reregistered = await waitFor('every agent to re-register with the new leader', async () => {
				const now = await runningPicture(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
				return [...before.agents].every(id => now.agents.has(id)) ? now : undefined;
			}, context);
			const reregisteredMs = since(stoppedAt);
			measurements.push({name: 'agents-reregistered', value: reregisteredMs, unit: 'ms'});
			print(zh ? `${before.agents.size} 个 agent 在 ${reregisteredMs} 毫秒内重新注册到新的主节点` : `${before.agents.size} agent(s) re-registered with the new leader within ${reregisteredMs} ms`);
			const lost = [...before.tasks].filter(id => !reregistered.tasks.has(id));
			measurements.push({name: 'tasks-lost', value: lost.length, unit: 'count'});
			observations.push(`after failover: ${before.tasks.size - lost.length} of ${before.tasks.size} tasks still running${lost.length > 0 ? `; missing: ${lost.join(', ')}` : ''}`);
			print(zh ? `${before.tasks.size} 个任务中仍有 ${before.tasks.size - lost.length} 个在运行` : `${before.tasks.size - lost.length} of ${before.tasks.size} tasks still running`);

			// 2. The new leader stops too: one master left, below --quorum=2.
			const second = position(secondLeader);
			const secondAt = await guard.stop({kind: 'master', index: second});
			const someone = await holdsFor(leaderNow, noQuorumWatchMs, context);
			if (someone !== undefined) {
				observations.push(`with one master left, ${someone} still answered as leader`);
				print(zh ? `只剩一个 master，但 ${someone} 仍作为主节点应答` : `one master left, yet ${someone} answered as leader`);
			} else {
				const leaderlessMs = since(secondAt);
				measurements.push({name: 'no-leader-watched', value: leaderlessMs, unit: 'ms'});
				observations.push(`one master of three running: no leader for ${leaderlessMs} ms`);
				print(zh ? `只剩 1 个 master（--quorum=2）：${leaderlessMs} 毫秒内没有任何 master 领导集群` : `one master of three (quorum=2): no master led for ${leaderlessMs} ms`);
			}

			// 3. Both back: quorum again, a leader again, and the tasks are still there.
			const restartedAt = await guard.start({kind: 'master', index: first});
			await guard.start({kind: 'master', index: second});
			const thirdLeader = await waitFor('a leading master once the quorum is back', leaderNow, context);
			const recoveredMs = since(restartedAt);
			measurements.push({name: 'mesos-leader-recovered', value: recoveredMs, unit: 'ms'});
			print(zh ? `法定人数恢复，${thirdLeader} 在 ${recoveredMs} 毫秒后成为主节点` : `quorum back: ${thirdLeader} leads after ${recoveredMs} ms`);
			const after = await waitFor('the tasks to be reported by the leader again', async () => {
				const now = await runningPicture(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
				return [...before.agents].every(id => now.agents.has(id)) ? now : undefined;
			}, context);
			const lostAtEnd = [...before.tasks].filter(id => !after.tasks.has(id));
			measurements.push({name: 'tasks-lost-at-end', value: lostAtEnd.length, unit: 'count'});
			observations.push(`at the end: ${before.tasks.size - lostAtEnd.length} of ${before.tasks.size} tasks still running`);
		} finally {
			await guard.restore();
		}
		return {id: 'master-failover', appId: witness.id, observations, measurements};
	},
};
