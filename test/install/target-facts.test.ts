import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, test} from 'vitest';
import {detectPrimaryAddress, probeVaultMirror} from '../../src/install/target-facts.js';
import {FakeExecutor} from '../helpers/fake-executor.js';

/** A target whose commands print what the table says; any other command is not found there. */
function answering(outputs: Record<string, string>): FakeExecutor {
	return new FakeExecutor(Object.entries(outputs).map(([match, stdout]) => ({match, stdout})), 'target', {unmatched: {exitCode: 127, stderr: 'not found'}});
}

describe('detecting the address to advertise', () => {
	test('the first non-loopback IPv4 address is proposed, with the hostname', async () => {
		const exec = answering({'hostname -I': '127.0.1.1 192.168.56.10 fe80::1 10.0.2.15\n', hostname: 'centos7\n'});
		expect(await detectPrimaryAddress(exec)).toEqual({ip: '192.168.56.10', hostname: 'centos7'});
	});

	test('a machine with only loopback gets no proposal, so the user must type one', async () => {
		expect(await detectPrimaryAddress(answering({'hostname -I': '127.0.0.1\n', hostname: 'box\n'}))).toBeUndefined();
	});

	test('a target without the hostname command gets no proposal', async () => {
		expect(await detectPrimaryAddress(answering({}))).toBeUndefined();
	});
});

describe('probing a CentOS vault mirror', () => {
	let server: Server | undefined;
	afterEach(async () => {
		await stop();
	});

	async function stop(): Promise<void> {
		const running = server;
		server = undefined;
		if (running) {
			running.closeAllConnections();
			await new Promise(resolve => {
				running.close(resolve);
			});
		}
	}

	async function serve(status: number, body: string): Promise<string> {
		server = createServer((request, response) => {
			response.writeHead(request.url?.endsWith('/7.9.2009/os/x86_64/repodata/repomd.xml') ? status : 404);
			response.end(body);
		});
		await new Promise<void>(resolve => {
			server?.listen(0, '127.0.0.1', resolve);
		});
		return `http://127.0.0.1:${(server.address() as AddressInfo).port}/vault/`;
	}

	test('a mirror serving the 7.9 repository index is reported as answering', async () => {
		const base = await serve(200, '<?xml version="1.0"?><repomd xmlns="http://linux.duke.edu/metadata/repo"></repomd>');
		const result = await probeVaultMirror('custom', base);
		expect(result.ok).toBe(true);
		expect(result.detail).toContain(`${base} answered in`);
	});

	test('a mirror without the 7.9 tree is reported with its HTTP status', async () => {
		const base = await serve(404, 'gone');
		expect(await probeVaultMirror('custom', base)).toEqual({ok: false, detail: `${base.replace(/\/$/, '')}/7.9.2009/os/x86_64/repodata/repomd.xml answered HTTP 404`});
	});

	test('a mirror that does not answer at all says so', async () => {
		const base = await serve(200, 'x');
		await stop();
		const result = await probeVaultMirror('custom', base, {timeoutMs: 2000});
		expect(result.ok).toBe(false);
		expect(result.detail).toContain('did not answer');
	});
});
