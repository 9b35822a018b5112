import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startTestHost, testHostUnavailable, type TestHost} from './test-host.js';

const unavailable = testHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs test hosts: ${unavailable}`);
}

describe.skipIf(Boolean(unavailable))('a test host made by the test itself', () => {
	let host: TestHost;
	const ssh = (command: string) => {
		const knownHosts = join(host.dir, 'known_hosts');
		writeFileSync(knownHosts, `${host.knownHostsLine}\n`);
		return execFileSync('ssh', [
			'-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${knownHosts}`, '-o', 'StrictHostKeyChecking=yes',
			'-i', host.identityFile, `root@${host.address}`, command,
		], {encoding: 'utf8'});
	};

	beforeAll(async () => {
		host = await startTestHost({index: 1, standIns: {yum: 'echo "yum stand-in"'}});
	});
	afterAll(() => host?.stop());

	it('looks like CentOS 7 to whoever logs in, while this machine stays as it was', () => {
		expect(ssh('. /etc/os-release; echo "$ID $VERSION_ID"').trim()).toBe('centos 7');
		expect(readFileSync('/etc/os-release', 'utf8')).not.toContain('CentOS');
	});

	it('answers yum from a stand-in and records the call', () => {
		expect(ssh('yum -y install vim').trim()).toBe('yum stand-in');
		expect(host.calls()).toContain('yum -y install vim');
	});

	it('has an address of its own, not loopback', () => {
		expect(host.address).not.toMatch(/^127\./);
		expect(ssh('hostname -I')).toContain(host.address);
	});
});
