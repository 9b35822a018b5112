import {describe, expect, it} from 'vitest';
import {defaultLab} from '../../src/lab/lab-file.js';
import type {Lab} from '../../src/lab/lab-schema.js';
import {dockerPasswordRequest} from '../../src/steps/secrets.js';
import {registryPasswordSource} from '../../src/install/registry-password.js';

const request = dockerPasswordRequest('docker.io', 'newcomer');

function labWithLogin(language: 'zh' | 'en'): Lab {
	const lab = defaultLab({address: '192.0.2.10', language});
	return {...lab, docker: {...lab.docker, login: {registry: 'docker.io', user: 'newcomer'}}};
}

function recordingAsk(answer: string) {
	const asked: string[] = [];
	return {
		asked,
		ask: async (question: {zh: string; en: string}) => {
			asked.push(question.en);
			return answer;
		},
	};
}

describe('the registry password for docker login', () => {
	it('is asked once when the lab logs in and someone is at the terminal', async () => {
		const {asked, ask} = recordingAsk('s3cret');
		const source = await registryPasswordSource(labWithLogin('en'), {}, ask);
		expect(await source(request)).toBe('s3cret');
		expect(await source(request)).toBe('s3cret');
		expect(asked).toEqual(['Password or access token of newcomer on docker.io (not saved)']);
	});

	it('comes from MESOS_LAB_DOCKER_PASSWORD without a question when it is set', async () => {
		const {asked, ask} = recordingAsk('typed');
		const source = await registryPasswordSource(labWithLogin('zh'), {MESOS_LAB_DOCKER_PASSWORD: 'from-env'}, ask);
		expect(await source(request)).toBe('from-env');
		expect(asked).toEqual([]);
	});

	it('is never asked in an unattended run: without the variable, the step gets nothing', async () => {
		const source = await registryPasswordSource(labWithLogin('en'), {}, undefined);
		expect(await source(request)).toBeUndefined();
	});

	it('is not asked for a lab that does not log in', async () => {
		const {asked, ask} = recordingAsk('typed');
		await registryPasswordSource(defaultLab({address: '192.0.2.10'}), {}, ask);
		expect(asked).toEqual([]);
	});
});
