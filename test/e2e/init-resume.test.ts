import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {parse, stringify} from 'yaml';
import {changingCalls, finished, journal, reportedSatisfied, unfinished} from './install-journal.js';
import {e2eLabId, labHostUnavailable, labPorts, startCli, startLabHost, type LabHost} from './lab-host.js';
import {waitFor} from '../helpers/wait-for.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

function srvrModes(lab: LabHost): string[] {
	return labPorts.zookeeperClient.map(port => {
		const answer = lab.host.exec(`bash -c 'exec 3<>/dev/tcp/${lab.host.address}/${port} && printf srvr >&3 && timeout 5 cat <&3' || true`);
		return /^Mode: (\w+)/m.exec(answer)?.[1] ?? 'silent';
	});
}

const installTimeoutMs = 240_000;

// Three stories on test hosts of their own, run side by side. The second init waits for the
// first install on its host to end.
describe.skipIf(Boolean(unavailable)).concurrent('mesos-lab installing CentOS 7 test hosts end to end', () => {
	let fresh: LabHost;
	let interrupted: LabHost;
	let tampered: LabHost;
	let firstInstallEnded!: (completed: boolean) => void;
	const firstInstall = new Promise<boolean>(resolve => {
		firstInstallEnded = resolve;
	});

	beforeAll(async () => {
		// Hosts that did start are kept for afterAll even when another one fails to.
		const started = await Promise.allSettled([startLabHost({index: 1}), startLabHost({index: 2, buildSeconds: 16}), startLabHost({index: 3})]);
		[fresh, interrupted, tampered] = started.map(result => (result.status === 'fulfilled' ? result.value : undefined)) as [LabHost, LabHost, LabHost];
		const failure = started.find(result => result.status === 'rejected');
		if (failure) {
			throw failure.reason;
		}
	}, 120_000);
	afterAll(async () => {
		await Promise.all([fresh?.stop(), interrupted?.stop(), tampered?.stop()]);
	}, 120_000);

	it('init --config lab.yaml --yes runs every step to done, through the lab file\'s own mirror, and leaves a working cluster', async () => {
		const lab = fresh;
		const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
		const code = await finished(run, installTimeoutMs);
		firstInstallEnded(code === 0);

		expect(code, run.output()).toBe(0);
		expect(run.output()).toMatch(/run completed/);
		expect(unfinished(lab), run.output()).toEqual([]);
		const ran = Object.entries(journal(lab).steps).filter(([, step]) => step.status === 'done').map(([key]) => key);
		expect(ran).toEqual(expect.arrayContaining(['firewalld-off@node1', 'yum-vault@node1', 'docker-install@node1', 'zookeeper-member-1@node1', 'mesos-build@node1', 'mesos-master-3@node1', 'mesos-agent@node1', 'marathon-2@node1', 'marathon-lb@node1']));

		expect(lab.mirrorRequests()).toEqual(expect.arrayContaining([
			'/gone-vault/7.9.2009/os/x86_64/repodata/repomd.xml',
			'/centos-vault/7.9.2009/os/x86_64/repodata/repomd.xml',
			'/apache/zookeeper/zookeeper-3.4.14/zookeeper-3.4.14.tar.gz.sha512',
			'/apache/mesos/1.11.0/mesos-1.11.0.tar.gz',
		]));
		expect(lab.host.calls()).toEqual(expect.arrayContaining(['systemctl disable --now firewalld', 'yum install -y docker-ce-24.0.9 docker-ce-cli-24.0.9 docker-ce-rootless-extras-24.0.9 containerd.io']));
		expect(srvrModes(lab).sort()).toEqual(['follower', 'follower', 'leader']);
		expect(lab.host.exec(`curl -fsS http://${lab.host.address}:${labPorts.marathon[1]}/v2/info`)).toContain(`"leader":"${lab.host.address}:${labPorts.marathon[0]}"`);
	}, installTimeoutMs + 30_000);

	it('a second init on the same host checks every step again and finds each one already satisfied', async () => {
		expect(await firstInstall, 'the first install on this host did not complete').toBe(true);
		const lab = fresh;
		const callsBefore = lab.host.calls().length;
		const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);

		expect(await finished(run, installTimeoutMs), run.output()).toBe(0);
		expect(reportedSatisfied(lab, run.output()), run.output()).toEqual(journal(lab).order);
		expect(run.output()).not.toMatch(/ \$ /);
		expect(changingCalls(lab.host.calls().slice(callsBefore))).toEqual([]);
	}, 2 * installTimeoutMs + 30_000);

	it('killed during the Mesos build, the build goes on on the host; resume re-attaches to it and finishes every step', async () => {
		const lab = interrupted;
		const init = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
		const jobLog = '/var/lib/mesos-lab/jobs/mesos-build/log';
		await waitFor(() => {
			if (journal(lab).steps['mesos-build@node1']?.job === undefined) {
				return false;
			}
			return lab.host.exec(`grep -c CXX ${jobLog} 2>/dev/null || true`).trim() !== '0';
		}, 'the Mesos build to compile its first object', {timeoutMs: installTimeoutMs, everyMs: 250});
		init.child.kill('SIGKILL');
		await init.exited;
		expect(journal(lab).steps['mesos-build@node1']?.status).toBe('running');
		expect(lab.host.exec(`kill -0 "$(cat /var/lib/mesos-lab/jobs/mesos-build/pid)" && echo building`).trim()).toBe('building');

		const resume = startCli(lab, ['resume', '--plain']);

		expect(await finished(resume, installTimeoutMs), resume.output()).toBe(0);
		expect(resume.output()).toMatch(/re-attached to mesos-build/);
		expect(resume.output()).toMatch(/run completed/);
		expect(unfinished(lab), resume.output()).toEqual([]);
		// Every compiled object appears once in the step's log: nothing was built twice or lost.
		const stepLog = readFileSync(join(lab.home, 'labs', e2eLabId, 'logs', 'mesos-build@node1.log'), 'utf8');
		const objects = stepLog.split('\n').filter(line => line.includes('CXX'));
		expect(objects).toHaveLength(24);
		expect(new Set(objects).size).toBe(24);
	}, 2 * installTimeoutMs + 30_000);

	it('a ZooKeeper archive that does not match the pinned checksum stops the install there, with the checksum hint', async () => {
		const lab = tampered;
		const labFile = parse(readFileSync(lab.labPath, 'utf8')) as {zookeeper: {download: {checksum: {algorithm: string; value?: string}}}};
		labFile.zookeeper.download.checksum = {algorithm: 'sha512', value: 'ab'.repeat(64)};
		writeFileSync(lab.labPath, stringify(labFile));
		const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);

		const code = await finished(run, installTimeoutMs);
		expect(code, run.output()).not.toBe(0);
		expect(code, run.output()).not.toBeNull();
		expect(run.output()).toMatch(/zookeeper-download@node1 .* failed: /);
		expect(run.output()).toContain('hint: The download does not match its checksum');
		expect(run.output()).toMatch(/run failed/);
		expect(journal(lab).steps['zookeeper-download@node1']?.status).toBe('failed');
		expect(journal(lab).steps['zookeeper-member-1@node1']?.status ?? 'pending').toBe('pending');
		expect(lab.host.exec('ls /opt/mesos-lab/downloads/').trim()).toBe('');
	}, installTimeoutMs + 30_000);
});
