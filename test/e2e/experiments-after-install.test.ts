import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {finished, unfinished} from './install-journal.js';
import {labHostUnavailable, startCli, startLabHost, type LabHost} from './lab-host.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

const installTimeoutMs = 240_000;
const experimentTimeoutMs = 360_000;

// After `mesos-lab init` on a CentOS 7 test host, the experiments run as a newcomer types them: no
// flag, the cluster and SSH access taken from the lab init saved.
describe.skipIf(Boolean(unavailable))('the experiments on a CentOS 7 test host after init', () => {
	let lab: LabHost;
	const outputs: Record<string, string> = {};
	const cli = (args: readonly string[]) => startCli({home: lab.home, cliEnv: {...lab.cliEnv, MESOS_LAB_LANG: 'en'}}, args);
	const experiment = async (name: string) => {
		const run = cli(['lab', name]);
		const code = await finished(run, experimentTimeoutMs);
		outputs[name] = run.output();
		expect(code, `lab ${name}:\n${run.output()}`).toBe(0);
		return run.output();
	};

	beforeAll(async () => {
		lab = await startLabHost({index: 10, buildSeconds: 4});
		const init = cli(['init', '--config', lab.labPath, '--yes', '--plain']);
		expect(await finished(init, installTimeoutMs), init.output()).toBe(0);
		expect(unfinished(lab), init.output()).toEqual([]);
	}, installTimeoutMs + 120_000);
	afterAll(async () => {
		await lab?.stop();
	}, 120_000);

	it('hello runs the shell loop and reads its stdout from the agent', async () => {
		expect(await experiment('hello')).toMatch(/stdout of hello-shell\S* \(from the Mesos sandbox\):\n\s+hello/);
	}, experimentTimeoutMs);

	it('inside shows, over SSH to the agent host, the executors behind a shell app and a Docker app, and the container\'s mapped port', async () => {
		const deploy = cli(['app', 'deploy', '--id', '/web', '--image', 'nginx:1.27', '--port', '80']);
		expect(await finished(deploy, experimentTimeoutMs), deploy.output()).toBe(0);
		const callsBefore = lab.host.calls().length;

		const output = await experiment('inside');

		expect(output).toContain(`Run on ${lab.host.address} over SSH:`);
		expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-executor --launcher_dir=/m);
		expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-containerizer launch/m);
		expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-docker-executor .*--container=mesos-/m);
		expect(output).toMatch(/^\s+[0-9a-f]{12} {2}nginx:1\.27 {2}0\.0\.0\.0:\d+->80\/tcp {2}mesos-\S+$/m);
		expect(output).not.toContain('SIMULATED');
		// The commands ran on the host, through its sshd, not on this machine.
		const ran = lab.host.calls().slice(callsBefore);
		expect(ran).toContain('ps -eo pid,args');
		expect(ran).toContain('docker ps --format {{.ID}}  {{.Image}}  {{.Ports}}  {{.Names}}');
	}, 2 * experimentTimeoutMs);

	it('master-failover and marathon-failover stop and start the lab\'s own units over SSH, and every task survives', async () => {
		const masters = await experiment('master-failover');
		expect(masters).toMatch(/^tasks-lost: 0 count$/m);
		const marathons = await experiment('marathon-failover');
		expect(marathons).toMatch(/^apps-changed: 0 count$/m);
		expect(lab.host.calls()).toEqual(expect.arrayContaining([
			'systemctl stop mesos-lab-master-1.service',
			'systemctl start mesos-lab-master-1.service',
			'systemctl stop mesos-lab-marathon-1.service',
			'systemctl start mesos-lab-marathon-1.service',
		]));
	}, 2 * experimentTimeoutMs);
});
