import {afterEach, describe, expect, it} from 'vitest';
import {MarathonApi} from '../../src/apps/marathon-api.js';
import {readMarathon} from '../../src/cluster/marathon-client.js';
import {followMarathonEvents} from '../../src/cluster/marathon-event-stream.js';
import type {ClusterEvent} from '../../src/cluster/cluster-event.js';
import {ClusterError, UserInputError} from '../../src/errors.js';
import {fixtureJson} from './helpers/fixtures.js';
import {sendJson, startServer, type TestServer} from './helpers/http-servers.js';

const servers: TestServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => server.close()));
});

async function take(stream: AsyncGenerator<ClusterEvent>, count: number): Promise<ClusterEvent[]> {
	const events: ClusterEvent[] = [];
	for await (const event of stream) {
		events.push(event);
		if (events.length === count) {
			break;
		}
	}
	return events;
}

describe('reading Marathon through any instance of the set', () => {
	it('marks the instance Marathon names as leader and reads apps and deployments', async () => {
		const leaderName = {value: ''};
		const handler = (url: string | undefined, response: Parameters<Parameters<typeof startServer>[0]>[1]): void => {
			if (url === '/v2/info') {
				sendJson(response, 200, {name: 'marathon', version: '1.4.8', elected: true, leader: leaderName.value});
			} else if (url?.startsWith('/v2/apps?')) {
				sendJson(response, 200, fixtureJson('marathon-apps.1.4-bridge.json'));
			} else if (url === '/v2/deployments') {
				sendJson(response, 200, [{id: 'd-9', affectedApps: ['/shop/web']}]);
			} else {
				response.writeHead(404).end();
			}
		};
		servers.push(await startServer((request, response) => handler(request.url, response)));
		servers.push(await startServer((request, response) => handler(request.url, response)));
		leaderName.value = servers[1]?.hostPort ?? '';
		const reading = await readMarathon(servers.map(server => server.url));
		expect(reading.leader).toBe(servers[1]?.hostPort);
		expect(reading.instances.map(instance => instance.role)).toEqual(['standby', 'leader']);
		expect(reading.apps.find(app => app.id === '/shop/web')?.deploymentInProgress).toBe(true);
		expect(servers[1]?.requests).toContain('GET /v2/apps?embed=apps.tasks&embed=apps.counts&embed=apps.deployments&embed=apps.lastTaskFailure');
	});

	it('fails with every instance’s reason when none answers', async () => {
		await expect(readMarathon(['http://127.0.0.1:24999'], {timeoutMs: 1_000})).rejects.toBeInstanceOf(ClusterError);
	});
});

describe('following the Marathon event stream', () => {
	it('follows a standby’s redirect to the leader and reconnects when the stream ends', async () => {
		let connections = 0;
		const leader = await startServer((request, response) => {
			connections++;
			expect(request.headers.accept).toBe('text/event-stream');
			response.writeHead(200, {'content-type': 'text/event-stream'});
			response.write('event: event_stream_attached\ndata: {"remoteAddress":"127.0.0.1","eventType":"event_stream_attached","timestamp":"t0"}\n\n');
			response.end(`event: status_update_event\ndata: {"eventType":"status_update_event","timestamp":"t${connections}","appId":"/web","taskId":"web.${connections}","taskStatus":"TASK_RUNNING","host":"a1","ports":[3100${connections}]}\n\n`);
		});
		const standby = await startServer((request, response) => {
			response.writeHead(302, {location: `${leader.url}${request.url ?? ''}`}).end();
		});
		servers.push(leader, standby);
		const controller = new AbortController();
		const stream = followMarathonEvents([standby.url], {backoff: {initialMs: 10, maxMs: 20}, signal: controller.signal});
		const events = await take(stream, 8);
		controller.abort();
		expect(events.map(event => event.type)).toEqual([
			'event-stream-connected', 'event_stream_attached', 'status_update_event', 'event-stream-lost',
			'event-stream-connected', 'event_stream_attached', 'status_update_event', 'event-stream-lost',
		]);
		expect(events[2]?.message).toBe('/web web.1 TASK_RUNNING on a1:31001');
		expect(events[6]?.taskId).toBe('web.2');
		expect(leader.requests[0]).toBe('GET /v2/events?plan-format=light');
	});

	it('moves on to the next instance when one is down', async () => {
		const live = await startServer((_request, response) => {
			response.writeHead(200, {'content-type': 'text/event-stream'});
			response.write('event: app_terminated_event\ndata: {"eventType":"app_terminated_event","appId":"/gone","timestamp":"t"}\n\n');
		});
		servers.push(live);
		const controller = new AbortController();
		const events = await take(followMarathonEvents(['http://127.0.0.1:24998', live.url], {backoff: {initialMs: 10, maxMs: 10}, signal: controller.signal}), 3);
		controller.abort();
		expect(events.map(event => event.type)).toEqual(['event-stream-lost', 'event-stream-connected', 'app_terminated_event']);
	});
});

