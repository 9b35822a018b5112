import {localized} from '../i18n/localized.js';
import {buildDockerApp} from '../apps/app-definition.js';
import {followDeployment} from '../apps/deploy-flow.js';
import {probeService} from './cluster-probes.js';
import type {Experiment} from './experiment.js';
import {waitForBackendsToMatch} from './nginx-docker.js';
import {servicePortGiven, servicePortLesson, servicePortToRequest} from './service-port.js';
import {waitFor} from './wait-for.js';

export const vhostAppId = '/nginx-vhost';
export const vhostName = 'nginx.lab.local';

/** Name-based routing on marathon-lb's shared port 80. */
export const virtualHostExperiment: Experiment = {
	id: 'virtual-host',
	title: localized('labVirtualHostTitle'),
	lessons: [
		localized('labVirtualHostLessons', {vhostName}),
		localized('labVirtualHostLessons2'),
	],
	app: context => buildDockerApp({
		id: vhostAppId,
		image: 'nginx',
		instances: 1,
		servicePort: context.servicePort,
		healthPath: '/',
		vhost: vhostName,
	}),
	async run(context) {
		// A port the user named is nginx's; this app takes the next one, or lets Marathon choose.
		const requested = await servicePortToRequest(context.marathon, vhostAppId, context.servicePort === 0 ? 0 : context.servicePort + 1);
		const definition = virtualHostExperiment.app({servicePort: requested.port});
		const deployed = await context.marathon.deploy(definition);
		await followDeployment(context.marathon, deployed, {appId: vhostAppId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print, lang: context.lang});
		const servicePort = await servicePortGiven(context.marathon, vhostAppId);
		context.print(`- ${servicePortLesson(vhostAppId, requested, servicePort)[context.lang]}`);
		await waitForBackendsToMatch(context, vhostAppId, servicePort, definition.instances ?? 1);
		const url = `http://${context.serviceHost}:${context.vhostPort}/`;
		const hit = await waitFor(localized('labWaitVhostAnswers', {url, vhost: vhostName}), async () => {
			const probe = await probeService(url, {...(context.dispatcher === undefined ? {} : {dispatcher: context.dispatcher}), host: vhostName});
			return probe.ok ? probe : undefined;
		}, context);
		const miss = await probeService(url, {...(context.dispatcher === undefined ? {} : {dispatcher: context.dispatcher}), host: 'unknown.lab.local'});
		const missText = miss.ok ? `${miss.status}` : miss.error;
		context.print(`GET ${url} Host: ${vhostName} → ${hit.status}`);
		context.print(`GET ${url} Host: unknown.lab.local → ${missText}`);
		return {
			id: 'virtual-host',
			appId: vhostAppId,
			observations: [localized('labObsVhostAnswered', {vhost: vhostName, status: String(hit.status)}), localized('labObsOtherHostAnswered', {answer: missText})],
			measurements: [],
		};
	},
};
