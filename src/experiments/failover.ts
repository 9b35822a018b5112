import {ClusterError} from '../errors.js';
import {backendName, backendServers, haproxyConfig, probeService} from './cluster-probes.js';
import type {Experiment, ExperimentContext} from './experiment.js';
import {ensureNginx, nginxAppId, nginxDockerExperiment, serviceUrl, waitForBackendsToMatch} from './nginx-docker.js';
import {waitFor} from './wait-for.js';

export interface ProbeLog {
	total: number;
	failed: number;
	/** From the first failed request to the first success after the last failure, in real time. */
	outageMs: number;
	/** The longest a request took, failed or not: retries inside HAProxy show up here. */
	slowestMs: number;
	firstError?: string;
}

/**
 * Requests the service back to back until stopped, counting failures and timing the outage with
 * the wall clock. A request may take a while and still succeed (HAProxy retrying another server),
 * so the per-request limit is generous and the slowest request is reported beside the failures.
 */
export function startProbing(url: string, context: Pick<ExperimentContext, 'dispatcher'>, intervalMs = 50): {stop: () => Promise<ProbeLog>; log: Readonly<ProbeLog>} {
	const log: ProbeLog = {total: 0, failed: 0, outageMs: 0, slowestMs: 0};
	let running = true;
	let outageStart: number | undefined;
	const loop = (async () => {
		while (running) {
			const sentAt = Date.now();
			const result = await probeService(url, {dispatcher: context.dispatcher, timeoutMs: 5_000});
			const answeredAt = Date.now();
			log.total += 1;
			log.slowestMs = Math.max(log.slowestMs, answeredAt - sentAt);
			if (result.ok) {
				if (outageStart !== undefined) {
					log.outageMs += answeredAt - outageStart;
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
		log,
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
			zh: 'marathon-lb 收到事件后重写 HAProxy 配置并重新加载：死掉的实例先从后端消失，新实例通过健康检查后加入。整个过程中我们一直请求它的 service port，统计失败的请求数和中断时长。',
			en: 'marathon-lb hears the events, rewrites HAProxy\'s config and reloads it: the dead instance leaves the backend, and the new one joins once healthy. Meanwhile we keep requesting its servicePort and count failed requests and how long the outage lasted.',
		},
		{
			zh: '从容器死掉到 marathon-lb 把它移出后端，中间有一段时间 HAProxy 仍会把请求发给它。marathon-lb 的配置里有 retries 3 和 option redispatch：连接被拒绝的请求会重试，最后一次改发给另一个实例，所以用户多半只看到一次变慢的应答，而不是错误。最慢的请求和失败数一起告诉你这段时间里发生了什么。',
			en: 'From the container\'s death until marathon-lb drops it from the backend, HAProxy still sends it requests. marathon-lb\'s config has retries 3 and option redispatch: a request whose connection is refused is retried, the last time on another instance, so users mostly see one slower answer rather than an error. The slowest request and the failure count together tell what happened in that window.',
		},
	],
	app: nginxDockerExperiment.app,
	async run(context) {
		const {app, servicePort} = await ensureNginx(context);
		const instances = app.instances;
		const before = new Set((app.tasks ?? []).map(t => t.ports?.[0]));
		const victim = app.tasks?.[0];
		if (victim === undefined) {
			throw new ClusterError(`${nginxAppId} has no task to kill.`);
		}
		const url = serviceUrl(context, servicePort);
		const prober = startProbing(url, context);
		let log: ProbeLog;
		let replacementPort: number | undefined;
		let deadListedMs = 0;
		let startedAt = Date.now();
		const victimPort = victim.ports?.[0] ?? 0;
		try {
			// A few answers first, so the count starts from a service that worked.
			await waitFor(`${url} to answer before the kill`, async () => (prober.log.total - prober.log.failed >= 3 ? true : undefined), context);
			startedAt = Date.now();
			context.print(`killing task ${victim.id} on ${victim.host}:${victim.ports?.[0] ?? '?'}: ${await context.killTask(victim)}`);
			const dropped = waitFor('HAProxy to drop the killed container from its backend', async () => {
				const servers = backendServers(await haproxyConfig(context.lbUrl, context.dispatcher), backendName(nginxAppId, servicePort));
				return servers.some(s => s.address.endsWith(`:${victimPort}`)) ? undefined : Date.now() - startedAt;
			}, {timeoutMs: context.timeoutMs, pollMs: 20});
			// Awaited below; until then a timeout here must not go unheard.
			dropped.catch(() => undefined);
			const replacement = await waitFor('Marathon to start a replacement task on a new host port', async () => {
				const now = await context.marathon.getApp(nginxAppId);
				const fresh = (now.tasks ?? []).find(t => !before.has(t.ports?.[0]) && t.healthCheckResults?.some(r => r.alive));
				return fresh !== undefined && (now.tasksHealthy ?? 0) >= instances ? fresh : undefined;
			}, context);
			replacementPort = replacement.ports?.[0];
			context.print(`replacement ${replacement.id} runs on ${replacement.host}:${replacementPort ?? '?'}`);
			deadListedMs = await dropped;
			context.print(`HAProxy listed the dead container for ${deadListedMs} ms after the kill`);
			const servers = await waitForBackendsToMatch(context, nginxAppId, servicePort, instances);
			context.print(`HAProxy backend ${backendName(nginxAppId, servicePort)} now lists: ${servers.map(s => s.address).join(', ')}`);
		} finally {
			log = await prober.stop();
		}
		const healedMs = Date.now() - startedAt;
		context.print(`requests sent: ${log.total}, failed: ${log.failed}, outage: ${log.outageMs} ms, slowest request: ${log.slowestMs} ms, healed in ${healedMs} ms`);
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
				{name: 'slowest-request', value: log.slowestMs, unit: 'ms'},
				{name: 'dead-server-listed', value: deadListedMs, unit: 'ms'},
				{name: 'healed', value: healedMs, unit: 'ms'},
			],
		};
	},
};
