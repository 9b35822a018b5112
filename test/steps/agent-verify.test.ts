import {afterEach, describe, expect, it} from 'vitest';
import {validateLab} from '../../src/lab/lab-file.js';
import {mesosAgentSteps} from '../../src/steps/mesos-agent.js';
import {localExecutor} from './local-exec.js';
import {serveFiles} from './serve-files.js';

// The agent's verify asks the first master for /master/slaves, as a real master answers it.
describe('the Mesos agent verify', () => {
	let close: (() => Promise<void>) | undefined;
	afterEach(async () => close?.());

	async function verifyAgainst(slaves: unknown): Promise<{ok: boolean; text: string; zh: string}> {
		const master = await serveFiles({'/master/slaves': {body: JSON.stringify(slaves)}});
		close = master.close;
		const port = Number(new URL(master.base).port);
		const lab = validateLab({language: 'en', hosts: [{name: 'vm', address: '127.0.0.1'}], ports: {masters: [port, 27051, 27052], agent: 27060}}, 'test lab');
		const [agent] = mesosAgentSteps(lab);
		const result = await agent!.verify({exec: localExecutor(), signal: new AbortController().signal});
		const reason = result.ok ? result.proof : result.problem;
		return {ok: result.ok, text: reason.en, zh: reason.zh};
	}

	it('proves the agent registered and offers its CPUs and memory', async () => {
		const result = await verifyAgainst({slaves: [{id: 'S0', hostname: '127.0.0.1', resources: {cpus: 2, mem: 3000, disk: 10_000}}]});
		expect(result).toEqual({
			ok: true,
			text: 'agent 127.0.0.1 is registered and offers cpus:2;mem:3000',
			zh: 'agent 127.0.0.1 已注册，提供资源 cpus:2;mem:3000',
		});
	});

	it.each([
		['no agent registered', {slaves: []}, 'agent 127.0.0.1 is not registered with the leading master', 'agent 127.0.0.1 尚未在主节点（leader）上注册'],
		['another host registered', {slaves: [{hostname: '127.0.0.2', resources: {cpus: 2, mem: 3000}}]}, 'agent 127.0.0.1 is not registered with the leading master', 'agent 127.0.0.1 尚未在主节点（leader）上注册'],
		['the agent offering nothing', {slaves: [{hostname: '127.0.0.1', resources: {cpus: 0, mem: 0}}]}, 'agent 127.0.0.1 is registered but reports no CPUs or memory', 'agent 127.0.0.1 已注册，但没有报告可用的 CPU 或内存'],
	])('fails with %s, told in either language', async (_case, slaves, en, zh) => {
		expect(await verifyAgainst(slaves)).toEqual({ok: false, text: en, zh});
	});

	it('fails with curl\'s own words when the master does not answer', async () => {
		const lab = validateLab({language: 'en', hosts: [{name: 'vm', address: '127.0.0.1'}], ports: {masters: [1, 27051, 27052], agent: 27060}}, 'test lab');
		const [agent] = mesosAgentSteps(lab);
		const result = await agent!.verify({exec: localExecutor(), signal: new AbortController().signal});
		expect(result.ok).toBe(false);
		expect(result.ok ? '' : result.problem.zh).toMatch(/^尚未生效：启动 Mesos agent（端口 27060）：curl: \(7\)/);
	});
});
