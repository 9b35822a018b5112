import {ClusterError} from '../errors.js';
import type {Experiment, Measurement} from './experiment.js';
import {ensureWitnessApp, hostPortOf, marathonLeader, positionOf, requireServices, since} from './ha-probes.js';
import {shellAppExperiment} from './shell-app.js';
import {StoppedServices} from './stopped-services.js';
import {waitFor} from './wait-for.js';

/** Stop the leading Marathon and keep working with the other. */
export const marathonFailoverExperiment: Experiment = {
	id: 'marathon-failover',
	title: {zh: '实验七：Marathon 故障切换', en: 'Experiment 7: Marathon failover'},
	lessons: [
		{
			zh: '两个 Marathon 通过 ZooKeeper 选主（/marathon/leader-curator 下的临时顺序节点），只有主节点（leader）调度，另一个是备用，收到请求会转给主节点。停掉主节点后，它在 ZooKeeper 里的节点消失，备用的 Marathon 接任，/v2/leader 随之改变。',
			en: 'The two Marathons elect their leader through ZooKeeper (ephemeral sequential znodes under /marathon/leader-curator). Only the leader schedules; the other stands by and forwards requests to the leader. Stop the leader and its znode vanishes, the standby takes over, and /v2/leader changes.',
		},
		{
			zh: '应用和任务的状态保存在 ZooKeeper 里，任务运行在 agent 上，与哪个 Marathon 是主节点无关，所以切换时应用不受影响。新的主节点接任后我们立刻扩容一次，证明它能正常调度；之后再把实例数改回去，并重新启动停掉的 Marathon，它会作为备用加入。',
			en: 'Apps and tasks are kept in ZooKeeper and the tasks run on the agents, whichever Marathon leads, so the apps are untouched by the switch. Once the new leader is in place we scale an app to prove it schedules, then scale it back and start the stopped Marathon again; it rejoins as the standby.',
		},
	],
	app: shellAppExperiment.app,
	async run(context) {
		const services = requireServices(context, 'marathon-failover');
		const urls = context.marathon.urls;
		if (urls.length < 2) {
			throw new ClusterError(`marathon-failover needs both of the lab's Marathons; it was given ${urls.length}.`, {hint: 'Pass --lab-id, or --marathon with both addresses.'});
		}
		const guard = new StoppedServices(services, context.print, context.lang);
		const zh = context.lang === 'zh';
		const print = context.print;
		const observations: string[] = [];
		const measurements: Measurement[] = [];

		const witness = await ensureWitnessApp(context);
		const firstLeader = await waitFor('a Marathon leader', () => marathonLeader(urls, context.dispatcher, context.authorization?.marathon), context);
		const first = positionOf(urls, firstLeader);
		if (first === undefined) {
			throw new ClusterError(`/v2/leader names ${firstLeader}, which is not one of ${urls.join(', ')}.`, {hint: 'Pass --marathon with the addresses Marathon advertises (its --hostname and --http_port).'});
		}
		const others = urls.filter(url => hostPortOf(url) !== firstLeader);
		const tasksOf = async (): Promise<Map<string, string[]>> => new Map((await context.marathon.listApps()).map(app => [app.id, (app.tasks ?? []).map(t => t.id).sort()]));
		const before = await tasksOf();
		print(zh ? `Marathon 主节点：${firstLeader}；${before.size} 个应用` : `Marathon leader: ${firstLeader}; ${before.size} app(s)`);
		let scaledTo: number | undefined;
		try {
			const stoppedAt = await guard.stop({kind: 'marathon', index: first});
			const secondLeader = await waitFor('/v2/leader to name the other Marathon', async () => {
				const leader = await marathonLeader(others, context.dispatcher, context.authorization?.marathon);
				return leader !== undefined && leader !== firstLeader ? leader : undefined;
			}, context);
			const gapMs = since(stoppedAt);
			measurements.push({name: 'marathon-failover-gap', value: gapMs, unit: 'ms'});
			print(zh ? `${gapMs} 毫秒后 /v2/leader 指向 ${secondLeader}` : `/v2/leader names ${secondLeader} after ${gapMs} ms`);

			const after = await waitFor('the new leader to list the apps', async () => {
				const now = await tasksOf();
				return now.size >= before.size ? now : undefined;
			}, context);
			const changed = [...before].filter(([id, tasks]) => (after.get(id) ?? []).join(',') !== tasks.join(','));
			measurements.push({name: 'apps-changed', value: changed.length, unit: 'count'});
			observations.push(changed.length === 0 ? `all ${before.size} apps kept the same tasks` : `apps whose tasks changed: ${changed.map(([id]) => id).join(', ')}`);
			print(changed.length === 0
				? (zh ? `${before.size} 个应用的任务都没有变化` : `all ${before.size} apps kept the same tasks`)
				: (zh ? `任务有变化的应用：${changed.map(([id]) => id).join(', ')}` : `apps whose tasks changed: ${changed.map(([id]) => id).join(', ')}`));

			const scaleAt = Date.now();
			scaledTo = witness.instances + 1;
			await context.marathon.scale(witness.id, scaledTo);
			await waitFor(`${witness.id} to run ${scaledTo} instances under the new leader`, async () => {
				const app = await context.marathon.getApp(witness.id);
				return (app.tasksRunning ?? 0) >= (scaledTo ?? 0) ? true : undefined;
			}, context);
			const scaleMs = since(scaleAt);
			measurements.push({name: 'scale-on-new-leader', value: scaleMs, unit: 'ms'});
			print(zh ? `新的主节点在 ${scaleMs} 毫秒内把 ${witness.id} 扩容到 ${scaledTo} 个实例` : `the new leader scaled ${witness.id} to ${scaledTo} instances in ${scaleMs} ms`);
			await context.marathon.scale(witness.id, witness.instances);
			scaledTo = undefined;
			await waitFor(`${witness.id} to be back to ${witness.instances} instances`, async () => {
				const app = await context.marathon.getApp(witness.id);
				return (app.tasks ?? []).length <= witness.instances && (app.deployments ?? []).length === 0 ? true : undefined;
			}, context);

			const restartedAt = await guard.start({kind: 'marathon', index: first});
			const oldUrl = urls[first - 1] ?? '';
			const named = await waitFor('the restarted Marathon to answer as a standby', () => marathonLeader([oldUrl], context.dispatcher, context.authorization?.marathon), context);
			const rejoinedMs = since(restartedAt);
			measurements.push({name: 'marathon-rejoined', value: rejoinedMs, unit: 'ms'});
			observations.push(`${firstLeader} rejoined; /v2/leader names ${named}`);
			print(zh ? `${firstLeader} 在 ${rejoinedMs} 毫秒后重新加入，/v2/leader 指向 ${named}` : `${firstLeader} rejoined after ${rejoinedMs} ms; /v2/leader names ${named}`);
		} finally {
			await guard.restore();
			if (scaledTo !== undefined) {
				// The scale-up may still be deploying; the way back must not wait behind it.
				await context.marathon.scale(witness.id, witness.instances, {force: true}).catch((error: Error) => print(zh ? `无法把 ${witness.id} 改回 ${witness.instances} 个实例：${error.message}` : `could not scale ${witness.id} back to ${witness.instances}: ${error.message}`));
			}
		}
		return {id: 'marathon-failover', appId: witness.id, observations, measurements};
	},
};
