import {execFile} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, beforeEach, afterEach, describe, expect, it} from 'vitest';
import {main} from '../../src/cli/main.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {Capture} from '../cli/capture.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'mesos-lab.js');
// Nothing listens here: a ZooKeeper member that cannot be reached, so `errors` has an entry.
const silentZk = '127.0.0.1:26999';

let sim: SimulatedCluster;
let home: string;

beforeAll(async () => {
	sim = await startSimulatedCluster({tickIntervalMs: 0, seed: 11});
});
afterAll(async () => {
	await sim.stop();
});
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-once-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

async function dashboard(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
	const stdout = new Capture();
	const stderr = new Capture();
	const code = await main(['--home', home, 'dashboard', ...args], {stdout, stderr, env: {LANG: 'C'}, isTTY: false});
	return {code, stdout: stdout.text, stderr: stderr.text};
}

function simFlags(): string[] {
	return ['--mesos', sim.mesosUrls.join(','), '--marathon', sim.marathonUrls.join(','), '--lb', sim.lbUrl, '--zk', silentZk];
}

/** Every task id the leading master reports, read straight from its /master/state. */
async function mesosTaskIds(): Promise<string[]> {
	const state = await (await fetch(`${sim.mesosUrls[0]}/master/state`)).json() as {frameworks: {tasks: {id: string}[]}[]};
	return state.frameworks.flatMap(framework => framework.tasks.map(task => task.id)).sort();
}

/** The top-level keys docs/dashboard-json.md lists in its table. */
function documentedKeys(): string[] {
	const doc = readFileSync(join(root, 'docs', 'dashboard-json.md'), 'utf8');
	return [...doc.matchAll(/^\| `([a-zA-Z]+)` \|/gm)].map(match => match[1] ?? '').sort();
}

interface OnceDocument {
	leaders: {mesos: string | null; marathon: string | null; mesosMasters: {endpoint: string; role: string}[]};
	zookeeper: {endpoint: string; mode: string}[];
	agents: {hostname: string}[];
	apps: {id: string; instances: number}[];
	tasks: {id: string; appId?: string; state: string; host: string; ports: number[]; health: string}[];
	backends: {server: string; status: string; backend: string}[];
	errors: {source: string; endpoint: string; message: string}[];
}

describe('mesos-lab dashboard --once', () => {
	it('prints one snapshot as JSON with the documented keys', async () => {
		const {code, stdout, stderr} = await dashboard([...simFlags(), '--once', '--json']);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const document = JSON.parse(stdout) as OnceDocument & Record<string, unknown>;
		expect(Object.keys(document).sort()).toEqual(documentedKeys());
		for (const required of ['leaders', 'zookeeper', 'agents', 'apps', 'tasks', 'backends', 'errors']) {
			expect(document).toHaveProperty(required);
		}

		expect(document.leaders.mesos).toBe(new URL(sim.mesosUrls[0]!).host);
		expect(document.agents.map(agent => agent.hostname).sort()).toEqual(sim.model.agents.map(agent => agent.hostname).sort());
		expect(document.apps.map(app => app.id).sort()).toEqual(['/hello-shell', '/nginx']);
		expect(document.tasks.map(task => task.id).sort()).toEqual(await mesosTaskIds());
		expect(document.tasks.every(task => task.state === 'TASK_RUNNING')).toBe(true);
		const nginx = sim.model.liveTasks('/nginx');
		expect(document.backends.map(backend => backend.server).sort()).toEqual(nginx.map(task => `${sim.model.agentOf(task)!.hostname.replaceAll('.', '_')}_${task.hostPorts[0]}`).sort());
		expect(document.backends.every(backend => backend.status === 'UP' && backend.backend === 'nginx_10000')).toBe(true);
		// No member answered, so the ensemble is an error of its own rather than a list of members.
		expect(document.zookeeper).toEqual([]);
		expect(document.errors).toEqual([expect.objectContaining({source: 'zookeeper', endpoint: silentZk, message: expect.stringContaining('ECONNREFUSED')})]);
	});

	it('prints every panel as a plain table', async () => {
		const {code, stdout} = await dashboard([...simFlags(), '--once']);
		expect(code).toBe(0);
		for (const section of ['Leaders & ZooKeeper', 'Agents (4)', 'Apps (2)', 'Tasks', 'HAProxy', 'App → task → HAProxy', 'Errors (1)']) {
			expect(stdout).toContain(`== ${section}`);
		}
		const task = sim.model.liveTasks('/nginx')[0]!;
		const where = `${sim.model.agentOf(task)!.hostname}:${task.hostPorts[0]}`;
		expect(stdout).toMatch(new RegExp(`^/nginx\\s+RUNNING\\s+${where.replaceAll('.', '\\.')}\\s+healthy\\s+nginx_10000 UP$`, 'm'));
		expect(stdout).toMatch(/^APP\s+RUN\s+STAGED\s+HEALTHY\s+UNHEALTHY\s+DEPLOY\s+LAST FAILURE$/m);
		expect(stdout).not.toMatch(/\{\/?[a-z-]+\}/);
		expect(stdout).not.toContain('\u001B[');
	});

	it('says SIMULATED when pointed at the simulated cluster by address, and not for a real-looking one', async () => {
		const simulated = await dashboard([...simFlags(), '--once']);
		expect(simulated.stdout).toContain('*** SIMULATED CLUSTER ***');
		const json = JSON.parse((await dashboard([...simFlags(), '--once', '--json'])).stdout) as {simulated: boolean};
		expect(json.simulated).toBe(true);

		const unreachable = await dashboard(['--mesos', 'http://127.0.0.1:26998', '--once', '--json']);
		expect((JSON.parse(unreachable.stdout) as {simulated: boolean}).simulated).toBe(false);
	});

	it('runs as the installed command and writes JSON to a pipe', async () => {
		if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
			throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
		}
		const {stdout} = await promisify(execFile)(process.execPath, [bin, '--home', home, 'dashboard', ...simFlags(), '--once', '--json'], {encoding: 'utf8'});
		const document = JSON.parse(stdout) as OnceDocument;
		expect(document.tasks.map(task => task.id).sort()).toEqual(await mesosTaskIds());
	});

	it('refuses --json without --once', async () => {
		const {code, stderr} = await dashboard([...simFlags(), '--json']);
		expect(code).toBe(2);
		expect(stderr).toContain('--json prints one snapshot, so it needs --once.');
	});
});
