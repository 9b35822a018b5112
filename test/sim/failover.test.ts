import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/cluster.js';
import {getJson, openEventStream} from './sim-client.js';
import {waitFor} from '../helpers/wait-for.js';

describe('after a failure the simulated cluster heals like the real one', () => {
	let sim: SimulatedCluster;
	beforeEach(async () => {
		sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 3});
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('replaces a killed nginx task on a new host port, and the event stream tells the story', async () => {
		const stream = await openEventStream(`${sim.marathonUrls[0]}/v2/events`);
		try {
			await waitFor(() => stream.events.some(e => e.event === 'event_stream_attached'), 'the stream to attach');
			const victim = sim.model.liveTasks('/nginx')[0];
			if (!victim) throw new Error('no nginx task');
			const usedPorts = sim.model.liveTasks('/nginx').map(t => t.hostPorts[0]);
			await sim.control.killTask(victim.id);
			sim.control.tick(1000, 3);
			const replacement = sim.model.liveTasks('/nginx').find(t => t.id !== victim.id && !usedPorts.includes(t.hostPorts[0]));
			expect(replacement?.state).toBe('TASK_RUNNING');
			expect(replacement?.health).toBe('healthy');
			await waitFor(() => stream.events.some(e => e.event === 'health_status_changed_event' && e.data.instanceId === replacement?.id && e.data.alive === true), 'the replacement to turn healthy on the stream');
			const statuses = stream.events.filter(e => e.event === 'status_update_event');
			expect(statuses.find(e => e.data.taskId === victim.id)?.data.taskStatus).toBe('TASK_KILLED');
			expect(statuses.filter(e => e.data.taskId === replacement?.id).map(e => e.data.taskStatus)).toEqual(['TASK_STAGING', 'TASK_RUNNING']);
			expect(stream.events.some(e => e.event === 'instance_changed_event' && e.data.instanceId === replacement?.id)).toBe(true);
			const config = await (await fetch(`${sim.lbUrl}/_haproxy_getconfig`)).text();
			expect(config).not.toContain(`:${victim.hostPorts[0]}`);
			expect(config).toContain(`:${replacement?.hostPorts[0]} check`);
		} finally {
			stream.close();
		}
	});

	it('moves Mesos leadership when the leader dies, and the old leader redirects without a scheme', async () => {
		const oldLeader = sim.mesosUrls[0] as string;
		await sim.control.killLeadingMaster();
		const redirect = await getJson(`${oldLeader}/master/state?jsonp=x`);
		expect(redirect.status).toBe(307);
		const location = redirect.headers.get('location') ?? '';
		expect(location).toBe(`//${new URL(sim.mesosUrls[1] as string).host}/master/state?jsonp=x`);
		const newLeader = await getJson(`http:${location}`);
		expect(newLeader.status).toBe(200);
		expect(newLeader.body.elected_time).toBeTypeOf('number');
		const oldMetrics = await getJson(`${oldLeader}/metrics/snapshot`);
		expect(oldMetrics.body['master/elected']).toBe(0);
	});

	it('refuses connections while Marathon is stopped and serves again once it starts', async () => {
		await sim.control.stopMarathon('all');
		await expect(fetch(`${sim.marathonUrls[0]}/v2/apps`)).rejects.toThrow();
		sim.control.tick();
		await sim.control.startMarathon();
		const apps = await getJson(`${sim.marathonUrls[0]}/v2/apps`);
		expect(apps.status).toBe(200);
	});

	it('hands Marathon leadership to the standby, whose event stream redirects to the leader', async () => {
		await sim.control.stopMarathon('leader');
		const leader = await getJson(`${sim.marathonUrls[1]}/v2/leader`);
		expect(leader.body.leader).toBe(new URL(sim.marathonUrls[1] as string).host);
		await sim.control.startMarathon(0);
		const viaStandby = await fetch(`${sim.marathonUrls[0]}/v2/events`, {redirect: 'manual', headers: {Accept: 'text/event-stream'}});
		expect(viaStandby.status).toBe(302);
		expect(viaStandby.headers.get('location')).toBe(`${sim.marathonUrls[1]}/v2/events`);
	});

	it('stops only the leading Marathon when /_sim/stop-marathon is posted without a body', async () => {
		const response = await fetch(`${sim.controlUrl}/_sim/stop-marathon`, {method: 'POST'});
		expect(response.status).toBe(200);
		expect(sim.model.marathons.map(m => m.state)).toEqual(['stopped', 'leader']);
		const leader = await getJson(`${sim.marathonUrls[1]}/v2/leader`);
		expect(leader.body.leader).toBe(new URL(sim.marathonUrls[1] as string).host);
	});

	it('restarts the tasks of a lost agent elsewhere', async () => {
		const task = sim.model.liveTasks('/nginx')[0];
		if (!task) throw new Error('no nginx task');
		await sim.control.killAgent(task.agentId);
		sim.control.tick(1000, 3);
		const tasks = sim.model.liveTasks('/nginx');
		expect(tasks).toHaveLength(2);
		expect(tasks.every(t => t.agentId !== task.agentId && t.state === 'TASK_RUNNING')).toBe(true);
		const state = await getJson(`${sim.mesosUrls[0]}/master/state`);
		expect(state.body.slaves).toHaveLength(3);
	});

	it('kills a task that keeps failing its health check and starts another', async () => {
		const task = sim.model.liveTasks('/nginx')[0];
		if (!task) throw new Error('no nginx task');
		await sim.control.failHealth(task.id);
		sim.control.tick();
		const csv = await (await fetch(`${sim.lbUrl}/haproxy?stats;csv`)).text();
		const [header, ...rows] = csv.trim().split('\n');
		const columns = (header as string).slice(2).split(',');
		const row = rows.map(r => r.split(',')).find(r => r[columns.indexOf('addr')]?.endsWith(`:${task.hostPorts[0]}`));
		expect(row?.[columns.indexOf('status')]).toBe('DOWN');
		sim.control.tick(1000, 5);
		expect(sim.model.tasks.get(task.id)?.state).toBe('TASK_KILLED');
		expect(sim.model.liveTasks('/nginx').filter(t => sim.model.isHealthy(t))).toHaveLength(2);
	});

	it('drives the same actions through the HTTP control surface', async () => {
		const before = await getJson(`${sim.controlUrl}/_sim/overview`);
		const taskId = before.body.apps.find((a: {id: string}) => a.id === '/nginx').tasks[0].id;
		const killed = await getJson(`${sim.controlUrl}/_sim/kill-task`, {method: 'POST', body: JSON.stringify({taskId})});
		expect(killed.status).toBe(200);
		await getJson(`${sim.controlUrl}/_sim/tick`, {method: 'POST', body: JSON.stringify({count: 3})});
		const after = await getJson(`${sim.controlUrl}/_sim/overview`);
		const ids = after.body.apps.find((a: {id: string}) => a.id === '/nginx').tasks.map((t: {id: string}) => t.id);
		expect(ids).toHaveLength(2);
		expect(ids).not.toContain(taskId);
		const unknown = await getJson(`${sim.controlUrl}/_sim/kill-task`, {method: 'POST', body: JSON.stringify({taskId: 'nope'})});
		expect(unknown.status).toBe(404);
		const master = await getJson(`${sim.controlUrl}/_sim/kill-leading-master`, {method: 'POST', body: '{}'});
		expect(master.body.masters.map((m: {state: string}) => m.state)).toEqual(['standby', 'leader', 'standby']);
	});
});
