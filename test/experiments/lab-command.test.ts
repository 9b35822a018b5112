import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {haproxyAvailable} from '../../src/sim/index.js';
import {runCli} from '../apps/helpers/run-cli.js';
import {saveSimLab as saveLabFor} from '../apps/helpers/saved-lab.js';
import {startSimHarness, type SimHarness} from '../apps/helpers/sim-harness.js';

// Ports from the range set aside for these tests, distinct from the other experiment files'.
const servicePort = 29210;
const vhostPort = 29280;
const statsPort = 29290;

let harness: SimHarness | undefined;
let home: string | undefined;
afterEach(async () => {
	await harness?.stop();
	harness = undefined;
	if (home !== undefined) {
		rmSync(home, {recursive: true, force: true});
		home = undefined;
	}
});

/** A saved lab pointing at the simulated cluster, in this test's home folder. */
function saveSimLab(h: SimHarness, labId: string): string {
	home ??= mkdtempSync(join(tmpdir(), 'mesos-lab-experiments-'));
	saveLabFor(h, home, labId);
	return home;
}

const realHaproxy = haproxyAvailable();
if (!realHaproxy && process.env['CI']) {
	throw new Error('Debian HAProxy (/usr/sbin/haproxy) is required in CI for the experiments through a real HAProxy.');
}

describe('mesos-lab lab NAME after an install', () => {
	it('takes Marathon and the Mesos masters from the only saved lab when no address is given', async () => {
		harness = await startSimHarness();
		const h = harness;
		const labHome = saveSimLab(h, 'home-lab');
		const result = await runCli(['lab', 'hello', '--home', labHome, '--timeout', '60']);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('health of the tasks: unknown, unknown');
		const marathonOrigins = new Set(h.sim.marathonUrls.map(url => new URL(url).origin));
		const mesosOrigins = new Set(h.sim.mesosUrls.map(url => new URL(url).origin));
		expect(h.calls.filter(c => c.method === 'POST' && marathonOrigins.has(c.origin))).toHaveLength(1);
		expect(h.calls.some(c => c.path === '/master/state' && mesosOrigins.has(c.origin))).toBe(true);
		expect(h.calls.some(c => c.path === '/v2/info')).toBe(false);
	});

	it.skipIf(!realHaproxy)('takes marathon-lb and the service host from the lab named with --lab-id', async () => {
		harness = await startSimHarness({realHaproxy: {statsPort, vhostPort}, lbPort: 9090});
		const h = harness;
		const labHome = saveSimLab(h, 'lab-a');
		saveSimLab(h, 'lab-b');
		const result = await runCli(['lab', 'nginx', '--home', labHome, '--lab-id', 'lab-b', '--service-port', String(servicePort), '--vhost-port', String(vhostPort)]);
		expect(result.stderr).toBe('');
		expect(result.code).toBe(0);
		expect(result.stdout).toContain(`GET http://127.0.0.1:${servicePort}/ → 200`);
		expect(h.calls.some(c => c.path === '/_haproxy_getconfig' && c.origin === new URL(h.sim.lbUrl).origin)).toBe(true);
	});

	it('refuses to guess between several saved labs', async () => {
		harness = await startSimHarness();
		const labHome = saveSimLab(harness, 'lab-a');
		saveSimLab(harness, 'lab-b');
		const result = await runCli(['lab', 'hello', '--home', labHome]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('several labs');
		expect(result.stderr).toContain('--lab-id');
		expect(harness.calls).toEqual([]);
	});
});

describe('mesos-lab lab NAME with bad input', () => {
	it('says where to find Marathon when there is neither a flag nor a saved lab', async () => {
		home = mkdtempSync(join(tmpdir(), 'mesos-lab-experiments-'));
		const result = await runCli(['lab', 'hello', '--home', home]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('No Marathon address given, and there is no saved lab');
		expect(result.stderr).toContain('--marathon');
	});

	it('names the flag and the rule for a bad port, timeout or missing marathon-lb', async () => {
		const marathon = ['--marathon', 'http://127.0.0.1:9'];
		const badPort = await runCli(['lab', 'nginx', ...marathon, '--lb', 'http://127.0.0.1:9', '--service-port', '0']);
		expect(badPort.code).toBe(2);
		expect(badPort.stderr).toContain('--service-port "0" is not a port number');
		const badTimeout = await runCli(['lab', 'hello', ...marathon, '--mesos', 'http://127.0.0.1:9', '--timeout', 'soon']);
		expect(badTimeout.code).toBe(2);
		expect(badTimeout.stderr).toContain('--timeout "soon" is not a number of seconds');
		const noLb = await runCli(['lab', 'failover', ...marathon]);
		expect(noLb.code).toBe(2);
		expect(noLb.stderr).toContain('needs marathon-lb\'s address');
		const badHost = await runCli(['lab', 'nginx', ...marathon, '--lb', 'http://127.0.0.1:9', '--service-host', 'a b']);
		expect(badHost.code).toBe(2);
		expect(badHost.stderr).toContain('--service-host');
	});

	it('suggests the nearest experiment for a misspelt name', async () => {
		const result = await runCli(['lab', 'failvoer', '--marathon', 'http://127.0.0.1:9']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('did you mean \'failover\'');
	});
});
