import {existsSync, readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {finished} from './install-journal.js';
import {e2eLabId, labHostUnavailable, startCli, startLabHost, type LabHost} from './lab-host.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

const installTimeoutMs = 240_000;

interface HostState {
	files: string[];
	units: string[];
}

/**
 * Every path under the folders the install writes to, and the state of every unit. The host sees
 * this machine's own files through its overlays, so the caches other programs here keep writing
 * (npm's, under /root) are left out with the logs.
 */
function snapshot(lab: LabHost): HostState {
	const list = join(lab.host.dir, 'file-list.txt');
	lab.host.exec(`find /etc /usr /var /opt /root -xdev \\( -path /var/cache -o -path /var/log -o -path /var/tmp -o -path /root/.npm -o -path /root/.cache \\) -prune -o -print | sort > ${list}`);
	const files = readFileSync(list, 'utf8').split('\n').filter(Boolean);
	// The systemctl stand-in keeps one marker per unit and state; its own logs are not unit state.
	const units = readdirSync(lab.unitsDir).filter(name => /\.(enabled|active|pid)$/.test(name)).sort();
	return {files, units};
}

function difference(before: readonly string[], after: readonly string[]): {added: string[]; removed: string[]} {
	const had = new Set(before);
	const has = new Set(after);
	return {added: after.filter(path => !had.has(path)), removed: before.filter(path => !has.has(path))};
}

interface StepView {
	status: string;
	skippedBy?: string;
}

function journalSteps(lab: LabHost): Record<string, StepView> {
	const file = join(lab.home, 'labs', e2eLabId, 'checkpoints.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as {steps: Record<string, StepView>}).steps : {};
}

/** `mesos-lab init` on the test host, unattended, to the end. */
async function installed(lab: LabHost): Promise<{code: number | null; output: string}> {
	const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
	const code = await finished(run, installTimeoutMs);
	return {code, output: run.output()};
}

describe.skipIf(Boolean(unavailable))('mesos-lab reset --hosts on a CentOS 7 test host', () => {
	let lab: LabHost;

	beforeAll(async () => {
		lab = await startLabHost({index: 7});
	}, 120_000);
	afterAll(async () => {
		await lab?.stop();
	}, 120_000);

	it('takes the host back to where the install found it, saying what it keeps, and a second init installs again', async () => {
		const before = snapshot(lab);
		const install = await installed(lab);
		expect(install.code, install.output).toBe(0);
		expect(difference(before.units, snapshot(lab).units).added).toEqual(expect.arrayContaining(['mesos-lab-master-1.service.pid', 'mesos-lab-marathon-lb.service.enabled']));

		const reset = startCli(lab, ['reset', '--hosts', '--yes']);
		expect(await finished(reset, installTimeoutMs), `${reset.output()}\n${lab.host.calls().slice(-40).join('\n')}`).toBe(0);

		const said = reset.output();
		const firstDone = said.indexOf('✓ ');
		expect(said.slice(0, firstDone)).toContain('$ systemctl disable --now mesos-lab-marathon-lb.service');
		expect(said.slice(0, firstDone)).toContain('Kept: installed packages');
		expect(said).not.toContain('✗');
		expect(said).toMatch(/Removed checkpoints and logs of default/);
		const after = snapshot(lab);
		const files = difference(before.files, after.files);
		// What the reset says it keeps: the packages' files (the docker command, the folders their
		// packages own), docker-ce's version lock and the vault rewrite, which moved the dead CentOS repo files aside.
		const kept = [/^\/usr\/bin\/docker$/, /^\/etc\/(docker|maven|yum|yum\/post-actions)$/, /^\/etc\/yum\.repos\.d\/mesos-lab-disabled(\/|$)/, /^\/etc\/yum\/pluginconf\.d(\/versionlock\.list)?$/];
		expect(files.added.filter(path => !kept.some(pattern => pattern.test(path))), reset.output()).toEqual([]);
		expect(files.removed).toEqual(['/etc/yum.repos.d/CentOS-Updates.repo']);
		// Units: the services of the packages that stay (docker, chrony) run on; firewalld stays off, as said.
		expect(difference(before.units, after.units)).toEqual({
			added: ['chronyd.service.active', 'chronyd.service.enabled', 'docker.service.active', 'docker.service.enabled'],
			removed: ['firewalld.service.active', 'firewalld.service.enabled'],
		});

		const again = await installed(lab);
		expect(again.code, again.output).toBe(0);
		const steps = journalSteps(lab);
		const ranAgain = ['docker-daemon-config', 'zookeeper-download', 'zookeeper-member-1', 'zookeeper-member-3', 'mesos-source', 'mesos-build', 'mesos-master-1', 'mesos-agent', 'marathon-1', 'marathon-2', 'marathon-lb'];
		expect(ranAgain.filter(id => steps[`${id}@node1`]?.status !== 'done'), again.output).toEqual([]);
	}, 9 * installTimeoutMs);
});
