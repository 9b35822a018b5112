import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {isLive} from '../../src/sim/model/cluster-model.js';
import {runCli} from '../apps/helpers/run-cli.js';
import {startSimHarness, type SimHarness} from '../apps/helpers/sim-harness.js';
import {waitFor} from '../helpers/wait-for.js';
import {t} from '../../src/i18n/messages.js';
import {assertBuilt, startBuiltCli} from '../helpers/built-cli.js';
import {englishSentences} from '../helpers/no-english.js';

let harness: SimHarness | undefined;
let cluster: SimulatedCluster | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
	await cluster?.stop();
	cluster = undefined;
});

function simEnv(h: SimHarness): NodeJS.ProcessEnv {
	return {MESOS_LAB_SIM_CONTROL: h.sim.controlUrl, MESOS_LAB_MESOS: h.sim.mesosUrls.join(','), MESOS_LAB_MARATHON: h.sim.marathonUrls.join(',')};
}

function measured(stdout: string, name: string): number {
	const match = new RegExp(`^${name}: (\\d+) (ms|count)$`, 'm').exec(stdout);
	expect(match, `${name} in:\n${stdout}`).not.toBeNull();
	return Number(match?.[1]);
}

/** Every simulated tick: the tasks that ended, and whether anyone led while fewer than a quorum of masters ran. */
function watchInvariants(h: SimHarness): {ended: Set<string>; ledWithoutQuorum: string[]} {
	const ended = new Set<string>();
	const ledWithoutQuorum: string[] = [];
	h.onTick(() => {
		const model = h.sim.model;
		for (const task of model.tasks.values()) if (!isLive(task)) ended.add(task.id);
		const running = model.masters.filter(m => m.state !== 'down').length;
		const leader = model.leadingMaster();
		if (running < model.masterQuorum && leader) ledWithoutQuorum.push(`${leader.hostname}:${leader.port}`);
	});
	return {ended, ledWithoutQuorum};
}

describe('the high-availability experiments on the simulated cluster', () => {
	it('master-failover in Chinese: what it observed is told in Chinese, with the task counts in it', async () => {
		harness = await startSimHarness();
		assertBuilt();
		const run = startBuiltCli(['lab', 'master-failover', '--lang', 'zh'], simEnv(harness));
		expect(await run.exited).toBe(0);
		const output = run.output();
		const observed = output.slice(output.indexOf(t('zh', 'labObservedHeading')));
		// Every task runs on through both elections: the same count twice in each line.
		for (const key of ['labObsMasterTasksAfterFailover', 'labObsMasterTasksAtEnd'] as const) {
			const counted = new RegExp(`^- ${t('zh', key, {running: 7, tasks: 7}).replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('7', '(\\d+)')}$`, 'm').exec(observed);
			expect(counted, observed).not.toBeNull();
			expect(counted?.[1]).toBe(counted?.[2]);
		}
		expect(englishSentences(output), output).toEqual([]);
	}, 180_000);

	it('master-failover: a standby takes over, agents re-register, no task is lost, and one master alone cannot lead', async () => {
		harness = await startSimHarness();
		const h = harness;
		const watched = watchInvariants(h);
		const result = await runCli(['lab', 'master-failover', '--lang', 'en'], simEnv(h));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Three masters with quorum=2 survive one failure');
		expect(result.stdout).toMatch(/leads after \d+ ms/);
		expect(result.stdout).toMatch(/one master of three \(quorum=2\): no master led for \d+ ms/);
		expect(measured(result.stdout, 'tasks-lost')).toBe(0);
		expect(measured(result.stdout, 'tasks-lost-at-end')).toBe(0);
		expect(measured(result.stdout, 'no-leader-watched')).toBeGreaterThanOrEqual(5_000);
		console.log(['master-failover (simulation):', ...result.stdout.split('\n').filter(line => /^[a-z-]+: \d+ (ms|count)$/.test(line))].join('\n  '));
		const witness = h.sim.model.liveTasks('/hello-shell');
		expect(witness.length).toBeGreaterThanOrEqual(2);
		expect([...watched.ended]).toEqual([]);
		expect(watched.ledWithoutQuorum).toEqual([]);
		expect(h.sim.model.masters.map(m => m.state).sort()).toEqual(['leader', 'standby', 'standby']);
	});

	it('marathon-failover: /v2/leader moves, the apps keep their tasks, the new leader scales, and the old one rejoins', async () => {
		harness = await startSimHarness();
		const h = harness;
		const watched = watchInvariants(h);
		const result = await runCli(['lab', 'marathon-failover', '--lang', 'en'], simEnv(h));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const [first, second] = h.sim.marathonUrls.map(url => new URL(url).host);
		expect(result.stdout).toContain(`Marathon leader: ${first}`);
		expect(result.stdout).toMatch(new RegExp(`/v2/leader names ${second} after \\d+ ms`));
		expect(result.stdout).toMatch(/all \d+ apps kept the same tasks|the app kept its tasks/);
		expect(result.stdout).toMatch(/the new leader scaled \/hello-shell to 3 instances in \d+ ms/);
		expect(result.stdout).toContain(`${first} rejoined after`);
		expect(measured(result.stdout, 'apps-changed')).toBe(0);
		console.log(['marathon-failover (simulation):', ...result.stdout.split('\n').filter(line => /^[a-z-]+: \d+ (ms|count)$/.test(line))].join('\n  '));
		expect(h.sim.model.marathons.map(m => m.state)).toEqual(['standby', 'leader']);
		// Only the extra instance of the scale-up ends; the tasks that ran before the failover all still run.
		const extra = [...watched.ended];
		expect(extra.length).toBeLessThanOrEqual(1);
		// The scale goes to whichever Marathon answers; the stopped one refuses the connection first.
		const scales = [...new Set(h.calls.filter(c => c.method === 'PUT').map(c => JSON.stringify(c.body)))];
		expect(scales).toEqual([JSON.stringify({instances: 3}), JSON.stringify({instances: 2})]);
		expect(h.sim.model.liveTasks('/hello-shell')).toHaveLength(2);
	});

	it('zk-quorum: losing one member moves the ZooKeeper leader; losing two takes the Mesos and Marathon leaders; both come back', async () => {
		harness = await startSimHarness();
		const h = harness;
		const result = await runCli(['lab', 'zk-quorum', '--lang', 'en'], simEnv(h));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('ZooKeeper: zk1=follower, zk2=follower, zk3=leader');
		expect(result.stdout).toMatch(/zk2 leads after \d+ ms: zk1=follower, zk2=leader, zk3=down/);
		expect(result.stdout).toMatch(/one member left, no majority: zk1=down, zk2=not-serving, zk3=down/);
		expect(result.stdout).toMatch(/Mesos lost its leader after \d+ ms/);
		expect(result.stdout).toMatch(/Marathon lost its leader after \d+ ms/);
		for (const name of ['zk-leader-election', 'zk-service-lost', 'zk-recovered', 'mesos-leader-recovered', 'marathon-leader-recovered']) {
			expect(measured(result.stdout, name)).toBeGreaterThanOrEqual(0);
		}
		expect(h.sim.model.zookeeper.map(m => m.state).sort()).toEqual(['follower', 'follower', 'leader']);
		expect(h.sim.model.leadingMaster()).toBeDefined();
		expect(h.sim.model.leadingMarathon()).toBeDefined();
	});
});

