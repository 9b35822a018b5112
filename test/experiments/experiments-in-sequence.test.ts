import {afterEach, describe, expect, it} from 'vitest';
import {haproxyAvailable} from '../../src/sim/index.js';
import {runCli} from '../apps/helpers/run-cli.js';
import {startSimHarness, type SimHarness} from '../apps/helpers/sim-harness.js';

// Marathon's service port range and HAProxy's ports for these tests, apart from the other experiment tests.
const servicePortRange = [29140, 29159] as const;
const vhostPort = 29181;
const statsPort = 29191;

const realHaproxy = haproxyAvailable();
if (!realHaproxy && process.env['CI']) {
	throw new Error('Debian HAProxy (/usr/sbin/haproxy) is required in CI for the experiments through a real HAProxy.');
}

let harness: SimHarness | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

/** Where the cluster answers, as a user exports it once; no flag, and no port of any experiment, is named. */
function clusterEnv(h: SimHarness): NodeJS.ProcessEnv {
	return {
		MESOS_LAB_MARATHON: h.sim.marathonUrls.join(','),
		MESOS_LAB_MESOS: h.sim.mesosUrls.join(','),
		MESOS_LAB_LB: h.sim.lbUrl,
		MESOS_LAB_VHOST_PORT: String(vhostPort),
		MESOS_LAB_SIM_CONTROL: h.sim.controlUrl,
		MESOS_LAB_LANG: 'en',
	};
}

async function runAll(h: SimHarness, order: string[]): Promise<Record<string, string>> {
	const outputs: Record<string, string> = {};
	for (const name of order) {
		const result = await runCli(['lab', name], clusterEnv(h));
		expect(result.stderr, `lab ${name}:\n${result.stdout}`).toBe('');
		expect(result.code, `lab ${name}`).toBe(0);
		outputs[name] = result.stdout;
	}
	return outputs;
}

function servicePortOf(h: SimHarness, appId: string): number {
	const app = h.sim.model.apps.get(appId);
	const definition = app?.versions.at(-1)?.definition as {container?: {docker?: {portMappings?: Array<{servicePort?: number}>}; portMappings?: Array<{servicePort?: number}>}} | undefined;
	return definition?.container?.portMappings?.[0]?.servicePort ?? definition?.container?.docker?.portMappings?.[0]?.servicePort ?? 0;
}

function measured(stdout: string | undefined, name: string): number {
	const match = new RegExp(`^${name}: (\\d+) (ms|count)$`, 'm').exec(stdout ?? '');
	expect(match, `${name} in:\n${stdout}`).not.toBeNull();
	return Number(match?.[1]);
}

/** What the three high-availability experiments must show, whatever ran before them. */
function expectHighAvailability(outputs: Record<string, string>, h: SimHarness): void {
	expect(outputs['zk-quorum']).toMatch(/one member left, no majority/);
	expect(outputs['zk-quorum']).toMatch(/Mesos lost its leader after \d+ ms/);
	expect(measured(outputs['master-failover'], 'tasks-lost')).toBe(0);
	expect(measured(outputs['master-failover'], 'tasks-lost-at-end')).toBe(0);
	expect(measured(outputs['marathon-failover'], 'apps-changed')).toBe(0);
	// Each experiment started again what it stopped.
	expect(h.sim.model.zookeeper.map(m => m.state).sort()).toEqual(['follower', 'follower', 'leader']);
	expect(h.sim.model.masters.map(m => m.state).sort()).toEqual(['leader', 'standby', 'standby']);
	expect(h.sim.model.marathons.map(m => m.state).sort()).toEqual(['leader', 'standby']);
}

describe.skipIf(!realHaproxy)('every experiment, one after another, on a fresh simulated cluster', () => {
	it('on the demo\'s cluster (nginx already on the first service port): hello, nginx, vhost, failover, inside, zk-quorum, master-failover, marathon-failover', async () => {
		harness = await startSimHarness({seedApps: true, nginxServicePort: servicePortRange[0], servicePortRange, realHaproxy: {statsPort, vhostPort}});
		const h = harness;
		const outputs = await runAll(h, ['hello', 'nginx', 'vhost', 'failover', 'inside', 'zk-quorum', 'master-failover', 'marathon-failover']);
		const nginxPort = servicePortOf(h, '/nginx');
		const vhostServicePort = servicePortOf(h, '/nginx-vhost');
		// The running nginx keeps its port; the vhost app gets another free one from Marathon.
		expect(nginxPort).toBe(servicePortRange[0]);
		expect(vhostServicePort).toBeGreaterThan(servicePortRange[0]);
		expect(vhostServicePort).toBeLessThanOrEqual(servicePortRange[1]);
		expect(outputs['nginx']).toContain(`GET http://127.0.0.1:${nginxPort}/ → 200`);
		expect(outputs['nginx']).toContain(`/nginx already runs and has servicePort ${nginxPort}; the redeploy keeps it`);
		expect(outputs['vhost']).toContain(`/nginx-vhost has servicePort ${vhostServicePort}`);
		expect(outputs['vhost']).toContain(`Host: nginx.lab.local → 200`);
		expect(outputs['failover']).toMatch(new RegExp(`HAProxy backend nginx_${nginxPort} now lists`));
		expect(outputs['inside']).toMatch(/mesos-docker-executor .*docker run -p \d+:80 nginx/);
		expect(outputs['inside']).toContain('--master=zk://');
		expectHighAvailability(outputs, h);
	}, 900_000);

	it('in another order on an empty cluster: inside, marathon-failover, zk-quorum, vhost, master-failover, failover, hello, nginx', async () => {
		harness = await startSimHarness({servicePortRange, realHaproxy: {statsPort, vhostPort}});
		const h = harness;
		const outputs = await runAll(h, ['inside', 'marathon-failover', 'zk-quorum', 'vhost', 'master-failover', 'failover', 'hello', 'nginx']);
		const vhostServicePort = servicePortOf(h, '/nginx-vhost');
		const nginxPort = servicePortOf(h, '/nginx');
		expect(vhostServicePort).not.toBe(nginxPort);
		expect([vhostServicePort, nginxPort].every(port => port >= servicePortRange[0] && port <= servicePortRange[1])).toBe(true);
		expect(outputs['vhost']).toContain('We left servicePort at 0, so Marathon picked one');
		// On an empty cluster `inside` first starts something to look at, and says what it shows is simulated.
		expect(outputs['inside']).toContain('No app runs yet, so /hello-shell is deployed first.');
		expect(outputs['inside']).toContain('SIMULATED: there are no real processes or containers');
		expect(outputs['inside']).toMatch(/mesos-executor .*mesos-containerizer launch \(\/hello-shell\)/);
		expect(outputs['inside']).toMatch(/sandbox of \S+: \/var\/lib\/mesos\/slaves\//);
		expect(outputs['nginx']).toContain(`GET http://127.0.0.1:${nginxPort}/ → 200`);
		expectHighAvailability(outputs, h);
	}, 900_000);
});
