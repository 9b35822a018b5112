import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {request as httpRequest} from 'node:http';
import {createServer, type Server} from 'node:https';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSimulatedCluster} from '../../src/sim/index.js';
import {runCli} from '../helpers/hostile-http.js';

let dir: string;
let server: Server;
let url: string;

/** A CA of our own and a certificate it signs for 127.0.0.1, made with the openssl command line. */
function makeCertificates(folder: string): {ca: string; key: string; cert: string} {
	const at = (name: string) => join(folder, name);
	const openssl = (...args: string[]) => execFileSync('openssl', args, {stdio: 'pipe'});
	openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '2', '-subj', '/CN=mesos-lab test CA');
	openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', at('server.key'), '-out', at('server.csr'), '-subj', '/CN=127.0.0.1');
	writeFileSync(at('san.ext'), 'subjectAltName=IP:127.0.0.1\n');
	openssl('x509', '-req', '-in', at('server.csr'), '-CA', at('ca.pem'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('server.pem'), '-days', '2', '-extfile', at('san.ext'));
	return {ca: at('ca.pem'), key: readFileSync(at('server.key'), 'utf8'), cert: readFileSync(at('server.pem'), 'utf8')};
}

let caFile: string;
let tls: {key: string; cert: string};
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'mesos-lab-private-ca-'));
	const made = makeCertificates(dir);
	caFile = made.ca;
	tls = {key: made.key, cert: made.cert};
	server = createServer({key: made.key, cert: made.cert}, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		response.end(JSON.stringify({apps: [{id: '/tls-web', instances: 1, tasksRunning: 1, tasksHealthy: 1, container: {docker: {image: 'nginx:1.27'}}}]}));
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise(resolve => server.close(resolve));
	rmSync(dir, {recursive: true, force: true});
});

describe('a Marathon behind TLS signed by a private CA', () => {
	it('is refused without the CA, and read with --ca-file or NODE_EXTRA_CA_CERTS', async () => {
		const untrusted = await runCli(['app', 'list', '--marathon', url]);
		expect(untrusted.code).toBe(1);
		expect(untrusted.stderr).toMatch(/certificate/i);
		const withFlag = await runCli(['app', 'list', '--marathon', url, '--ca-file', caFile]);
		expect(withFlag.code, withFlag.stderr).toBe(0);
		expect(withFlag.stdout).toContain('/tls-web');
		const withVariable = await runCli(['app', 'list', '--marathon', url], {env: {NODE_EXTRA_CA_CERTS: caFile}});
		expect(withVariable.code, withVariable.stderr).toBe(0);
		expect(withVariable.stdout).toContain('/tls-web');
	}, 60_000);
});

/** An https front for one simulated endpoint, signed by the private CA, as a TLS-terminating proxy would be. */
async function httpsFront(target: string): Promise<{url: string; close: () => Promise<void>}> {
	const front = createServer(tls, (request, response) => {
		const upstream = new URL(request.url ?? '/', target);
		const forward = httpRequest(upstream, {method: request.method, headers: {...request.headers, host: upstream.host}}, answer => {
			response.writeHead(answer.statusCode ?? 502, answer.headers);
			answer.pipe(response);
		});
		forward.on('error', () => response.destroy());
		request.pipe(forward);
	});
	await new Promise<void>(resolve => front.listen(0, '127.0.0.1', resolve));
	return {
		url: `https://127.0.0.1:${(front.address() as AddressInfo).port}`,
		close: async () => {
			front.closeAllConnections();
			await new Promise(resolve => front.close(resolve));
		},
	};
}

describe('a Mesos and a Marathon behind TLS signed by a private CA', () => {
	it('lab hello is refused without the CA and runs with --ca-file', async () => {
		const sim = await startSimulatedCluster({tickIntervalMs: 50});
		const fronts = await Promise.all([httpsFront(sim.mesosUrls[0]!), httpsFront(sim.marathonUrls[0]!)]);
		try {
			const [mesos, marathon] = fronts.map(front => front.url);
			const endpoints = ['lab', 'hello', '--mesos', mesos!, '--marathon', marathon!, '--lang', 'en', '--timeout', '120'];
			const untrusted = await runCli(endpoints);
			expect(untrusted.code).not.toBe(0);
			expect(untrusted.stderr).toMatch(/certificate/i);
			const trusted = await runCli([...endpoints, '--ca-file', caFile]);
			expect(trusted.code, `${trusted.stdout}\n${trusted.stderr}`).toBe(0);
			expect(trusted.stdout).toMatch(/stdout of hello-shell\S* \(from the Mesos sandbox\):\n\s+hello/);
		} finally {
			await Promise.all(fronts.map(front => front.close()));
			await sim.stop();
		}
	}, 180_000);
});
