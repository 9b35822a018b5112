import {createServer} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readMarathon} from '../../src/cluster/marathon-client.js';
import {readMesos} from '../../src/cluster/mesos-client.js';
import type {ClusterSnapshot} from '../../src/cluster/snapshot.js';
import {connectCluster, type LiveCluster} from '../../src/dashboard/cluster-ports.js';
import {buildFrame} from '../../src/dashboard/frame.js';
import {initialUiState} from '../../src/dashboard/ui-state.js';
import {emptyHistory} from '../../src/dashboard/view-models/allocation-history.js';
import {panelTable} from '../../src/dashboard/view-models/panel-content.js';
import {headerModel} from '../../src/dashboard/view-models/header.js';
import {taskSearchText} from '../../src/dashboard/view-models/tables.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {startLoopbackCluster} from '../../bench/loopback-cluster.js';
import {waitFor} from '../helpers/wait-for.js';

const ids = (tasks: readonly {id: string; state?: string | undefined}[]): string[] => tasks.map(task => `${task.id} ${task.state ?? ''}`).sort();

describe('a cluster too large for one answer, read in pages (simulated cluster, small answer limit)', () => {
	let sim: SimulatedCluster;
	let paths: string[];
	const counting = (maxBytes: number) => ({maxBytes, onAnswer: (answer: {url: string}) => paths.push(new URL(answer.url).pathname)});

	beforeEach(async () => {
		sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 3});
		paths = [];
	});
	afterEach(async () => {
		await sim.stop();
	});

	it('reads Mesos through state-summary and /master/tasks pages when /master/state is over the limit', async () => {
		const whole = await readMesos(sim.mesosUrls);
		const paged = await readMesos(sim.mesosUrls, counting(6_000));
		expect(paths).toContain('/master/tasks');
		expect(ids(paged.tasks)).toEqual(ids(whole.tasks));
		expect(paged.agents.map(agent => agent.id).sort()).toEqual(whole.agents.map(agent => agent.id).sort());
	});

	it('reads Marathon’s apps without tasks, then /v2/tasks, when the apps with tasks are over the limit', async () => {
		const whole = await readMarathon(sim.marathonUrls);
		const split = await readMarathon(sim.marathonUrls, counting(3_000));
		expect(paths).toContain('/v2/tasks');
		expect(ids(split.tasks)).toEqual(ids(whole.tasks));
		expect(split.apps.map(app => `${app.id} ${app.running}/${app.instances}`)).toEqual(whole.apps.map(app => `${app.id} ${app.running}/${app.instances}`));
	});

	it('reads the tasks app by app when even /v2/tasks is over the limit', async () => {
		const whole = await readMarathon(sim.marathonUrls);
		const byApp = await readMarathon(sim.marathonUrls, counting(2_000));
		expect(paths).toContain('/v2/apps/nginx/tasks');
		expect(ids(byApp.tasks)).toEqual(ids(whole.tasks));
	});

	it('keeps an over-limit answer that cannot be paged (HAProxy’s CSV) stale with its reason, and shows the rest', async () => {
		// marathon-lb's stats CSV comes whole or not at all.
		const header = '# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,\n';
		const line = 'web_10000,10_0_0_1_31000,0,0,0,3,,120,5000,90000,,0,,0,0,0,0,UP,1,1,0,0,0,3600,0,,1,3,1,,120,,2,0,,4,L7OK,200,1,\n';
		const csv = header + line.repeat(Math.ceil((64 * 1024) / line.length));
		const lb = createServer((_req, res) => res.writeHead(200, {'content-type': 'text/plain'}).end(csv));
		await new Promise<void>(resolve => lb.listen(0, '127.0.0.1', resolve));
		let cluster: LiveCluster | undefined;
		try {
			let latest: ClusterSnapshot | undefined;
			cluster = connectCluster({mesos: sim.mesosUrls, marathon: sim.marathonUrls, lb: `http://127.0.0.1:${(lb.address() as AddressInfo).port}`, zookeeper: []}, {refreshMs: 150, simulated: true, http: {maxBytes: 32 * 1024}});
			cluster.ports.subscribe(snapshot => {
				latest = snapshot;
			});
			cluster.start();
			const snapshot = await waitFor(() => (latest?.sources.mesos.kind === 'ok' && latest.sources.marathon.kind === 'ok' && latest.sources.haproxy.kind === 'stale' ? latest : undefined));
			expect(snapshot.sources.haproxy).toMatchObject({kind: 'stale', error: expect.stringMatching(/answered more than 32768 bytes/)});
			expect(snapshot.tasks.length).toBe(sim.model.liveTasks().length);
			const frame = buildFrame({snapshot, ui: initialUiState({readonly: true, demo: false}), history: emptyHistory, log: [], clusterName: 'lab', width: 200, height: 60, color: false, now: Date.now()});
			expect(frame.header.join('\n')).toMatch(/haproxy STALE: .*answered more than 32768 bytes/);
			expect(frame.panels.tasks?.lines.join('\n')).toContain('/nginx');
		} finally {
			cluster?.stop();
			lb.closeAllConnections();
			await new Promise(resolve => lb.close(resolve));
		}
	});
});

