import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import type {CommandResult, RunOptions} from '../../src/exec/executor.js';
import type {JobProgress} from '../../src/runner/events.js';
import {Runner} from '../../src/runner/runner.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {buildProgressLine, lastBuildProgress} from '../../src/steps/build-progress-line.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {FakeJobs, fakeStep} from './fake-steps.js';
import {waitFor} from '../helpers/wait-for.js';

let home: string;
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-step-inputs-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

/** Remembers what each command got on stdin. */
class StdinRecorder extends FakeExecutor {
	readonly stdin: Array<string | undefined> = [];
	override async run(command: string, options: RunOptions = {}): Promise<CommandResult> {
		this.stdin.push(options.stdin?.toString());
		return super.run(command, options);
	}
}

describe('what the runner hands to commands and reports from jobs', () => {
	it('feeds a command its stdin without writing it to the step log or the journal', async () => {
		const exec = new StdinRecorder([{match: 'docker login --username newcomer --password-stdin docker.io'}]);
		const store = CheckpointStore.open(home, 'lab');
		const step = fakeStep('docker-login', {commands: [{command: 'docker login --username newcomer --password-stdin docker.io', stdin: 's3cret\n'}]});
		const runner = new Runner({labId: 'lab', steps: [step], store, executorFor: () => exec, verifyIntervalMs: 1});
		expect(await runner.run()).toBe('completed');
		expect(exec.stdin).toEqual(['s3cret\n']);
		expect(store.readLog('docker-login@node1')).not.toContain('s3cret');
		expect(JSON.stringify(store.journal())).not.toContain('s3cret');
	});

	it('passes on the progress the step reads from its job\'s log', async () => {
		const jobs = new FakeJobs();
		const store = CheckpointStore.open(home, 'lab');
		const step = fakeStep('mesos-build', {commands: [{command: 'make', detached: {name: 'mesos-build'}}], jobProgress: lastBuildProgress});
		const runner = new Runner({labId: 'lab', steps: [step], store, executorFor: () => new FakeExecutor([]), jobs, jobPollMs: 1, verifyIntervalMs: 1});
		const progress: JobProgress[] = [];
		runner.on((event) => event.type === 'job-progress' && progress.push(event.job));
		const outcome = runner.run();
		await waitFor(() => jobs.started === 1);
		jobs.write('mesos-build', `  CXX      a.lo\n${buildProgressLine(120, 1400)}\n`);
		await waitFor(() => progress.length === 1);
		jobs.write('mesos-build', '  CXX      b.lo\n');
		await waitFor(() => progress.length === 2);
		jobs.write('mesos-build', `${buildProgressLine(1400, 1400)}\n`);
		jobs.exits.set('mesos-build', 0);
		expect(await outcome).toBe('completed');
		expect(progress.map((entry) => entry.progress)).toEqual([{done: 120, total: 1400}, undefined, {done: 1400, total: 1400}]);
	});
});

