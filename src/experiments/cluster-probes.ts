import {localized} from '../i18n/localized.js';
import {request, type Dispatcher} from 'undici';
import {normaliseMesosState} from '../cluster/mesos-state.js';
import type {Task} from '../cluster/snapshot.js';
import {ClusterError, CredentialsRequiredError} from '../errors.js';

async function getText(url: string, dispatcher: Dispatcher | undefined, headers: Record<string, string> = {}, timeoutMs = 5_000): Promise<{status: number; text: string}> {
	const response = await request(url, {...(dispatcher === undefined ? {} : {dispatcher}), headers, headersTimeout: timeoutMs, bodyTimeout: timeoutMs});
	return {status: response.statusCode, text: await response.body.text()};
}

function withScheme(endpoint: string): string {
	return /^https?:\/\//.test(endpoint) ? endpoint.replace(/\/+$/, '') : `http://${endpoint}`;
}

/**
 * Tasks the leading Mesos master knows. The master names a command task's sandbox only for some
 * versions; where it does not, the task's agent is asked (its /state lists executor directories).
 */
export async function mesosTasks(mesosUrls: string[], dispatcher?: Dispatcher, authorization?: string): Promise<Task[]> {
	const {tasks, agents} = await mesosState(mesosUrls, dispatcher, authorization);
	const byAgent = new Map<string, Map<string, string>>();
	const located: Task[] = [];
	for (const task of tasks) {
		const agent = agents.find(a => a.id === task.agentId);
		if (task.sandbox !== undefined || agent === undefined) {
			located.push(task);
			continue;
		}
		const endpoint = `${agent.hostname}:${agent.port}`;
		let directories = byAgent.get(endpoint);
		if (directories === undefined) {
			directories = await agentSandboxes(endpoint, dispatcher, authorization).catch(() => new Map<string, string>());
			byAgent.set(endpoint, directories);
		}
		const directory = directories.get(task.id);
		located.push(directory === undefined ? task : {...task, sandbox: {agentEndpoint: endpoint, directory}});
	}
	return located;
}

/** Task id → sandbox directory, from an agent's /state. */
async function agentSandboxes(endpoint: string, dispatcher?: Dispatcher, authorization?: string): Promise<Map<string, string>> {
	const answer = await getText(`${withScheme(endpoint)}/state`, dispatcher, mesosHeaders(authorization));
	const state = JSON.parse(answer.text) as {frameworks?: Array<{executors?: Array<{id?: string; directory?: string; tasks?: Array<{id?: string}>}>}>};
	const directories = new Map<string, string>();
	for (const framework of state.frameworks ?? []) {
		for (const executor of framework.executors ?? []) {
			if (executor.directory === undefined) {
				continue;
			}
			for (const id of [executor.id, ...(executor.tasks ?? []).map(t => t.id)]) {
				if (id !== undefined) {
					directories.set(id, executor.directory);
				}
			}
		}
	}
	return directories;
}

/**
 * Headers for a Mesos master or agent: the credentials of a Mesos started with
 * --authenticate_http_readonly go to Mesos only, never to Marathon, marathon-lb or a task.
 */
export function mesosHeaders(authorization: string | undefined): Record<string, string> {
	return authorization === undefined ? {} : {authorization};
}

export async function mesosState(mesosUrls: string[], dispatcher?: Dispatcher, authorization?: string) {
	let lastError = '';
	for (const url of mesosUrls) {
		try {
			const answer = await getText(`${url.replace(/\/+$/, '')}/master/state`, dispatcher, mesosHeaders(authorization));
			if (answer.status === 200) {
				return normaliseMesosState(JSON.parse(answer.text));
			}
			lastError = `HTTP ${answer.status}`;
		} catch (error) {
			lastError = (error as Error).message;
		}
	}
	if (lastError === 'HTTP 401') {
		throw new CredentialsRequiredError(localized('errMesosNeedsCredentials'), {hint: localized('errMesosNeedsCredentialsHint')});
	}
	throw new ClusterError(localized('errNoMesosMasterAnsweredMasterState', {lastError}), {hint: localized('errNoMesosMasterAnsweredMasterStateHint')});
}

/** The tail of one file of a task's sandbox, through the agent's /files/read. */
export async function readSandboxFile(task: Task, file: 'stdout' | 'stderr', dispatcher?: Dispatcher, authorization?: string, length = 4096): Promise<string> {
	if (task.sandbox === undefined) {
		throw new ClusterError(localized('errMesosDidNotReportA', {id: task.id}), {hint: localized('errMesosDidNotReportAHint')});
	}
	const base = withScheme(task.sandbox.agentEndpoint);
	const path = `${task.sandbox.directory}/${file}`;
	const answer = await getText(`${base}/files/read?path=${encodeURIComponent(path)}&offset=0&length=${length}`, dispatcher, mesosHeaders(authorization));
	if (answer.status !== 200) {
		throw new ClusterError(localized('errTheAgentAtAnsweredFor', {agentEndpoint: task.sandbox.agentEndpoint, status: answer.status, path}));
	}
	const body = JSON.parse(answer.text) as {data?: string};
	return body.data ?? '';
}

export interface HaproxyServer {
	name: string;
	address: string;
}

/** The text of the config HAProxy runs with, from marathon-lb's /_haproxy_getconfig. */
export async function haproxyConfig(lbUrl: string, dispatcher?: Dispatcher): Promise<string> {
	const answer = await getText(`${lbUrl.replace(/\/+$/, '')}/_haproxy_getconfig`, dispatcher);
	if (answer.status !== 200) {
		throw new ClusterError(localized('errMarathonLbAnsweredForHaproxyGetconfig', {status: answer.status}), {hint: localized('errMarathonLbAnsweredForHaproxyGetconfigHint')});
	}
	return answer.text;
}

/** The `server` lines of one backend section of an HAProxy config. */
export function backendServers(config: string, backend: string): HaproxyServer[] {
	const servers: HaproxyServer[] = [];
	let inside = false;
	for (const raw of config.split('\n')) {
		const line = raw.trim();
		const section = /^(backend|frontend|listen|global|defaults)\s*(\S*)/.exec(line);
		if (section && !raw.startsWith(' ') && !raw.startsWith('\t')) {
			inside = section[1] === 'backend' && section[2] === backend;
			continue;
		}
		const server = /^server\s+(\S+)\s+(\S+)/.exec(line);
		if (inside && server?.[1] && server[2]) {
			servers.push({name: server[1], address: server[2]});
		}
	}
	return servers;
}

/** marathon-lb's backend name: the app id without its leading slash, `/` → `_`, then the service port. */
export function backendName(appId: string, servicePort: number): string {
	return `${appId.replace(/^\//, '').replaceAll('/', '_')}_${servicePort}`;
}

export type ProbeResult = {ok: true; status: number; body: string} | {ok: false; error: string};

/** One request to a service as a user would make it; failures are values. */
export async function probeService(url: string, options: {dispatcher?: Dispatcher; host?: string; timeoutMs?: number} = {}): Promise<ProbeResult> {
	try {
		const answer = await getText(url, options.dispatcher, options.host === undefined ? {} : {host: options.host}, options.timeoutMs ?? 2_000);
		return answer.status >= 200 && answer.status < 400
			? {ok: true, status: answer.status, body: answer.text}
			: {ok: false, error: `HTTP ${answer.status}`};
	} catch (error) {
		return {ok: false, error: (error as Error).message};
	}
}
