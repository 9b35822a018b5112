import type {IncomingMessage, ServerResponse} from 'node:http';
import {normalizeAppId} from './model/app-definition.js';
import type {ClusterModel} from './model/cluster-model.js';
import {SimApiError} from './model/sim-api-error.js';
import type {JsonObject, SimEvent} from './model/types.js';
import {isTrue, readJsonBody, sendError, sendJson, sendText, simulationHeader} from './http-util.js';
import {appJson, deploymentJson, infoJson, marathonTaskJson} from './render/marathon-json.js';

function leaderHeaders(model: ClusterModel, index: number): Record<string, string> {
	const leader = model.leadingMarathon();
	const self = model.marathons[index];
	const headers: Record<string, string> = {};
	if (leader) headers['X-Marathon-Leader'] = `http://${leader.hostname}:${leader.port}`;
	if (self && self.state === 'standby') headers['X-Marathon-Via'] = `1.1 ${self.hostname}:${self.port}`;
	return headers;
}

function streamEvents(model: ClusterModel, req: IncomingMessage, res: ServerResponse, url: URL): void {
	const accept = req.headers.accept ?? '';
	if (!accept.includes('text/event-stream')) {
		sendJson(res, 405, {message: 'Accept: text/event-stream is required'});
		return;
	}
	const wanted = new Set(url.searchParams.getAll('event_type'));
	res.writeHead(200, {...simulationHeader, ...leaderHeaders(model, 0), 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive'});
	const write = (eventType: string, data: JsonObject): void => {
		if (wanted.size > 0 && !wanted.has(eventType)) return;
		res.write(`event: ${eventType}\ndata: ${JSON.stringify(data)}\n\n`);
	};
	write('event_stream_attached', {remoteAddress: req.socket.remoteAddress ?? '127.0.0.1', eventType: 'event_stream_attached', timestamp: model.isoTime()});
	const unsubscribe = model.onEvent((event: SimEvent) => write(event.eventType, event.data));
	// Leadership moving away ends the stream, as a real Marathon drops its subscribers when it abdicates.
	const leader = model.leadingMarathon();
	const unwatch = model.onChange(() => {
		if (model.leadingMarathon() !== leader) res.end();
	});
	res.on('close', () => {
		unsubscribe();
		unwatch();
	});
}

const appSuffix = /^(.+?)\/(restart|tasks|versions)(?:\/([^/]+))?$/;

async function route(model: ClusterModel, req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>): Promise<void> {
	const method = req.method ?? 'GET';
	const path = url.pathname.replace(/\/+$/, '') || '/';
	const force = isTrue(url.searchParams.get('force'));
	const clientIp = req.socket.remoteAddress ?? '127.0.0.1';
	const embeds = new Set(url.searchParams.getAll('embed'));
	if (path === '/v2/info') return sendJson(res, 200, infoJson(model), headers);
	if (path === '/v2/leader') {
		const leader = model.leadingMarathon();
		return leader ? sendJson(res, 200, {leader: `${leader.hostname}:${leader.port}`}, headers) : sendJson(res, 404, {message: 'There is no leader'}, headers);
	}
	if (path === '/v2/events') return streamEvents(model, req, res, url);
	if (path === '/v2/apps' && method === 'GET') {
		const idFilter = url.searchParams.get('id');
		const label = url.searchParams.get('label');
		const apps = [...model.apps.keys()].sort()
			.filter(id => idFilter === null || id.includes(idFilter))
			.map(id => appJson(model, id, embeds))
			.filter(app => {
				if (label === null) return true;
				const [key, value] = label.split('==').map(s => s.trim());
				const labels = (app.labels ?? {}) as Record<string, string>;
				return key !== undefined && (value === undefined ? key in labels : labels[key] === value);
			});
		return sendJson(res, 200, {apps}, headers);
	}
	if (path === '/v2/apps' && method === 'POST') {
		const body = await readJsonBody(req);
		const {definition, deployment} = model.createApp(body, clientIp);
		return sendJson(res, 201, {...definition, tasksStaged: 0, tasksRunning: 0, tasksHealthy: 0, tasksUnhealthy: 0, tasks: [], deployments: [{id: deployment.id}]},
			{...headers, Location: String(definition.id), 'Marathon-Deployment-Id': deployment.id});
	}
	if (path === '/v2/tasks' && method === 'GET') {
		const status = url.searchParams.get('status');
		const tasks = model.liveTasks().filter(t => status === null || t.state === `TASK_${status.toUpperCase()}`);
		return sendJson(res, 200, {tasks: tasks.map(t => marathonTaskJson(model, t, true))}, headers);
	}
	if (path === '/v2/tasks/delete' && method === 'POST') {
		const body = await readJsonBody(req);
		const ids = Array.isArray(body.ids) ? body.ids.map(String) : [];
		const scale = isTrue(url.searchParams.get('scale'));
		const killed = ids.map(id => model.killTask(id, {scale}));
		return sendJson(res, 200, {tasks: killed.map(t => marathonTaskJson(model, t, false))}, headers);
	}
	if (path === '/v2/deployments' && method === 'GET') {
		return sendJson(res, 200, [...model.deployments.values()].map(d => deploymentJson(d)), headers);
	}
	const deploymentMatch = /^\/v2\/deployments\/([^/]+)$/.exec(path);
	if (deploymentMatch && method === 'DELETE') {
		const result = model.cancelDeployment(deploymentMatch[1] as string, {force});
		return result ? sendJson(res, 200, {...result}, {...headers, 'Marathon-Deployment-Id': result.deploymentId}) : sendJson(res, 202, {}, headers);
	}
	if (!path.startsWith('/v2/apps/')) return sendJson(res, 404, {message: `Unknown path ${path}`}, headers);

	const rest = path.slice('/v2/apps'.length);
	const sub = appSuffix.exec(rest);
	const appId = normalizeAppId(sub ? (sub[1] as string) : rest);
	const app = model.apps.get(appId);
	if (sub) {
		const [, , kind, arg] = sub;
		if (!app) throw new SimApiError(404, {message: `App '${appId}' does not exist`});
		if (kind === 'restart' && method === 'POST') {
			const result = model.restartApp(appId, {force});
			return sendJson(res, 200, {...result}, {...headers, 'Marathon-Deployment-Id': result.deploymentId});
		}
		if (kind === 'versions' && method === 'GET') {
			if (arg === undefined) return sendJson(res, 200, {versions: app.versions.map(v => v.version).reverse()}, headers);
			const stored = app.versions.find(v => v.version === decodeURIComponent(arg));
			if (!stored) throw new SimApiError(404, {message: `Version '${arg}' of app '${appId}' does not exist`});
			return sendJson(res, 200, model.withVersion(stored), headers);
		}
		if (kind === 'tasks' && method === 'GET') return sendJson(res, 200, {tasks: model.liveTasks(appId).map(t => marathonTaskJson(model, t, true))}, headers);
		if (kind === 'tasks' && method === 'DELETE') {
			const scale = isTrue(url.searchParams.get('scale'));
			const host = url.searchParams.get('host');
			const targets = arg === undefined ? model.liveTasks(appId).filter(t => host === null || model.agentOf(t)?.hostname === host) : [model.tasks.get(decodeURIComponent(arg))].filter(t => t !== undefined);
			if (arg !== undefined && targets.length === 0) throw new SimApiError(404, {message: `Task '${arg}' does not exist`});
			const killed = targets.map(t => model.killTask(t.id, {scale}));
			if (scale) {
				const version = model.currentVersion(appId).version;
				return sendJson(res, 200, {deploymentId: model.deploymentsFor(appId)[0]?.id ?? null, version}, headers);
			}
			const json = killed.map(t => marathonTaskJson(model, t, false));
			return sendJson(res, 200, arg === undefined ? {tasks: json} : {task: json[0] ?? null}, headers);
		}
		return sendJson(res, 405, {message: `${method} not allowed on ${path}`}, headers);
	}
	if (method === 'GET') {
		if (!app) throw new SimApiError(404, {message: `App '${appId}' does not exist`});
		const all = new Set(['apps.tasks', 'apps.lastTaskFailure', 'apps.counts', 'apps.deployments', ...[...embeds].map(e => e.replace(/^app\./, 'apps.'))]);
		return sendJson(res, 200, {app: appJson(model, appId, all)}, headers);
	}
	if (method === 'PUT') {
		const body = await readJsonBody(req);
		const result = model.updateApp(appId, body, {force, clientIp});
		return sendJson(res, result.created ? 201 : 200, {deploymentId: result.deploymentId, version: result.version}, {...headers, 'Marathon-Deployment-Id': result.deploymentId});
	}
	if (method === 'DELETE') {
		const result = model.deleteApp(appId);
		return sendJson(res, 200, {...result}, {...headers, 'Marathon-Deployment-Id': result.deploymentId});
	}
	return sendJson(res, 405, {message: `${method} not allowed on ${path}`}, headers);
}

/** One Marathon instance: the leader answers, a standby answers for it (as the proxy filter does) and redirects the event stream. */
export function handleMarathon(model: ClusterModel, index: number, req: IncomingMessage, res: ServerResponse): void {
	const url = new URL(req.url ?? '/', 'http://sim');
	const self = model.marathons[index];
	if (url.pathname === '/ping') {
		sendText(res, 200, 'pong');
		return;
	}
	const leader = model.leadingMarathon();
	const headers = leaderHeaders(model, index);
	if (!self || !leader) {
		sendJson(res, 503, {message: 'Could not determine the current leader'}, headers);
		return;
	}
	if (self.state === 'standby' && url.pathname === '/v2/events') {
		res.writeHead(302, {...simulationHeader, ...headers, Location: `http://${leader.hostname}:${leader.port}${url.pathname}${url.search}`});
		res.end();
		return;
	}
	route(model, req, res, url, headers).catch(error => sendError(res, error, headers));
}
