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

	/** What each experiment must show on the host, whatever ran before it. */
	const expectations: Record<string, (output: string) => void> = {
		'hello': output => expect(output).toMatch(/stdout of hello-shell\S* \(from the Mesos sandbox\):\n\s+hello/),
		'nginx': output => expect(output).toMatch(new RegExp(`GET http://${lab.host.address.replaceAll('.', '\\.')}:\\d+/ → 200`)),
		'vhost': output => expect(output).toContain('Host: nginx.lab.local → 200'),
		'failover': output => expect(output).toMatch(/HAProxy backend nginx_\d+ now lists/),
		'inside': output => {
			expect(output).toContain(`Run on ${lab.host.address} over SSH:`);
			expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-docker-executor .*--container=mesos-/m);
			expect(output).toMatch(/^\s+[0-9a-f]{12} {2}nginx(:\S+)? {2}0\.0\.0\.0:\d+->80\/tcp {2}mesos-\S+$/m);
			expect(output).not.toContain('SIMULATED');
		},
		'zk-quorum': output => {
			expect(output).toMatch(/one member left, no majority/);
			expect(output).toMatch(/Mesos lost its leader after \d+ ms/);
		},
		'master-failover': output => expect(output).toMatch(/^tasks-lost: 0 count$/m),
		'marathon-failover': output => expect(output).toMatch(/^apps-changed: 0 count$/m),
	};
	const runAll = async (order: string[]) => {
		for (const name of order) {
			expectations[name]!(await experiment(name));
		}
	};

	it('every experiment in one order: hello, nginx, vhost, failover, inside, zk-quorum, master-failover, marathon-failover', async () => {
		const callsBefore = lab.host.calls().length;
		await runAll(['hello', 'nginx', 'vhost', 'failover', 'inside', 'zk-quorum', 'master-failover', 'marathon-failover']);
		// zk-quorum stops whichever members lead, and starts each again.
		const zookeeperCalls = lab.host.calls().slice(callsBefore).filter(call => /^systemctl (stop|start) mesos-lab-zookeeper-\d\.service$/.test(call));
		expect(zookeeperCalls.filter(call => call.includes(' stop ')).length).toBe(2);
		expect(zookeeperCalls.filter(call => call.includes(' start ')).length).toBe(2);
		expect(lab.host.calls().slice(callsBefore)).toEqual(expect.arrayContaining([
			'systemctl stop mesos-lab-master-1.service',
			'systemctl start mesos-lab-master-1.service',
			'systemctl stop mesos-lab-marathon-1.service',
			'systemctl start mesos-lab-marathon-1.service',
		]));
	}, 8 * experimentTimeoutMs);

	it('inside shows, over SSH to the agent host, the executors behind a shell app and a Docker app', async () => {
		const callsBefore = lab.host.calls().length;
		const output = await experiment('inside');
		expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-executor --launcher_dir=/m);
		expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-containerizer launch/m);
		expect(output).toMatch(/^\s+\d+ \/usr\/local\/libexec\/mesos\/mesos-docker-executor .*--container=mesos-/m);
		// The commands ran on the host, through its sshd, not on this machine.
		const ran = lab.host.calls().slice(callsBefore);
		expect(ran).toContain('ps -eo pid,args');
		expect(ran).toContain('docker ps --format {{.ID}}  {{.Image}}  {{.Ports}}  {{.Names}}');
	}, experimentTimeoutMs);

	it('every experiment again, in another order: marathon-failover, zk-quorum, failover, master-failover, vhost, inside, nginx, hello', async () => {
		await runAll(['marathon-failover', 'zk-quorum', 'failover', 'master-failover', 'vhost', 'inside', 'nginx', 'hello']);
	}, 8 * experimentTimeoutMs);
});
