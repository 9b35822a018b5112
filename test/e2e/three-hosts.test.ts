import {execFileSync} from 'node:child_process';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {changingCalls, finished, journal, reportedSatisfied, unfinished} from './install-journal.js';
import {labHostUnavailable, onHost, startCli} from './lab-host.js';
import {startThreeHostLab, threeHostPorts, type LabMachine, type ThreeHostLab} from './three-host-lab.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab hosts: ${unavailable}`);
}

const installTimeoutMs = 420_000;

async function init(lab: ThreeHostLab): Promise<{code: number | null; output: string}> {
	const run = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
	const code = await finished(run, installTimeoutMs);
	return {code, output: run.output()};
}

const root = (lab: ThreeHostLab, machine: LabMachine) => ({home: lab.home, host: machine.host, user: 'root' as const});

function unitLine(machine: LabMachine, unit: string, key: 'ExecStart' | 'Environment'): string {
	return machine.host.exec(`sed -n 's/^${key}=//p' /etc/systemd/system/${unit}.service`).trim();
}

/**
 * The tutorial's layout on three fresh CentOS 7.9 minimal hosts that reach each other over one
 * segment: a ZooKeeper, a master and an agent on each, Marathon on node1 and node2, marathon-lb on
 * node3. Each host starts named localhost.localdomain, a name /etc/hosts puts on 127.0.0.1.
 */
describe.skipIf(Boolean(unavailable))('installing the three-host lab on three CentOS 7 test hosts', () => {
	let lab: ThreeHostLab;
	let installed = false;

	beforeAll(async () => {
		lab = await startThreeHostLab({firstIndex: 7});
	}, 180_000);
	afterAll(async () => {
		await lab?.stop();
	}, 120_000);

	it('plan --script for the lab is valid bash and passes shellcheck', async () => {
		const plan = startCli(lab, ['plan', '--config', lab.labPath, '--script']);
		expect(await finished(plan, 60_000), plan.output()).toBe(0);
		const script = join(lab.home, 'install-3-hosts.sh');
		writeFileSync(script, plan.output());

		execFileSync('bash', ['-n', script]);
		execFileSync('shellcheck', ['-S', 'warning', script]);
		for (const machine of lab.machines) {
			expect(plan.output()).toContain(machine.address);
		}
	}, 120_000);

	it('on the fresh hosts, init stops at preflight: each host\'s name resolves to loopback, and the fix says how to name it', async () => {
		const {code, output} = await init(lab);

		expect(code, output).not.toBe(0);
		for (const machine of lab.machines) {
			expect(output, output).toMatch(new RegExp(`hostname.*${machine.name}|${machine.name}.*hostname`));
			expect(output).toContain(`hostnamectl set-hostname ${machine.name}`);
			expect(output).toContain(`"${machine.address} ${machine.name}"`);
		}
		expect(output).toContain('localhost.localdomain resolves to loopback 127.0.0.1');
		expect(journal(lab).steps['firewalld-off@node1']?.status ?? 'pending').toBe('pending');
	}, installTimeoutMs + 30_000);

	it('with the fix applied on each host, init installs all three and each step proves itself', async () => {
		for (const machine of lab.machines) {
			await onHost(root(lab, machine), `hostnamectl set-hostname ${machine.name} && echo '${machine.address} ${machine.name}' >> /etc/hosts`);
			expect((await onHost(root(lab, machine), 'getent ahostsv4 "$(hostname)" | awk \'NR == 1 {print $1}\'')).trim()).toBe(machine.address);
		}

		const {code, output} = await init(lab);
		installed = code === 0;

		expect(code, output).toBe(0);
		expect(output).toMatch(/run completed/);
		expect(unfinished(lab), output).toEqual([]);
	}, installTimeoutMs + 60_000);

	it('the three ZooKeepers each list all three hosts as servers and form one ensemble across them', () => {
		expect(installed, 'the install did not complete').toBe(true);
		const servers = lab.machines.map((machine, position) => `server.${position + 1}=${machine.address}:${threeHostPorts.zookeeperPeer[position]}:${threeHostPorts.zookeeperElection[position]}`);
		for (const [position, machine] of lab.machines.entries()) {
			const config = machine.host.exec(`cat /opt/mesos-lab/zookeeper/zk${position + 1}/conf/zoo.cfg`);
			expect(config.split('\n').filter(line => line.startsWith('server.'))).toEqual(servers);
		}
		const modes = lab.machines.map((machine, position) => {
			const answer = machine.host.exec(`bash -c 'exec 3<>/dev/tcp/${machine.address}/${threeHostPorts.zookeeperClient[position]} && printf srvr >&3 && timeout 5 cat <&3' || true`);
			return /^Mode: (\w+)/m.exec(answer)?.[1] ?? 'silent';
		});
		expect(modes.sort()).toEqual(['follower', 'follower', 'leader']);
	});

	it('each master listens on its own host\'s address, with --quorum=2 and all three ZooKeepers in --zk', () => {
		expect(installed, 'the install did not complete').toBe(true);
		const zk = lab.machines.map((machine, position) => `${machine.address}:${threeHostPorts.zookeeperClient[position]}`).join(',');
		for (const [position, machine] of lab.machines.entries()) {
			const flags = unitLine(machine, `mesos-lab-master-${position + 1}`, 'ExecStart').split(' ');
			expect(flags).toEqual(expect.arrayContaining([`--ip=${machine.address}`, `--advertise_ip=${machine.address}`, '--quorum=2', `--zk=zk://${zk}/mesos`]));
			const agent = unitLine(machine, 'mesos-lab-agent', 'ExecStart').split(' ');
			expect(agent).toEqual(expect.arrayContaining([`--ip=${machine.address}`, `--master=zk://${zk}/mesos`]));
		}
	});

	it('each Marathon is given its own host\'s address as LIBPROCESS_IP and advertises it, though node names once resolved to loopback', () => {
		expect(installed, 'the install did not complete').toBe(true);
		const zk = lab.machines.map((machine, position) => `${machine.address}:${threeHostPorts.zookeeperClient[position]}`).join(',');
		for (const [position, machine] of lab.machines.slice(0, 2).entries()) {
			const start = unitLine(machine, `mesos-lab-marathon-${position + 1}`, 'ExecStart');
			expect(start).toContain(`LIBPROCESS_IP=${machine.address}`);
			expect(start).toContain(`--zk zk://${zk}/marathon`);
			expect(readFileSync(join(machine.host.dir, 'state', 'docker', `mesos-lab-marathon-${position + 1}.libprocess-ip`), 'utf8').trim()).toBe(machine.address);
		}
		const [node1, node2] = lab.machines;
		expect(node2?.host.exec(`curl -fsS http://${node1?.address}:${threeHostPorts.marathon[0]}/v2/info`)).toContain(`"leader":"${node1?.address}:${threeHostPorts.marathon[0]}"`);
	});

	it('a second init finds every step on the three hosts already satisfied and changes nothing', async () => {
		expect(installed, 'the install did not complete').toBe(true);
		const callsBefore = lab.machines.map(machine => machine.host.calls().length);

		const {code, output} = await init(lab);

		expect(code, output).toBe(0);
		expect(reportedSatisfied(lab, output), output).toEqual(journal(lab).order);
		for (const [position, machine] of lab.machines.entries()) {
			expect(changingCalls(machine.host.calls().slice(callsBefore[position])), machine.name).toEqual([]);
		}
	}, installTimeoutMs + 30_000);
});
