import {localized} from '../../src/i18n/localized.js';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConnectionError} from '../../src/errors.js';
import type {RunnerEvent} from '../../src/runner/events.js';
import {Runner} from '../../src/runner/runner.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import type {Step} from '../../src/steps/step.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {FakeJobs, fakeStep} from './fake-steps.js';
import {waitFor} from '../helpers/wait-for.js';

let home: string;
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-runner-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

function runnerFor(steps: Step[], exec: FakeExecutor, extra: Partial<ConstructorParameters<typeof Runner>[0]> = {}) {
	const store = CheckpointStore.open(home, 'lab');
	const runner = new Runner({labId: 'lab', steps, store, executorFor: () => exec, verifyIntervalMs: 1, jobPollMs: 1, ...extra});
	const events: RunnerEvent[] = [];
	runner.on(event => events.push(event));
	return {store, runner, events};
}

describe('runner', () => {
	it('runs needed steps, skips satisfied ones with the reason, and logs output per step', async () => {
		const exec = new FakeExecutor([{match: 'yum -y install docker-ce', stdout: 'Installed: docker-ce\n'}]);
		const steps = [
			fakeStep('docker-install', {commands: [{command: 'yum -y install docker-ce'}]}),
			fakeStep('selinux', {check: () => ({kind: 'satisfied', reason: {zh: 'SELinux is already permissive', en: 'SELinux is already permissive'}})}),
		];
		const {store, runner, events} = runnerFor(steps, exec);

		expect(await runner.run()).toBe('completed');

		expect(store.step('docker-install@node1')?.status).toBe('done');
		expect(store.step('selinux@node1')).toMatchObject({status: 'skipped', reason: {zh: 'SELinux is already permissive', en: 'SELinux is already permissive'}});
		expect(store.readLog('docker-install@node1')).toContain('Installed: docker-ce');
		expect(events.map(event => event.type)).toEqual([
			'run-started', 'step-started', 'step-checked', 'command-started', 'command-output', 'command-finished', 'step-verified', 'step-finished',
			'step-started', 'step-checked', 'step-finished', 'run-finished',
		]);
		expect(store.journal().run?.outcome).toBe('completed');
	});

	it('a failing script is named by its working line, and the full log the failure points to exists', async () => {
		const program = 'set -euo pipefail\nv=$(docker info --format "{{.ServerVersion}}")\necho "$v"\n[ "${v%%.*}" -lt 26 ]';
		const command = `bash -c '${program}'`;
		const exec = new FakeExecutor([{match: /docker info/, exitCode: 1, stderr: 'Cannot connect to the Docker daemon\n'}]);
		const {store, runner, events} = runnerFor([fakeStep('docker-version', {commands: [{command}]})], exec, {onFailure: 'stop'});
		await runner.run();
		const failed = events.find(event => event.type === 'step-failed');
		expect(failed?.type === 'step-failed' && failed.error).toBe('`bash -c \'set -euo pipefail … v=$(docker info --format "{{.ServerVersion}}") … (a 4-line script)` ended with exit 1');
		expect(failed?.type === 'step-failed' && existsSync(failed.logPath)).toBe(true);
		expect(store.readLog('docker-version@node1')).toContain('✗ `bash -c');
	});

	it('a step whose check fails before printing anything still has the log its failure names', async () => {
		const steps = [fakeStep('preflight-memory', {check: () => {
			throw new ConnectionError('root@node1: the connection dropped while running: cat /proc/meminfo');
		}})];
		const {store, runner, events} = runnerFor(steps, new FakeExecutor([]), {onFailure: 'stop'});
		await runner.run();
		const failed = events.find(event => event.type === 'step-failed');
		expect(failed?.type === 'step-failed' && existsSync(failed.logPath)).toBe(true);
		expect(store.readLog('preflight-memory@node1')).toContain('the connection dropped while running: cat /proc/meminfo');
	});

	it('saves every transition before a listener hears of it', async () => {
		const exec = new FakeExecutor([{match: 'true'}]);
		const {store, runner} = runnerFor([fakeStep('one', {commands: [{command: 'true'}]})], exec);
		const seen: string[] = [];
		runner.on(event => {
			if (event.type === 'step-started' || event.type === 'step-finished') {
				seen.push(`${event.type}:${store.step(event.step.key)?.status}`);
			}
			if (event.type === 'run-finished') {
				seen.push(`${event.type}:${store.journal().run?.outcome}`);
			}
		});
		await runner.run();
		expect(seen).toEqual(['step-started:running', 'step-finished:done', 'run-finished:completed']);
	});

	it('fails a step with the matching hint, the last lines and the log path, and stops there', async () => {
		const exec = new FakeExecutor([{match: /^systemctl start docker/, stderr: 'Job for docker.service failed\noverlay: unsupported filesystem\n', exitCode: 1}]);
		const steps = [
			fakeStep('docker-start', {
				commands: [{command: 'systemctl start docker'}],
				hints: [{id: 'overlay', matches: /overlay/, hint: {zh: '文件系统不支持 overlay', en: 'The filesystem does not support overlay: use xfs with ftype=1.'}}],
			}),
			fakeStep('never-reached', {}),
		];
		const {store, runner, events} = runnerFor(steps, exec);

		expect(await runner.run()).toBe('failed');

		const failed = events.find(event => event.type === 'step-failed');
		expect(failed).toMatchObject({
			hint: 'The filesystem does not support overlay: use xfs with ftype=1.',
			lastLines: ['Job for docker.service failed', 'overlay: unsupported filesystem'],
			logPath: store.logPath('docker-start@node1'),
		});
		expect(store.step('docker-start@node1')).toMatchObject({status: 'failed', lastError: localized('stepCommandEnded', {command: 'systemctl start docker', exit: '1'})});
		// The hint is kept in both languages, for a later `status` or resume in either.
		expect(store.step('docker-start@node1')).toMatchObject({hint: {zh: '文件系统不支持 overlay', en: 'The filesystem does not support overlay: use xfs with ftype=1.'}});
		expect(store.step('never-reached@node1')?.status).toBe('pending');
		expect(store.journal().run).toMatchObject({outcome: 'failed'});
	});

	it('waits on a failure when asked, and runs the step again on retry', async () => {
		const exec = new FakeExecutor([{match: 'flaky', exitCode: 1, times: 1}, {match: 'flaky'}]);
		const {store, runner} = runnerFor([fakeStep('flaky', {commands: [{command: 'flaky'}]})], exec, {onFailure: 'ask'});
		const outcome = runner.run();
		await waitFor(() => store.step('flaky@node1')?.status === 'failed');
		runner.retry('flaky@node1');
		expect(await outcome).toBe('completed');
		expect(store.step('flaky@node1')).toMatchObject({status: 'done', attempts: 2});
	});

	it('skips a failed step on request and goes on', async () => {
		const exec = new FakeExecutor([{match: 'broken', exitCode: 3}, {match: 'after'}]);
		const steps = [fakeStep('broken', {commands: [{command: 'broken'}]}), fakeStep('after', {commands: [{command: 'after'}]})];
		const {store, runner} = runnerFor(steps, exec, {onFailure: 'ask'});
		const outcome = runner.run();
		await waitFor(() => store.step('broken@node1')?.status === 'failed');
		runner.skip('broken@node1');
		expect(await outcome).toBe('completed');
		expect(store.step('broken@node1')).toMatchObject({status: 'skipped', reason: localized('runnerSkippedAfterFailure')});
		expect(store.step('after@node1')?.status).toBe('done');
	});

	it('checks again on the next run a step its check found in place, but keeps a skip someone asked for', async () => {
		let leaders = 1;
		const exec = new FakeExecutor([{match: 'broken', exitCode: 3}]);
		const steps = [
			fakeStep('broken', {commands: [{command: 'broken'}]}),
			fakeStep('ensemble', {
				check: () => (leaders === 1 ? {kind: 'satisfied', reason: {zh: 'one leader', en: 'one leader'}} : {kind: 'needed', reason: {zh: 'no leader', en: 'no leader'}}),
				verify: () => ({ok: false, problem: {zh: 'no leader', en: 'no leader'}}),
			}),
		];
		const first = runnerFor(steps, exec, {onFailure: 'ask', verifyTimeoutMs: 0});
		const outcome = first.runner.run();
		await waitFor(() => first.store.step('broken@node1')?.status === 'failed');
		first.runner.skip('broken@node1');
		expect(await outcome).toBe('completed');
		expect(first.store.step('ensemble@node1')).toMatchObject({status: 'skipped', reason: {zh: 'one leader', en: 'one leader'}});

		leaders = 0;
		const second = runnerFor(steps, exec, {verifyTimeoutMs: 0});
		expect(await second.runner.run()).toBe('failed');
		expect(second.store.step('broken@node1')).toMatchObject({status: 'skipped', reason: localized('runnerSkippedAfterFailure')});
		expect(second.store.step('ensemble@node1')).toMatchObject({status: 'failed', lastError: localized('runnerVerificationFailed', {problem: 'no leader'})});
	});

	it('polls verify until it passes, and fails with the problem at the deadline', async () => {
		let calls = 0;
		const exec = new FakeExecutor([]);
		const slow = fakeStep('slow', {phase: 'zookeeper', verify: () => (++calls < 3 ? {ok: false, problem: {zh: 'not yet', en: 'not yet'}} : {ok: true, proof: {zh: 'port 2181 answers', en: 'port 2181 answers'}})});
		const never = fakeStep('never', {phase: 'mesos-masters', verify: () => ({ok: false, problem: {zh: 'port 5050 closed', en: 'port 5050 closed'}})});
		const {store, runner} = runnerFor([slow, never], exec, {verifyTimeoutMs: 50});
		expect(await runner.run()).toBe('failed');
		expect(calls).toBe(3);
		expect(store.step('never@node1')).toMatchObject({status: 'failed', lastError: localized('runnerVerificationFailed', {problem: 'port 5050 closed'})});
	});

	it('takes a preflight verdict at its first answer: waiting does not change the OS a machine runs', async () => {
		let probes = 0;
		const os = fakeStep('preflight-os', {phase: 'preflight', verify: () => {
			const problem = `found debian 12 (probe ${++probes})`;
			return {ok: false, problem: {zh: problem, en: problem}};
		}});
		const {store, runner} = runnerFor([os], new FakeExecutor([]), {verifyTimeoutMs: 60_000, verifyIntervalMs: 2000});
		expect(await runner.run()).toBe('failed');
		expect(probes).toBe(1);
		expect(store.step('preflight-os@node1')).toMatchObject({status: 'failed', lastError: localized('runnerVerificationFailed', {problem: 'found debian 12 (probe 1)'})});
	});

	it('re-checks done steps on resume and re-runs one whose facts changed', async () => {
		let installed = false;
		const exec = new FakeExecutor([{match: 'install', times: 2}]);
		const step = fakeStep('pkg', {
			check: () => (installed ? {kind: 'satisfied', reason: {zh: 'package present', en: 'package present'}} : {kind: 'needed', reason: {zh: 'package missing', en: 'package missing'}}),
			commands: [{command: 'install'}],
		});
		const first = runnerFor([step], exec);
		await first.runner.run();
		installed = true;
		const second = runnerFor([step], exec);
		await second.runner.run({resumed: true});
		expect(second.store.step('pkg@node1')).toMatchObject({status: 'done', reason: {zh: 'package present', en: 'package present'}});
		expect(exec.commands).toEqual(['install']);
		installed = false;
		await runnerFor([step], exec).runner.run({resumed: true});
		expect(exec.commands).toEqual(['install', 'install']);
	});

	it('re-attaches to a detached job after a stop and shows every line exactly once', async () => {
		const jobs = new FakeJobs();
		const exec = new FakeExecutor([{match: 'after-build'}]);
		const step = fakeStep('mesos-build', {commands: [{command: 'make -j2', detached: {name: 'mesos-build'}}, {command: 'after-build'}]});
		const first = runnerFor([step], exec, {jobs});
		const lines: string[] = [];
		first.runner.on(event => event.type === 'command-output' && lines.push(event.line));
		const firstRun = first.runner.run();
		await waitFor(() => jobs.started === 1);
		jobs.write('mesos-build', 'compiling a.cc\ncompiling b');
		await waitFor(() => lines.length === 1);
		first.runner.stop();
		expect(await firstRun).toBe('stopped');
		expect(first.store.step('mesos-build@node1')).toMatchObject({status: 'running', job: {name: 'mesos-build', readBytes: 'compiling a.cc\n'.length}});

		jobs.write('mesos-build', '.cc\nlinking mesos\n');
		jobs.exits.set('mesos-build', 0);
		const second = runnerFor([step], exec, {jobs});
		second.runner.on(event => event.type === 'command-output' && lines.push(event.line));
		expect(await second.runner.run({resumed: true})).toBe('completed');

		expect(jobs.started).toBe(1);
		expect(lines).toEqual(['compiling a.cc', 'compiling b.cc', 'linking mesos']);
		expect(second.store.readLog('mesos-build@node1')?.replace(/after \d+ ms/g, 'after N ms')).toBe('$ make -j2\ncompiling a.cc\ncompiling b.cc\nlinking mesos\n# exit 0 after N ms\n$ after-build\n# exit 0 after N ms\n');
		expect(exec.commands).toEqual(['after-build']);
		expect(second.store.step('mesos-build@node1')?.status).toBe('done');
	});

	it('restarts a silent job on request: the step keeps going and its earlier commands do not run again', async () => {
		const jobs = new FakeJobs();
		const exec = new FakeExecutor([{match: 'fetch sources', times: 1}]);
		const step = fakeStep('mesos-build', {commands: [{command: 'fetch sources'}, {command: 'make -j2', detached: {name: 'mesos-build'}}]});
		const {store, runner, events} = runnerFor([step], exec, {jobs, onFailure: 'ask'});
		const outcome = runner.run();
		await waitFor(() => jobs.started === 1);
		jobs.write('mesos-build', 'compiling a.cc\n');
		await waitFor(() => {
			const record = store.step('mesos-build@node1');
			return record?.status === 'running' && record.job?.readBytes === 'compiling a.cc\n'.length;
		});

		expect(await runner.restartJob('mesos-build@node1')).toBe(true);
		await waitFor(() => jobs.started === 2);
		jobs.write('mesos-build', 'compiling b.cc\n');
		jobs.exits.set('mesos-build', 0);

		expect(await outcome).toBe('completed');
		expect(jobs.stopped).toEqual(['mesos-build']);
		expect(exec.commands).toEqual(['fetch sources']);
		expect(events.filter(event => event.type === 'step-failed')).toEqual([]);
		expect(store.readLog('mesos-build@node1')).toContain('# mesos-build stopped for a restart; starting it again\ncompiling b.cc\n');
		expect(store.step('mesos-build@node1')).toMatchObject({status: 'done', attempts: 1});
	});

	it('has nothing to restart when the step follows no job', async () => {
		const {runner} = runnerFor([], new FakeExecutor([]), {jobs: new FakeJobs()});
		expect(await runner.restartJob('mesos-build@node1')).toBe(false);
	});

	it('asks its gate before a needed step applies, and saves a skip there as the user\'s', async () => {
		const exec = new FakeExecutor([{match: 'yum install -y docker-ce'}]);
		const steps = [
			fakeStep('install-java', {check: () => ({kind: 'satisfied', reason: {zh: 'java 1.8 found', en: 'java 1.8 found'}})}),
			fakeStep('install-zookeeper', {commands: [{command: 'tar xzf zookeeper.tar.gz'}]}),
			fakeStep('install-docker', {commands: [{command: 'yum install -y docker-ce'}]}),
		];
		const asked: Array<{key: string; commands: string[]}> = [];
		const {store, runner} = runnerFor(steps, exec, {
			gate: async ({step, plan}) => {
				asked.push({key: step.key, commands: plan.commands.map(command => command.command)});
				return step.id === 'install-zookeeper' ? {kind: 'skip', reason: {zh: 'not now', en: 'not now'}} : {kind: 'apply'};
			},
		});

		expect(await runner.run()).toBe('completed');
		expect(asked).toEqual([
			{key: 'install-zookeeper@node1', commands: ['tar xzf zookeeper.tar.gz']},
			{key: 'install-docker@node1', commands: ['yum install -y docker-ce']},
		]);
		expect(exec.commands).toEqual(['yum install -y docker-ce']);
		expect(store.step('install-java@node1')).toMatchObject({status: 'skipped', skippedBy: 'check'});
		expect(store.step('install-zookeeper@node1')).toMatchObject({status: 'skipped', reason: {zh: 'not now', en: 'not now'}, skippedBy: 'request'});

		// Resume keeps the user's skip and asks nothing about it again.
		asked.length = 0;
		const again = runnerFor(steps, exec, {gate: async ({step}) => {
			asked.push({key: step.key, commands: []});
			return {kind: 'apply'};
		}});
		expect(await again.runner.run({resumed: true})).toBe('completed');
		expect(asked.map(entry => entry.key)).toEqual(['install-docker@node1']);
	});

	it('fails with the job\'s own exit status', async () => {
		const jobs = new FakeJobs();
		const exec = new FakeExecutor([]);
		const {store, runner} = runnerFor([fakeStep('build', {commands: [{command: 'make', detached: {name: 'build'}}]})], exec, {jobs});
		const outcome = runner.run();
		await waitFor(() => jobs.started === 1);
		jobs.write('build', 'error: out of memory\n');
		jobs.exits.set('build', 2);
		expect(await outcome).toBe('failed');
		expect(store.step('build@node1')).toMatchObject({status: 'failed', lastError: localized('stepCommandEnded', {command: 'make', exit: '2'})});
	});
	it('probes again when the link drops during a verify, and finishes the step once the probe answers', async () => {
		const exec = new FakeExecutor([{match: 'systemctl start zk'}]);
		let probes = 0;
		const steps = [fakeStep('zookeeper-member-3', {
			phase: 'zookeeper',
			commands: [{command: 'systemctl start zk'}],
			verify: () => {
				probes += 1;
				if (probes === 1) {
					throw new ConnectionError('root@node1: the connection dropped while running: srvr', {hint: 'Check the network.'});
				}
				return {ok: true, proof: {zh: 'member 3 answers srvr', en: 'member 3 answers srvr'}};
			},
		})];
		const {store, runner} = runnerFor(steps, exec, {verifyTimeoutMs: 5000});

		expect(await runner.run()).toBe('completed');
		expect(probes).toBe(2);
		expect(store.step('zookeeper-member-3@node1')?.status).toBe('done');
	});
});
