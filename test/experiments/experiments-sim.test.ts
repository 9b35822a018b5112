import {afterEach, describe, expect, it} from 'vitest';
import {haproxyAvailable} from '../../src/sim/index.js';
import {runCli} from '../apps/helpers/run-cli.js';
import {startSimHarness, type SimHarness} from '../apps/helpers/sim-harness.js';

// Ports from the range set aside for these tests; HAProxy binds them on loopback.
const servicePort = 29110;
const vhostPort = 29180;
const statsPort = 29190;

let harness: SimHarness | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
});

function labEnv(h: SimHarness): NodeJS.ProcessEnv {
	return {MESOS_LAB_MESOS: h.sim.mesosUrls.join(','), MESOS_LAB_SERVICE_PORT: String(servicePort), MESOS_LAB_VHOST_PORT: String(vhostPort)};
}

function endpointFlags(h: SimHarness): string[] {
	return ['--marathon', h.sim.marathonUrls.join(','), '--mesos', h.sim.mesosUrls.join(','), '--lb', h.sim.lbUrl, '--service-port', String(servicePort), '--vhost-port', String(vhostPort)];
}

// The executor's report of a dead container reaches Marathon this long after the kill, in real time.
const noticeMs = 800;

const realHaproxy = haproxyAvailable();
if (!realHaproxy && process.env['CI']) {
	throw new Error('Debian HAProxy (/usr/sbin/haproxy) is required in CI for the experiments through a real HAProxy.');
}

