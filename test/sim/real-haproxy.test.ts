import {request} from 'node:http';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/cluster.js';
import {seedAgents} from '../../src/sim/model/seed.js';
import {haproxyAvailable} from '../../src/sim/real-haproxy.js';
import {waitFor} from '../helpers/wait-for.js';

const available = haproxyAvailable();
if (!available && process.env.CI) throw new Error('Debian haproxy is required in CI: /usr/sbin/haproxy is missing');

const servicePort = 25080;
const statsPort = 25090;
const vhostPort = 25081;

/** fetch() does not let a caller set Host, so the vhost request goes through node:http. */
function getWithHost(url: string, host: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const req = request(url, {headers: {Host: host}}, res => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', chunk => {
				body += chunk;
			});
			res.on('end', () => resolve(res.statusCode === 200 ? body : ''));
		});
		req.on('error', reject);
		req.end();
	});
}

async function serverRows(sim: SimulatedCluster): Promise<Map<string, string>> {
	const csv = await (await fetch(`${sim.lbUrl}/haproxy?stats;csv`)).text();
	const rows = new Map<string, string>();
	let columns: string[] = [];
	for (const line of csv.trim().split('\n')) {
		if (line.startsWith('# ')) {
			columns = line.slice(2).split(',');
			continue;
		}
		const cells = line.split(',');
		if (cells[columns.indexOf('pxname')] === `nginx_${servicePort}` && !['FRONTEND', 'BACKEND'].includes(cells[1] ?? '')) {
			rows.set(cells[1] ?? '', cells[columns.indexOf('status')] ?? '');
		}
	}
	return rows;
}

describe.skipIf(!available)('a real HAProxy in front of the simulated tasks', () => {
	let sim: SimulatedCluster;
	beforeAll(async () => {
		sim = await startSimulatedCluster({
			tickIntervalMs: 0, seed: 5, agents: seedAgents([25200, 25999]), nginxServicePort: servicePort, servicePortRange: [25100, 25199],
			realHaproxy: {statsPort, vhostPort: 25081},
		});
	});
	afterAll(async () => {
		await sim?.stop();
	});

	/** HAProxy leaves `addr` empty for servers; marathon-lb's server name carries ip and port. */
	function addr(taskId: string): string {
		const task = sim.model.tasks.get(taskId);
		const ip = task ? sim.model.agentOf(task)?.ip ?? '' : '';
		return `${ip.replaceAll('.', '_')}_${task?.hostPorts[0]}`;
	}

	it('serves the app on its service port with both servers UP', async () => {
		const ids = sim.model.liveTasks('/nginx').map(t => t.id);
		await waitFor(async () => {
			const rows = await serverRows(sim);
			return ids.every(id => rows.get(addr(id)) === 'UP');
		}, 'both servers UP');
		const answer = await (await fetch(`http://127.0.0.1:${servicePort}/`)).text();
		expect(ids).toContain(answer.trim());
		const config = await (await fetch(`${sim.lbUrl}/_haproxy_getconfig`)).text();
		expect(config).toContain(`frontend nginx_${servicePort}\n  bind 127.0.0.1:${servicePort}`);
	});

	it('marks a server DOWN when its task fails health checks', async () => {
		const [task] = sim.model.liveTasks('/nginx');
		if (!task) throw new Error('no nginx task');
		await sim.control.failHealth(task.id);
		await waitFor(async () => (await serverRows(sim)).get(addr(task.id))?.startsWith('DOWN'), 'the failing server DOWN');
	});

	it('drops a killed task\'s server and brings its replacement UP on a new port', async () => {
		const victim = sim.model.liveTasks('/nginx').find(t => !t.forcedUnhealthy) ?? sim.model.liveTasks('/nginx')[0];
		if (!victim) throw new Error('no nginx task');
		const victimAddr = addr(victim.id);
		await sim.control.killTask(victim.id);
		await waitFor(async () => !(await serverRows(sim)).has(victimAddr), 'the killed server to leave the backend');
		sim.control.tick(1000, 6);
		const replacements = sim.model.liveTasks('/nginx').filter(t => t.id !== victim.id && sim.model.isHealthy(t));
		expect(replacements).toHaveLength(2);
		await waitFor(async () => {
			const rows = await serverRows(sim);
			return replacements.every(t => rows.get(addr(t.id)) === 'UP') && rows.size === 2;
		}, 'the replacements UP');
		expect(replacements.every(t => addr(t.id) !== victimAddr)).toBe(true);
	});

	it('routes by Host header on the shared vhost frontend for an app with HAPROXY_0_VHOST', async () => {
		sim.model.createApp({
			id: '/site', cpus: 0.1, mem: 32, instances: 1,
			container: {type: 'DOCKER', docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort: 0}]}},
			labels: {HAPROXY_GROUP: 'docker-haproxy', HAPROXY_0_VHOST: 'site.lab.test'},
			healthChecks: [{protocol: 'HTTP', path: '/'}],
		});
		sim.control.tick(1000, 3);
		const [task] = sim.model.liveTasks('/site');
		if (!task) throw new Error('no site task');
		const answer = await waitFor(async () => {
			const text = await getWithHost(`http://127.0.0.1:${vhostPort}/`, 'site.lab.test').catch(() => '');
			return text.trim() === task.id ? text : undefined;
		}, 'the vhost to reach the site task');
		expect(answer.trim()).toBe(task.id);
	});
});
