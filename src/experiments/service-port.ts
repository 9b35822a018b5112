import {localized} from '../i18n/localized.js';
import type {MarathonApp, MarathonApi} from '../apps/marathon-api.js';
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
		throw new ClusterError(localized('errMarathonReportsNoServicePort', {appId}), {hint: localized('errMarathonReportsNoServicePortHint', {appId})});
	}
	return port;
}

/** Said once the port is known, so the lesson names the real port rather than the tutorial's. */
export function servicePortLesson(appId: string, request: PortRequest, given: number): Localized {
	switch (request.source) {
		case 'automatic': {
			return localized('labServicePortLesson', {appId, given});
		}
		case 'kept': {
			return localized('labServicePortLesson2', {appId, given});
		}
		case 'named': {
			return localized('labServicePortLesson3', {appId, given});
		}
	}
}
