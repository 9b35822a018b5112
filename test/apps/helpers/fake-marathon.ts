import {createServer, type IncomingMessage, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	body: unknown;
}

interface StoredApp {
	versions: Array<{version: string; definition: Record<string, unknown>}>;
}

/**
 * A small stand-in for Marathon's write API, for the client's edge cases: every deployment stays
 * listed for `deploymentPolls` polls of /v2/deployments, then ends as `outcome` says.
 */
export async function startFakeMarathon(options: {deploymentPolls?: number} = {}) {
	const requests: RecordedRequest[] = [];
	const apps = new Map<string, StoredApp>();
	const deployments = new Map<string, {id: string; appId: string; polls: number; version: string}>();
	const sseClients = new Set<ServerResponse>();
	const state = {outcome: 'success' as 'success' | 'failed' | 'never', locked: false, clock: Date.parse('2026-01-01T00:00:00.000Z'), next: 0};
	const nextVersion = () => new Date(state.clock += 60_000).toISOString();

	const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
		res.writeHead(status, {'content-type': 'application/json', ...headers});
		res.end(JSON.stringify(body));
	};
	const startDeployment = (appId: string, version: string) => {
		const id = `d-${++state.next}`;
		deployments.set(id, {id, appId, polls: options.deploymentPolls ?? 2, version});
		return id;
	};
	const current = (appId: string) => {
		const app = apps.get(appId);
		const latest = app?.versions.at(-1);
		if (app === undefined || latest === undefined) {
			return undefined;
		}
		const instances = Number(latest.definition['instances'] ?? 1);
		return {...latest.definition, id: appId, version: latest.version, tasksRunning: instances, tasksHealthy: 0, deployments: [...deployments.values()].filter(d => d.appId === appId).map(d => ({id: d.id}))};
	};

	const handle = async (req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		for await (const chunk of req) {
			chunks.push(chunk as Buffer);
		}
		const text = Buffer.concat(chunks).toString('utf8');
		const url = new URL(req.url ?? '/', 'http://x');
		const body = text ? JSON.parse(text) as Record<string, unknown> : undefined;
		if (url.pathname !== '/v2/events') {
			requests.push({method: req.method ?? '', path: `${url.pathname}${url.search}`, body});
		}
		const appMatch = /^\/v2\/apps\/(.+?)(\/versions(?:\/(.+))?|\/restart)?$/.exec(url.pathname);
		if (url.pathname === '/v2/events') {
			res.writeHead(200, {'content-type': 'text/event-stream'});
			res.write('event: event_stream_attached\ndata: {"eventType":"event_stream_attached","remoteAddress":"127.0.0.1"}\n\n');
			sseClients.add(res);
			req.on('close', () => sseClients.delete(res));
			return;
		}
		if (url.pathname === '/v2/deployments') {
			const listed = [...deployments.values()];
			for (const d of listed) {
				if (state.outcome !== 'never' && --d.polls < 0) {
					deployments.delete(d.id);
					const eventType = state.outcome === 'failed' ? 'deployment_failed' : 'deployment_success';
					for (const client of sseClients) {
						client.write(`event: ${eventType}\ndata: ${JSON.stringify({eventType, id: d.id, reason: state.outcome === 'failed' ? 'image pull failed' : undefined})}\n\n`);
					}
				}
			}
			send(res, 200, [...deployments.values()].map(d => ({id: d.id, version: d.version, affectedApps: [d.appId], currentStep: 1, totalSteps: 1, currentActions: [{action: 'ScaleApplication', app: d.appId}]})));
			return;
		}
		if (url.pathname === '/v2/apps' && req.method === 'GET') {
			send(res, 200, {apps: [...apps.keys()].map(current)});
			return;
		}
		if (url.pathname === '/v2/apps' && req.method === 'POST') {
			const id = String(body?.['id']);
			if (id.includes('bad')) {
				send(res, 422, {message: 'Object is not valid', details: [{path: '/mem', errors: ['must be positive']}]});
				return;
			}
			const version = nextVersion();
			apps.set(id, {versions: [{version, definition: {...body}}]});
			send(res, 201, {...current(id), deployments: [{id: startDeployment(id, version)}]});
			return;
		}
		if (appMatch) {
			const id = `/${decodeURIComponent(appMatch[1] ?? '')}`;
			const app = apps.get(id);
			if (app === undefined) {
				send(res, 404, {message: `App '${id}' does not exist`});
				return;
			}
			if (appMatch[2]?.startsWith('/versions')) {
				const wanted = appMatch[3];
				if (wanted === undefined) {
					send(res, 200, {versions: app.versions.map(v => v.version).reverse()});
					return;
				}
				const found = app.versions.find(v => v.version === decodeURIComponent(wanted));
				send(res, found ? 200 : 404, found ? {...found.definition, id, version: found.version} : {message: 'no such version'});
				return;
			}
			if (req.method === 'GET') {
				send(res, 200, {app: current(id)});
				return;
			}
			if (state.locked && url.searchParams.get('force') !== 'true') {
				send(res, 409, {message: 'App is locked by one or more deployments.', deployments: [{id: 'd-lock'}]});
				return;
			}
			const version = nextVersion();
			if (req.method === 'DELETE') {
				apps.delete(id);
			} else if (appMatch[2] === '/restart') {
				app.versions.push({version, definition: {...app.versions.at(-1)?.definition}});
			} else if (typeof body?.['version'] === 'string') {
				// A body naming `version` rolls back: the rest is ignored, the stored definition becomes a new
				// version, and an unknown version is a 404 (Marathon's AppsResource_update.md, "version rollback").
				const stored = app.versions.find(v => v.version === body['version']);
				if (stored === undefined) {
					send(res, 404, {message: `Version '${String(body['version'])}' of app '${id}' does not exist`});
					return;
				}
				app.versions.push({version, definition: {...stored.definition}});
			} else {
				app.versions.push({version, definition: {...app.versions.at(-1)?.definition, ...body}});
			}
			send(res, 200, {deploymentId: startDeployment(id, version), version});
			return;
		}
		send(res, 404, {message: 'unknown path'});
	};

	const server = createServer((req, res) => {
		handle(req, res).catch(error => send(res, 500, {message: String(error)}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		apps,
		state,
		stop: async () => {
			for (const client of sseClients) {
				client.end();
			}
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}
