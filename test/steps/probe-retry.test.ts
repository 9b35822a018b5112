import {describe, expect, it} from 'vitest';
import {ConnectionError} from '../../src/errors.js';
import type {Executor} from '../../src/exec/executor.js';
import {checkBy} from '../../src/steps/step-kit.js';

/** An executor whose link drops during the first command, as an SSH connection can. */
function droppingOnce(): Executor & {runs: number} {
	const exec = {
		label: 'root@node1',
		runs: 0,
		async run() {
			exec.runs += 1;
			if (exec.runs === 1) {
				throw new ConnectionError('root@node1: the connection dropped while running: systemctl is-active --quiet docker');
			}
			return {exitCode: 0, stdout: '', stderr: '', durationMs: 1};
		},
		upload: async () => {},
		download: async () => ({content: Buffer.alloc(0), mode: 0o644}),
		close: async () => {},
	};
	return exec;
}

describe('a check whose link drops while it probes', () => {
	it('asks once more on the new link instead of failing the step, since a probe changes nothing', async () => {
		const exec = droppingOnce();
		const result = await checkBy('systemctl is-active --quiet docker', 'docker runs', 'docker does not run')({exec, signal: new AbortController().signal});
		expect(result).toEqual({kind: 'satisfied', reason: 'docker runs'});
		expect(exec.runs).toBe(2);
	});
});
