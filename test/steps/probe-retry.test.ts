import {describe, expect, it} from 'vitest';
import {ConnectionError} from '../../src/errors.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {checkBy} from '../../src/steps/step-kit.js';

/** An executor whose link drops during the first command, as an SSH connection can. */
function droppingOnce(): FakeExecutor {
	const probe = 'systemctl is-active --quiet docker';
	return new FakeExecutor([
		{match: probe, times: 1, throws: new ConnectionError(`root@node1: the connection dropped while running: ${probe}`)},
		{match: probe},
	], 'root@node1');
}

describe('a check whose link drops while it probes', () => {
	it('asks once more on the new link instead of failing the step, since a probe changes nothing', async () => {
		const exec = droppingOnce();
		const result = await checkBy('systemctl is-active --quiet docker', {zh: 'docker 在运行', en: 'docker runs'}, {zh: 'docker 没有运行', en: 'docker does not run'})({exec, signal: new AbortController().signal});
		expect(result).toEqual({kind: 'satisfied', reason: {zh: 'docker 在运行', en: 'docker runs'}});
		expect(exec.commands).toHaveLength(2);
	});
});
