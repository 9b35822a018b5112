import {localized} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
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
			const result = await probeService(url, {...(context.dispatcher === undefined ? {} : {dispatcher: context.dispatcher}), timeoutMs: 5_000});
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
	title: localized('labFailoverTitle'),
	lessons: [
		localized('labFailoverLessons'),
		localized('labFailoverLessons2'),
		localized('labFailoverLessons3'),
	],
	app: nginxDockerExperiment.app,
	async run(context) {
		const {app, servicePort} = await ensureNginx(context);
		const instances = app.instances;
		const before = new Set((app.tasks ?? []).map(t => t.ports?.[0]));
		const victim = app.tasks?.[0];
		if (victim === undefined) {
			throw new ClusterError(localized('errHasNoTaskToKill', {nginxAppId}));
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
			await waitFor(localized('labWaitAnswersBeforeKill', {url}), async () => (prober.log.total - prober.log.failed >= 3 ? true : undefined), context);
			startedAt = Date.now();
			context.print(t(context.lang, 'labFailoverKilling', {taskId: victim.id, host: victim.host, port: String(victim.ports?.[0] ?? '?'), result: (await context.killTask(victim))[context.lang]}));
			const dropped = waitFor(localized('labWaitHaproxyDrops'), async () => {
				const servers = backendServers(await haproxyConfig(context.lbUrl, context.dispatcher), backendName(nginxAppId, servicePort));
				return servers.some(s => s.address.endsWith(`:${victimPort}`)) ? undefined : Date.now() - startedAt;
			}, {timeoutMs: context.timeoutMs, pollMs: 20});
			// Awaited below; until then a timeout here must not go unheard.
			dropped.catch(() => undefined);
			const replacement = await waitFor(localized('labWaitReplacementTask'), async () => {
				const now = await context.marathon.getApp(nginxAppId);
				const fresh = (now.tasks ?? []).find(t => !before.has(t.ports?.[0]) && t.healthCheckResults?.some(r => r.alive));
				return fresh !== undefined && (now.tasksHealthy ?? 0) >= instances ? fresh : undefined;
			}, context);
			replacementPort = replacement.ports?.[0];
			context.print(t(context.lang, 'labFailoverReplacement', {taskId: replacement.id, host: replacement.host, port: String(replacementPort ?? '?')}));
			deadListedMs = await dropped;
			context.print(t(context.lang, 'labFailoverDeadListed', {ms: String(deadListedMs)}));
			const servers = await waitForBackendsToMatch(context, nginxAppId, servicePort, instances);
			context.print(t(context.lang, 'labFailoverBackendLists', {backend: backendName(nginxAppId, servicePort), servers: servers.map(s => s.address).join(', ')}));
		} finally {
			log = await prober.stop();
		}
		const healedMs = Date.now() - startedAt;
		context.print(t(context.lang, 'labFailoverSummary', {total: String(log.total), failed: String(log.failed), outageMs: String(log.outageMs), slowestMs: String(log.slowestMs), healedMs: String(healedMs)}));
		return {
			id: 'failover',
			appId: nginxAppId,
			observations: [
				localized('labObsFailoverPorts', {killed: String(victimPort || '?'), replacement: String(replacementPort ?? '?')}),
				...(log.firstError ? [localized('labObsFirstFailure', {error: log.firstError})] : []),
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
