import {afterEach, describe, expect, it} from 'vitest';
import {MarathonApi} from '../../src/apps/marathon-api.js';
import {ClusterError, ConnectionError, UserInputError} from '../../src/errors.js';
import {startFakeMarathon} from './helpers/fake-marathon.js';
import {runCli} from './helpers/run-cli.js';

const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
	while (stops.length > 0) {
		await stops.pop()?.();
	}
});

async function fake(options: {deploymentPolls?: number} = {}) {
	const server = await startFakeMarathon(options);
	stops.push(server.stop);
	return server;
}

describe('the Marathon write client', () => {
	it('creates an app with POST, then changes it with PUT, waiting for each deployment', async () => {
		const marathon = await fake();
		const writer = new MarathonApi({urls: [marathon.url]});
		const progress: string[] = [];
		const first = await writer.deploy({id: '/web', cmd: 'sleep 100', instances: 1});
		expect(first.created).toBe(true);
		const outcome = await writer.waitForDeployment(first, {appId: '/web', pollMs: 5, onProgress: p => progress.push(p.actions.join())});
		expect(outcome.kind).toBe('succeeded');
		expect(progress).toContain('ScaleApplication');
		const second = await writer.deploy({id: '/web', cmd: 'sleep 200', instances: 1});
		expect(second.created).toBe(false);
		expect(marathon.requests.filter(r => r.method !== 'GET').map(r => `${r.method} ${r.path}`)).toEqual(['POST /v2/apps', 'PUT /v2/apps/web']);
		expect(marathon.requests.find(r => r.method === 'PUT')?.body).toEqual({cmd: 'sleep 200', instances: 1});
	});

	it('rolls back to the previous version by naming only that version, as Marathon documents', async () => {
		const marathon = await fake({deploymentPolls: 0});
		const writer = new MarathonApi({urls: [marathon.url]});
		await writer.deploy({id: '/web', cmd: 'echo one', instances: 1});
		const [first] = await writer.versions('/web');
		await writer.update('/web', {cmd: 'echo two'});
		const result = await writer.rollback('/web');
		expect(result.to).toBe(first);
		expect(result.definition['cmd']).toBe('echo one');
		const put = marathon.requests.filter(r => r.method === 'PUT').at(-1);
		expect(put).toEqual({method: 'PUT', path: '/v2/apps/web', body: {version: first}});
		expect((await writer.getApp('/web')).cmd).toBe('echo one');
		await expect(writer.rollback('/web', {to: '1999-01-01T00:00:00.000Z'})).rejects.toThrow(/has no version 1999/);
	});

	it('reports a failed deployment with Marathon\'s reason', async () => {
		const marathon = await fake({deploymentPolls: 3});
		marathon.state.outcome = 'failed';
		const writer = new MarathonApi({urls: [marathon.url]});
		const ref = await writer.deploy({id: '/web', cmd: 'x', instances: 1});
		const outcome = await writer.waitForDeployment(ref, {pollMs: 20});
		expect(outcome).toMatchObject({kind: 'failed', reason: 'image pull failed'});
	});

	it('gives up after the timeout', async () => {
		const marathon = await fake();
		marathon.state.outcome = 'never';
		const writer = new MarathonApi({urls: [marathon.url]});
		const ref = await writer.deploy({id: '/web', cmd: 'x', instances: 1});
		expect(await writer.waitForDeployment(ref, {pollMs: 10, timeoutMs: 100})).toMatchObject({kind: 'timed-out'});
	});

	it('turns Marathon\'s refusals into errors with a fix', async () => {
		const marathon = await fake({deploymentPolls: 0});
		const writer = new MarathonApi({urls: [marathon.url]});
		await expect(writer.deploy({id: '/bad', cmd: 'x'})).rejects.toThrow(UserInputError);
		await expect(writer.deploy({id: '/bad', cmd: 'x'})).rejects.toThrow('/mem: must be positive');
		await expect(writer.scale('/missing', 2)).rejects.toThrow("App '/missing' does not exist");
		await writer.deploy({id: '/web', cmd: 'x'});
		marathon.state.locked = true;
		await expect(writer.scale('/web', 2)).rejects.toThrow(ClusterError);
		await expect(writer.scale('/web', 2)).rejects.toThrow(expect.objectContaining({hint: expect.stringContaining('--force')}));
		await expect(writer.scale('/web', 2, {force: true})).resolves.toMatchObject({deploymentId: expect.any(String)});
		expect(marathon.requests.at(-1)?.path).toBe('/v2/apps/web?force=true');
	});

	it('tries the next Marathon when the first does not answer', async () => {
		const marathon = await fake({deploymentPolls: 0});
		const writer = new MarathonApi({urls: ['http://127.0.0.1:1', marathon.url]});
		expect(await writer.listApps()).toEqual([]);
		await expect(new MarathonApi({urls: ['http://127.0.0.1:1']}).listApps()).rejects.toThrow(ConnectionError);
	});
});

