import {afterEach, describe, expect, it} from 'vitest';
import type {ClusterEvent} from '../../src/cluster/cluster-event.js';
import {ClusterPoller} from '../../src/cluster/poller.js';
import type {ClusterSnapshot} from '../../src/cluster/snapshot.js';
import {fixtureJson, fixtureText} from './helpers/fixtures.js';
import {sendJson, startServer, type TestServer} from './helpers/http-servers.js';

/** One Mesos master, one Marathon and one marathon-lb on loopback, answering what the test holds. */
async function startIdleCluster() {
	const answers = {
		offers: 0,
		sessions: '0',
		marathonApps: fixtureJson('marathon-apps.1.4-bridge.json'),
	};
	const state = fixtureJson('mesos-state.1x-slaves.json') as Record<string, unknown>;
	const csv = fixtureText('haproxy-stats.two-up.captured.csv');
	const servers: TestServer[] = [];
	servers.push(await startServer((request, response) => {
		if (request.url === '/metrics/snapshot') {
			sendJson(response, 200, {'master/elected': 1, 'master/uptime_secs': answers.offers});
		} else if (request.url === '/master/state') {
			// Offers come and go on an idle cluster; the snapshot does not keep them.
			sendJson(response, 200, {...state, outstanding_offers: answers.offers});
		} else {
			response.writeHead(404).end();
		}
	}));
	servers.push(await startServer((request, response) => {
		if (request.url === '/v2/info') {
			sendJson(response, 200, {name: 'marathon', version: '1.4.8', elected: true, leader: servers[1]?.hostPort});
		} else if (request.url?.startsWith('/v2/apps?')) {
			sendJson(response, 200, answers.marathonApps);
		} else if (request.url === '/v2/deployments') {
			sendJson(response, 200, []);
		} else {
			response.writeHead(404).end();
		}
	}));
	servers.push(await startServer((request, response) => {
		if (request.url === '/haproxy?stats;csv') {
			response.writeHead(200, {'content-type': 'text/plain'}).end(csv.replace(/^(web_24080,127_0_0_1_\d+,0,0,)0,/m, `$1${answers.sessions},`));
		} else {
			response.writeHead(404).end();
		}
	}));
	const [mesos, marathon, lb] = servers;
	return {
		answers,
		endpoints: {mesos: [mesos?.url ?? ''], marathon: [marathon?.url ?? ''], lb: lb?.url ?? '', zookeeper: []},
		close: () => Promise.all(servers.map(server => server.close())),
	};
}

describe('refreshing a cluster where nothing changes', () => {
	let cluster: Awaited<ReturnType<typeof startIdleCluster>> | undefined;
	afterEach(async () => {
		await cluster?.close();
		cluster = undefined;
	});

	it('hands the same agents, apps, tasks and backends to every refresh, and derives no events', async () => {
		cluster = await startIdleCluster();
		const poller = new ClusterPoller({endpoints: cluster.endpoints});
		const seen: {snapshot: ClusterSnapshot; derived: ClusterEvent[]}[] = [];
		poller.subscribe((snapshot, derived) => seen.push({snapshot, derived}));
		const first = await poller.refresh();
		cluster.answers.offers = 3;
		const second = await poller.refresh();
		const third = await poller.refresh();
		expect(first.tasks.length).toBeGreaterThan(0);
		expect(first.backends.length).toBeGreaterThan(0);
		for (const next of [second, third]) {
			expect(next).not.toBe(first);
			expect(next.agents).toBe(first.agents);
			expect(next.apps).toBe(first.apps);
			expect(next.tasks).toBe(first.tasks);
			expect(next.backends).toBe(first.backends);
		}
		// Sources land one by one, each with a snapshot of its own: none of them derives an event.
		expect(seen.length).toBeGreaterThanOrEqual(3);
		expect(seen.flatMap(item => item.derived)).toEqual([]);
	});

	it('shows a change as soon as an answer carries one', async () => {
		cluster = await startIdleCluster();
		const poller = new ClusterPoller({endpoints: cluster.endpoints});
		const first = await poller.refresh();
		cluster.answers.sessions = '7';
		const second = await poller.refresh();
		expect(second.tasks).toBe(first.tasks);
		expect(second.backends).not.toBe(first.backends);
		expect(second.backends.map(backend => backend.sessions)).toContain(7);
		expect(first.backends.map(backend => backend.sessions)).not.toContain(7);
	});
});
