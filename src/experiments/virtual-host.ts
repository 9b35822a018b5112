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
	title: {zh: '实验四：用虚拟主机名访问应用', en: 'Experiment 4: reach an app by virtual host name'},
	lessons: [
		{
			zh: `给应用加上标签 HAPROXY_0_VHOST=${vhostName}，marathon-lb 会在共享的 80 端口前端里加一条规则：请求头 Host 等于这个名字的请求转发给该应用。这和 nginx 的虚拟主机是一回事。`,
			en: `With the label HAPROXY_0_VHOST=${vhostName}, marathon-lb adds a rule to its shared port-80 frontend: requests whose Host header is that name go to this app, just like an nginx virtual host.`,
		},
		{
			zh: '有了虚拟主机，多个应用可以共用 80 端口，用户只需记住域名；原来的 service port 依然可以访问。Host 不匹配的请求得不到这个应用。',
			en: 'Many apps can then share port 80 and users remember names, not ports; the servicePort still works too. A request with another Host does not reach the app.',
		},
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
		await followDeployment(context.marathon, deployed, {appId: vhostAppId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print});
		const servicePort = await servicePortGiven(context.marathon, vhostAppId);
		context.print(`- ${servicePortLesson(vhostAppId, requested, servicePort)[context.lang]}`);
		await waitForBackendsToMatch(context, vhostAppId, servicePort, definition.instances ?? 1);
		const url = `http://${context.serviceHost}:${context.vhostPort}/`;
		const hit = await waitFor(`${url} with Host: ${vhostName} to answer`, async () => {
			const probe = await probeService(url, {dispatcher: context.dispatcher, host: vhostName});
			return probe.ok ? probe : undefined;
		}, context);
		const miss = await probeService(url, {dispatcher: context.dispatcher, host: 'unknown.lab.local'});
		const missText = miss.ok ? `${miss.status}` : miss.error;
		context.print(`GET ${url} Host: ${vhostName} → ${hit.status}`);
		context.print(`GET ${url} Host: unknown.lab.local → ${missText}`);
		return {
			id: 'virtual-host',
			appId: vhostAppId,
			observations: [`vhost ${vhostName} answered ${hit.status}`, `other host answered ${missText}`],
			measurements: [],
		};
	},
};
