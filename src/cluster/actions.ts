import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';
import {fetchText, joinUrl, parseJsonBody, statusError, type HttpOptions} from './http.js';
import {record, text} from './json-input.js';

/** What Marathon answers to a change: the deployment that carries it out and the new app version. */
export interface DeploymentRef {
	deploymentId: string;
	version: string;
}

export interface ActionOptions {
	/** Override a deployment that holds the app (`?force=true`). */
	force?: boolean;
}

/** Fields Marathon writes into an app answer that a PUT must not send back. */
const readOnlyAppFields = ['version', 'versionInfo', 'tasks', 'tasksStaged', 'tasksRunning', 'tasksHealthy', 'tasksUnhealthy', 'deployments', 'lastTaskFailure', 'taskStats', 'readinessCheckResults', 'uris'];

/**
 * The changes a user can make to a running cluster through Marathon. `baseUrl` is any Marathon of the
 * set (a standby proxies to the leader). Every call throws ClusterError with a hint on failure.
 */
export class MarathonActions {
	readonly #baseUrl: string;
	readonly #http: HttpOptions;

	constructor(baseUrl: string, http: HttpOptions = {}) {
		this.#baseUrl = baseUrl;
		this.#http = http;
	}

	async scaleApp(appId: string, instances: number, options: ActionOptions = {}): Promise<DeploymentRef> {
		if (!Number.isInteger(instances) || instances < 0) {
			throw new ClusterError(localized('errCannotScaleToInstances', {appId, instances}), {hint: localized('errCannotScaleToInstancesHint')});
		}
		return this.#deploy('PUT', `${appPath(appId)}${forceQuery(options)}`, {instances});
	}

	async restartApp(appId: string, options: ActionOptions = {}): Promise<DeploymentRef> {
		return this.#deploy('POST', `${appPath(appId)}/restart${forceQuery(options)}`, {});
	}

	/** Kills one task; Marathon starts a replacement unless `scale` shrinks the app by one. */
	async killTask(appId: string, taskId: string, options: {scale?: boolean; wipe?: boolean} = {}): Promise<void> {
		const query = `?scale=${options.scale === true}${options.wipe ? '&wipe=true' : ''}`;
		await this.#call('DELETE', `${appPath(appId)}/tasks/${encodeURIComponent(taskId)}${query}`);
	}

	/** Kills several tasks of any apps in one call. */
	async killTasks(taskIds: string[], options: {scale?: boolean} = {}): Promise<void> {
		await this.#call('POST', `/v2/tasks/delete?scale=${options.scale === true}`, {ids: taskIds});
	}

	/** Stored versions of the app, newest first, as Marathon lists them. */
	async listAppVersions(appId: string): Promise<string[]> {
		const body = record(await this.#call('GET', `${appPath(appId)}/versions`));
		return (Array.isArray(body.versions) ? body.versions : []).map(version => text(version));
	}

	async appVersion(appId: string, version: string): Promise<Record<string, unknown>> {
		return record(await this.#call('GET', `${appPath(appId)}/versions/${encodeURIComponent(version)}`));
	}

	/** Puts the definition the app had at `version` back in place; Marathon records it as a new version. */
	async rollbackApp(appId: string, version: string, options: ActionOptions = {}): Promise<DeploymentRef> {
		const definition = await this.appVersion(appId, version);
		const body: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(definition)) {
			if (!readOnlyAppFields.includes(key)) {
				body[key] = value;
			}
		}
		return this.#deploy('PUT', `${appPath(appId)}${forceQuery(options)}`, body);
	}

	async #deploy(method: 'PUT' | 'POST', path: string, body: unknown): Promise<DeploymentRef> {
		const answer = record(await this.#call(method, path, body));
		return {deploymentId: text(answer.deploymentId), version: text(answer.version)};
	}

	async #call(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
		const url = joinUrl(this.#baseUrl, path);
		const answer = await fetchText(url, this.#http, {
			method,
			headers: {accept: 'application/json', ...(body === undefined ? {} : {'content-type': 'application/json'})},
			...(body === undefined ? {} : {body: JSON.stringify(body)}),
		});
		if (answer.status === 409) {
			throw new ClusterError(localized('errTheAppIsLockedBy', {method, path}), {hint: localized('errTheAppIsLockedByHint')});
		}
		if (answer.status < 200 || answer.status >= 300) {
			throw statusError(answer);
		}
		return answer.body.trim() === '' ? {} : parseJsonBody(answer.body, url);
	}
}

function appPath(appId: string): string {
	const clean = appId.replace(/^\/+/, '');
	if (clean === '' || clean.split('/').some(part => part === '' || part === '.' || part === '..')) {
		throw new ClusterError(localized('errIsNotAMarathon', {appId}), {hint: localized('errIsNotAMarathonHint')});
	}
	return `/v2/apps/${clean.split('/').map(encodeURIComponent).join('/')}`;
}

function forceQuery(options: ActionOptions): string {
	return options.force ? '?force=true' : '';
}
