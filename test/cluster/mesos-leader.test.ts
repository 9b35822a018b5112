import {afterEach, describe, expect, it} from 'vitest';
import {ClusterError} from '../../src/errors.js';
import {fetchJson} from '../../src/cluster/http.js';
import {findMesosLeader, readMesos} from '../../src/cluster/mesos-client.js';
import {sendJson, startServer, type TestServer} from './helpers/http-servers.js';

/** Three masters; `leader.index` says which one leads right now, the others redirect to it. */
async function startMasters(leader: {index: number | null}, options: {metrics?: boolean} = {}): Promise<TestServer[]> {
	const masters: TestServer[] = [];
	for (let index = 0; index < 3; index++) {
		masters.push(await startServer((request, response, self) => {
			const leads = leader.index === index;
			const leaderHostPort = leader.index === null ? undefined : masters[leader.index]?.hostPort;
			if (request.url === '/metrics/snapshot') {
				if (options.metrics === false) {
					response.writeHead(404).end();
					return;
				}
				sendJson(response, 200, {'master/elected': leads ? 1 : 0});
			} else if (request.url?.startsWith('/master/')) {
				if (leads) {
					sendJson(response, 200, {version: '1.4.3', leader_info: {hostname: '127.0.0.1', port: Number(self.hostPort.split(':')[1])}, slaves: [{id: 's0', hostname: 'a1'}], frameworks: []});
				} else if (leaderHostPort) {
					response.writeHead(307, {location: `//${leaderHostPort}${request.url === '/master/redirect' ? '' : request.url}`}).end();
				} else {
					response.writeHead(503).end('No leader elected');
				}
			} else {
				response.writeHead(404).end();
			}
		}));
	}
	return masters;
}

describe('finding the leading Mesos master', () => {
	let masters: TestServer[] = [];
	afterEach(async () => {
		await Promise.all(masters.map(master => master.close()));
		masters = [];
	});

	it('asks each master whether it is elected and reads the state from the leader', async () => {
		const leader = {index: 1};
		masters = await startMasters(leader);
		const reading = await readMesos(masters.map(master => master.url));
		expect(reading.leader).toBe(masters[1]?.hostPort);
		expect(reading.masters.map(master => master.role)).toEqual(['standby', 'leader', 'standby']);
		expect(reading.agents.map(agent => agent.hostname)).toEqual(['a1']);
	});

	it('follows the scheme-less 307 when the metrics endpoint does not help', async () => {
		const leader = {index: 2};
		masters = await startMasters(leader, {metrics: false});
		const found = await findMesosLeader(masters.map(master => master.url), {});
		expect(found.leaderUrl).toBe(masters[2]?.url);
	});

	it('follows the new leader after a failover', async () => {
		const leader = {index: 0};
		masters = await startMasters(leader);
		const urls = masters.map(master => master.url);
		expect((await readMesos(urls)).leader).toBe(masters[0]?.hostPort);
		leader.index = 2;
		expect((await readMesos(urls)).leader).toBe(masters[2]?.hostPort);
	});

	it('keeps reading when the leader is down and another master takes over', async () => {
		const leader = {index: 0};
		masters = await startMasters(leader);
		const urls = masters.map(master => master.url);
		await masters[0]?.close();
		leader.index = 1;
		const reading = await readMesos(urls, {timeoutMs: 1_000});
		expect(reading.leader).toBe(masters[1]?.hostPort);
		expect(reading.masters[0]).toMatchObject({role: 'unreachable', error: expect.stringContaining('refused')});
	});

	it('says that no master leads, with each master’s reason, when none is elected', async () => {
		masters = await startMasters({index: null});
		const failure = readMesos(masters.map(master => master.url));
		await expect(failure).rejects.toBeInstanceOf(ClusterError);
		await expect(failure).rejects.toThrow(/no Mesos master leads/);
	});
});

describe('the HTTP edge', () => {
	let server: TestServer | undefined;
	afterEach(async () => {
		await server?.close();
		server = undefined;
	});

	it('gives up on a silent server after the timeout, with a hint', async () => {
		server = await startServer(() => undefined);
		const error = await fetchJson(`${server.url}/slow`, {timeoutMs: 200}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ClusterError);
		expect((error as ClusterError).message).toMatch(/did not answer within 200 ms/);
		expect((error as ClusterError).hint).toBeTruthy();
	});

	it('refuses an answer larger than the size limit', async () => {
		server = await startServer((_request, response) => sendJson(response, 200, {blob: 'x'.repeat(10_000)}));
		await expect(fetchJson(`${server.url}/big`, {maxBytes: 1_000})).rejects.toThrow(/more than 1000 bytes/);
	});

	it('reports a body that is not JSON clearly', async () => {
		server = await startServer((_request, response) => response.end('<html>'));
		await expect(fetchJson(`${server.url}/`, {})).rejects.toThrow(/did not answer valid JSON/);
	});
});