describe('acting on apps through Marathon', () => {
	const v1 = '2026-11-30T10:00:00.000Z';
	const v2 = '2026-11-30T10:05:00.000Z';
	const v3 = '2026-11-30T10:09:00.000Z';

	it('scales, restarts, kills a task without scaling, and rolls back to the version before the current one', async () => {
		const bodies: string[] = [];
		const server = await startServer((request, response) => {
			let body = '';
			request.on('data', (chunk: Buffer) => {
				body += chunk.toString();
			});
			request.on('end', () => {
				bodies.push(body);
				if (request.url === '/v2/apps/shop/web?embed=app.tasks') {
					sendJson(response, 200, {app: {id: '/shop/web', instances: 3, version: v3}});
				} else if (request.url === '/v2/apps/shop/web/versions') {
					// The order Marathon lists versions in is not relied on.
					sendJson(response, 200, {versions: [v1, v3, v2]});
				} else if (request.url === `/v2/apps/shop/web/versions/${encodeURIComponent(v2)}`) {
					sendJson(response, 200, {id: '/shop/web', instances: 2, cmd: 'old', version: v2, versionInfo: {}, tasks: []});
				} else if (request.url?.startsWith('/v2/apps/shop/web/tasks/')) {
					sendJson(response, 200, {task: null});
				} else {
					sendJson(response, 200, {deploymentId: 'dep-1', version: v3});
				}
			});
		});
		servers.push(server);
		const marathon = new MarathonApi({urls: [server.url]});
		expect(await marathon.scale('/shop/web', 3)).toEqual({deploymentId: 'dep-1', version: v3});
		await marathon.restart('/shop/web', {force: true});
		await marathon.killTask('/shop/web', 'web.1');
		expect(await marathon.rollback('/shop/web')).toMatchObject({from: v3, to: v2, definition: {cmd: 'old'}});
		expect(server.requests).toEqual([
			'PUT /v2/apps/shop/web',
			'POST /v2/apps/shop/web/restart?force=true',
			'DELETE /v2/apps/shop/web/tasks/web.1',
			'GET /v2/apps/shop/web?embed=app.tasks',
			'GET /v2/apps/shop/web/versions',
			`GET /v2/apps/shop/web/versions/${encodeURIComponent(v2)}`,
			'PUT /v2/apps/shop/web',
		]);
		expect(JSON.parse(bodies[0] ?? '')).toEqual({instances: 3});
		expect(JSON.parse(bodies.at(-1) ?? '')).toEqual({version: v2});
	});

	it('explains a locked app and refuses a bad app id or instance count before sending anything', async () => {
		const server = await startServer((_request, response) => sendJson(response, 409, {message: 'App is locked by one or more deployments.'}));
		servers.push(server);
		const marathon = new MarathonApi({urls: [server.url]});
		await expect(marathon.scale('/web', 2)).rejects.toThrow(expect.objectContaining({hint: expect.stringContaining('--force')}));
		await expect(marathon.restart('../v2/leader')).rejects.toThrow(/not a Marathon app id/);
		await expect(marathon.scale('/web', -1)).rejects.toThrow(UserInputError);
		expect(server.requests).toEqual(['PUT /v2/apps/web']);
	});
});
