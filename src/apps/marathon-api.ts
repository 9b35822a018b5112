import type {Dispatcher} from 'undici';
import {ClusterError, ConnectionError, UserInputError} from '../errors.js';
import {localized, localizedBy} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {watchDeploymentEnd, type DeploymentVerdict} from './deployment-events.js';
import {fetchText, ResponseTooLargeError, type HttpAnswer} from '../cluster/http.js';
import {record, text} from '../cluster/json-input.js';

/** An app as Marathon answers it; only the fields mesos-lab reads are typed. */
export interface MarathonApp {
	id: string;
	instances: number;
	cmd?: string | null | undefined;
	cpus?: number | undefined;
	mem?: number | undefined;
	version?: string | undefined;
	container?: {type?: string | undefined; docker?: {image?: string | undefined; network?: string | undefined; portMappings?: PortMapping[] | undefined} | undefined; portMappings?: PortMapping[] | undefined} | null | undefined;
	labels?: Record<string, string> | undefined;
	healthChecks?: unknown[] | undefined;
	constraints?: string[][] | undefined;
	upgradeStrategy?: {minimumHealthCapacity: number; maximumOverCapacity: number} | undefined;
	tasksRunning?: number | undefined;
	tasksHealthy?: number | undefined;
	tasksStaged?: number | undefined;
	tasksUnhealthy?: number | undefined;
	deployments?: Array<{id: string}> | undefined;
	tasks?: MarathonTask[] | undefined;
	[key: string]: unknown;
}

export interface PortMapping {
	containerPort: number;
	hostPort?: number | undefined;
	servicePort?: number | undefined;
}

export interface MarathonTask {
	id: string;
	appId?: string;
	host: string;
	ports?: number[];
	state?: string;
	slaveId?: string;
	version?: string;
	healthCheckResults?: Array<{alive: boolean}>;
}

export interface MarathonDeployment {
	id: string;
	version?: string;
	affectedApps?: string[];
	currentStep?: number;
	totalSteps?: number;
	currentActions?: Array<{action: string; app?: string}>;
}

/** What Marathon answers to a change: the deployment that carries it out and the app version it leads to. */
export interface DeploymentRef {
	deploymentId: string;
	version: string;
}

export interface DeploymentProgress {
	deploymentId: string;
	step: number;
	totalSteps: number;
	actions: string[];
	running: number;
	healthy: number;
	instances: number;
}

export type DeploymentOutcome =
	| {kind: 'succeeded'; deploymentId: string; elapsedMs: number}
	| {kind: 'failed'; deploymentId: string; reason: string; elapsedMs: number}
	| {kind: 'timed-out'; deploymentId: string; elapsedMs: number};

export interface MarathonApiOptions {
	/** One or more Marathon endpoints; a standby forwards writes to the leader. */
	urls: string[];
	dispatcher?: Dispatcher;
	requestTimeoutMs?: number;
	/** Authorization header for a Marathon started with --http_credentials. */
	authorization?: string;
}

