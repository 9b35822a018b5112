import {chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {runCli, startServer} from '../helpers/hostile-http.js';

// A Mesos started with --authenticate_http_readonly and a Marathon with --http_credentials answer
// 401 with a Basic challenge to a request without the right Authorization header. Each proxy here
// stands in front of one simulated master or Marathon and does just that, as both document.
const password = 'pw-Zq81-never-shown';
const accounts = {mesos: `ops:${password}m`, marathon: `deployer:${password}`};

interface Guard {
	url: string;
	authorized: number;
	refused: number;
	close: () => Promise<void>;
}

async function guard(target: string, account: string, rewrite: (location: string) => string): Promise<Guard> {
	const expected = `Basic ${Buffer.from(account).toString('base64')}`;
	const state = {authorized: 0, refused: 0};
	const server = await startServer((request, response) => {
		if (request.headers.authorization !== expected) {
			state.refused++;
			response.writeHead(401, {'www-authenticate': 'Basic realm="secured"', 'content-type': 'text/plain'});
			response.end('401 Unauthorized');
			return;
		}
		state.authorized++;
		const upstream = new URL(request.url ?? '/', target);
		const forward = httpRequest(upstream, {method: request.method, headers: {...request.headers, host: upstream.host}}, answer => {
			const headers = {...answer.headers};
			if (typeof headers.location === 'string') {
				headers.location = rewrite(headers.location);
			}
			response.writeHead(answer.statusCode ?? 502, headers);
			answer.pipe(response);
		});
		forward.on('error', () => response.destroy());
		request.pipe(forward);
	});
	return {url: server.url, close: server.close, get authorized() {
		return state.authorized;
	}, get refused() {
		return state.refused;
	}};
}

let sim: SimulatedCluster;
let guards: {mesos: Guard[]; marathon: Guard[]};
let dir: string;
let home: string;
let marathonFile: string;
const mesosEnv = {MESOS_LAB_MESOS_CREDENTIALS: accounts.mesos};

beforeAll(async () => {
	sim = await startSimulatedCluster({tickIntervalMs: 50});
	const byOrigin = new Map<string, string>();
	const rewrite = (location: string) => {
		const url = new URL(location, 'http://placeholder');
		const mapped = byOrigin.get(url.origin);
		return mapped === undefined ? location : `${mapped}${url.pathname}${url.search}`;
	};
	guards = {
		mesos: await Promise.all(sim.mesosUrls.map(url => guard(url, accounts.mesos, rewrite))),
		marathon: await Promise.all(sim.marathonUrls.map(url => guard(url, accounts.marathon, rewrite))),
	};
	sim.mesosUrls.forEach((url, index) => byOrigin.set(new URL(url).origin, guards.mesos[index]!.url));
	sim.marathonUrls.forEach((url, index) => byOrigin.set(new URL(url).origin, guards.marathon[index]!.url));
	dir = mkdtempSync(join(tmpdir(), 'mesos-lab-basic-auth-'));
	home = join(dir, 'home');
	marathonFile = join(dir, 'marathon.credentials');
	writeFileSync(marathonFile, `${accounts.marathon}\n`, {mode: 0o600});
});

afterAll(async () => {
	await Promise.all([...guards.mesos, ...guards.marathon].map(one => one.close()));
	await sim.stop();
	rmSync(dir, {recursive: true, force: true});
});

const mesosList = () => guards.mesos.map(one => one.url).join(',');
const marathonList = () => guards.marathon.map(one => one.url).join(',');

/** Every file under a folder, read whole. */
function filesUnder(folder: string): string[] {
	let found: string[] = [];
	let entries: string[];
	try {
		entries = readdirSync(folder);
	} catch {
		return [];
	}
	for (const entry of entries) {
		const path = join(folder, entry);
		found = statSync(path).isDirectory() ? [...found, ...filesUnder(path)] : [...found, readFileSync(path, 'utf8')];
	}
	return found;
}

function expectNoPassword(...texts: string[]): void {
	for (const text of [...texts, ...filesUnder(home)]) {
		expect(text).not.toContain(password);
		expect(text).not.toContain(Buffer.from(accounts.marathon).toString('base64'));
	}
}

describe('a Mesos and a Marathon that require HTTP basic auth', () => {
	it('dashboard --once reads both with credentials from a variable and a file, and shows no password', async () => {
		const run = await runCli(['--home', home, 'dashboard', '--once', '--json', '--mesos', mesosList(), '--marathon', marathonList(), '--marathon-credentials-file', marathonFile], {env: mesosEnv});
		expect(run.code, run.stderr).toBe(0);
		const snapshot = JSON.parse(run.stdout) as {errors: Array<{source: string; message: string}>; agents: unknown[]; apps: unknown[]};
		expect(snapshot.errors).toEqual([]);
		expect(snapshot.agents.length).toBeGreaterThan(0);
		expect(snapshot.apps.length).toBeGreaterThan(0);
		expect(guards.mesos.reduce((sum, one) => sum + one.authorized, 0)).toBeGreaterThan(0);
		expect(guards.marathon.reduce((sum, one) => sum + one.authorized, 0)).toBeGreaterThan(0);
		expectNoPassword(run.stdout, run.stderr);
	}, 60_000);

	it('dashboard --once without credentials names the 401 and where credentials go', async () => {
		const run = await runCli(['--home', home, 'dashboard', '--once', '--mesos', mesosList(), '--marathon', marathonList()]);
		expect(run.stdout).toMatch(/HTTP 401/);
		expect(run.stdout).toMatch(/mesos .*401|marathon .*401/i);
	}, 60_000);

	it('app list and app scale use the Marathon credentials file; nothing shows the password', async () => {
		const listed = await runCli(['--home', home, 'app', 'list', '--marathon', marathonList(), '--marathon-credentials-file', marathonFile]);
		expect(listed.code, listed.stderr).toBe(0);
		expect(listed.stdout).toMatch(/ID/);
		const appId = /^(\/\S+)/m.exec(listed.stdout.split('\n').slice(1).join('\n'))?.[1];
		expect(appId).toBeDefined();
		const scaled = await runCli(['--home', home, 'app', 'scale', appId!, '--instances', '2', '--no-wait', '--marathon', marathonList(), '--marathon-credentials-file', marathonFile]);
		expect(scaled.code, scaled.stderr).toBe(0);
		expect(scaled.stdout).toMatch(/deployment \S+ started/);
		const refused = await runCli(['--home', home, 'app', 'list', '--marathon', marathonList()]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toMatch(/--marathon-credentials-file/);
		expectNoPassword(listed.stdout, listed.stderr, scaled.stdout, scaled.stderr, refused.stderr);
	}, 60_000);

	it('lab hello deploys, reads the sandbox and scales with the same credentials, and names the missing ones; nothing shows the password', async () => {
		const endpoints = ['--mesos', mesosList(), '--marathon', marathonList(), '--lang', 'en', '--timeout', '120'];
		const refused = await runCli(['--home', home, 'lab', 'hello', ...endpoints]);
		expect(refused.code).not.toBe(0);
		expect(refused.stderr).toMatch(/401/);
		expect(refused.stderr).toMatch(/--marathon-credentials-file/);
		const withoutMesos = await runCli(['--home', home, 'lab', 'hello', ...endpoints, '--marathon-credentials-file', marathonFile]);
		expect(withoutMesos.code).not.toBe(0);
		expect(withoutMesos.stderr).toMatch(/Mesos masters answered 401/);
		expect(withoutMesos.stderr).toMatch(/--mesos-credentials-file/);
		const mesosBefore = guards.mesos.reduce((sum, one) => sum + one.authorized, 0);
		const ran = await runCli(['--home', home, 'lab', 'hello', ...endpoints, '--marathon-credentials-file', marathonFile], {env: mesosEnv});
		expect(ran.code, `${ran.stdout}\n${ran.stderr}`).toBe(0);
		expect(ran.stdout).toMatch(/stdout of hello-shell\S* \(from the Mesos sandbox\):\n\s+hello/);
		expect(guards.mesos.reduce((sum, one) => sum + one.authorized, 0)).toBeGreaterThan(mesosBefore);
		expectNoPassword(refused.stdout, refused.stderr, withoutMesos.stdout, withoutMesos.stderr, ran.stdout, ran.stderr);
	}, 180_000);

	it('a URL carrying user:password is refused, without echoing the password, for the dashboard and app', async () => {
		const withUserinfo = guards.marathon[0]!.url.replace('http://', `http://deployer:${password}@`);
		const dashboard = await runCli(['--home', home, 'dashboard', '--once', '--json', '--marathon', withUserinfo]);
		const app = await runCli(['--home', home, 'app', 'list'], {env: {MESOS_LAB_MARATHON: withUserinfo}});
		for (const run of [dashboard, app]) {
			expect(run.code).toBe(2);
			expect(run.stderr).toMatch(/\*\*\*@127\.0\.0\.1.*never takes credentials from a URL/);
		}
		expectNoPassword(dashboard.stdout, dashboard.stderr, app.stdout, app.stderr);
	}, 60_000);

	it('a credentials file other users can read is refused, naming chmod 600', async () => {
		const open = join(dir, 'open.credentials');
		writeFileSync(open, `${accounts.marathon}\n`);
		chmodSync(open, 0o644);
		const run = await runCli(['--home', home, 'app', 'list', '--marathon', marathonList(), '--marathon-credentials-file', open]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/can be read by other users \(mode 644\)/);
		expect(run.stderr).toMatch(/chmod 600/);
		expectNoPassword(run.stdout, run.stderr);
	}, 60_000);
});
