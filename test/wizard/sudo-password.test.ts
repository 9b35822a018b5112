import {describe, expect, it} from 'vitest';
import {sudoPasswordSource} from '../../src/wizard/sudo-password.js';

describe('where the sudo password of a connection comes from', () => {
	it('takes MESOS_LAB_SUDO_PASSWORD in an unattended run, without asking', async () => {
		const asked: string[] = [];
		const source = sudoPasswordSource({MESOS_LAB_SUDO_PASSWORD: 'from-env'}, true, 'en', async message => {
			asked.push(message);
			return 'typed';
		});
		expect(await source?.('lab@10.0.0.5')).toBe('from-env');
		expect(asked).toEqual([]);
	});

	it('asks once in the lab\'s language when someone is at the keyboard', async () => {
		const source = sudoPasswordSource({}, true, 'zh', async message => `answer to: ${message}`);
		expect(await source?.('lab@10.0.0.5')).toBe('answer to: lab@10.0.0.5 的 sudo 密码（不会保存）');
	});

	it('has no answer when nobody can be asked and the environment is silent', () => {
		expect(sudoPasswordSource({MESOS_LAB_SUDO_PASSWORD: ''}, false, 'en')).toBeUndefined();
	});
});
