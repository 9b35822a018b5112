import {localized} from '../../src/i18n/localized.js';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {defaultLab, validateLab} from '../../src/lab/lab-file.js';
import type {RunnerEvent} from '../../src/runner/events.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import type {Journal} from '../../src/state/journal.js';
import type {Step} from '../../src/steps/step.js';
import type {LearnPause} from '../../src/install/learn-gate.js';
import {lastStopOf, prepareLabRun, type LabRunInput} from '../../src/install/lab-run.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {FakeJobs, fakeStep} from '../runner/fake-steps.js';

const lab = defaultLab({address: '10.0.0.5', language: 'en'});
let home: string;
beforeEach(async () => {
	home = await mkdtemp(join(tmpdir(), 'mesos-lab-wizard-run-'));
});
afterEach(async () => {
	await rm(home, {recursive: true, force: true});
});

async function prepare(steps: Step[], exec: FakeExecutor, extra: Partial<LabRunInput> = {}) {
	const prepared = await prepareLabRun({lab, home, labId: 'lab1', executorFor: () => exec, resume: false, onFailure: 'ask', plan: () => steps, ...extra});
	const events: RunnerEvent[] = [];
	prepared.run.on(event => events.push(event));
	return {prepared, events};
}

describe('learn mode', () => {
	const steps = () => [
		fakeStep('install-docker', {commands: [{command: 'yum install -y docker-ce'}, {command: 'systemctl start docker'}]}),
		fakeStep('install-java', {check: () => ({kind: 'satisfied', reason: {zh: 'java 1.8 found', en: 'java 1.8 found'}})}),
		fakeStep('install-zookeeper', {commands: [{command: 'tar xzf zookeeper.tar.gz'}]}),
		fakeStep('build-mesos', {commands: [{command: 'make -j2'}]}),
	];

	test('each step that needs doing waits, showing its commands, until the user says run or skip', async () => {
		const exec = new FakeExecutor([{match: 'yum install -y docker-ce'}, {match: 'systemctl start docker'}, {match: 'make -j2'}]);
		const {prepared} = await prepare(steps(), exec, {learn: true});
		const learn = prepared.run.learn!;
		const pauses: LearnPause[] = [];
		learn.onPause(pause => pauses.push(pause));
		const outcome = prepared.run.start();

		await vi.waitFor(() => {
			expect(pauses).toHaveLength(1);
		});
		expect(pauses[0]).toEqual({key: 'install-docker@node1', commands: ['$ yum install -y docker-ce', '$ systemctl start docker']});
		expect(exec.commands).toEqual([]);
		learn.decide('install-docker@node1', 'run');

		await vi.waitFor(() => {
			expect(pauses).toHaveLength(2);
		});
		expect(pauses[1]?.key).toBe('install-zookeeper@node1');
		learn.decide('install-zookeeper@node1', 'skip');

		await vi.waitFor(() => {
			expect(pauses).toHaveLength(3);
		});
		learn.decide('build-mesos@node1', 'run');
		expect(await outcome).toBe('completed');
		expect(exec.commands).toEqual(['yum install -y docker-ce', 'systemctl start docker', 'make -j2']);
		const journal = CheckpointStore.open(home, 'lab1').journal();
		// The user's skip is kept as theirs (resume leaves the step alone); a check's is looked at again.
		expect(journal.steps['install-java@node1']).toMatchObject({status: 'skipped', reason: {zh: 'java 1.8 found', en: 'java 1.8 found'}, skippedBy: 'check'});
		expect(journal.steps['install-zookeeper@node1']).toMatchObject({status: 'skipped', reason: localized('learnSkipped'), skippedBy: 'request'});
	});

	test('"run the rest without pausing" stops asking for the steps after it', async () => {
		const exec = new FakeExecutor([{match: /./}]);
		const {prepared} = await prepare(steps(), exec, {learn: true});
		const pauses: string[] = [];
		prepared.run.learn!.onPause(pause => {
			pauses.push(pause.key);
			prepared.run.learn!.decide(pause.key, 'run-through');
		});
		expect(await prepared.run.start()).toBe('completed');
		expect(pauses).toEqual(['install-docker@node1']);
		expect(exec.commands).toEqual(['yum install -y docker-ce', 'systemctl start docker', 'tar xzf zookeeper.tar.gz', 'make -j2']);
	});

	test('quitting while a step waits ends the run as stopped, with nothing run', async () => {
		const exec = new FakeExecutor([]);
		const {prepared} = await prepare(steps(), exec, {learn: true});
		prepared.run.learn!.onPause(() => {
			prepared.run.stop();
		});
		expect(await prepared.run.start()).toBe('stopped');
		expect(exec.commands).toEqual([]);
	});

	test('without learn mode nothing pauses', async () => {
		const {prepared} = await prepare(steps(), new FakeExecutor([{match: /./}]));
		expect(prepared.run.learn).toBeUndefined();
		expect(await prepared.run.start()).toBe('completed');
	});
});

