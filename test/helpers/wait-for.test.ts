import {describe, expect, it} from 'vitest';
import {waitFor} from './wait-for.js';

describe('a wait that gives up', () => {
	it('shows what was last seen, even when it has to be fetched (a terminal screen is captured on demand)', async () => {
		const screen = async () => 'mesos-lab init\n? Which hosts?';
		await expect(waitFor(() => false, 'the wizard to exit', {timeoutMs: 50, everyMs: 10, lastSeen: screen}))
			.rejects.toThrow('gave up waiting for the wizard to exit after 50 ms; last seen:\nmesos-lab init\n? Which hosts?');
	});

	it('still reports the timeout when what was last seen cannot be read', async () => {
		const gone = async () => {
			throw new Error('can\'t find session: wiz-1');
		};
		await expect(waitFor(() => false, 'the wizard to exit', {timeoutMs: 50, everyMs: 10, lastSeen: gone}))
			.rejects.toThrow('gave up waiting for the wizard to exit after 50 ms; last seen:\n(could not be read: can\'t find session: wiz-1)');
	});
});
