import {afterEach, describe, expect, it} from 'vitest';
import {validateLab} from '../../src/lab/lab-file.js';
import {mesosAgentSteps} from '../../src/steps/mesos-agent.js';
import {localExecutor} from './local-exec.js';
import {serveFiles} from './serve-files.js';

// The agent's verify asks the first master for /master/slaves, as a real master answers it.
describe('the Mesos agent verify', () => {
	let close: (() => Promise<void>) | undefined;
	afterEach(async () => close?.());

	async function verifyAgainst(slaves: unknown): Promise<{ok: boolean; text: string}> {
		const master = await serveFiles({'/master/slaves': {body: JSON.stringify(slaves)}});
		close = master.close;
		const port = Number(new URL(master.base).port);
		const lab = validateLab({language: 'en', hosts: [{name: 'vm', address: '127.0.0.1'}], ports: {masters: [port, 27051, 27052], agent: 27060}}, 'test lab');
		const [agent] = mesosAgentSteps(lab);
		const result = await agent!.verify({exec: localExecutor(), signal: new AbortController().signal});
		return {ok: result.ok, text: result.ok ? result.proof.en : result.problem.en};
	}

	it('proves the agent registered and offers its CPUs and memory', async () => {
		const result = await verifyAgainst({slaves: [{id: 'S0', hostname: '127.0.0.1', resources: {cpus: 2, mem: 3000, disk: 10_000}}]});
		expect(result).toEqual({ok: true, text: expect.stringContaining('127.0.0.1 cpus:2;mem:3000') as unknown as string});
	});

	it.each([
		['no agent registered', {slaves: []}, /agent 127\.0\.0\.1 is not registered/],
		['another host registered', {slaves: [{hostname: '127.0.0.2', resources: {cpus: 2, mem: 3000}}]}, /is not registered/],
		['the agent offering nothing', {slaves: [{hostname: '127.0.0.1', resources: {cpus: 0, mem: 0}}]}, /reports no CPUs or memory/],
	])('fails with %s', async (_case, slaves, problem) => {
		const result = await verifyAgainst(slaves);
		expect(result.ok).toBe(false);
		expect(result.text).toMatch(problem);
	});
});
