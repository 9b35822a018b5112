import {ClusterError} from '../errors.js';
import type {Experiment, Measurement} from './experiment.js';
import {marathonLeader, mesosLeader, requireServices, since, waitOrNote} from './ha-probes.js';
import type {ZkMemberMode} from './lab-services.js';
import {shellAppExperiment} from './shell-app.js';
import {StoppedServices} from './stopped-services.js';
import {waitFor} from './wait-for.js';

/** How long a real master or Marathon may take to notice that ZooKeeper is gone: their session timeouts are 10 s, plus a restart. */
const leaderLossMs = 90_000;

function modesText(modes: readonly ZkMemberMode[]): string {
	return modes.map(m => `zk${m.id}=${m.mode}`).join(', ');
}

function leaderOf(modes: readonly ZkMemberMode[]): ZkMemberMode | undefined {
	return modes.find(m => m.mode === 'leader');
}

/** Stop the ZooKeeper leader, then a second member, and watch who still leads anything. */
export const zkQuorumExperiment: Experiment = {
	id: 'zk-quorum',
	title: {zh: '实验五：ZooKeeper 的法定人数', en: 'Experiment 5: ZooKeeper\'s quorum'},
	lessons: [
		{
			zh: 'ZooKeeper 集群只有在线成员过半、达到法定人数（quorum）时才提供服务。3 个成员的法定人数是 2：坏掉 1 个，剩下 2 个仍然够数，它们会在几百毫秒到几秒内选出新的主节点（leader）；坏掉 2 个，剩下的 1 个凑不够法定人数，它会拒绝一切请求，srvr 只回答“not currently serving requests”。',
			en: 'A ZooKeeper ensemble serves only while a majority of its members (its quorum) runs. The majority of 3 is 2: lose one, and the two left are still a majority and elect a new leader within a fraction of a second to a few seconds; lose two, and the one left is no majority, so it refuses every request and srvr answers only "not currently serving requests".',
		},
		{
			zh: '2 个成员的多数还是 2，所以 2 个成员连 1 次故障都扛不住，比 1 个成员还脆弱；这就是教程用 3 个成员的原因。',
			en: 'The majority of 2 is still 2, so two members survive no failure at all and are more fragile than one; that is why the tutorial runs three.',
		},
		{
			zh: 'Mesos master 和 Marathon 都通过 ZooKeeper 选主。ZooKeeper 停止服务后，主节点 master 的会话过期，它放弃主节点身份并退出（systemd 会重启它）；Marathon 也失去主节点。ZooKeeper 恢复后，两者重新选主。我们测量每一步用了多久。',
			en: 'Mesos masters and Marathon both elect their leaders through ZooKeeper. Once ZooKeeper stops serving, the leading master\'s session expires and it gives up leadership and exits (systemd restarts it); Marathon loses its leader too. When ZooKeeper is back, both elect again. We measure how long each step takes.',
		},
	],
	app: shellAppExperiment.app,
	async run(context) {
		const services = requireServices(context, 'zk-quorum');
		const guard = new StoppedServices(services, context.print, context.lang);
		const zh = context.lang === 'zh';
		const print = context.print;
		const observations: string[] = [];
		const measurements: Measurement[] = [];
		const mesosNow = () => mesosLeader(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
		const marathonNow = () => marathonLeader(context.marathon.urls, context.dispatcher, context.authorization?.marathon);

		const start = await waitFor('a ZooKeeper leader with every member serving', async () => {
			const modes = await services.zookeeperModes();
			return leaderOf(modes) && modes.every(m => m.mode === 'leader' || m.mode === 'follower') ? modes : undefined;
		}, context);
		print(`ZooKeeper: ${modesText(start)}`);
		const mesosBefore = context.mesosUrls.length > 0 ? await mesosNow() : undefined;
		const marathonBefore = await marathonNow();
		print(mesosBefore ? (zh ? `Mesos 主节点：${mesosBefore}` : `Mesos leader: ${mesosBefore}`) : zh ? 'Mesos 没有应答，本实验只观察 ZooKeeper 自身。' : 'Mesos does not answer; this run watches ZooKeeper alone.');
		print(marathonBefore ? (zh ? `Marathon 主节点：${marathonBefore}` : `Marathon leader: ${marathonBefore}`) : zh ? 'Marathon 没有应答，本实验不观察 Marathon。' : 'Marathon does not answer; this run does not watch it.');

		const oldLeader = leaderOf(start) as ZkMemberMode;
		try {
			// 1. One member down: the two left are a majority and elect.
			const stoppedAt = await guard.stop({kind: 'zookeeper', id: oldLeader.id});
			// A real ensemble names its new leader while the other member is still syncing with it
			// (not serving); only once that member follows is there a follower to stop next.
			const afterOne = await waitFor('another member to lead ZooKeeper, with the other following', async () => {
				const modes = await services.zookeeperModes();
				const leader = leaderOf(modes);
				const settled = modes.every(m => m.id === oldLeader.id || m.mode === 'leader' || m.mode === 'follower');
				return leader && leader.id !== oldLeader.id && settled ? modes : undefined;
			}, context);
			const electionMs = since(stoppedAt);
			const newLeader = leaderOf(afterOne) as ZkMemberMode;
			measurements.push({name: 'zk-leader-election', value: electionMs, unit: 'ms'});
			observations.push(`zk${oldLeader.id} stopped; zk${newLeader.id} leads: ${modesText(afterOne)}`);
			print(zh ? `zk${newLeader.id} 在 ${electionMs} 毫秒后成为新的主节点：${modesText(afterOne)}` : `zk${newLeader.id} leads after ${electionMs} ms: ${modesText(afterOne)}`);
			if (mesosBefore) print(zh ? `Mesos 主节点：${(await mesosNow()) ?? '无'}` : `Mesos leader: ${(await mesosNow()) ?? 'none'}`);

			// 2. A second member down: one of three is no majority.
			const follower = afterOne.find(m => m.mode === 'follower');
			if (follower === undefined) throw new ClusterError('No ZooKeeper follower is left to stop.');
			const secondAt = await guard.stop({kind: 'zookeeper', id: follower.id});
			const refused = await waitFor('the last member to stop serving', async () => {
				const modes = await services.zookeeperModes();
				const running = modes.filter(m => m.mode !== 'down');
				return running.length > 0 && running.every(m => m.mode === 'not-serving') ? modes : undefined;
			}, context);
			measurements.push({name: 'zk-service-lost', value: since(secondAt), unit: 'ms'});
			observations.push(`two members down: ${modesText(refused)} (srvr: not currently serving requests)`);
			print(zh ? `剩下一个成员，不是多数：${modesText(refused)}，srvr 回答 "This ZooKeeper instance is not currently serving requests"` : `one member left, no majority: ${modesText(refused)}; srvr answers "This ZooKeeper instance is not currently serving requests"`);
			// A real master or Marathon notices only when its ZooKeeper session times out.
			const watchLoss = async (who: 'Mesos' | 'Marathon', name: string, leaderNow: () => Promise<string | undefined>): Promise<void> => {
				const lost = await waitOrNote(`the ${who} leader to go`, async () => ((await leaderNow()) === undefined ? since(secondAt) : undefined), context, leaderLossMs);
				if (lost === undefined) {
					observations.push(`${who} still had a leader ${leaderLossMs / 1000} s after ZooKeeper stopped serving`);
					return;
				}
				measurements.push({name, value: lost, unit: 'ms'});
				print(zh ? `${who} 在 ${lost} 毫秒后失去主节点` : `${who} lost its leader after ${lost} ms`);
			};
			if (mesosBefore) await watchLoss('Mesos', 'mesos-leader-lost', mesosNow);
			if (marathonBefore) await watchLoss('Marathon', 'marathon-leader-lost', marathonNow);

			// 3. Both back: quorum, then the leaders that depend on it.
			const restartedAt = await guard.start({kind: 'zookeeper', id: follower.id});
			await guard.start({kind: 'zookeeper', id: oldLeader.id});
			const back = await waitFor('ZooKeeper to serve again with all three members', async () => {
				const modes = await services.zookeeperModes();
				return leaderOf(modes) && modes.every(m => m.mode === 'leader' || m.mode === 'follower') ? modes : undefined;
			}, context);
			const recoveredMs = since(restartedAt);
			measurements.push({name: 'zk-recovered', value: recoveredMs, unit: 'ms'});
			print(zh ? `ZooKeeper 在 ${recoveredMs} 毫秒后恢复服务：${modesText(back)}` : `ZooKeeper serves again after ${recoveredMs} ms: ${modesText(back)}`);
			observations.push(`recovered: ${modesText(back)}`);
			if (mesosBefore) {
				const leader = await waitFor('a Mesos leader again', mesosNow, context);
				const backMs = since(restartedAt);
				measurements.push({name: 'mesos-leader-recovered', value: backMs, unit: 'ms'});
				print(zh ? `Mesos 主节点 ${leader}，恢复用时 ${backMs} 毫秒` : `Mesos leader ${leader}, back after ${backMs} ms`);
			}
			if (marathonBefore) {
				const leader = await waitFor('a Marathon leader again', marathonNow, context);
				const backMs = since(restartedAt);
				measurements.push({name: 'marathon-leader-recovered', value: backMs, unit: 'ms'});
				print(zh ? `Marathon 主节点 ${leader}，恢复用时 ${backMs} 毫秒` : `Marathon leader ${leader}, back after ${backMs} ms`);
			}
		} finally {
			await guard.restore();
		}
		return {id: 'zk-quorum', appId: '', observations, measurements};
	},
};
