import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {main} from '../../src/cli/main.js';
import {defaultLab, validateLab} from '../../src/lab/lab-file.js';
import {labEndpoints} from '../../src/lab/lab-endpoints.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {Capture} from '../cli/capture.js';

describe('the endpoints of a lab', () => {
	it('are every master, every Marathon, marathon-lb and every ZooKeeper member of the tutorial’s lab', () => {
		expect(labEndpoints(defaultLab({address: '192.0.2.10'}))).toEqual({
			mesos: ['http://192.0.2.10:5050', 'http://192.0.2.10:5051', 'http://192.0.2.10:5052'],
			marathon: ['http://192.0.2.10:8080', 'http://192.0.2.10:8081'],
			lb: 'http://192.0.2.10:9090',
			serviceHost: '192.0.2.10',
			zookeeper: ['192.0.2.10:2181', '192.0.2.10:2182', '192.0.2.10:2183'],
		});
	});

	it('follow the roles to their hosts, with IPv6 addresses in brackets', () => {
		const lab = validateLab({
			hosts: [{name: 'a', address: '192.0.2.1'}, {name: 'b', address: '2001:db8::2'}, {name: 'c', address: 'node-c.example'}],
			roles: {zookeeper: ['a', 'b', 'c'], masters: ['a', 'b', 'c'], agents: ['c'], marathon: ['a', 'b'], marathonLb: 'c'},
			ports: {masters: [5050, 5050, 5050], marathon: [8080, 8080], zookeeperClient: [2181, 2181, 2181], zookeeperPeer: [2888, 2888, 2888], zookeeperElection: [3888, 3888, 3888]},
		}, 'a test lab');
		expect(labEndpoints(lab)).toEqual({
			mesos: ['http://192.0.2.1:5050', 'http://[2001:db8::2]:5050', 'http://node-c.example:5050'],
			marathon: ['http://192.0.2.1:8080', 'http://[2001:db8::2]:8080'],
			lb: 'http://node-c.example:9090',
			serviceHost: 'node-c.example',
			zookeeper: ['192.0.2.1:2181', '[2001:db8::2]:2181', 'node-c.example:2181'],
		});
	});
});

describe('mesos-lab dashboard without endpoint flags', () => {
	let sim: SimulatedCluster;
	let home: string;
	// Nothing listens on these: the saved lab's ZooKeeper ensemble is down.
	const zkPorts = [26991, 26992, 26993];

	beforeAll(async () => {
		sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 13, lbPort: 9090});
	});
	afterAll(async () => {
		await sim.stop();
	});
	beforeEach(() => {
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-lab-endpoints-'));
	});
	afterEach(() => {
		rmSync(home, {recursive: true, force: true});
	});

	const port = (url: string) => Number(new URL(url).port);

	/** A lab whose one host is this machine, with every port where the simulated cluster listens. */
	function saveSimLab(labId: string): void {
		CheckpointStore.open(home, labId).saveLab(validateLab({
			language: 'en',
			hosts: [{name: 'node1', address: '127.0.0.1'}],
			ports: {
				masters: sim.mesosUrls.map(port),
				marathon: sim.marathonUrls.map(port),
				marathonLb: 9090,
				zookeeperClient: zkPorts,
				zookeeperPeer: [26981, 26982, 26983],
				zookeeperElection: [26984, 26985, 26986],
			},
		}, 'the simulated lab'));
	}

	async function dashboard(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
		const stdout = new Capture();
		const stderr = new Capture();
		const code = await main(['--home', home, 'dashboard', ...args], {stdout, stderr, env: {LANG: 'C'}, isTTY: false});
		return {code, stdout: stdout.text, stderr: stderr.text};
	}

	it('watches the default lab’s cluster', async () => {
		saveSimLab('default');
		const {code, stdout, stderr} = await dashboard(['--once', '--json']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const document = JSON.parse(stdout) as {leaders: {mesos: string; mesosMasters: {endpoint: string}[]; marathon: string}; apps: {id: string}[]; backends: unknown[]; errors: {source: string; endpoint: string}[]};
		expect(document.leaders.mesos).toBe(new URL(sim.mesosUrls[0]!).host);
		expect(document.leaders.mesosMasters).toHaveLength(3);
		expect(document.leaders.marathon).toBe(new URL(sim.marathonUrls[0]!).host);
		expect(document.apps.map(app => app.id).sort()).toEqual(['/hello-shell', '/nginx']);
		expect(document.backends.length).toBeGreaterThan(0);
		expect(document.errors).toEqual([expect.objectContaining({source: 'zookeeper', endpoint: zkPorts.map(zkPort => `127.0.0.1:${zkPort}`).join(',')})]);
	});

	it('takes the only lab there is, or the one --lab-id names', async () => {
		saveSimLab('home-lab');
		expect((await dashboard(['--once'])).stdout).toContain('/nginx');
		CheckpointStore.open(home, 'other-lab');
		const several = await dashboard(['--once']);
		expect(several.code).toBe(2);
		expect(several.stderr).toContain('several labs');
		expect(several.stderr).toContain('--lab-id');
		expect((await dashboard(['--lab-id', 'home-lab', '--once'])).stdout).toContain('/nginx');
	});

	it('names the flags when there is no lab to take endpoints from', async () => {
		const {code, stdout, stderr} = await dashboard(['--once']);
		expect(code).toBe(2);
		expect(stdout).toBe('');
		expect(stderr).toContain('No endpoints given and no saved lab');
		for (const flag of ['--mesos URL', '--marathon URL', '--lb URL', '--zk host:port']) {
			expect(stderr).toContain(flag);
		}
	});

	it('names the flags when the lab has no saved configuration', async () => {
		CheckpointStore.open(home, 'default');
		const {code, stderr} = await dashboard(['--once']);
		expect(code).toBe(2);
		expect(stderr).toContain('Lab default has no saved configuration');
		expect(stderr).toContain('--mesos URL');
	});
});
