import {describe, expect, it} from 'vitest';
import {sudoPasswordFromEnv} from '../../src/install/sudo-password.js';

describe('the sudo password of an unattended run', () => {
	it('comes from MESOS_LAB_SUDO_PASSWORD', async () => {
		const source = sudoPasswordFromEnv({MESOS_LAB_SUDO_PASSWORD: 'from-env'});
		expect(await source?.('lab@10.0.0.5')).toBe('from-env');
	});

	it('is absent when the environment is silent, so the connection asks at the terminal instead', () => {
		expect(sudoPasswordFromEnv({MESOS_LAB_SUDO_PASSWORD: ''})).toBeUndefined();
		expect(sudoPasswordFromEnv({})).toBeUndefined();
	});
});