export interface WaitOptions {
	appId?: string | undefined;
	timeoutMs?: number | undefined;
	pollMs?: number | undefined;
	onProgress?: ((progress: DeploymentProgress) => void) | undefined;
	signal?: AbortSignal | undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** The path of an app; an id that would climb out of /v2/apps is refused before anything is sent. */
function appPath(id: string): string {
	const clean = id.replace(/^\/+/, '');
	if (clean === '' || clean.split('/').some(part => part === '' || part === '.' || part === '..')) {
		throw new UserInputError(localized('mwNotAnAppId', {id}), {hint: localized('mwNotAnAppIdHint')});
	}
	return `/v2/apps/${clean.split('/').map(encodeURIComponent).join('/')}`;
}

function forceQuery(force: boolean | undefined): string {
	return force === true ? '?force=true' : '';
}

/** A change's answer as a DeploymentRef; Marathon names both fields in every such answer. */
function deploymentRef(answer: unknown): DeploymentRef {
	const body = record(answer);
	return {deploymentId: text(body['deploymentId']), version: text(body['version'])};
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>(resolve => {
	const timer = setTimeout(resolve, ms);
	signal?.addEventListener('abort', () => {
		clearTimeout(timer);
		resolve();
	}, {once: true});
});

/**
 * The one client of Marathon's v2 app API, for `app` commands, the dashboard's actions and the
 * experiments: reads apps, deploys, scales, restarts, rolls back, deletes, kills tasks, and waits
 * for the deployments these start. The dashboard's normalised snapshot reads live in marathon-client.ts.
 */
export class MarathonApi {
	readonly #urls: string[];
	readonly #dispatcher: Dispatcher | undefined;
	readonly #timeoutMs: number;
	readonly #authorization: string | undefined;

	constructor(options: MarathonApiOptions) {
		if (options.urls.length === 0) {
			throw new UserInputError(localized('mwNoEndpoint'), {hint: localized('mwNoEndpointHint')});
		}
		this.#urls = options.urls.map(url => url.replace(/\/+$/, ''));
		this.#dispatcher = options.dispatcher;
		this.#timeoutMs = options.requestTimeoutMs ?? 10_000;
		this.#authorization = options.authorization;
	}

	/** The endpoints tried in order, as given. */
	get urls(): readonly string[] {
		return this.#urls;
	}

	/** One request, tried on each endpoint in turn; every answer has a deadline and a size limit (`fetchText`). */
	async #call<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<{status: number; body: T}> {
		let lastError: unknown;
		for (const base of this.#urls) {
			let response: HttpAnswer;
			try {
				response = await fetchText(`${base}${path}`, {dispatcher: this.#dispatcher, timeoutMs: this.#timeoutMs, ...(signal ? {signal} : {}), ...(this.#authorization === undefined ? {} : {authorization: this.#authorization})}, {
					method,
					headers: {accept: 'application/json', ...(body === undefined ? {} : {'content-type': 'application/json'})},
					...(body === undefined ? {} : {body: JSON.stringify(body)}),
				});
			} catch (error) {
				if (error instanceof ResponseTooLargeError || signal?.aborted) {
					throw error;
				}
				lastError = error;
				continue;
			}
			const text = response.body;
			const status = response.status;
			let parsed: unknown = undefined;
			if (text.length > 0) {
				try {
					parsed = JSON.parse(text);
				} catch {
					parsed = {message: text.slice(0, 200)};
				}
			}
			if (status >= 200 && status < 300) {
				return {status, body: parsed as T};
			}
			throw this.#errorFor(method, path, status, parsed);
		}
		throw new ConnectionError(localizedBy('mwNoAnswer', language => [{urls: this.#urls.join(', '), detail: (lastError as Error | undefined)?.message ?? t(language, 'mwNoAnswerDetail')}]), {
			hint: localized('mwNoAnswerHint'),
			cause: lastError,
		});
	}

	#errorFor(method: Method, path: string, status: number, body: unknown): Error {
		const message = typeof body === 'object' && body !== null && 'message' in body ? String((body as {message: unknown}).message) : `HTTP ${status}`;
		const details = typeof body === 'object' && body !== null && 'details' in body && Array.isArray((body as {details: unknown}).details)
			? (body as {details: Array<{path?: string; errors?: string[]}>}).details.map(d => `${d.path ?? ''}: ${(d.errors ?? []).join(', ')}`).join('; ')
			: '';
		const what = `${method} ${path}`;
		switch (status) {
			case 404:
				return new UserInputError(localized('mwSays', {message}), {hint: localized('mwListAppsHint')});
			case 409:
				return new ClusterError(localized('mwRefused', {what, message}), {hint: localized('mwLockedHint')});
			case 400:
			case 422:
				return new UserInputError(localized('mwRejected', {message, details: details ? ` (${details})` : ''}), {
					hint: /service ?port/i.test(`${message} ${details}`) ? localized('mwServicePortTakenHint') : localized('mwFixFieldHint'),
				});
			case 401:
			case 403:
				return new ClusterError(localized('mwRefused', {what, message}), {hint: localized('mwCredentialsHint')});
			default:
				return new ClusterError(localized('mwAnswered', {status: String(status), what, message}), {hint: localized('mwAnsweredHint')});
		}
	}

	async listApps(): Promise<MarathonApp[]> {
		const {body} = await this.#call<{apps: MarathonApp[]}>('GET', '/v2/apps?embed=apps.tasks');
		return body.apps;
	}

	async getApp(id: string, signal?: AbortSignal): Promise<MarathonApp> {
		const {body} = await this.#call<{app: MarathonApp}>('GET', `${appPath(id)}?embed=app.tasks`, undefined, signal);
		return body.app;
	}

	async findApp(id: string, signal?: AbortSignal): Promise<MarathonApp | undefined> {
		try {
			return await this.getApp(id, signal);
		} catch (error) {
			if (error instanceof UserInputError) {
				return undefined;
			}
			throw error;
		}
	}

	/** Creates the app, or replaces its definition when it exists already. */
	async deploy(app: {id: string} & Record<string, unknown>, options: {force?: boolean} = {}): Promise<DeploymentRef & {created: boolean}> {
		const existing = await this.findApp(app.id);
		if (existing === undefined) {
			const {body} = await this.#call<MarathonApp>('POST', '/v2/apps', app);
			const deploymentId = body.deployments?.[0]?.id;
			if (deploymentId === undefined) {
				throw new ClusterError(localized('mwNoDeployment', {id: app.id}), {hint: localized('mwCheckAppHint')});
			}
			return {deploymentId, version: body.version ?? '', created: true};
		}
		const body: Record<string, unknown> = {...app};
		delete body['id'];
		delete body['version'];
		return {...await this.#put(app.id, body, options.force), created: false};
	}

	async #put(id: string, body: unknown, force: boolean | undefined): Promise<DeploymentRef> {
		const {body: answer} = await this.#call<unknown>('PUT', `${appPath(id)}${forceQuery(force)}`, body);
		return deploymentRef(answer);
	}

	async scale(id: string, instances: number, options: {force?: boolean} = {}): Promise<DeploymentRef> {
		if (!Number.isInteger(instances) || instances < 0) {
			throw new UserInputError(localized('mwCannotScale', {id, instances: String(instances)}), {hint: localized('mwCannotScaleHint')});
		}
		return this.#put(id, {instances}, options.force);
	}

	async update(id: string, changes: Record<string, unknown>, options: {force?: boolean} = {}): Promise<DeploymentRef> {
		return this.#put(id, changes, options.force);
	}

	async restart(id: string, options: {force?: boolean} = {}): Promise<DeploymentRef> {
		const {body} = await this.#call<unknown>('POST', `${appPath(id)}/restart${forceQuery(options.force)}`);
		return deploymentRef(body);
	}

	/** Stored versions, newest first whatever order this Marathon lists them in. */
	async versions(id: string): Promise<string[]> {
		const {body} = await this.#call<{versions: string[]}>('GET', `${appPath(id)}/versions`);
		return [...body.versions].sort((a, b) => Date.parse(b) - Date.parse(a));
	}

	async getVersion(id: string, version: string): Promise<MarathonApp> {
		const {body} = await this.#call<MarathonApp>('GET', `${appPath(id)}/versions/${encodeURIComponent(version)}`);
		return body;
	}

	/**
	 * Puts an earlier definition back: without `to`, the newest stored version older than the
	 * current one. Marathon's documented rollback is a PUT whose body names only `version`: it
	 * ignores every other field and records that stored definition as a new version (404 for an
	 * unknown one), so no read-only field of the stored answer is ever sent back.
	 */
	async rollback(id: string, options: {to?: string | undefined; force?: boolean} = {}): Promise<DeploymentRef & {from: string; to: string; definition: MarathonApp}> {
		const app = await this.getApp(id);
		const versions = await this.versions(id);
		const current = app.version ?? versions[0];
		const target = options.to ?? versions.find(v => v !== current && Date.parse(v) < Date.parse(current ?? ''));
		if (target === undefined) {
			throw new UserInputError(current === undefined ? localized('mwNoVersionBeforeCurrent', {id}) : localized('mwNoVersionBefore', {id, current}), {hint: localized('mwVersionsHint', {id})});
		}
		if (!versions.includes(target)) {
			throw new UserInputError(localized('mwNoSuchVersion', {id, target}), {hint: localized('mwVersionsHint', {id})});
		}
		const definition = await this.getVersion(id, target);
		const ref = await this.#put(id, {version: target}, options.force);
		return {...ref, from: current ?? '', to: target, definition};
	}

	async deleteApp(id: string, options: {force?: boolean} = {}): Promise<DeploymentRef> {
		const {body} = await this.#call<unknown>('DELETE', `${appPath(id)}${forceQuery(options.force)}`);
		return deploymentRef(body);
	}

	/** Kills one task; Marathon starts a replacement unless `scale` shrinks the app by one. */
	async killTask(appId: string, taskId: string, options: {scale?: boolean} = {}): Promise<void> {
		await this.#call('DELETE', `${appPath(appId)}/tasks/${encodeURIComponent(taskId)}${options.scale ? '?scale=true' : ''}`);
	}

	async deployments(signal?: AbortSignal): Promise<MarathonDeployment[]> {
		const {body} = await this.#call<MarathonDeployment[]>('GET', '/v2/deployments', undefined, signal);
		return body;
	}

	/**
	 * Waits until Marathon no longer lists the deployment. A deployment that vanished while the app
	 * still lacks its instances, or that was replaced by a reverting one, counts as failed.
	 */
	async waitForDeployment(ref: DeploymentRef, options: WaitOptions = {}): Promise<DeploymentOutcome> {
		const started = Date.now();
		const timeoutMs = options.timeoutMs ?? 300_000;
		const pollMs = options.pollMs ?? 500;
		const watcher = watchDeploymentEnd({url: this.#urls[0] ?? '', deploymentId: ref.deploymentId, dispatcher: this.#dispatcher, authorization: this.#authorization});
		// The wait ends at its deadline even in the middle of a slow request.
		const deadline = AbortSignal.timeout(timeoutMs);
		try {
			return await this.#poll(ref, {...options, signal: options.signal ? AbortSignal.any([options.signal, deadline]) : deadline}, started, timeoutMs, pollMs, watcher);
		} catch (error) {
			if (deadline.aborted) {
				return {kind: 'timed-out', deploymentId: ref.deploymentId, elapsedMs: Date.now() - started};
			}
			throw error;
		} finally {
			watcher.close();
		}
	}

	async #poll(ref: DeploymentRef, options: WaitOptions, started: number, timeoutMs: number, pollMs: number, watcher: {verdict: () => DeploymentVerdict | undefined; attached: () => boolean}): Promise<DeploymentOutcome> {
		const verdict = watcher.verdict;
		for (;;) {
			const elapsedMs = Date.now() - started;
			const heard = verdict();
			if (heard?.kind === 'failed') {
				return {kind: 'failed', deploymentId: ref.deploymentId, reason: heard.reason ?? 'deployment_failed', elapsedMs};
			}
			const all = await this.deployments(options.signal);
			const mine = all.find(d => d.id === ref.deploymentId);
			const app = options.appId === undefined ? undefined : await this.findApp(options.appId, options.signal);
			if (mine === undefined) {
				// The event that says how it ended may arrive just after the deployment leaves the list.
				const settleBy = Date.now() + 2_000;
				while (verdict() === undefined && watcher.attached() && Date.now() < settleBy) {
					await sleep(20, options.signal);
				}
				const late = verdict();
				if (late?.kind === 'failed') {
					return {kind: 'failed', deploymentId: ref.deploymentId, reason: late.reason ?? 'deployment_failed', elapsedMs};
				}
				return this.#settle(ref, app, elapsedMs);
			}
			options.onProgress?.({
				deploymentId: ref.deploymentId,
				step: mine.currentStep ?? 0,
				totalSteps: mine.totalSteps ?? 0,
				actions: (mine.currentActions ?? []).map(a => a.action),
				running: app?.tasksRunning ?? 0,
				healthy: app?.tasksHealthy ?? 0,
				instances: app?.instances ?? 0,
			});
			if (elapsedMs >= timeoutMs || options.signal?.aborted) {
				return {kind: 'timed-out', deploymentId: ref.deploymentId, elapsedMs};
			}
			await sleep(pollMs, options.signal);
		}
	}

	#settle(ref: DeploymentRef, app: MarathonApp | undefined, elapsedMs: number): DeploymentOutcome {
		if (app !== undefined && ref.version !== '' && app.version !== undefined && Date.parse(app.version) < Date.parse(ref.version)) {
			return {kind: 'failed', deploymentId: ref.deploymentId, reason: `deployment_failed: Marathon reverted ${app.id} to version ${app.version}`, elapsedMs};
		}
		return {kind: 'succeeded', deploymentId: ref.deploymentId, elapsedMs};
	}
}

/** The Docker image of an app as Marathon answers it, in either networking shape. */
export function imageOf(app: MarathonApp): string | undefined {
	return app.container?.docker?.image ?? undefined;
}

/** Port mappings in either the 1.4 (`docker.portMappings`) or 1.5 (`container.portMappings`) shape. */
export function portMappingsOf(app: MarathonApp): PortMapping[] {
	return app.container?.docker?.portMappings ?? app.container?.portMappings ?? [];
}
