import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {validateLab} from '../../src/lab/lab-file.js';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {run as logs} from '../../src/cli/commands/logs.js';
import {run as reset} from '../../src/cli/commands/reset.js';
import {run as resume, type ResumeDepsFactory} from '../../src/cli/commands/resume.js';
import {run as status} from '../../src/cli/commands/status.js';
import {LockedError, StoreError, UserInputError} from '../../src/errors.js';
import type {Lab} from '../../src/lab/lab-schema.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {acquireLabLock} from '../../src/state/lock.js';
import type {Step} from '../../src/steps/step.js';
import {prepareLabRun} from '../../src/install/lab-run.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {FakeJobs, fakeStep} from '../runner/fake-steps.js';
import {testContext} from './capture.js';

let home: string;
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-commands-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

function labWithHistory(): CheckpointStore {
	const store = CheckpointStore.open(home, 'home-lab');
	store.savePlan(['docker@node1', 'zookeeper@node1', 'mesos@node1']);
	store.saveStep('docker@node1', {status: 'done', attempts: 1, startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:01:30.000Z', reason: 'applied and verified'});
	store.saveStep('zookeeper@node1', {status: 'failed', attempts: 2, startedAt: '2026-03-01T10:01:30.000Z', finishedAt: '2026-03-01T10:01:35.000Z', lastError: '`systemctl start zookeeper` ended with exit 1'});
	store.saveRun({startedAt: '2026-03-01T10:00:00.000Z', outcome: 'failed', lastStop: 'zookeeper@node1 failed'});
	store.appendLog('docker@node1', '$ yum -y install docker-ce\nComplete!\n');
	store.appendLog('zookeeper@node1', '$ systemctl start zookeeper\n! Job failed\n');
	return store;
}

describe('status', () => {
	it('shows every step with its state, tries and timing, including steps not yet started', async () => {
		labWithHistory();
		const ctx = testContext(home);
		expect(await status({}, ctx)).toBe(0);
		const lines = ctx.stdout.text.trim().split('\n');
		expect(lines[0]).toBe('lab home-lab · failed (zookeeper@node1 failed)');
		expect(lines[1]).toMatch(/^STEP\s+STATE\s+TRIES\s+STARTED\s+TOOK\s+NOTE$/);
		expect(lines[2]).toMatch(/^docker@node1\s+done\s+1\s+2026-03-01 10:00:00\s+1m30s\s+applied and verified$/);
		expect(lines[3]).toMatch(/^zookeeper@node1\s+failed\s+2\s+.*5s\s+`systemctl start zookeeper` ended with exit 1$/);
		expect(lines[4]).toMatch(/^mesos@node1\s+pending\s+0\s+-\s+-$/);
	});

	it('prints the same facts as JSON', async () => {
		labWithHistory();
		const ctx = testContext(home);
		await status({json: true, labId: 'home-lab'}, ctx);
		const parsed = JSON.parse(ctx.stdout.text);
		expect(parsed.steps.map((row: {key: string; status: string}) => `${row.key}=${row.status}`)).toEqual(['docker@node1=done', 'zookeeper@node1=failed', 'mesos@node1=pending']);
		expect(parsed.steps[0].durationMs).toBe(90_000);
		expect(parsed.run.outcome).toBe('failed');
	});

	it('asks which lab when there are several', async () => {
		CheckpointStore.open(home, 'lab-a');
		CheckpointStore.open(home, 'lab-b');
		await expect(status({}, testContext(home))).rejects.toThrow(/several labs under .*: lab-a, lab-b/);
	});
});

describe('logs', () => {
	it('prints one step\'s log, or every log with a header', async () => {
		labWithHistory();
		const one = testContext(home);
		await logs({step: 'docker@node1'}, one);
		expect(one.stdout.text).toBe('$ yum -y install docker-ce\nComplete!\n');
		const all = testContext(home);
		await logs({}, all);
		expect(all.stdout.text).toBe('==> docker@node1 <==\n$ yum -y install docker-ce\nComplete!\n==> zookeeper@node1 <==\n$ systemctl start zookeeper\n! Job failed\n');
	});

	it('suggests the nearest step for a misspelt one', async () => {
		labWithHistory();
		await expect(logs({step: 'zookeper@node1'}, testContext(home))).rejects.toMatchObject({hint: expect.stringContaining('Did you mean zookeeper@node1?')});
	});
});

describe('reset', () => {
	it('removes the lab only after the id is typed back', async () => {
		labWithHistory();
		await expect(reset({}, testContext(home, 'wrong\n'))).rejects.toBeInstanceOf(UserInputError);
		expect(CheckpointStore.exists(home, 'home-lab')).toBe(true);
		expect(await reset({}, testContext(home, 'home-lab\n'))).toBe(0);
		expect(CheckpointStore.exists(home, 'home-lab')).toBe(false);
	});

	it('refuses a lab in use', async () => {
		const store = labWithHistory();
		const held = acquireLabLock(store.dir);
		await expect(reset({yes: true}, testContext(home))).rejects.toBeInstanceOf(LockedError);
		held.release();
	});
});

describe('resume', () => {
	const savedLab = validateLab({language: 'en', hosts: [{name: 'node1', address: '10.0.0.5'}]}, 'the test lab');

	/** The wizard's effects over a fake host and the given steps, keeping what the plan was built from. */
	function wizardOver(exec: FakeExecutor, steps: Step[], builtFrom: Lab[]): ResumeDepsFactory {
		return (ctx, options) => ({
			interview: {
				tryConnect: async () => ({ok: false, error: 'a resume asks nothing'}),
				trustHostKey: async () => undefined,
				detectAddress: async () => undefined,
				probeMirror: async () => ({ok: false, detail: 'a resume asks nothing'}),
			},
			prepareRun: async (lab, choices) => prepareLabRun({
				lab, home: ctx.home, labId: options.labId, executorFor: () => exec, jobs: new FakeJobs(), ...choices,
				plan: planned => {
					builtFrom.push(planned);
					return steps;
				},
			}),
			openDashboard: async () => undefined,
			readLog: async () => [],
		});
	}

	it('goes through the wizard on the saved lab: says where it stopped, retries the failed step and completes', async () => {
		const store = labWithHistory();
		store.saveLab(savedLab);
		const exec = new FakeExecutor([{match: 'systemctl start zookeeper'}, {match: 'systemctl start mesos-master'}]);
		const builtFrom: Lab[] = [];
		const steps = [
			fakeStep('docker', {check: () => ({kind: 'satisfied', reason: {zh: 'docker answers', en: 'docker answers'}})}),
			fakeStep('zookeeper', {commands: [{command: 'systemctl start zookeeper'}]}),
			fakeStep('mesos', {commands: [{command: 'systemctl start mesos-master'}]}),
		];
		const ctx = testContext(home);
		expect(await resume({}, ctx, wizardOver(exec, steps, builtFrom))).toBe(0);
		expect(builtFrom[0]).toMatchObject({language: 'en', hosts: [{name: 'node1', address: '10.0.0.5'}], roles: {masters: ['node1', 'node1', 'node1']}});
		expect(exec.commands).toEqual(['systemctl start zookeeper', 'systemctl start mesos-master']);
		const journal = store.journal();
		expect(journal.steps['docker@node1']).toMatchObject({status: 'done', reason: {zh: 'docker answers', en: 'docker answers'}});
		expect(journal.steps['zookeeper@node1']).toMatchObject({status: 'done', attempts: 3});
		expect(ctx.stdout.text).toMatch(/^The last run stopped at zookeeper@node1: `systemctl start zookeeper` ended with exit 1\n/);
		expect(ctx.stdout.text).toMatch(/resuming lab home-lab: 3 steps/);
		expect(ctx.stdout.text).toMatch(/run completed\n$/);
	});

	it('speaks the language given with --lang now, not the one the saved lab was started in', async () => {
		const store = labWithHistory();
		store.saveLab(savedLab);
		const builtFrom: Lab[] = [];
		const ctx = {...testContext(home), lang: 'zh' as const, langFlag: 'zh' as const};
		expect(await resume({plain: true}, ctx, wizardOver(new FakeExecutor([]), [fakeStep('docker', {})], builtFrom))).toBe(0);
		expect(builtFrom[0]).toMatchObject({language: 'zh'});
		expect(ctx.stdout.text).toMatch(/继续安装实验环境 home-lab，共 1 步/);
	});

	it('a failure in a plain resume ends the run with exit 1 instead of waiting for a key', async () => {
		const store = labWithHistory();
		store.saveLab(savedLab);
		const exec = new FakeExecutor([{match: 'systemctl start zookeeper', exitCode: 1, stderr: 'Job for zookeeper.service failed'}]);
		const steps = [fakeStep('docker', {}), fakeStep('zookeeper', {commands: [{command: 'systemctl start zookeeper'}]})];
		const ctx = testContext(home);
		expect(await resume({plain: true}, ctx, wizardOver(exec, steps, []))).toBe(1);
		expect(store.journal().steps['zookeeper@node1']).toMatchObject({status: 'failed', attempts: 3});
		expect(ctx.stdout.text).toMatch(/run failed\n$/);
	});

	it('a lab with no saved configuration is named, with the command that starts it again', async () => {
		labWithHistory();
		await expect(resume({}, testContext(home), wizardOver(new FakeExecutor([]), [], []))).rejects.toMatchObject({
			exitCode: 2, message: expect.stringContaining('no saved configuration'), hint: expect.stringContaining('mesos-lab init --lab-id home-lab'),
		});
	});

	it('a saved lab this version cannot use is a typed error with a way on, and the journal stays as it was', async () => {
		const store = labWithHistory();
		// Written by another version, or edited by hand: the port is not a number.
		writeFileSync(store.file, JSON.stringify({...JSON.parse(readFileSync(store.file, 'utf8')) as object, lab: {hosts: [{name: 'node1', address: '10.0.0.5', port: 'twenty-two'}]}}));
		const before = readFileSync(store.file, 'utf8');
		const attempt = resume({}, testContext(home), wizardOver(new FakeExecutor([]), [], []));
		await expect(attempt).rejects.toBeInstanceOf(StoreError);
		await expect(attempt).rejects.toMatchObject({message: expect.stringContaining('hosts.0.port'), hint: expect.stringContaining('--lab-id home-lab')});
		expect(readFileSync(store.file, 'utf8')).toBe(before);
	});
});
