import {execFileSync, spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {ConnectionError, HostKeyError} from '../../src/errors.js';
import {fingerprintOf} from '../../src/exec/known-hosts.js';
import {resolveSshEndpoint} from '../../src/exec/ssh-config.js';
import {makeUserKey, type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';
import {sshClientFor} from './ssh-fixture.js';
import {waitFor} from '../helpers/wait-for.js';

describe.skipIf(shouldSkipSshd())('connecting over ssh', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let hostKeyBlob: Buffer;

	beforeAll(async () => {
		server = await startSshd();
		client = sshClientFor(server);
		hostKeyBlob = Buffer.from(server.hostPublicKey.split(' ')[1]!, 'base64');
	});
	afterAll(() => {
		server.stop();
		client.cleanup();
	});

	it('asks about an unknown host with its SHA256 fingerprint, then remembers it', async () => {
		const knownHostsPath = join(client.home, 'first-contact');
		const asked: string[] = [];
		const executor = client.executor({hostKeys: {knownHostsPath, confirmUnknownHost: async info => {
			asked.push(info.fingerprint);
			return true;
		}}});
		expect((await executor.run('echo hi')).stdout).toBe('hi\n');
		await executor.close();
		expect(asked).toEqual([fingerprintOf(hostKeyBlob)]);
		expect(readFileSync(knownHostsPath, 'utf8')).toBe(`${server.knownHostsLine}\n`);
	});

	it('does not connect when the user says no', async () => {
		const knownHostsPath = join(client.home, 'declined');
		const executor = client.executor({hostKeys: {knownHostsPath, confirmUnknownHost: async () => false}});
		await expect(executor.run('true')).rejects.toThrow(HostKeyError);
	});

	it('refuses an unknown host without a prompt unless the flag allows it', async () => {
		const knownHostsPath = join(client.home, 'non-interactive');
		await expect(client.executor({hostKeys: {knownHostsPath}}).run('true')).rejects.toThrow(/was not accepted/);
		const flagged = client.executor({hostKeys: {knownHostsPath, acceptNewHostKey: true}});
		expect((await flagged.run('echo ok')).stdout).toBe('ok\n');
		await flagged.close();
	});

	it('refuses a changed host key and names both fingerprints', async () => {
		const knownHostsPath = join(client.home, 'changed');
		const impostor = makeUserKey(client.home, 'impostor');
		const impostorLine = readFileSync(`${impostor}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
		writeFileSync(knownHostsPath, `[127.0.0.1]:${server.port} ${impostorLine}\n`);
		const error = await client.executor({hostKeys: {knownHostsPath, acceptNewHostKey: true}}).run('true').catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(HostKeyError);
		expect((error as HostKeyError).message).toContain(fingerprintOf(Buffer.from(impostorLine.split(' ')[1]!, 'base64')));
		expect((error as HostKeyError).message).toContain(fingerprintOf(hostKeyBlob));
		expect((error as HostKeyError).hint).toContain(`ssh-keygen -R '[127.0.0.1]:${server.port}' -f ${knownHostsPath}`);
	});

	it('asks once for the passphrase of an encrypted key', async () => {
		const keyPath = makeUserKey(client.home, 'locked', 'correct horse');
		server.authorize(readFileSync(`${keyPath}.pub`, 'utf8'));
		const asked: string[] = [];
		const executor = client.executor({
			endpoint: {host: '127.0.0.1', port: server.port, user: 'root', identityFiles: [keyPath]},
			askPassphrase: async path => {
				asked.push(path);
				return 'correct horse';
			},
		});
		expect((await executor.run('echo in')).stdout).toBe('in\n');
		server.killSessionChildren();
		expect((await executor.run('echo again')).stdout).toBe('again\n');
		expect(asked).toEqual([keyPath]);
		await executor.close();
	});

	it('uses keys held by ssh-agent', async () => {
		const socket = join(client.home, 'agent.sock');
		const agent = spawn('ssh-agent', ['-D', '-a', socket], {stdio: 'ignore'});
		try {
			await waitFor(() => execFileSync('sh', ['-c', `test -S ${socket} && echo yes || true`], {encoding: 'utf8'}) !== '', 'ssh-agent\'s socket');
			execFileSync('ssh-add', [server.userKeyPath], {env: {...process.env, SSH_AUTH_SOCK: socket}, stdio: 'ignore'});
			const executor = client.executor({endpoint: {host: '127.0.0.1', port: server.port, user: 'root', identityFiles: []}, agentSocket: socket});
			expect((await executor.run('echo agent')).stdout).toBe('agent\n');
			await executor.close();
		} finally {
			agent.kill();
		}
	});

	it('says why when no credential works', async () => {
		const executor = client.executor({endpoint: {host: '127.0.0.1', port: server.port, user: 'root', identityFiles: []}, password: 'wrong'});
		await expect(executor.run('true')).rejects.toThrow(ConnectionError);
	});

	it('reaches the target through one ProxyJump hop from ~/.ssh/config', async () => {
		const configText = `Host target\n  HostName 127.0.0.1\n  Port ${server.port}\n  User root\n  IdentityFile ${server.userKeyPath}\n  ProxyJump hop\nHost hop\n  HostName 127.0.0.1\n  Port ${server.port}\n  User root\n  IdentityFile ${server.userKeyPath}\n`;
		const executor = client.executor({endpoint: resolveSshEndpoint({alias: 'target', configText, home: client.home})});
		expect((await executor.run('echo through')).stdout).toBe('through\n');
		await executor.close();
	});

	it('reconnects for the next command after the link dropped', async () => {
		const executor = client.executor();
		expect((await executor.run('echo before')).stdout).toBe('before\n');
		server.killSessionChildren();
		expect((await executor.run('echo after')).stdout).toBe('after\n');
		await executor.close();
	});
});

describe.skipIf(shouldSkipSshd())('a server whose host key type differs from the one on file', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let ecdsaLine: string;

	beforeAll(async () => {
		// The server shows ED25519 only; the client once recorded an ECDSA key for the same address.
		server = await startSshd();
		client = sshClientFor(server);
		const ecdsa = join(client.home, 'old_ecdsa');
		execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', ecdsa]);
		ecdsaLine = readFileSync(`${ecdsa}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
	});
	afterAll(() => {
		server?.stop();
		client?.cleanup();
	});

	it.each([[true], [false]])('refuses it as a changed key (accept-new-host-key: %s), showing both fingerprints', async acceptNewHostKey => {
		const knownHostsPath = join(client.home, `switched-${acceptNewHostKey}`);
		writeFileSync(knownHostsPath, `[127.0.0.1]:${server.port} ${ecdsaLine}\n`);
		const error = await client.executor({hostKeys: {knownHostsPath, acceptNewHostKey}}).run('true').catch((failure: unknown) => failure);
		expect(error).toBeInstanceOf(HostKeyError);
		const {message} = error as HostKeyError;
		expect(message).toContain(fingerprintOf(Buffer.from(ecdsaLine.split(' ')[1]!, 'base64')));
		expect(message).toContain(fingerprintOf(Buffer.from(server.hostPublicKey.split(' ')[1]!, 'base64')));
		expect(readFileSync(knownHostsPath, 'utf8')).toBe(`[127.0.0.1]:${server.port} ${ecdsaLine}\n`);
	});
});

describe.skipIf(shouldSkipSshd())('a server with host keys of several types', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let ecdsaLine: string;
	let keys: string;

	beforeAll(async () => {
		keys = mkdtempSync(join(tmpdir(), 'mesos-lab-hostkeys-'));
		const ecdsa = join(keys, 'host_ecdsa');
		execFileSync('ssh-keygen', ['-q', '-t', 'ecdsa', '-N', '', '-f', ecdsa]);
		ecdsaLine = readFileSync(`${ecdsa}.pub`, 'utf8').split(' ').slice(0, 2).join(' ');
		server = await startSshd({settings: [`HostKey ${ecdsa}`]});
		client = sshClientFor(server);
	});
	afterAll(() => {
		server?.stop();
		client?.cleanup();
		rmSync(keys, {recursive: true, force: true});
	});

	it('connects with the type on file, as OpenSSH would', async () => {
		const knownHostsPath = join(client.home, 'ecdsa-on-file');
		writeFileSync(knownHostsPath, `[127.0.0.1]:${server.port} ${ecdsaLine}\n`);
		const executor = client.executor({hostKeys: {knownHostsPath}});
		expect((await executor.run('echo in')).stdout).toBe('in\n');
		await executor.close();
	});
});
