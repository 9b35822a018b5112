import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/cluster.js';
import {getJson} from './sim-client.js';
import {waitFor} from '../helpers/wait-for.js';

describe('the simulated cluster speaks the documented APIs', () => {
	let sim: SimulatedCluster;
	beforeAll(async () => {
		sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 7});
	});
	afterAll(async () => {
		await sim.stop();
	});

	it('lists Marathon apps with embedded tasks, counts and health, marked as simulated', async () => {
		const {status, headers, body} = await getJson(`${sim.marathonUrls[0]}/v2/apps?embed=apps.tasks&embed=apps.lastTaskFailure`);
		expect(status).toBe(200);
		expect(headers.get('x-mesos-lab-simulation')).toBe('true');
		const nginx = body.apps.find((a: {id: string}) => a.id === '/nginx');
		expect(nginx.container.portMappings[0]).toMatchObject({containerPort: 80, servicePort: 10000});
		expect(nginx.networks).toEqual([{mode: 'container/bridge'}]);
		expect(nginx.labels.HAPROXY_GROUP).toBe('docker-haproxy');
		expect(nginx.tasksHealthy).toBe(2);
		expect(nginx.tasks).toHaveLength(2);
		for (const task of nginx.tasks) {
			expect(task.ports[0]).toBeGreaterThanOrEqual(31000);
			expect(task.ports[0]).toBeLessThanOrEqual(32000);
			expect(task.healthCheckResults[0]).toMatchObject({alive: true, instanceId: task.id});
		}
		const shell = body.apps.find((a: {id: string}) => a.id === '/hello-shell');
		expect(shell).toMatchObject({cpus: 0.1, mem: 32, disk: 100, instances: 2, tasksRunning: 2});
		const info = await getJson(`${sim.marathonUrls[1]}/v2/info`);
		expect(info.body).toMatchObject({elected: true, simulated: true});
		expect(info.headers.get('x-marathon-via')).toContain('127.0.0.1');
	});

	it('answers /master/state on the leader with agents, attributes and Marathon tasks', async () => {
		const {status, body} = await getJson(`${sim.mesosUrls[0]}/master/state`);
		expect(status).toBe(200);
		expect(body.mesos_lab_simulation.simulated).toBe(true);
		expect(body.leader_info.port).toBe(Number(new URL(sim.mesosUrls[0] as string).port));
		expect(body.slaves.map((s: {attributes: {dc: string}}) => s.attributes.dc).sort()).toEqual(['bj', 'bj', 'sh', 'sh']);
		expect(body.slaves[0].resources.ports).toBe('[31000-32000]');
		const marathon = body.frameworks.find((f: {name: string}) => f.name === 'marathon');
		expect(marathon.tasks).toHaveLength(4);
		const metrics = await getJson(`${sim.mesosUrls[0]}/metrics/snapshot`);
		expect(metrics.body['master/elected']).toBe(1);
		expect(metrics.body['master/tasks_running']).toBe(4);
		const summary = await getJson(`${sim.mesosUrls[0]}/master/state-summary`);
		expect(summary.body.slaves).toHaveLength(4);
	});

	it('creates an app with 201, refuses a duplicate with 409 and a bad definition with 422', async () => {
		const app = {id: '/web', cmd: 'python3 -m http.server $PORT0', cpus: 0.1, mem: 32, instances: 1};
		const created = await getJson(`${sim.marathonUrls[0]}/v2/apps`, {method: 'POST', body: JSON.stringify(app), headers: {'Content-Type': 'application/json'}});
		expect(created.status).toBe(201);
		expect(created.headers.get('location')).toBe('/web');
		expect(created.headers.get('marathon-deployment-id')).toBe(created.body.deployments[0].id);
		const again = await getJson(`${sim.marathonUrls[0]}/v2/apps`, {method: 'POST', body: JSON.stringify(app)});
		expect(again.status).toBe(409);
		const bad = await getJson(`${sim.marathonUrls[0]}/v2/apps`, {method: 'POST', body: JSON.stringify({id: '/bad', cmd: 'x', instances: -1})});
		expect(bad.status).toBe(422);
		expect(bad.body.details[0].path).toBe('/instances');
		const deployments = await getJson(`${sim.marathonUrls[0]}/v2/deployments`);
		expect(deployments.body[0]).toMatchObject({affectedApps: ['/web'], currentStep: 1, totalSteps: 1});
	});

	it('serves a task\'s stdout from its agent sandbox', async () => {
		sim.control.tick(1000, 3);
		const task = sim.model.liveTasks('/hello-shell')[0];
		if (!task) throw new Error('no shell task');
		const agentIndex = sim.model.agents.findIndex(a => a.id === task.agentId);
		const agentState = await getJson(`${sim.agentUrls[agentIndex]}/state`);
		const executor = agentState.body.frameworks[0].executors.find((e: {id: string}) => e.id === task.id);
		const size = await getJson(`${sim.agentUrls[agentIndex]}/files/read?path=${encodeURIComponent(`${executor.directory}/stdout`)}&offset=-1`);
		expect(size.body.offset).toBeGreaterThan(0);
		const read = await getJson(`${sim.agentUrls[agentIndex]}/files/read?path=${encodeURIComponent(`${executor.directory}/stdout`)}&offset=0&length=6`);
		expect(read.body).toEqual({data: 'hello\n', offset: 0});
	});

	it('renders marathon-lb\'s config and a stats CSV for the docker-haproxy group', async () => {
		const config = await (await fetch(`${sim.lbUrl}/_haproxy_getconfig`)).text();
		expect(config).toContain('frontend nginx_10000\n  bind *:10000');
		expect(config).toContain('backend nginx_10000');
		const servers = sim.model.liveTasks('/nginx').map(t => `127_0_1_${sim.model.agentOf(t)?.ip.split('.')[3]}_${t.hostPorts[0]}`);
		for (const name of servers) expect(config).toContain(`server ${name} `);
		expect(config).not.toContain('hello-shell');
		const csv = await (await fetch(`${sim.lbUrl}/haproxy?stats;csv`)).text();
		const [header, ...rows] = csv.trim().split('\n');
		expect(header?.startsWith('# pxname,svname,')).toBe(true);
		const columns = (header as string).slice(2).split(',');
		const status = columns.indexOf('status');
		const upServers = rows.map(r => r.split(',')).filter(r => r[0] === 'nginx_10000' && servers.includes(r[1] as string));
		expect(upServers.map(r => r[status])).toEqual(['UP', 'UP']);
	});

	it('keeps app versions and returns a stored one', async () => {
		const put = await getJson(`${sim.marathonUrls[0]}/v2/apps/hello-shell`, {method: 'PUT', body: JSON.stringify({instances: 3})});
		expect(put.status).toBe(200);
		const versions = await getJson(`${sim.marathonUrls[0]}/v2/apps/hello-shell/versions`);
		expect(versions.body.versions).toHaveLength(2);
		expect(versions.body.versions[0]).toBe(put.body.version);
		const older = await getJson(`${sim.marathonUrls[0]}/v2/apps/hello-shell/versions/${versions.body.versions[1]}`);
		expect(older.body.instances).toBe(2);
	});
});

describe('the background ticker', () => {
	it('moves a new app from staging to running without manual ticks', async () => {
		const sim = await startSimulatedCluster({tickIntervalMs: 20, seedApps: false});
		try {
			await getJson(`${sim.marathonUrls[0]}/v2/apps`, {method: 'POST', body: JSON.stringify({id: '/tick', cmd: 'sleep 100', cpus: 0.1, mem: 16, instances: 2})});
			const app = await waitFor(async () => {
				const {body} = await getJson(`${sim.marathonUrls[0]}/v2/apps/tick`);
				return body.app.tasksRunning === 2 ? body.app : undefined;
			}, 'two running tasks');
			expect(app.deployments).toEqual([]);
		} finally {
			await sim.stop();
		}
	});
});
