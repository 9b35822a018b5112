import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ConnectionError, HostKeyError, LinkDroppedError, problemIn} from '../../src/errors.js';
import {localized} from '../../src/i18n/localized.js';
import {Runner} from '../../src/runner/runner.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {simpleStep} from '../../src/steps/step-kit.js';
import {FakeExecutor, type FakeCommand} from '../helpers/fake-executor.js';

const inPlace = 'systemctl is-active --quiet docker';
const install = 'yum -y install docker-ce';
const proof = 'docker info';
const dockerStep = simpleStep({
	id: 'docker-install',
	phase: 'docker',
	host: 'node1',
	title: {zh: '安装 Docker', en: 'Install Docker'},
	why: {zh: '容器要用它', en: 'containers need it'},
	done: inPlace,
	proof,
	commands: [{command: install}],
});
const dropped = () => new LinkDroppedError(localized('errTheConnectionDroppedWhileRunning', {label: 'root@node1', commandSummary: inPlace}));

let home: string;
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-probe-retry-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

/** Runs the Docker step on an executor that answers its check as `check` says; the rest succeeds. */
async function runWithCheck(check: readonly FakeCommand[], answers: readonly FakeCommand[] = [{match: proof, stdout: 'Server Version: 26.1.4\n'}]) {
	const exec = new FakeExecutor([...check, {match: install}, ...answers], 'root@node1');
	const store = CheckpointStore.open(home, 'lab');
	const runner = new Runner({labId: 'lab', steps: [dockerStep], store, executorFor: () => exec, onFailure: 'stop', verifyIntervalMs: 1, verifyTimeoutMs: 200});
	const outcome = await runner.run();
	return {outcome, exec, record: store.step('docker-install@node1')};
}

describe('a check whose link drops while it probes', () => {
	it('asks once more on the new link, since a probe changes nothing, and the step goes on', async () => {
		const {outcome, exec, record} = await runWithCheck([
			{match: inPlace, times: 1, throws: dropped()},
			{match: inPlace, exitCode: 3},
		]);
		expect(outcome).toBe('completed');
		expect(exec.commands).toEqual([inPlace, inPlace, install, proof]);
		expect(record).toMatchObject({status: 'done', attempts: 1});
	});

	it('fails the step with the drop as its reason when the link drops again, and installs nothing', async () => {
		const second = dropped();
		const {outcome, exec, record} = await runWithCheck([
			{match: inPlace, times: 1, throws: dropped()},
			{match: inPlace, times: 1, throws: second},
		]);
		expect(outcome).toBe('failed');
		expect(exec.commands).toEqual([inPlace, inPlace]);
		expect(record).toMatchObject({status: 'failed', lastError: problemIn(second)});
	});

	it.each([
		['sudo refuses the password', new ConnectionError(localized('errSudoDidNotAcceptThe', {label: 'lab@node1'}))],
		['the host key is revoked', new HostKeyError(localized('errTheHostKeyOf', {name: 'node1', fingerprint: 'SHA256:x', file: 'known_hosts'}))],
		['the executor itself breaks', new Error('channel 3 is already closed')],
	])('is not asked again when %s: the step fails at once with that reason', async (_, error) => {
		const {outcome, exec, record} = await runWithCheck([{match: inPlace, throws: error}]);
		expect(outcome).toBe('failed');
		expect(exec.commands).toEqual([inPlace]);
		expect(record).toMatchObject({status: 'failed', lastError: problemIn(error)});
	});
});

describe('a proof whose probe cannot run', () => {
	it('fails the step at the verify deadline with the executor\'s own reason, not a bare "does not work"', async () => {
		const refused = new ConnectionError(localized('errSudoDidNotAcceptThe', {label: 'lab@node1'}));
		const {outcome, exec, record} = await runWithCheck([{match: inPlace, exitCode: 3}], [{match: proof, throws: refused}]);
		expect(outcome).toBe('failed');
		expect(exec.commands.slice(0, 3)).toEqual([inPlace, install, proof]);
		const problem = problemIn(refused);
		expect(record).toMatchObject({status: 'failed', lastError: {en: `verification failed: ${problem.en}`, zh: `验证失败：${problem.zh}`}});
	});
});