describe('the guided experiments on the simulated cluster', () => {
	it('shell-app: runs the hello loop, reads its stdout from the Mesos sandbox, and scales it', async () => {
		harness = await startSimHarness();
		const h = harness;
		const result = await runCli(['lab', 'hello', '--marathon', h.sim.marathonUrls[0]!, '--lang', 'en'], labEnv(h));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('A command that exits at once looks like a lost instance, so Marathon starts another, forever');
		expect(result.stdout).toContain(`watch it live in another terminal: mesos-lab dashboard --mesos ${h.sim.mesosUrls.join(',')} --marathon ${h.sim.marathonUrls[0]!}`);
		expect(result.stdout).toMatch(/stdout of hello-shell\S* \(from the Mesos sandbox\):\n\s+hello/);
		expect(result.stdout).toContain('health of the tasks: unknown, unknown');
		expect(h.sim.model.liveTasks('/hello-shell').filter(t => t.state === 'TASK_RUNNING')).toHaveLength(3);
		expect(h.marathonWrites()).toEqual(['POST /v2/apps', 'PUT /v2/apps/hello-shell']);
		expect(h.calls.find(c => c.method === 'POST')?.body).toMatchObject({cpus: 0.1, mem: 32, disk: 100, instances: 2});
		expect(h.calls.some(c => c.path.startsWith('/files/read?path=') && c.path.includes('stdout'))).toBe(true);
	});

	it.skipIf(!realHaproxy)('nginx-docker: reaches nginx through HAProxy on the service port and shows the backends', async () => {
		harness = await startSimHarness({realHaproxy: {statsPort, vhostPort}});
		const h = harness;
		const result = await runCli(['lab', 'nginx', ...endpointFlags(h)]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const servers = [...result.stdout.matchAll(/^\s+server (\S+) (\S+:\d+)$/gm)].map(m => m[2]!.split(':')[1]).sort();
		const taskPorts = h.sim.model.liveTasks('/nginx').map(t => String(t.hostPorts[0])).sort();
		expect(servers).toEqual(taskPorts);
		expect(result.stdout).toContain(`GET http://127.0.0.1:${servicePort}/ → 200`);
		expect(h.calls.find(c => c.method === 'POST')?.body).toMatchObject({
			labels: {HAPROXY_GROUP: 'docker-haproxy'},
			container: {docker: {network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort}]}},
			healthChecks: [{protocol: 'HTTP'}],
		});
		expect(h.calls.some(c => c.path === '/_haproxy_getconfig')).toBe(true);
	});

	it.skipIf(!realHaproxy)('failover: kills one nginx container, Marathon replaces it on a new port, HAProxy follows; failures and outage are measured in real time', async () => {
		// HAProxy checks servers as marathon-lb configures them (every 2 s, down after 4 failures), not faster.
		harness = await startSimHarness({realHaproxy: {statsPort, vhostPort, checkTiming: 'marathon-lb'}, containerDeathNoticeMs: noticeMs});
		const h = harness;
		expect((await runCli(['lab', 'nginx', ...endpointFlags(h)])).code).toBe(0);
		const portsBefore = new Set(h.sim.model.liveTasks('/nginx').map(t => t.hostPorts[0]));
		const result = await runCli(['lab', 'failover', ...endpointFlags(h)], {MESOS_LAB_SIM_CONTROL: h.sim.controlUrl});
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		const portsAfter = h.sim.model.liveTasks('/nginx').map(t => t.hostPorts[0]);
		expect(portsAfter).toHaveLength(2);
		expect(portsAfter.filter(port => !portsBefore.has(port))).toHaveLength(1);
		const measured = /requests sent: (\d+), failed: (\d+), outage: (\d+) ms, slowest request: (\d+) ms, healed in (\d+) ms/.exec(result.stdout);
		expect(measured).not.toBeNull();
		const [requests, failed, outage, slowest, healed] = measured!.slice(1).map(Number) as [number, number, number, number, number];
		// Requests kept going for the whole heal, which cannot be quicker than the real-time report of the death.
		expect(healed).toBeGreaterThanOrEqual(noticeMs);
		expect(requests).toBeGreaterThan(3);
		expect(failed).toBeLessThanOrEqual(requests);
		expect(outage).toBeLessThanOrEqual(healed);
		expect(slowest).toBeGreaterThan(0);
		expect(result.stdout).toMatch(/^failed-requests: \d+ count$/m);
		expect(result.stdout).toMatch(/^outage: \d+ ms$/m);
		expect(result.stdout).toMatch(/^slowest-request: \d+ ms$/m);
		// HAProxy keeps the dead container until Mesos's report reaches marathon-lb, in real time.
		const deadListed = Number(/^dead-server-listed: (\d+) ms$/m.exec(result.stdout)?.[1]);
		expect(deadListed).toBeGreaterThanOrEqual(noticeMs);
		expect(deadListed).toBeLessThanOrEqual(healed);
		expect(result.stdout).toContain(`HAProxy listed the dead container for ${deadListed} ms after the kill`);
		expect(result.stdout).toContain('measured in real time through HAProxy');
		expect(h.calls.filter(c => c.path === '/_sim/kill-container')).toHaveLength(1);
		expect(h.marathonWrites().filter(w => w.startsWith('DELETE'))).toEqual([]);
		expect(result.stdout).toMatch(/^replacement \S+ runs on \S+:\d+$/m);
		expect(result.stdout).toMatch(/^HAProxy backend nginx_29110 now lists: \S+:\d+, \S+:\d+$/m);
	});

	it.skipIf(!realHaproxy)('virtual-host: answers by Host header on the shared HTTP port', async () => {
		harness = await startSimHarness({realHaproxy: {statsPort, vhostPort}});
		const h = harness;
		const result = await runCli(['lab', 'vhost', '--marathon', h.sim.marathonUrls[0]!, '--lb', h.sim.lbUrl, '--lang', 'zh'], labEnv(h));
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('HAPROXY_0_VHOST');
		expect(result.stdout).toMatch(/虚拟主机/);
		expect(result.stdout).toContain(`GET http://127.0.0.1:${vhostPort}/ Host: nginx.lab.local → 200`);
		expect(result.stdout).not.toMatch(/Host: unknown\.lab\.local → 200/);
		expect(h.sim.model.liveTasks('/nginx-vhost').filter(t => h.sim.model.isHealthy(t))).toHaveLength(1);
		expect(h.marathonWrites()).toEqual(['POST /v2/apps']);
		expect(h.calls.find(c => c.method === 'POST')?.body).toMatchObject({labels: {HAPROXY_0_VHOST: 'nginx.lab.local'}});
	});
});