describe('mesos-lab app against a Marathon', () => {
	it('deploys, scales and deletes, exiting non-zero with the reason when a deployment fails', async () => {
		const marathon = await fake({deploymentPolls: 1});
		const deployed = await runCli(['app', 'deploy', '--id', '/web', '--image', 'nginx:1.25', '--instances', '2', '--port', '80', '--health', '/', '--spread', 'dc', '--marathon', marathon.url]);
		expect(deployed.stderr).toBe('');
		expect(deployed.code).toBe(0);
		expect(deployed.stdout).toContain('created /web');
		expect(deployed.stdout).toMatch(/placement \["dc","GROUP_BY"\]: Instances are shared evenly/);
		expect(deployed.stdout).toMatch(/deployment d-1 finished/);
		expect(marathon.requests[1]).toMatchObject({method: 'POST', body: {constraints: [['dc', 'GROUP_BY']], instances: 2}});

		const scaled = await runCli(['app', 'scale', '/web', '--instances', '3', '--marathon', marathon.url]);
		expect(scaled.code).toBe(0);
		expect(marathon.requests.find(r => r.method === 'PUT')).toMatchObject({path: '/v2/apps/web', body: {instances: 3}});

		marathon.state.outcome = 'failed';
		const failed = await runCli(['app', 'restart', '/web', '--yes', '--marathon', marathon.url]);
		expect(failed.code).toBe(1);
		expect(failed.stderr).toContain('failed: image pull failed');

		const unconfirmed = await runCli(['app', 'delete', '/web', '--marathon', marathon.url]);
		expect(unconfirmed.code).toBe(2);
		expect(unconfirmed.stderr).toContain('--yes');
		marathon.state.outcome = 'success';
		const deleted = await runCli(['app', 'delete', '/web', '--yes', '--marathon', marathon.url]);
		expect(deleted.code).toBe(0);
		expect(marathon.requests.filter(r => r.method === 'DELETE').map(r => r.path)).toEqual(['/v2/apps/web']);
	});

	it('rejects a bad app file naming the field and the rule, before calling Marathon', async () => {
		const marathon = await fake();
		const {mkdtemp, writeFile, rm} = await import('node:fs/promises');
		const {tmpdir} = await import('node:os');
		const {join} = await import('node:path');
		const dir = await mkdtemp(join(tmpdir(), 'mesos-lab-app-'));
		try {
			await writeFile(join(dir, 'app.json'), JSON.stringify({id: '/web', cmd: 'x', cpus: 0}));
			const result = await runCli(['app', 'deploy', join(dir, 'app.json'), '--marathon', marathon.url]);
			expect(result.code).toBe(2);
			expect(result.stderr).toContain('cpus: must be more than 0');
			expect(marathon.requests).toEqual([]);
		} finally {
			await rm(dir, {recursive: true, force: true});
		}
	});
});
