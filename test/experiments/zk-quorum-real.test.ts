import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createClient, CreateMode, type Client} from 'node-zookeeper-client';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {ClusterEvent} from '../../src/cluster/cluster-event.js';
import type {ClusterSnapshot} from '../../src/cluster/snapshot.js';
import {parseZkUrl} from '../../src/cluster/zk-discovery.js';
import {connectCluster} from '../../src/dashboard/cluster-ports.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {waitFor} from '../helpers/wait-for.js';
import {assertBuilt, measurementsIn, startBuiltCli} from '../helpers/built-cli.js';
import {ensembleUnavailable, startZkEnsemble, type ZkEnsemble} from '../helpers/zk-ensemble.js';

const missing = ensembleUnavailable();
if (missing && process.env.CI) {
	throw new Error(`Debian ZooKeeper is required in CI: ${missing}`);
}

// Three JVMs, stopped and started several times, on a loaded machine.
const slow = 300_000;

describe.skipIf(missing !== undefined)('against a real three-member ZooKeeper ensemble', () => {
	let ensemble: ZkEnsemble;
	let home: string;
	let sim: SimulatedCluster | undefined;
	let client: Client | undefined;

	beforeAll(async () => {
		assertBuilt();
		// Nothing listens on the masters' and Marathons' ports: this run watches ZooKeeper alone.
		ensemble = await startZkEnsemble({client: [28181, 28182, 28183], peer: [28281, 28282, 28283], election: [28381, 28382, 28383], masters: [28451, 28452, 28453], marathon: [28461, 28462]});
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-zk-home-'));
		CheckpointStore.open(home, 'zk-lab').saveLab(ensemble.lab);
	}, 180_000);

	afterAll(async () => {
		client?.close();
		await sim?.stop();
		ensemble?.stop();
		if (home) rmSync(home, {recursive: true, force: true});
	});

	it('stops the leader and a follower takes over, stops a second member and the last one refuses to serve, then both come back', async () => {
		const before = await ensemble.whole();
		const leader = before.find(m => m.mode === 'leader')!.id;
		const run = startBuiltCli(['--home', home, 'lab', 'zk-quorum', '--lab-id', 'zk-lab', '--lang', 'en']);
		const code = await run.exited;
		const output = run.output();
		expect(code, output).toBe(0);
		expect(output).toContain('The majority of 2 is still 2, so two members survive no failure at all');
		expect(output).toContain('Mesos does not answer; this run watches ZooKeeper alone.');
		expect(output).toContain(`stopping zkServer.sh (${ensemble.lab.root}/zookeeper/zk${leader}) on local`);
		const elected = /^zk(\d) leads after (\d+) ms: (.*)$/m.exec(output);
		expect(elected, output).not.toBeNull();
		expect(Number(elected![1])).not.toBe(leader);
		expect(elected![3]).toContain(`zk${leader}=down`);
		expect(output).toMatch(/^one member left, no majority: .*=not-serving.*; srvr answers "This ZooKeeper instance is not currently serving requests"$/m);
		const measured = measurementsIn(output);
		expect(Object.keys(measured)).toEqual(['zk-leader-election', 'zk-service-lost', 'zk-recovered']);
		console.log(`zk-quorum (real ensemble): ${JSON.stringify(measured)}`);
		const after = await ensemble.whole();
		expect(after.map(m => m.mode).sort()).toEqual(['follower', 'follower', 'leader']);
	}, slow);

	it('interrupted with Ctrl-C while a member is down, starts that member again before it exits', async () => {
		await ensemble.whole();
		const run = startBuiltCli(['--home', home, 'lab', 'zk-quorum', '--lab-id', 'zk-lab', '--lang', 'en']);
		await waitFor(() => (/^stopping zkServer\.sh/m.test(run.output()) ? true : undefined), 'the condition', {timeoutMs: 60_000});
		run.child.kill('SIGINT');
		const code = await run.exited;
		const output = run.output();
		expect(code, output).toBe(130);
		expect(output).toContain('SIGINT: stopping the experiment and starting what it stopped');
		expect(output).toMatch(/^starting zkServer\.sh/m);
		expect(output).toContain('Interrupted.\nhint: Run the experiment again when you are ready.');
		const after = await ensemble.whole();
		expect(after.map(m => m.mode).sort()).toEqual(['follower', 'follower', 'leader']);
	}, slow);

	it('the dashboard finds the leaders in the znodes the masters and Marathons write, and follows the Mesos leader when its znode goes', async () => {
		await ensemble.whole();
		// The simulated masters and Marathons answer HTTP; their registrations in the real ensemble are
		// written here in the shape Mesos (MasterInfo JSON in json.info_<seq>) and Marathon (Curator latch
		// nodes holding host:port) write them.
		sim = await startSimulatedCluster({seedApps: false, tickIntervalMs: 1000});
		const zk = createClient(ensemble.connect, {sessionTimeout: 20_000});
		client = zk;
		await new Promise<void>(resolve => {
			zk.once('connected', () => resolve());
			zk.connect();
		});
		const call = <T>(run: (done: (error: unknown, value: T) => void) => void) => new Promise<T>((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
		await call(done => zk.mkdirp('/mesos', done));
		await call(done => zk.mkdirp('/marathon/leader-curator', done));
		const znodes: string[] = [];
		for (const url of sim.mesosUrls) {
			const {hostname, port} = new URL(url);
			const info = {
				address: {hostname, ip: hostname, port: Number(port)}, hostname, id: `master-${port}`,
				ip: 16_777_343, pid: `master@${hostname}:${port}`, port: Number(port), version: '1.11.0',
				capabilities: [{type: 'AGENT_UPDATE'}, {type: 'AGENT_DRAINING'}],
			};
			znodes.push(await call<string>(done => zk.create('/mesos/json.info_', Buffer.from(JSON.stringify(info)), CreateMode.EPHEMERAL_SEQUENTIAL, done)));
		}
		// An old master's binary registration and Marathon's latch nodes, standby first in name but not in sequence.
		await call(done => zk.create('/mesos/info_', Buffer.from([8, 1]), CreateMode.EPHEMERAL_SEQUENTIAL, done));
		for (const url of sim.marathonUrls) {
			await call(done => zk.create('/marathon/leader-curator/_c_4f2d6b1e-latch-', Buffer.from(new URL(url).host), CreateMode.EPHEMERAL_SEQUENTIAL, done));
		}
		const [first, second] = sim.mesosUrls.map(url => new URL(url).host);
		const zkFlags = ['--mesos', `zk://${ensemble.connect}/mesos`, '--marathon', `zk://${ensemble.connect}/marathon`];

		const once = startBuiltCli(['dashboard', ...zkFlags, '--once', '--json']);
		expect(await once.exited, once.output()).toBe(0);
		const snapshot = JSON.parse(once.output()) as {leaders: {mesos: string | null; marathon: string | null; mesosMasters: Array<{endpoint: string}>}};
		expect(snapshot.leaders.mesos).toBe(first);
		expect(snapshot.leaders.marathon).toBe(new URL(sim.marathonUrls[0]!).host);
		expect(snapshot.leaders.mesosMasters.map(m => m.endpoint).sort()).toEqual(sim.mesosUrls.map(url => new URL(url).host).sort());

		// A saved lab's dashboard asks its ensemble, not the master addresses in the lab file (where nothing listens here).
		const saved = startBuiltCli(['--home', home, 'dashboard', '--lab-id', 'zk-lab', '--once', '--json']);
		expect(await saved.exited, saved.output()).toBe(0);
		const fromLab = JSON.parse(saved.output()) as {leaders: {mesos: string | null; marathon: string | null}; zookeeper: Array<{endpoint: string; mode: string}>};
		expect(fromLab.leaders).toMatchObject({mesos: first, marathon: new URL(sim.marathonUrls[0]!).host});
		expect(fromLab.zookeeper.map(m => m.endpoint)).toEqual(ensemble.connect.split(','));

		// The live dashboard's data: the watch reports the change, and the next snapshot names the new leader.
		const live = connectCluster({mesos: [], marathon: [], zookeeper: []}, {refreshMs: 60_000, simulated: false, discovery: {mesos: parseZkUrl(`zk://${ensemble.connect}/mesos`)}});
		const events: ClusterEvent[] = [];
		let latest: ClusterSnapshot | undefined;
		live.ports.subscribe((next, arrived) => {
			latest = next;
			events.push(...arrived);
		});
		live.start();
		try {
			await waitFor(() => (latest?.leaders.mesos === first ? true : undefined), 'the condition', {timeoutMs: 30_000});
			// The leader stops: its process ends, and with it its session and its znode.
			await sim.control.stopMaster(0);
			const deletedAt = Date.now();
			await call(done => zk.remove(znodes[0]!, -1, error => done(error, undefined)));
			const moved = await waitFor(() => events.find(e => e.type === 'zookeeper-mesos-leader' && e.message.includes(`leader is ${second}`)), 'the condition', {timeoutMs: 30_000});
			console.log(`dashboard: ZooKeeper watch reported the new Mesos leader ${Date.now() - deletedAt} ms after the znode was deleted`);
			expect(moved.message).toBe(`ZooKeeper: Mesos leader is ${second} (${znodes[1]}), was ${first}`);
			await waitFor(() => {
				if (latest?.leaders.mesos === second) return true;
				// Kept as the last error, so a timeout says what the dashboard saw.
				throw new Error(`leader ${latest?.leaders.mesos ?? 'none'}; errors ${JSON.stringify(latest?.errors ?? [])}`);
			}, 'the condition', {timeoutMs: 30_000});
			expect(events.some(e => e.type === 'mesos-leader-changed' && e.message === `Mesos leader is now ${second} (was ${first})`)).toBe(true);
		} finally {
			live.stop();
		}
		await sim.control.startMaster(0);
	}, slow);
});