describe('the stall remedy', () => {
	test('one call stops the silent job and starts it again, without a failure screen in between', async () => {
		const jobs = new FakeJobs();
		const exec = new FakeExecutor([]);
		const build = fakeStep('build-mesos', {commands: [{command: 'make -j2', detached: {name: 'mesos-build'}}]});
		const {prepared, events} = await prepare([build], exec, {jobs, jobPollMs: 20});
		const outcome = prepared.run.start();
		await vi.waitFor(() => {
			expect(events.some(event => event.type === 'job-attached')).toBe(true);
		});

		prepared.run.restartJob!('build-mesos@node1');
		await vi.waitFor(() => {
			expect(events.filter(event => event.type === 'job-attached')).toHaveLength(2);
		});
		jobs.write('mesos-build', '[ 51%] Building CXX object src/master.o\n');
		jobs.exits.set('mesos-build', 0);

		expect(await outcome).toBe('completed');
		expect(jobs.stopped).toEqual(['mesos-build']);
		expect(jobs.started).toBe(2);
		// The step itself ran once: only its job started again.
		expect(events.filter(event => event.type === 'step-started')).toHaveLength(1);
		expect(events.some(event => event.type === 'step-failed')).toBe(false);
	});

	test('a plain run, where nobody can press the key, offers no remedy', async () => {
		const {prepared} = await prepare([], new FakeExecutor([]), {onFailure: 'stop'});
		expect(prepared.run.restartJob).toBeUndefined();
	});
});

describe('what a run leaves for `mesos-lab resume`', () => {
	test('the lab is saved beside the journal and reads back as the same lab', async () => {
		const {prepared} = await prepare([fakeStep('install-docker', {})], new FakeExecutor([]));
		expect(await prepared.run.start()).toBe('completed');
		const saved = CheckpointStore.open(home, 'lab1').journal().lab;
		expect(validateLab(saved, 'the saved lab')).toEqual(lab);
	});
});

describe('where the last run stopped', () => {
	const journal = (steps: Journal['steps'], run?: Journal['run']): Journal => ({schemaVersion: 1, labId: 'lab1', order: Object.keys(steps), steps, ...(run ? {run} : {})});

	test('a failed step is named with its error', () => {
		expect(lastStopOf(journal({
			'install-docker@node1': {status: 'done', attempts: 1},
			'build-mesos@node1': {status: 'failed', attempts: 2, lastError: '`make` ended with exit 2'},
		}), 'en')).toEqual({step: 'build-mesos@node1', reason: '`make` ended with exit 2'});
	});

	test('a failed step\'s error is given in the language of the run that resumes it', () => {
		const lastError = localized('stepCommandEnded', {command: 'make', exit: '2'});
		const failed = journal({'build-mesos@node1': {status: 'failed', attempts: 1, lastError}});
		expect(lastStopOf(failed, 'zh')).toEqual({step: 'build-mesos@node1', reason: lastError.zh});
		expect(lastStopOf(failed, 'en')).toEqual({step: 'build-mesos@node1', reason: lastError.en});
		const stopped = localized('runnerLastStopDuring', {step: 'build-mesos@node1'});
		expect(lastStopOf(journal({}, {startedAt: '2026-01-10T08:00:00.000Z', outcome: 'stopped', lastStop: stopped}), 'zh')?.reason).toBe(stopped.zh);
	});

	test('a step cut off while its build ran says the build is picked up again', () => {
		const job = {name: 'mesos-build', dir: '/var/lib/mesos-lab/jobs/mesos-build', command: 'make', startedAt: '2026-01-10T08:00:00.000Z', readBytes: 10};
		expect(lastStopOf(journal({'build-mesos@node1': {status: 'running', attempts: 1, job}}), 'en')?.reason).toContain('detached job mesos-build ran on the target; it is re-attached');
	});

	test('otherwise the run says why it stopped, and a clean journal says nothing', () => {
		expect(lastStopOf(journal({}, {startedAt: '2026-01-10T08:00:00.000Z', outcome: 'stopped', lastStop: 'stopped during build-mesos@node1'}), 'en'))
			.toEqual({step: 'the run', reason: 'stopped during build-mesos@node1'});
		expect(lastStopOf(journal({'install-docker@node1': {status: 'done', attempts: 1}}), 'en')).toBeUndefined();
	});
});
