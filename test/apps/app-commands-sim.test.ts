import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {isLive} from '../../src/sim/model/cluster-model.js';
import {runCli} from './helpers/run-cli.js';
import {saveSimLab} from './helpers/saved-lab.js';
import {startSimHarness, type SimHarness} from './helpers/sim-harness.js';
import {waitFor} from '../helpers/wait-for.js';

let harness: SimHarness | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

function imagesOf(h: SimHarness, appId: string): string[] {
	return h.sim.model.liveTasks(appId).map(task => {
		const version = h.sim.model.apps.get(appId)?.versions.find(v => v.version === task.version);
		const container = version?.definition['container'] as {docker?: {image?: string}} | null | undefined;
		return container?.docker?.image ?? '';
	}).sort();
}

describe('mesos-lab app on the simulated cluster', () => {
	it('deploys nginx, lists it, scales it, restarts it and deletes it', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls.join(',');
		const deployed = await runCli(['app', 'deploy', '--id', '/web', '--image', 'nginx:1.25', '--instances', '2', '--port', '80', '--health', '/', '--marathon', marathon]);
		expect(deployed.stderr).toBe('');
		expect(deployed.code).toBe(0);
		expect(deployed.stdout).toMatch(/created \/web/);
		expect(deployed.stdout).toMatch(/deployment \S+ finished/);
		expect(h.sim.model.liveTasks('/web').filter(t => h.sim.model.isHealthy(t))).toHaveLength(2);

		const listed = await runCli(['app', 'list', '--marathon', marathon]);
		expect(listed.stdout).toMatch(/\/web\s+nginx:1\.25\s+2\s+2\s+2/);

		const scaled = await runCli(['app', 'scale', '/web', '--instances', '3', '--marathon', marathon]);
		expect(scaled.code).toBe(0);
		expect(h.sim.model.liveTasks('/web').filter(t => t.state === 'TASK_RUNNING')).toHaveLength(3);

		const before = new Set(h.sim.model.liveTasks('/web').map(t => t.id));
		const restarted = await runCli(['app', 'restart', '/web', '--yes', '--marathon', marathon]);
		expect(restarted.code).toBe(0);
		expect(h.sim.model.liveTasks('/web').some(t => before.has(t.id))).toBe(false);

		const deleted = await runCli(['app', 'delete', '/web', '--yes', '--marathon', marathon]);
		expect(deleted.code).toBe(0);
		expect(h.sim.model.apps.has('/web')).toBe(false);

		expect(h.marathonWrites()).toEqual([
			'POST /v2/apps',
			'PUT /v2/apps/web',
			'POST /v2/apps/web/restart',
			'DELETE /v2/apps/web',
		]);
		expect(h.calls.find(c => c.method === 'POST' && c.path === '/v2/apps')?.body).toMatchObject({
			id: '/web', instances: 2, container: {docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0}]}},
		});
		expect(h.calls.find(c => c.method === 'PUT')?.body).toEqual({instances: 3});
	});

	it('upgrades the image as a rolling update and rolls back, never dropping below minimumHealthCapacity', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		expect((await runCli(['app', 'deploy', '--id', '/web', '--image', 'nginx:1.25', '--instances', '4', '--health', '/', '--marathon', marathon])).code).toBe(0);

		const healthyAtTick: number[] = [];
		const totalDuringUpdate: number[] = [];
		let phase: 'update' | 'rollback' = 'update';
		h.onTick(() => {
			const live = h.sim.model.liveTasks('/web').filter(t => isLive(t));
			healthyAtTick.push(live.filter(t => h.sim.model.isHealthy(t)).length);
			if (phase === 'update') {
				totalDuringUpdate.push(live.length);
			}
		});
		const updated = await runCli(['app', 'update', '/web', '--image', 'nginx:1.27', '--minimum-health-capacity', '0.5', '--maximum-over-capacity', '0.25', '--marathon', marathon]);
		expect(updated.stderr).toBe('');
		expect(updated.code).toBe(0);
		expect(updated.stdout).toContain('at least 2 stay healthy');
		expect(updated.stdout).toContain('at most 5 run at once');
		expect(imagesOf(h, '/web')).toEqual(['nginx:1.27', 'nginx:1.27', 'nginx:1.27', 'nginx:1.27']);
		phase = 'rollback';
		expect(Math.max(...totalDuringUpdate)).toBe(5);

		const versions = await runCli(['app', 'versions', '/web', '--marathon', marathon]);
		expect(versions.stdout.trim().split('\n')).toHaveLength(2);
		expect(versions.stdout.split('\n')[0]).toContain('(current)');

		const rolledBack = await runCli(['app', 'rollback', '/web', '--yes', '--marathon', marathon]);
		expect(rolledBack.stderr).toBe('');
		expect(rolledBack.code).toBe(0);
		expect(rolledBack.stdout).toMatch(/rolling \/web back from \S+ to \S+ \(image nginx:1\.25\)/);
		expect(imagesOf(h, '/web')).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25', 'nginx:1.25']);

		// The rollback restores the stored definition, whose own strategy is Marathon's default of 1: all 4 stay healthy.
		expect(healthyAtTick.length).toBeGreaterThan(3);
		expect(Math.min(...healthyAtTick)).toBeGreaterThanOrEqual(2);
		const versionCalls = h.calls.filter(c => c.method === 'GET' && /\/v2\/apps\/web\/versions/.test(c.path)).map(c => c.path);
		expect(versionCalls.some(path => /\/versions\/\d{4}-/.test(path))).toBe(true);
		expect(h.marathonWrites()).toEqual(['POST /v2/apps', 'PUT /v2/apps/web', 'PUT /v2/apps/web']);
		// Marathon's documented rollback: the PUT names only the stored version it restores.
		const target = /back from \S+ to (\S+)/.exec(rolledBack.stdout)?.[1];
		expect(h.calls.filter(c => c.method === 'PUT').at(-1)?.body).toEqual({version: target});
	});

	it('spreads instances evenly over two data centres with --spread dc', async () => {
		harness = await startSimHarness();
		const h = harness;
		const result = await runCli(['app', 'deploy', '--id', '/spread', '--image', 'nginx', '--instances', '6', '--spread', 'dc', '--marathon', h.sim.marathonUrls[0]!]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('shared evenly across the values of dc');
		const perDc = new Map<string, number>();
		for (const task of h.sim.model.liveTasks('/spread')) {
			const dc = h.sim.model.agentOf(task)?.attributes['dc'] ?? '?';
			perDc.set(dc, (perDc.get(dc) ?? 0) + 1);
		}
		expect(Object.fromEntries(perDc)).toEqual({bj: 3, sh: 3});
		expect(h.calls.find(c => c.method === 'POST')?.body).toMatchObject({constraints: [['dc', 'GROUP_BY']]});
	});

	it('places instances by repeated --spread and --constraint flags', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		const spread = await runCli(['app', 'deploy', '--id', '/racks', '--image', 'nginx', '--instances', '4', '--spread', 'dc', '--spread', 'rack', '--constraint', 'hostname:UNIQUE', '--marathon', marathon]);
		expect(spread.stderr).toBe('');
		expect(spread.code).toBe(0);
		expect(spread.stdout).toContain('At most one instance per host');
		const placed = h.sim.model.liveTasks('/racks').map(task => {
			const agent = h.sim.model.agentOf(task);
			return `${agent?.attributes['dc'] ?? '?'}/${agent?.attributes['rack'] ?? '?'}`;
		}).sort();
		expect(placed).toEqual(['bj/r1', 'bj/r2', 'sh/r1', 'sh/r2']);

		const pinned = await runCli(['app', 'deploy', '--id', '/shanghai', '--image', 'nginx', '--instances', '3', '--constraint', 'dc:CLUSTER:sh', '--marathon', marathon]);
		expect(pinned.code).toBe(0);
		expect(pinned.stdout).toContain('Every instance runs only on agents where dc=sh');
		expect(h.sim.model.liveTasks('/shanghai').map(task => h.sim.model.agentOf(task)?.attributes['dc'])).toEqual(['sh', 'sh', 'sh']);
		expect(h.calls.filter(c => c.method === 'POST').map(c => (c.body as {constraints?: unknown}).constraints)).toEqual([
			[['dc', 'GROUP_BY'], ['rack', 'GROUP_BY'], ['hostname', 'UNIQUE']],
			[['dc', 'CLUSTER', 'sh']],
		]);
	});

	it('deploys an app file in YAML, adding the placement flags to its own constraints', async () => {
		harness = await startSimHarness();
		const h = harness;
		const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-app-'));
		try {
			const file = join(dir, 'web.yaml');
			writeFileSync(file, [
				'id: /web',
				'instances: 4',
				'cpus: 0.1',
				'mem: 64',
				'container:',
				'  type: DOCKER',
				'  docker: {image: "nginx:1.25", network: BRIDGE, portMappings: [{containerPort: 80, hostPort: 0}]}',
				'constraints: [[hostname, UNIQUE]]',
				'upgradeStrategy: {minimumHealthCapacity: 0.5, maximumOverCapacity: 0.5}',
				'',
			].join('\n'));
			const result = await runCli(['app', 'deploy', file, '--spread', 'dc', '--marathon', h.sim.marathonUrls[0]!]);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
			expect(result.stdout).toMatch(/deployment \S+ finished/);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
		const hosts = h.sim.model.liveTasks('/web').map(task => h.sim.model.agentOf(task)!);
		expect(new Set(hosts.map(agent => agent.hostname)).size).toBe(4);
		expect(hosts.filter(agent => agent.attributes['dc'] === 'bj')).toHaveLength(2);
		expect(h.calls.find(c => c.method === 'POST')?.body).toMatchObject({
			id: '/web', constraints: [['hostname', 'UNIQUE'], ['dc', 'GROUP_BY']], upgradeStrategy: {minimumHealthCapacity: 0.5, maximumOverCapacity: 0.5},
		});
	});

	it('rolls back to the version named with --to, and refuses one that does not exist', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		for (const argv of [
			['app', 'deploy', '--id', '/web', '--image', 'nginx:1.25', '--instances', '2', '--health', '/'],
			['app', 'update', '/web', '--image', 'nginx:1.26'],
			['app', 'update', '/web', '--image', 'nginx:1.27'],
		]) {
			expect((await runCli([...argv, '--marathon', marathon])).code).toBe(0);
		}
		const versions = (await runCli(['app', 'versions', '/web', '--marathon', marathon])).stdout.trim().split('\n');
		expect(versions).toHaveLength(3);
		const first = versions.at(-1)!;
		const missing = await runCli(['app', 'rollback', '/web', '--to', '2001-01-01T00:00:00.000Z', '--yes', '--marathon', marathon]);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toContain('/web has no version 2001-01-01T00:00:00.000Z');

		const rolledBack = await runCli(['app', 'rollback', '/web', '--to', first, '--yes', '--marathon', marathon]);
		expect(rolledBack.stderr).toBe('');
		expect(rolledBack.code).toBe(0);
		expect(rolledBack.stdout).toContain(`to ${first} (image nginx:1.25)`);
		expect(imagesOf(h, '/web')).toEqual(['nginx:1.25', 'nginx:1.25']);
		expect(h.calls.some(c => c.method === 'GET' && c.path === `/v2/apps/web/versions/${encodeURIComponent(first)}`)).toBe(true);
	});

	it('asks before deleting, and deletes nothing without a yes', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		expect((await runCli(['app', 'deploy', '--id', '/web', '--image', 'nginx', '--marathon', marathon])).code).toBe(0);
		const piped = await runCli(['app', 'delete', '/web', '--marathon', marathon]);
		expect(piped.code).toBe(2);
		expect(piped.stderr).toContain('Delete /web and stop all its instances? Nobody can answer here, so this needs --yes.');
		expect(piped.stderr).toContain('--yes');
		const declined = await runCli(['app', 'delete', '/web', '--marathon', marathon], {}, {isTTY: true, input: 'n\n'});
		expect(declined.code).toBe(1);
		expect(declined.stdout).toContain('Delete /web and stop all its instances? [y/N]');
		expect(declined.stdout).toContain('nothing changed');
		expect(h.sim.model.apps.has('/web')).toBe(true);
		const confirmed = await runCli(['app', 'delete', '/web', '--marathon', marathon], {}, {isTTY: true, input: 'y\n'});
		expect(confirmed.code).toBe(0);
		expect(h.sim.model.apps.has('/web')).toBe(false);
		expect(h.marathonWrites()).toEqual(['POST /v2/apps', 'DELETE /v2/apps/web']);
	});

	it('asks before every action that stops or replaces instances, and changes nothing without a yes', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		expect((await runCli(['app', 'deploy', '--id', '/web', '--image', 'nginx:1.25', '--marathon', marathon])).code).toBe(0);
		expect((await runCli(['app', 'update', '/web', '--image', 'nginx:1.26', '--marathon', marathon])).code).toBe(0);
		const writesBefore = h.marathonWrites();
		const destructive: Array<[string[], string]> = [
			[['app', 'scale', '/web', '--instances', '0'], 'Scale /web to 0 and stop all its instances?'],
			[['app', 'restart', '/web'], 'Restart every instance of /web?'],
			[['app', 'rollback', '/web'], 'Roll /web back to the previous version, replacing its running instances?'],
			[['app', 'update', '/web', '--image', 'nginx:1.27', '--force'], 'Force the update of /web, cancelling the deployment in progress?'],
			[['app', 'delete', '/web'], 'Delete /web and stop all its instances?'],
		];
		for (const [args, question] of destructive) {
			const piped = await runCli([...args, '--marathon', marathon]);
			expect(piped.code, args.join(' ')).toBe(2);
			expect(piped.stderr).toContain(`${question} Nobody can answer here, so this needs --yes.`);
			expect(piped.stderr).toContain(`${args.join(' ')} --yes`);
			const declined = await runCli([...args, '--marathon', marathon], {}, {isTTY: true, input: 'n\n'});
			expect(declined.code, args.join(' ')).toBe(1);
			expect(declined.stdout).toContain(`${question} [y/N]`);
			expect(declined.stdout).toContain('nothing changed');
		}
		const zh = await runCli(['--lang', 'zh', 'app', 'restart', '/web', '--marathon', marathon]);
		expect(zh.stderr).toContain('重启 /web 的每一个实例？这里无人能回答，需要加上 --yes。');
		expect(h.marathonWrites()).toEqual(writesBefore);
		expect((await runCli(['app', 'scale', '/web', '--instances', '0', '--yes', '--marathon', marathon])).code).toBe(0);
		expect(h.marathonWrites()).toEqual([...writesBefore, 'PUT /v2/apps/web']);
	});

	it('rejects bad update flags naming the flag and the rule, before changing anything', async () => {
		harness = await startSimHarness();
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		h.sim.model.createApp({id: '/loop', cmd: 'sleep 1000', instances: 1});
		h.sim.model.createApp({id: '/web', instances: 1, container: {type: 'DOCKER', docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0}]}}});
		const cases: Array<[string[], string]> = [
			[['app', 'update', '/web'], 'app update needs --image.'],
			[['app', 'update', '/loop', '--image', 'nginx'], '/loop is not a Docker app'],
			[['app', 'update', '/web', '--image', 'nginx:1.27', '--minimum-health-capacity', '1.5'], '--minimum-health-capacity must be a fraction between 0 and 1, got "1.5".'],
			[['app', 'update', '/web', '--image', 'nginx:1.27', '--minimum-health-capacity', '1', '--maximum-over-capacity', '0'], 'leaves Marathon no room to replace anything'],
			[['app', 'scale', '/web', '--instances', 'many'], '--instances must be a whole number of 0 or more, got "many".'],
			[['app', 'deploy', '--image', 'nginx', '--spread', 'd c'], '--spread: field "d c"'],
		];
		for (const [argv, message] of cases) {
			const result = await runCli([...argv, '--marathon', marathon]);
			expect(result.code, argv.join(' ')).toBe(2);
			expect(result.stderr).toContain(message);
		}
		expect(h.marathonWrites()).toEqual([]);
	});

	it('exits non-zero with the reason when the deployment fails', async () => {
		// Simulated time stands still unless the test moves it, so the upgrade cannot finish on its own.
		harness = await startSimHarness({realMsPerTick: 3_600_000});
		const h = harness;
		const marathon = h.sim.marathonUrls[0]!;
		h.sim.model.createApp({id: '/web', instances: 2, container: {type: 'DOCKER', docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0}]}}});
		h.sim.control.tick(1000, 20);
		expect(h.sim.model.deploymentsFor('/web')).toHaveLength(0);
		const upgrade = runCli(['app', 'update', '/web', '--image', 'nginx:1.27', '--marathon', marathon]);
		// Someone else forces a change while the upgrade runs: Marathon cancels the upgrade's deployment.
		// Wait until the CLI listens on the event bus and has polled the deployment twice since.
		await waitFor(() => {
			const events = h.calls.findIndex(c => c.path.startsWith('/v2/events'));
			return events >= 0 && h.calls.slice(events).filter(c => c.path === '/v2/deployments').length >= 2;
		});
		h.sim.model.updateApp('/web', {instances: 3}, {force: true});
		const result = await upgrade;
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('cancelled by a forced update');
	});

	it('finds Marathon through the saved lab when no address is given', async () => {
		harness = await startSimHarness();
		const h = harness;
		const home = mkdtempSync(join(tmpdir(), 'mesos-lab-app-'));
		try {
			saveSimLab(h, home, 'home-lab');
			const deployed = await runCli(['app', 'deploy', '--id', '/web', '--image', 'nginx', '--home', home]);
			expect(deployed.stderr).toBe('');
			expect(deployed.code).toBe(0);
			const listed = await runCli(['app', 'list', '--home', home, '--lab-id', 'home-lab']);
			expect(listed.stdout).toMatch(/^\/web\s+nginx\s+1\s+1/m);
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
		expect(h.sim.model.liveTasks('/web')).toHaveLength(1);
		expect(new Set(h.calls.map(c => c.origin))).toEqual(new Set([new URL(h.sim.marathonUrls[0]!).origin]));
	});

	it('rejects a bad constraint flag before calling Marathon', async () => {
		harness = await startSimHarness();
		const result = await runCli(['app', 'deploy', '--image', 'nginx', '--constraint', 'dc:CLUSTER', '--marathon', harness.sim.marathonUrls[0]!]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('CLUSTER on "dc" needs the value');
		expect(harness.calls).toEqual([]);
	});
});

