import {ClusterError} from '../errors.js';
import {backendName, probeService} from './cluster-probes.js';
import type {Experiment, ExperimentContext} from './experiment.js';
import {ensureNginx, nginxAppId, nginxDockerExperiment, serviceUrl, waitForBackendsToMatch} from './nginx-docker.js';
import {waitFor} from './wait-for.js';

export interface ProbeLog {
	total: number;
	failed: number;
	/** From the first failed request to the first success after the last failure. */
	outageMs: number;
	firstError?: string;
}

/** Requests the service back to back until stopped, counting failures and timing the outage. */
export function startProbing(url: string, context: Pick<ExperimentContext, 'dispatcher'>, intervalMs = 50): {stop: () => Promise<ProbeLog>} {
	const log: ProbeLog = {total: 0, failed: 0, outageMs: 0};
	let running = true;
	let outageStart: number | undefined;
	const loop = (async () => {
		while (running) {
			const sentAt = Date.now();
			const result = await probeService(url, {dispatcher: context.dispatcher, timeoutMs: 1_000});
			log.total += 1;
			if (result.ok) {
				if (outageStart !== undefined) {
					log.outageMs += Date.now() - outageStart;
					outageStart = undefined;
				}
			} else {
				log.failed += 1;
				log.firstError ??= result.error;
				outageStart ??= sentAt;
			}
			await new Promise(resolve => setTimeout(resolve, intervalMs));
		}
	})();
	return {
		stop: async () => {
			running = false;
			await loop;
			if (outageStart !== undefined) {
				log.outageMs += Date.now() - outageStart;
			}
			return log;
		},
	};
}

/** Kill one nginx container and watch Marathon and marathon-lb heal the service. */
export const failoverExperiment: Experiment = {
	id: 'failover',
	title: {zh: '实验三：杀掉一个容器，看集群自愈', en: 'Experiment 3: kill a container and watch the cluster heal'},
	lessons: [
		{
			zh: '我们直接在 agent 上杀掉一个 nginx 容器，就像它崩溃了一样。Mesos 把任务状态报告给 Marathon，Marathon 发现实例数少于 instances，就在某个 agent 上再启动一个，新实例会映射到一个新的随机主机端口。',
			en: 'We kill one nginx container on its agent, as if it crashed. Mesos reports the task\'s end to Marathon, which sees fewer instances than asked for and starts a new one; it gets a new random host port.',
		},
		{
			zh: 'marathon-lb 收到事件后重写 HAProxy 配置并重新加载：死掉的实例先从后端消失，新实例通过健康检查后加入。整个过程中我们一直请求 10000 端口，统计失败的请求数和中断时长。',
			en: 'marathon-lb hears the events, rewrites HAProxy\'s config and reloads it: the dead instance leaves the backend, and the new one joins once healthy. Meanwhile we keep requesting port 10000 and count failed requests and how long the outage lasted.',
		},
		{
			zh: 'HAProxy 的健康检查和 marathon-lb 的重新加载之间有短暂的时间差，所以可能会有少量请求失败；另一个实例一直在服务，因此服务整体没有中断太久。',
			en: 'Between the kill and HAProxy noticing it there is a short gap, so a few requests may fail; the other instance keeps serving, so the service as a whole stays up.',
		},
	],
	app: nginxDockerExperiment.app,
	async run(context) {
		const {app} = await ensureNginx(context);
		const instances = app.instances;
		const before = new Set((app.tasks ?? []).map(t => t.ports?.[0]));
		const victim = app.tasks?.[0];
		if (victim === undefined) {
			throw new ClusterError(`${nginxAppId} has no task to kill.`);
		}
		const url = serviceUrl(context, context.servicePort);
		const prober = startProbing(url, context);
		const startedAt = Date.now();
		let log: ProbeLog;
		let replacementPort: number | undefined;
		try {
			context.print(`killing task ${victim.id} on ${victim.host}:${victim.ports?.[0] ?? '?'}: ${await context.killTask(victim)}`);
			const replacement = await waitFor('Marathon to start a replacement task on a new host port', async () => {
				const now = await context.marathon.getApp(nginxAppId);
				const fresh = (now.tasks ?? []).find(t => !before.has(t.ports?.[0]) && t.healthCheckResults?.some(r => r.alive));
				return fresh !== undefined && (now.tasksHealthy ?? 0) >= instances ? fresh : undefined;
			}, context);
			replacementPort = replacement.ports?.[0];
			context.print(`replacement ${replacement.id} runs on ${replacement.host}:${replacementPort ?? '?'}`);
			const servers = await waitForBackendsToMatch(context, nginxAppId, context.servicePort, instances);
			context.print(`HAProxy backend ${backendName(nginxAppId, context.servicePort)} now lists: ${servers.map(s => s.address).join(', ')}`);
		} finally {
			log = await prober.stop();
		}
		const healedMs = Date.now() - startedAt;
		context.print(`requests sent: ${log.total}, failed: ${log.failed}, outage: ${log.outageMs} ms, healed in ${healedMs} ms`);
		return {
			id: 'failover',
			appId: nginxAppId,
			observations: [
				`killed port ${victim.ports?.[0] ?? '?'}, replacement port ${replacementPort ?? '?'}`,
				...(log.firstError ? [`first failure: ${log.firstError}`] : []),
			],
			measurements: [
				{name: 'requests', value: log.total, unit: 'count'},
				{name: 'failed-requests', value: log.failed, unit: 'count'},
				{name: 'outage', value: log.outageMs, unit: 'ms'},
				{name: 'healed', value: healedMs, unit: 'ms'},
			],
		};
	},
};