describe('interrupting a high-availability experiment midway (SIGINT to the built CLI)', () => {
	beforeAll(() => assertBuilt());

	/** The simulated cluster in real time, with the tutorial's apps running, as `mesos-lab demo` has it. */
	async function realTimeCluster(): Promise<SimulatedCluster> {
		cluster = await startSimulatedCluster({tickIntervalMs: 200});
		return cluster;
	}

	function envOf(sim: SimulatedCluster): NodeJS.ProcessEnv {
		return {MESOS_LAB_SIM_CONTROL: sim.controlUrl, MESOS_LAB_MESOS: sim.mesosUrls.join(','), MESOS_LAB_MARATHON: sim.marathonUrls.join(','), MESOS_LAB_HOME: '/nonexistent-home'};
	}

	it('master-failover: Ctrl-C while one master of three runs starts both stopped masters again, and no task was lost', async () => {
		const sim = await realTimeCluster();
		const tasksBefore = sim.model.liveTasks().map(t => t.id).sort();
		const run = startBuiltCli(['lab', 'master-failover', '--lang', 'en'], envOf(sim));
		// The second stop leaves one master: the experiment now watches for 5 s that nobody leads.
		await waitFor(() => (run.output().match(/^stopping simulated Mesos master/gm)?.length === 2 ? true : undefined), 'the condition', {timeoutMs: 60_000});
		await waitFor(() => (sim.model.masters.filter(m => m.state === 'down').length === 2 ? true : undefined), 'the condition', {timeoutMs: 10_000});
		expect(sim.model.leadingMaster()).toBeUndefined();
		run.child.kill('SIGINT');
		const code = await run.exited;
		expect(code, run.output()).toBe(130);
		expect(run.output()).toContain('SIGINT: stopping the experiment and starting what it stopped');
		expect(run.output()).not.toContain('still restoring');
		expect(run.output().match(/^starting simulated Mesos master/gm)).toHaveLength(2);
		expect(sim.model.masters.map(m => m.state).sort()).toEqual(['leader', 'standby', 'standby']);
		expect(sim.model.liveTasks().map(t => t.id).sort()).toEqual(tasksBefore);
	}, 120_000);

	it('marathon-failover: Ctrl-C once the other Marathon leads starts the stopped one again and puts the app back to its size', async () => {
		const sim = await realTimeCluster();
		const instances = sim.model.liveTasks('/hello-shell').length;
		const run = startBuiltCli(['lab', 'marathon-failover', '--lang', 'en'], envOf(sim));
		await waitFor(() => (/^stopping simulated Marathon 1$/m.test(run.output()) ? true : undefined), 'the condition', {timeoutMs: 60_000});
		// The line is printed as the stop is asked for; the simulation takes it a moment later.
		await waitFor(() => (sim.model.marathons[0]?.state === 'stopped' ? true : undefined), 'the condition', {timeoutMs: 10_000});
		// Interrupted while the new leader scales the app up: the way back also scales it down.
		await waitFor(() => (/^\/v2\/leader names /m.test(run.output()) ? true : undefined), 'the condition', {timeoutMs: 60_000});
		run.child.kill('SIGINT');
		const code = await run.exited;
		expect(code, run.output()).toBe(130);
		expect(run.output()).toMatch(/^starting simulated Marathon 1$/m);
		expect(sim.model.marathons.map(m => m.state).sort()).toEqual(['leader', 'standby']);
		await waitFor(() => (sim.model.liveTasks('/hello-shell').length === instances && sim.model.deploymentsFor('/hello-shell').length === 0 ? true : undefined), 'the condition', {timeoutMs: 30_000});
	}, 120_000);
});
