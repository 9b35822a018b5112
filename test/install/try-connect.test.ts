import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {fingerprintOf} from '../../src/exec/known-hosts.js';
import {tryConnectTarget} from '../../src/install/try-connect.js';
import {startTestHost, testHostUnavailable, type TestHost} from '../helpers/test-host.js';

const unavailable = testHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`The connection test needs a test host: ${unavailable}`);
}

describe.skipIf(unavailable !== undefined)('trying the SSH target during the questions', () => {
	let host: TestHost;
	let scratch: string;

	beforeAll(async () => {
		host = await startTestHost({index: 7});
		scratch = await mkdtemp(join(tmpdir(), 'mesos-lab-wizard-known-'));
	});

	afterAll(async () => {
		host?.stop();
		await rm(scratch, {recursive: true, force: true});
	});

	test('a reachable host answers and its key fingerprint is shown as ssh-keygen prints it', async () => {
		const attempt = await tryConnectTarget(
			{kind: 'ssh', host: host.address, port: host.port, user: host.user, auth: 'identity-file', identityFile: host.identityFile},
			{knownHostsPath: join(scratch, 'known_hosts'), scratchPath: join(scratch, 'known_hosts.trial')},
		);
		const hostKey = host.knownHostsLine.trim().split(/\s+/)[2] ?? '';
		expect(attempt).toEqual({ok: true, fingerprint: fingerprintOf(Buffer.from(hostKey, 'base64')), newKey: host.knownHostsLine.trim()});
		// Nothing is trusted for real until the user says yes.
		expect(existsSync(join(scratch, 'known_hosts'))).toBe(false);
	});

	test('a host already trusted is not offered again', async () => {
		await writeFile(join(scratch, 'known_hosts'), `${host.knownHostsLine}\n`);
		const attempt = await tryConnectTarget(
			{kind: 'ssh', host: host.address, port: host.port, user: host.user, auth: 'identity-file', identityFile: host.identityFile},
			{knownHostsPath: join(scratch, 'known_hosts'), scratchPath: join(scratch, 'known_hosts.trial')},
		);
		expect(attempt).toEqual({ok: true, fingerprint: 'already in known_hosts'});
	});

	test('a port nobody listens on gives an error the wizard can show', async () => {
		const attempt = await tryConnectTarget(
			{kind: 'ssh', host: host.address, port: host.port + 1, user: host.user, auth: 'identity-file', identityFile: host.identityFile},
			{knownHostsPath: join(scratch, 'known_hosts'), scratchPath: join(scratch, 'known_hosts.trial'), readyTimeoutMs: 3000},
		);
		expect(attempt.ok).toBe(false);
	});
});
