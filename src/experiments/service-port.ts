import type {MarathonApp, MarathonApi} from '../cluster/marathon-api.js';
import {ClusterError} from '../errors.js';
import type {Localized} from '../steps/step.js';

/**
 * The service port an app's first port holds, wherever the Marathon version keeps it: Docker port
 * mappings (1.4 `container.docker.portMappings`, 1.5+ `container.portMappings`), port definitions,
 * or the legacy `ports` list.
 */
export function assignedServicePort(app: MarathonApp): number | undefined {
	const candidates = [
		app.container?.portMappings?.[0]?.servicePort,
		app.container?.docker?.portMappings?.[0]?.servicePort,
		(app['portDefinitions'] as Array<{port?: number}> | undefined)?.[0]?.port,
		(app['ports'] as number[] | undefined)?.[0],
	];
	return candidates.find((port): port is number => typeof port === 'number' && port > 0);
}

/** Where the service port asked for came from: the user, the app already running, or nobody (0). */
export type PortRequest = {port: number; source: 'named' | 'kept'} | {port: 0; source: 'automatic'};

/**
 * The port to ask Marathon for: the one the user named; else the one the app already holds, so a
 * redeploy never moves a running service; else 0, which asks Marathon to pick a free one.
 */
export async function servicePortToRequest(marathon: Pick<MarathonApi, 'findApp'>, appId: string, requested: number): Promise<PortRequest> {
	if (requested !== 0) {
		return {port: requested, source: 'named'};
	}
	const existing = await marathon.findApp(appId);
	const held = existing === undefined ? undefined : assignedServicePort(existing);
	return held === undefined ? {port: 0, source: 'automatic'} : {port: held, source: 'kept'};
}

/** The port Marathon actually gave the app, read back after the deployment. */
export async function servicePortGiven(marathon: Pick<MarathonApi, 'getApp'>, appId: string): Promise<number> {
	const port = assignedServicePort(await marathon.getApp(appId));
	if (port === undefined) {
		throw new ClusterError(`Marathon reports no service port for ${appId}.`, {hint: `Look at the app's portMappings with: curl MARATHON/v2/apps${appId}`});
	}
	return port;
}

/** Said once the port is known, so the lesson names the real port rather than the tutorial's. */
export function servicePortLesson(appId: string, request: PortRequest, given: number): Localized {
	switch (request.source) {
		case 'automatic': {
			return {
				zh: `我们没有指定 servicePort（写成 0），Marathon 就从它的端口范围（--local_port_min 到 --local_port_max，默认 10000–20000）里挑了一个还没被其他 app 占用的端口：${appId} 的 servicePort 是 ${given}。marathon-lb 在这个端口上监听。`,
				en: `We left servicePort at 0, so Marathon picked one no other app holds from its range (--local_port_min to --local_port_max, 10000-20000 by default): ${appId} has servicePort ${given}. marathon-lb listens on that port.`,
			};
		}
		case 'kept': {
			return {
				zh: `${appId} 已经在运行，它的 servicePort 是 ${given}；重新部署时沿用这个端口，已经在用它的人不受影响。新的 app 如果写 servicePort 0，Marathon 会从 --local_port_min 到 --local_port_max（默认 10000–20000）里另挑一个空闲端口。`,
				en: `${appId} already runs and has servicePort ${given}; the redeploy keeps it, so whoever uses it is not disturbed. A new app with servicePort 0 gets another free port that Marathon picks from --local_port_min to --local_port_max (10000-20000 by default).`,
			};
		}
		case 'named': {
			return {
				zh: `${appId} 使用你指定的 servicePort ${given}。指定的端口必须没有被其他 app 占用，否则 Marathon 会拒绝部署；不指定（0）时 Marathon 会自动挑一个空闲端口。`,
				en: `${appId} uses the servicePort you named, ${given}. A named port must not be held by another app or Marathon refuses the deployment; leave it out (0) and Marathon picks a free one.`,
			};
		}
	}
}
