import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {changingCalls, finished, journal, reportedSatisfied, unfinished} from './install-journal.js';
import {labHostUnavailable, labPorts, onHost, startCli, startLabHost, type LabHost} from './lab-host.js';
import {waitFor} from '../helpers/wait-for.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

const installTimeoutMs = 300_000;

/** A run of `mesos-lab init --yes` on the lab, to its end. */
async function init(lab: LabHost): Promise<{code: number | null; output: string}> {
	const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
	const code = await finished(run, installTimeoutMs);
	return {code, output: run.output()};
}

function state(lab: LabHost, ...path: string[]): string {
	return readFileSync(join(lab.host.dir, 'state', ...path), 'utf8').trim();
}

/** What a second run must leave as it found: packages and their locks, services, SELinux, address. */
function snapshot(lab: LabHost): string {
	return lab.host.exec([
		`sort ${join(lab.host.dir, 'state', 'rpms')}`,
		'cat /etc/yum/pluginconf.d/versionlock.list 2>/dev/null || true',
		`ls ${lab.unitsDir} | grep -v '\\.log$' | sort`,
		'getenforce',
		'sha256sum /etc/systemd/system/*.service /etc/yum.repos.d/*.repo /etc/docker/daemon.json',
	].join('; '));
}

/**
 * A fresh CentOS 7.9.2009 minimal as upstream documents it: the vault's updates carry a newer
 * centos-release, the docker-ce repo offers 26.1.4, SELinux enforces, the host name resolves to
 * 127.0.0.1, yum holds its lock through post-transaction actions, sudo resets PATH to secure_path,
 * and systemd kills a unit's whole control group on restart.
 */
