import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {validateLab} from '../../src/lab/lab-file.js';
import type {Lab} from '../../src/lab/lab-schema.js';
import type {Step, StepContext} from '../../src/steps/step.js';
import {topology} from '../../src/lab/topology.js';
import {zookeeperSteps} from '../../src/steps/zookeeper.js';
import {localExecutor} from './local-exec.js';
import {waitFor} from '../helpers/wait-for.js';

const zookeeperHome = '/usr/share/zookeeper';
const available = existsSync(join(zookeeperHome, 'bin', 'zkServer.sh')) && existsSync('/usr/bin/java');
const missing = !available && process.env.CI === undefined;
// Three JVMs starting on a busy machine can take longer than the default test timeout.
const ensembleTimeoutMs = 120_000;

describe.skipIf(missing)('a ZooKeeper ensemble from the generated files (Debian ZooKeeper on loopback)', () => {
	let root: string;
	let lab: Lab;
	let steps: Step[];
	const ctx: StepContext = {exec: localExecutor(), signal: new AbortController().signal};

	const pidOf = (id: number): number | undefined => {
		const file = join(root, 'zookeeper', `zk${id}`, 'data', 'zookeeper_server.pid');
		return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
	};

	beforeAll(async () => {
		root = mkdtempSync(join(tmpdir(), 'zk-ensemble-'));
		lab = validateLab(
			{
				language: 'en',
				hosts: [{name: 'local', address: '127.0.0.1'}],
				root,
				zookeeper: {distribution: 'debian-package', home: zookeeperHome, service: 'script'},
				ports: {zookeeperClient: [27181, 27182, 27183], zookeeperPeer: [27281, 27282, 27283], zookeeperElection: [27381, 27382, 27383]},
			},
			'test lab',
		);
		steps = zookeeperSteps(lab);
	});

	afterAll(() => {
		for (const id of [1, 2, 3]) {
			const pid = pidOf(id);
			if (pid !== undefined) {
				try {
					process.kill(pid, 'SIGKILL');
				} catch {
					// already gone
				}
			}
		}
		rmSync(root, {recursive: true, force: true});
	});

	it('starts three members that elect exactly one leader, found by the ensemble verify', async () => {
		const ensemble = steps.find((step) => step.id === 'zookeeper-ensemble');
		expect(ensemble).toBeDefined();
		expect((await ensemble!.check(ctx)).kind).toBe('needed');
		for (const member of steps.filter((step) => step.id.startsWith('zookeeper-member-'))) {
			expect((await member.check(ctx)).kind).toBe('needed');
			const plan = await member.plan(ctx);
			for (const file of plan.files) {
				await ctx.exec.upload(file.path, file.content, {mode: file.mode ?? 0o644});
			}
			for (const command of plan.commands) {
				const result = await ctx.exec.run(command.command);
				expect(result.exitCode, `${command.command}\n${result.stderr}`).toBe(0);
			}
		}
		const proof = await waitFor(async () => {
			const result = await ensemble!.verify(ctx);
			return result.ok && !result.proof.en.includes('=down') ? result.proof.en : undefined;
		}, 'one leader and every member serving');
		expect(proof).toMatch(/^zk[123] \(127\.0\.0\.1:2718[123]\) leads/);
		expect((await ensemble!.check(ctx)).kind).toBe('satisfied');
		for (const member of steps.filter((step) => step.id.startsWith('zookeeper-member-'))) {
			expect((await member.check(ctx)).kind).toBe('satisfied');
		}
	}, ensembleTimeoutMs);

	it('finds the new leader after the leader is killed', async () => {
		const ensemble = steps.find((step) => step.id === 'zookeeper-ensemble')!;
		const before = await ensemble.verify(ctx);
		expect(before.ok).toBe(true);
		const leaderId = Number(/^zk(\d)/.exec(before.ok ? before.proof.en : '')?.[1]);
		const pid = pidOf(leaderId);
		expect(pid).toBeGreaterThan(0);
		process.kill(pid!, 'SIGKILL');
		const after = await waitFor(async () => {
			const result = await ensemble.verify(ctx);
			return result.ok && !result.proof.en.startsWith(`zk${leaderId} `) ? result.proof.en : undefined;
		}, 'a new leader');
		expect(after).toContain(`zk${leaderId}=down`);
		expect(topology(lab).zookeeper.map((member) => member.clientPort)).toEqual([27181, 27182, 27183]);
	}, ensembleTimeoutMs);
});
