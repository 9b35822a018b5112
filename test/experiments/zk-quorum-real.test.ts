import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {waitFor} from '../cluster/helpers/wait-for.js';
import {assertBuilt, measurementsIn, startBuiltCli} from '../helpers/built-cli.js';
import {ensembleUnavailable, startZkEnsemble, type ZkEnsemble} from '../helpers/zk-ensemble.js';

const missing = ensembleUnavailable();
if (missing && process.env.CI) {
	throw new Error(`Debian ZooKeeper is required in CI: ${missing}`);
}

// Three JVMs, stopped and started several times, on a loaded machine.
const slow = 300_000;

describe.skipIf(missing !== undefined)('lab zk-quorum against a real three-member ZooKeeper ensemble', () => {
	let ensemble: ZkEnsemble;
	let home: string;

	beforeAll(async () => {
		assertBuilt();
		// Nothing listens on the masters' and Marathons' ports: this run watches ZooKeeper alone.
		ensemble = await startZkEnsemble({client: [28181, 28182, 28183], peer: [28281, 28282, 28283], election: [28381, 28382, 28383], masters: [28451, 28452, 28453], marathon: [28461, 28462]});
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-zk-home-'));
		CheckpointStore.open(home, 'zk-lab').saveLab(ensemble.lab as unknown as Record<string, unknown>);
	}, 180_000);

	afterAll(() => {
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
		await waitFor(() => (/^stopping zkServer\.sh/m.test(run.output()) ? true : undefined), 60_000);
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
});
