import {connect} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {haproxyAvailable, startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {waitFor} from '../helpers/wait-for.js';

const statsPort = 29390;
const vhostPort = 29380;
const noticeMs = 600;

const realHaproxy = haproxyAvailable();
if (!realHaproxy && process.env['CI']) {
	throw new Error('Debian HAProxy (/usr/sbin/haproxy) is required in CI for the simulated container kill.');
}

let sim: SimulatedCluster | undefined;
afterEach(async () => {
	await sim?.stop();
	sim = undefined;
});

function accepts(host: string, port: number): Promise<boolean> {
	return new Promise(resolve => {
		const socket = connect({host, port});
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

describe('docker kill on the simulated cluster', () => {
	it.skipIf(!realHaproxy)('closes the task\'s port at once, and Marathon hears of it only after the report delay, in real time', async () => {
		// The clock runs a simulated minute per tick: only the report delay may hold the news back.
		sim = await startSimulatedCluster({realHaproxy: {statsPort, vhostPort}, containerDeathNoticeMs: noticeMs, tickIntervalMs: 0, nginxServicePort: 29310});
		const cluster = sim;
		const victim = cluster.model.liveTasks('/nginx')[0]!;
		const ip = cluster.model.agentOf(victim)!.ip;
		const port = victim.hostPorts[0]!;
		expect(await accepts(ip, port)).toBe(true);

		const killedAt = Date.now();
		const answer = await fetch(`${cluster.controlUrl}/_sim/kill-container`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({taskId: victim.id})});
		expect(answer.status).toBe(200);
		expect(await accepts(ip, port)).toBe(false);
		cluster.control.tick(60_000);
		expect(cluster.model.tasks.get(victim.id)?.state).toBe('TASK_RUNNING');
		// Every control action waits for the stand-in servers to follow the model; the dead one stays dead.
		await cluster.control.startMarathon();
		expect(await accepts(ip, port)).toBe(false);

		await waitFor(() => cluster.model.tasks.get(victim.id)?.state !== 'TASK_RUNNING');
		expect(Date.now() - killedAt).toBeGreaterThanOrEqual(noticeMs);
		expect(cluster.model.tasks.get(victim.id)?.state).toBe('TASK_FAILED');
		for (let i = 0; i < 30 && cluster.model.liveTasks('/nginx').filter(t => cluster.model.isHealthy(t)).length < 2; i++) {
			cluster.control.tick(1000);
		}
		expect(cluster.model.liveTasks('/nginx').map(t => t.id)).not.toContain(victim.id);
		expect(cluster.model.liveTasks('/nginx').filter(t => cluster.model.isHealthy(t))).toHaveLength(2);
	});

	it('refuses to kill a task that does not run', async () => {
		sim = await startSimulatedCluster({tickIntervalMs: 0, seedApps: false});
		const answer = await fetch(`${sim.controlUrl}/_sim/kill-container`, {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({taskId: 'nginx.nothing'})});
		expect(answer.status).toBe(404);
		expect(await answer.json()).toEqual({message: 'Task \'nginx.nothing\' does not exist'});
	});
});
