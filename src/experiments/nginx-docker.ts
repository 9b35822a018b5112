import {localized} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {buildDockerApp} from '../apps/app-definition.js';
import {followDeployment} from '../apps/deploy-flow.js';
import type {MarathonApp} from '../apps/marathon-api.js';
import {backendName, backendServers, haproxyConfig, probeService, type HaproxyServer} from './cluster-probes.js';
import type {Experiment, ExperimentContext} from './experiment.js';
import {servicePortGiven, servicePortLesson, servicePortToRequest} from './service-port.js';
import {waitFor} from './wait-for.js';

export const nginxAppId = '/nginx';

/**
 * The host ports marathon-lb should list for an app: one per running, healthy task. Ports, not
 * addresses, because marathon-lb writes the agent's IP where Marathon names its hostname.
 */
export function expectedPorts(app: MarathonApp): string[] {
	return (app.tasks ?? [])
		.filter(t => (t.state ?? 'TASK_RUNNING') === 'TASK_RUNNING' && (app.healthChecks?.length ? t.healthCheckResults?.some(r => r.alive) : true))
		.map(t => String(t.ports?.[0] ?? 0))
		.sort();
}

/** Waits until marathon-lb's running config lists exactly the app's healthy tasks. */
export async function waitForBackendsToMatch(context: ExperimentContext, appId: string, servicePort: number, instances: number): Promise<HaproxyServer[]> {
	return waitFor(localized('labWaitBackendHealthy', {backend: backendName(appId, servicePort), instances}), async () => {
		const app = await context.marathon.getApp(appId);
		const expected = expectedPorts(app);
		if (expected.length !== instances) {
			return undefined;
		}
		const servers = backendServers(await haproxyConfig(context.lbUrl, context.dispatcher), backendName(appId, servicePort));
		const listed = servers.map(s => s.address.split(':').pop() ?? '').sort();
		return listed.join(',') === expected.join(',') ? servers : undefined;
	}, context);
}

export function serviceUrl(context: Pick<ExperimentContext, 'serviceHost'>, port: number): string {
	return `http://${context.serviceHost}:${port}/`;
}

/**
 * Ensures the nginx app runs and HAProxy serves it; shared by the failover experiment. Returns the
 * service port Marathon actually gave it.
 */
export async function ensureNginx(context: ExperimentContext): Promise<{app: MarathonApp; servers: HaproxyServer[]; servicePort: number}> {
	const requested = await servicePortToRequest(context.marathon, nginxAppId, context.servicePort);
	const definition = nginxDockerExperiment.app({servicePort: requested.port});
	const deployed = await context.marathon.deploy(definition);
	await followDeployment(context.marathon, deployed, {appId: nginxAppId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print, lang: context.lang});
	const servicePort = await servicePortGiven(context.marathon, nginxAppId);
	context.print(`- ${servicePortLesson(nginxAppId, requested, servicePort)[context.lang]}`);
	const servers = await waitForBackendsToMatch(context, nginxAppId, servicePort, definition.instances ?? 2);
	return {app: await context.marathon.getApp(nginxAppId), servers, servicePort};
}

/** nginx in Docker behind marathon-lb, as in the tutorial. */
export const nginxDockerExperiment: Experiment = {
	id: 'nginx-docker',
	title: localized('labNginxDockerTitle'),
	lessons: [
		localized('labNginxDockerLessons'),
		localized('labNginxDockerLessons2'),
		localized('labNginxDockerLessons3'),
	],
	app: context => buildDockerApp({
		id: nginxAppId,
		image: 'nginx',
		instances: 2,
		servicePort: context.servicePort,
		healthPath: '/',
		group: 'docker-haproxy',
	}),
	async run(context) {
		const {servers, servicePort} = await ensureNginx(context);
		const observations = servers.map(s => localized('labObsBackendServer', {name: s.name, address: s.address}));
		context.print(t(context.lang, 'labNginxBackendFrom', {backend: backendName(nginxAppId, servicePort)}));
		for (const server of servers) {
			context.print(`  server ${server.name} ${server.address}`);
		}
		const url = serviceUrl(context, servicePort);
		const answer = await waitFor(localized('labWaitNginxAnswers', {url}), async () => {
			const probe = await probeService(url, {...(context.dispatcher === undefined ? {} : {dispatcher: context.dispatcher})});
			return probe.ok ? probe : undefined;
		}, context);
		context.print(`GET ${url} → ${answer.status}`);
		observations.push(localized('labObsServiceAnswered', {url, status: String(answer.status)}));
		return {id: 'nginx-docker', appId: nginxAppId, observations, measurements: []};
	},
};