describe.skipIf(Boolean(unavailable)).concurrent('installing a fresh CentOS 7.9 minimal end to end', () => {
	let sudoUser: LabHost;
	let rpmLab: LabHost;
	let scripted: LabHost;
	const installs = new Map<string, Promise<boolean>>();
	const ended = new Map<string, (completed: boolean) => void>();
	for (const story of ['sudo', 'rpm', 'rpm-second']) {
		installs.set(story, new Promise(resolve => ended.set(story, resolve)));
	}

	beforeAll(async () => {
		const started = await Promise.allSettled([
			startLabHost({index: 4, user: 'sudo-password', language: 'zh'}),
			startLabHost({index: 5, mesosSource: 'rpm'}),
			startLabHost({index: 6}),
		]);
		[sudoUser, rpmLab, scripted] = started.map(result => (result.status === 'fulfilled' ? result.value : undefined)) as [LabHost, LabHost, LabHost];
		const failure = started.find(result => result.status === 'rejected');
		if (failure) {
			throw failure.reason;
		}
	}, 120_000);
	afterAll(async () => {
		await Promise.all([sudoUser?.stop(), rpmLab?.stop(), scripted?.stop()]);
	}, 120_000);

	it('as a sudo user whose sudo asks for a password, init installs every step and each one proves itself', async () => {
		const lab = sudoUser;
		const {code, output} = await init(lab);
		ended.get('sudo')?.(code === 0);

		expect(code, output).toBe(0);
		expect(unfinished(lab), output).toEqual([]);
		expect(journal(lab).steps['mesos-build@node1']?.status).toBe('done');
		expect(lab.host.exec('getenforce').trim()).toBe('Permissive');
		expect(state(lab, 'docker', 'mesos-lab-marathon-1.libprocess-ip')).toBe(lab.host.address);
	}, installTimeoutMs + 30_000);

	it('as that sudo user, a second init finds every step already satisfied and changes nothing', async () => {
		expect(await installs.get('sudo'), 'the first install on this host did not complete').toBe(true);
		const lab = sudoUser;
		const callsBefore = lab.host.calls().length;
		const {code, output} = await init(lab);

		expect(code, output).toBe(0);
		expect(reportedSatisfied(lab, output), output).toEqual(journal(lab).order);
		expect(changingCalls(lab.host.calls().slice(callsBefore))).toEqual([]);
	}, 2 * installTimeoutMs + 30_000);

	it('with mesos.source rpm, the units run the binaries where the RPM put them', async () => {
		const lab = rpmLab;
		const {code, output} = await init(lab);
		ended.get('rpm')?.(code === 0);

		expect(code, output).toBe(0);
		expect(unfinished(lab), output).toEqual([]);
		for (const [unit, program] of [['mesos-lab-master-1', 'mesos-master'], ['mesos-lab-agent', 'mesos-agent']]) {
			const binary = lab.host.exec(`sed -n 's/^ExecStart=\\([^ ]*\\).*/\\1/p' /etc/systemd/system/${unit}.service`).trim();
			expect(lab.host.exec(`readlink -f ${binary}`).trim()).toBe(`/usr/sbin/${program}`);
		}
	}, installTimeoutMs + 30_000);

	it('with mesos.source rpm, a second init finds every step satisfied and takes the RPM\'s own /var/lib/mesos for no leftover', async () => {
		const firstCompleted = await installs.get('rpm');
		if (firstCompleted !== true) {
			ended.get('rpm-second')?.(false);
		}
		expect(firstCompleted, 'the first install on this host did not complete').toBe(true);
		const lab = rpmLab;
		const callsBefore = lab.host.calls().length;
		const {code, output} = await init(lab);
		ended.get('rpm-second')?.(code === 0);

		expect(code, output).toBe(0);
		expect(reportedSatisfied(lab, output), output).toEqual(journal(lab).order);
		expect(changingCalls(lab.host.calls().slice(callsBefore))).toEqual([]);
		expect(output.split('\n').find(line => line.includes('preflight-leftovers@node1'))).not.toContain('/var/lib/mesos');
	}, 2 * installTimeoutMs + 30_000);

	it('after the install, a running task survives a restart of the agent', async () => {
		expect(await installs.get('rpm-second'), 'the installs on this host did not complete').toBe(true);
		const lab = rpmLab;
		const executor = lab.host.exec('cat /opt/mesos-lab/mesos/agent/work/executor.pid').trim();
		const running = () => lab.host.exec(`grep -qv ') Z ' /proc/${executor}/stat 2>/dev/null && echo running || echo gone`).trim();
		expect(running()).toBe('running');

		await onHost(lab, 'systemctl restart mesos-lab-agent', {as: 'root'});

		expect(running()).toBe('running');
	}, installTimeoutMs);

	it('plan --script is valid bash; run twice as root it installs, then changes nothing, with Docker still pinned', async () => {
		const lab = scripted;
		const script = join(lab.home, 'install.sh');
		const plan = startCli(lab, ['plan', '--config', lab.labPath, '--script']);
		expect(await finished(plan, 60_000)).toBe(0);
		writeFileSync(script, plan.output());
		execFileSync('bash', ['-n', script]);
		execFileSync('shellcheck', ['-S', 'warning', script]);

		await onHost(lab, 'bash -s', {as: 'root', input: plan.output(), timeoutMs: installTimeoutMs});
		const afterFirst = snapshot(lab);
		expect(lab.host.exec('rpm -q --qf %{VERSION} docker-ce')).toBe('24.0.9');
		// The script starts Marathon's unit and goes on; Marathon answers once it is up (tens of seconds on a real host).
		const info = await waitFor(() => lab.host.exec(`curl -fsS http://${lab.host.address}:${labPorts.marathon[0]}/v2/info`), 'Marathon answering /v2/info after the script', {timeoutMs: 120_000, everyMs: 500});
		expect(info).toContain('"leader"');

		await onHost(lab, 'bash -s', {as: 'root', input: plan.output(), timeoutMs: installTimeoutMs});

		expect(snapshot(lab)).toBe(afterFirst);
		expect(lab.host.exec('rpm -q --qf %{VERSION} docker-ce')).toBe('24.0.9');
	}, 3 * installTimeoutMs);
});
