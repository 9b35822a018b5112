import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {finished, unfinished} from './install-journal.js';
import {labHostUnavailable, onHost, startCli, startLabHost, type LabHost} from './lab-host.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

const installTimeoutMs = 300_000;

/**
 * What `mesos-lab init` leaves on a host that starts as a CentOS 7.9.2009 minimal install does
 * (the stand-ins at their defaults): SELinux Enforcing, the host name on 127.0.0.1, and a docker-ce
 * repo whose newest el7 build is 26.1.4. Each story is one finding of the install audit.
 */
describe.skipIf(Boolean(unavailable))('a fresh CentOS 7.9 minimal after mesos-lab init', () => {
	let lab: LabHost;
	let installed = false;
	let installOutput = '';

	beforeAll(async () => {
		lab = await startLabHost({index: 9});
		const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
		const code = await finished(run, installTimeoutMs);
		installed = code === 0 && unfinished(lab).length === 0;
		installOutput = run.output();
	}, installTimeoutMs + 120_000);
	afterAll(async () => {
		await lab?.stop();
	}, 120_000);

	it('SELinux, Enforcing on the fresh host, is permissive now and after a reboot, as the exported script leaves it', () => {
		expect(installed, `the install did not complete:\n${installOutput}`).toBe(true);
		expect(lab.host.exec('getenforce').trim()).toBe('Permissive');
		expect(lab.host.exec('grep ^SELINUX= /etc/selinux/config').trim()).toBe('SELINUX=permissive');
	});

	it('each Marathon advertises the host\'s address, not the loopback its host name resolves to, because its unit sets LIBPROCESS_IP', () => {
		expect(installed, `the install did not complete:\n${installOutput}`).toBe(true);
		expect(lab.host.exec('getent ahostsv4 "$(hostname)" | awk \'NR == 1 {print $1}\'').trim()).toBe('127.0.0.1');
		for (const index of [1, 2]) {
			expect(readFileSync(join(lab.host.dir, 'state', 'docker', `mesos-lab-marathon-${index}.libprocess-ip`), 'utf8').trim()).toBe(lab.host.address);
			expect(lab.host.exec(`grep ^ExecStart= /etc/systemd/system/mesos-lab-marathon-${index}.service`)).toContain(`LIBPROCESS_IP=${lab.host.address}`);
		}
	});

	it('a later yum update, with docker-ce 26.1.4 on offer, leaves docker-ce, its CLI and rootless-extras at the pinned 24.0.9', async () => {
		expect(installed, `the install did not complete:\n${installOutput}`).toBe(true);

		await onHost(lab, 'yum update -y', {as: 'root', timeoutMs: 120_000});

		const versions = lab.host.exec('for p in docker-ce docker-ce-cli docker-ce-rootless-extras; do echo "$p $(rpm -q --qf %{VERSION} $p)"; done');
		expect(versions.trim().split('\n')).toEqual(['docker-ce 24.0.9', 'docker-ce-cli 24.0.9', 'docker-ce-rootless-extras 24.0.9']);
	}, 180_000);
});
