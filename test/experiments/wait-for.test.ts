import {describe, expect, it} from 'vitest';
import {ClusterError} from '../../src/errors.js';
import {localized} from '../../src/i18n/localized.js';
import {waitFor} from '../../src/experiments/wait-for.js';

describe('a wait that runs out of time', () => {
	it('names what it waited for in the reader language, with the last error seen', async () => {
		const failure = await waitFor(localized('labWaitMarathonLeader'), async () => {
			throw new Error('connect ECONNREFUSED 127.0.0.1:8080');
		}, {timeoutMs: 0, pollMs: 1}).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(ClusterError);
		const error = failure as ClusterError;
		expect(error.textIn('zh').message).toContain('选出 Marathon 主节点');
		expect(error.textIn('en').message).toContain('a Marathon leader');
		expect(error.textIn('en').message).toContain('ECONNREFUSED');
	});
});
