import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readHaproxy} from '../../src/cluster/haproxy-client.js';
import {marathonLbServerName} from '../../src/cluster/haproxy-config.js';
import {haproxyUnavailable, startHaproxy, type RealHaproxy} from './helpers/real-haproxy.js';
import {waitFor} from '../helpers/wait-for.js';

const missing = haproxyUnavailable();
if (missing && process.env.CI) {
	throw new Error(`Debian HAProxy is required in CI: ${missing}`);
}

function startTask(): Promise<Server> {
	const server = createServer((_request, response) => response.end('ok'));
	return new Promise(resolve => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function portOf(server: Server): number {
	return (server.address() as AddressInfo).port;
}

describe.skipIf(missing !== undefined)('backend states as a real HAProxy sees them', () => {
	let haproxy: RealHaproxy;
	let first: Server;
	let second: Server;
	let firstName: string;
	let secondName: string;

	beforeAll(async () => {
		[first, second] = await Promise.all([startTask(), startTask()]);
		firstName = marathonLbServerName('127.0.0.1', '127.0.0.1', portOf(first));
		secondName = marathonLbServerName('127.0.0.1', '127.0.0.1', portOf(second));
		haproxy = await startHaproxy(24090, [{backend: 'web_24080', servicePort: 24080, servers: [{name: firstName, port: portOf(first)}, {name: secondName, port: portOf(second)}]}]);
	});

	afterAll(async () => {
		await haproxy?.stop();
		first?.close();
		second?.close();
	});

	it('shows both task servers UP once their health checks pass, mapped to the frontend service port', async () => {
		const reading = await waitFor(async () => {
			const result = await readHaproxy(haproxy.statsUrl);
			return result.servers.filter(server => server.status === 'UP').length === 2 ? result : undefined;
		});
		expect(reading.servicePorts.get('web_24080')).toBe(24080);
		expect(reading.servers.map(server => server.server).sort()).toEqual([firstName, secondName].sort());
		expect(reading.servers.every(server => server.backend === 'web_24080')).toBe(true);
		if (process.env.MESOS_LAB_CAPTURE) {
			const csv = await fetch(`${haproxy.statsUrl}/haproxy?stats;csv`).then(response => response.text());
			writeFileSync(join(import.meta.dirname, '../fixtures/cluster/haproxy-stats.two-up.captured.csv'), csv);
			writeFileSync(join(import.meta.dirname, '../fixtures/cluster/haproxy.cfg.two-servers.captured.cfg'), haproxy.config);
		}
	});

	it('marks the server whose task stopped DOWN while the other stays UP', async () => {
		await new Promise(resolve => first.close(resolve));
		first.closeAllConnections();
		const reading = await waitFor(async () => {
			const result = await readHaproxy(haproxy.statsUrl);
			return result.servers.find(server => server.server === firstName)?.status === 'DOWN' ? result : undefined;
		});
		expect(reading.servers.find(server => server.server === secondName)?.status).toBe('UP');
		expect(reading.servers.find(server => server.server === firstName)?.checkStatus).toMatch(/^L4/);
		if (process.env.MESOS_LAB_CAPTURE) {
			const csv = await fetch(`${haproxy.statsUrl}/haproxy?stats;csv`).then(response => response.text());
			writeFileSync(join(import.meta.dirname, '../fixtures/cluster/haproxy-stats.one-down.captured.csv'), csv);
		}
	});
});
