import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {HostKeyError} from '../../src/errors.js';
import {fingerprintOf, hostKeyAlgorithmsFor, judgeHostKey, parseKnownHosts, verifyHostKey} from '../../src/exec/known-hosts.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'mesos-lab-known-hosts-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

function makeHostKey(name: string, type: 'ed25519' | 'ecdsa' | 'rsa' = 'ed25519'): {line: string; blob: Buffer; path: string} {
	const path = join(dir, name);
	execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', path]);
	const line = readFileSync(`${path}.pub`, 'utf8').trim().split(' ').slice(0, 2).join(' ');
	return {line, blob: Buffer.from(line.split(' ')[1]!, 'base64'), path};
}

describe('known_hosts', () => {
	it('prints the same SHA256 fingerprint as ssh-keygen', () => {
		const key = makeHostKey('a');
		const printed = execFileSync('ssh-keygen', ['-l', '-E', 'sha256', '-f', `${key.path}.pub`], {encoding: 'utf8'});
		expect(printed.split(' ')[1]).toBe(fingerprintOf(key.blob));
	});

	it('recognises a host written as [host]:port, and only on that port', () => {
		const key = makeHostKey('a');
		const entries = parseKnownHosts(`[10.0.0.5]:2222 ${key.line}\n`);
		expect(judgeHostKey(entries, '10.0.0.5', 2222, key.blob).kind).toBe('known');
		expect(judgeHostKey(entries, '10.0.0.5', 22, key.blob).kind).toBe('unknown');
	});

	it('recognises hashed entries written by ssh-keygen -H', () => {
		const key = makeHostKey('a');
		const file = join(dir, 'known_hosts');
		writeFileSync(file, `[centos7.lab]:2200 ${key.line}\nplain.lab ${key.line}\n`);
		execFileSync('ssh-keygen', ['-H', '-f', file], {stdio: 'ignore'});
		const hashed = readFileSync(file, 'utf8');
		expect(hashed).not.toContain('centos7.lab');
		const entries = parseKnownHosts(hashed);
		expect(judgeHostKey(entries, 'centos7.lab', 2200, key.blob).kind).toBe('known');
		expect(judgeHostKey(entries, 'plain.lab', 22, key.blob).kind).toBe('known');
		expect(judgeHostKey(entries, 'other.lab', 22, key.blob).kind).toBe('unknown');
	});

	it('honours wildcards and negated patterns', () => {
		const key = makeHostKey('a');
		const entries = parseKnownHosts(`*.lab,!bad.lab ${key.line}\n`);
		expect(judgeHostKey(entries, 'node1.lab', 22, key.blob).kind).toBe('known');
		expect(judgeHostKey(entries, 'bad.lab', 22, key.blob).kind).toBe('unknown');
	});

	it('refuses a changed key with both fingerprints and the exact ssh-keygen -R command', async () => {
		const old = makeHostKey('old');
		const current = makeHostKey('new');
		const file = join(dir, 'known_hosts');
		writeFileSync(file, `[127.0.0.1]:2222 ${old.line}\n`);
		const refusal = await verifyHostKey({knownHostsPath: file, acceptNewHostKey: true}, '127.0.0.1', 2222, current.blob).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(HostKeyError);
		const error = refusal as HostKeyError;
		expect(error.message).toContain(fingerprintOf(old.blob));
		expect(error.message).toContain(fingerprintOf(current.blob));
		expect(error.hint).toBe(`If the machine was reinstalled, remove the old key with: ssh-keygen -R '[127.0.0.1]:2222' -f ${file}`);
		expect(readFileSync(file, 'utf8')).toBe(`[127.0.0.1]:2222 ${old.line}\n`);
	});

	it('refuses a key marked @revoked even with consent to new keys', async () => {
		const key = makeHostKey('a');
		const file = join(dir, 'known_hosts');
		writeFileSync(file, `@revoked * ${key.line}\n`);
		await expect(verifyHostKey({knownHostsPath: file, acceptNewHostKey: true}, 'x.lab', 22, key.blob)).rejects.toThrow(/revoked/);
	});

	it('records an accepted new host so ssh itself trusts it afterwards', async () => {
		const key = makeHostKey('a');
		const file = join(dir, 'known_hosts');
		await verifyHostKey({knownHostsPath: file, acceptNewHostKey: true}, '127.0.0.1', 2201, key.blob);
		const found = execFileSync('ssh-keygen', ['-F', '[127.0.0.1]:2201', '-f', file], {encoding: 'utf8'});
		expect(found).toContain(key.line);
	});

	describe('a host that now shows a key of another type', () => {
		it.each([
			['with consent to new keys', {acceptNewHostKey: true}],
			['without it', {}],
			['when asked interactively', {confirmUnknownHost: async () => true}],
		])('is refused as a changed key %s, naming both keys', async (_, policy) => {
			const onFile = makeHostKey('ecdsa', 'ecdsa');
			const presented = makeHostKey('ed25519');
			const file = join(dir, 'known_hosts');
			writeFileSync(file, `[10.0.0.5]:2222 ${onFile.line}\n`);
			const refusal = await verifyHostKey({knownHostsPath: file, ...policy}, '10.0.0.5', 2222, presented.blob).catch((error: unknown) => error);
			expect(refusal).toBeInstanceOf(HostKeyError);
			const {message} = refusal as HostKeyError;
			expect(message).toContain('CHANGED');
			expect(message).toContain(`ecdsa-sha2-nistp256 ${fingerprintOf(onFile.blob)}`);
			expect(message).toContain(`ssh-ed25519 ${fingerprintOf(presented.blob)}`);
			expect(message).not.toContain('not in');
			expect(readFileSync(file, 'utf8')).toBe(`[10.0.0.5]:2222 ${onFile.line}\n`);
		});

		it('is still known when the presented key is one of several on file', () => {
			const rsa = makeHostKey('rsa', 'rsa');
			const ed = makeHostKey('ed25519');
			const entries = parseKnownHosts(`node1.lab ${rsa.line}\nnode1.lab ${ed.line}\n`);
			expect(judgeHostKey(entries, 'node1.lab', 22, ed.blob).kind).toBe('known');
			expect(judgeHostKey(entries, 'node1.lab', 22, rsa.blob).kind).toBe('known');
		});
	});

	it('asks the server first for the key types on file for that host, like OpenSSH', () => {
		const file = join(dir, 'known_hosts');
		writeFileSync(file, `[10.0.0.5]:2222 ${makeHostKey('ecdsa', 'ecdsa').line}\nother.lab ${makeHostKey('rsa', 'rsa').line}\n`);
		expect(hostKeyAlgorithmsFor({knownHostsPath: file}, '10.0.0.5', 2222)?.[0]).toBe('ecdsa-sha2-nistp256');
		expect(hostKeyAlgorithmsFor({knownHostsPath: file}, 'other.lab', 22)?.slice(0, 3)).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa']);
		expect(hostKeyAlgorithmsFor({knownHostsPath: file}, 'new.lab', 22)).toBeUndefined();
	});
});