describe('the dashboard at 100,000 tasks (answers of that size served on loopback)', () => {
	it('reaches every task by filter, and the panel titles count what the sources hold', {timeout: 240_000}, async () => {
		let release = (): void => undefined;
		const firstRecordGate = new Promise<void>(resolve => {
			release = resolve;
		});
		const served = await startLoopbackCluster(100_000, {firstRecordGate});
		let cluster: LiveCluster | undefined;
		try {
			let latest: ClusterSnapshot | undefined;
			cluster = connectCluster({mesos: [served.mesosUrl], marathon: [served.marathonUrl], lb: served.lbUrl, zookeeper: []}, {refreshMs: 2_000, simulated: false});
			cluster.ports.subscribe(snapshot => {
				latest = snapshot;
			});
			cluster.start();
			const {shape} = served;
			// Half of the first record has arrived: the tasks read so far are on screen, and the
			// header says how far along the first state is.
			const partial = await waitFor(() => (latest?.feeds.mesos?.kind === 'loading' && latest.tasks.length > 0 ? latest : undefined), 'tasks shown while the first state loads', {timeoutMs: 120_000, everyMs: 100});
			expect(partial.feeds.mesos).toEqual({kind: 'loading', tasksRead: partial.tasks.length, tasksExpected: shape.tasks});
			expect(partial.tasks.length).toBeLessThan(shape.tasks);
			expect(headerModel(partial, 'lab', 'en').warnings).toContain(`mesos reading tasks ${partial.tasks.length.toLocaleString('en')} / 100,000`);
			release();
			const snapshot = await waitFor(() => (latest?.sources.mesos.kind === 'ok' && latest.sources.marathon.kind === 'ok' && latest.tasks.length === shape.tasks ? latest : undefined), 'the condition', {timeoutMs: 200_000, everyMs: 200});
			expect(snapshot.agents).toHaveLength(shape.agents);
			expect(snapshot.apps).toHaveLength(shape.apps);
			// The master writes the state's tasks ahead of its agents: each task still gets its host.
			expect(snapshot.tasks.filter(task => task.host === '')).toEqual([]);

			const frame = buildFrame({snapshot, ui: initialUiState({readonly: true, demo: false}), history: emptyHistory, log: [], clusterName: 'lab', width: 200, height: 60, color: false, now: Date.now()});
			expect(frame.panels.tasks?.title).toBe(`Tasks (${shape.tasks}, row 1)`);
			expect(frame.panels.apps?.title).toBe(`▶ Apps (${shape.apps}, row 1)`);
			expect(frame.panels.agents?.title).toBe(`Agents (${shape.agents}, row 1)`);

			// Every task is found by its id; a sample of them is looked up through the filter itself.
			const missing = snapshot.tasks.filter(task => !taskSearchText(task).some(cell => cell.includes(task.id)));
			expect(missing).toEqual([]);
			for (let index = 0; index < snapshot.tasks.length; index += 4_999) {
				const task = snapshot.tasks[index]!;
				const table = panelTable('tasks', snapshot, {kind: 'overview'}, task.id, Date.now());
				expect(table?.count).toBe(1);
				expect(table?.key(0)).toBe(task.id);
			}
			// Each app's filter holds exactly its own tasks.
			const app = snapshot.apps[7]!;
			const appTable = panelTable('tasks', snapshot, {kind: 'app', appId: app.id}, '', Date.now());
			expect(appTable?.count).toBe(app.instances);
		} finally {
			cluster?.stop();
			await served.stop();
		}
	});
});
