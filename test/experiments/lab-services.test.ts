import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {ConnectionError} from '../../src/errors.js';
import type {Executor} from '../../src/exec/executor.js';
import {sshLoginCommand} from '../../src/exec/open-host.js';
import {labServices, simServices} from '../../src/experiments/lab-services.js';
import {StoppedServices} from '../../src/experiments/stopped-services.js';
import {validateLab} from '../../src/lab/lab-file.js';
import {FakeExecutor} from '../helpers/fake-executor.js';

const threeHosts = validateLab({
	hosts: [{name: 'node1', address: '10.0.0.11'}, {name: 'node2', address: '10.0.0.12'}, {name: 'node3', address: '10.0.0.13'}],
	roles: {zookeeper: ['node1', 'node2', 'node3'], masters: ['node1', 'node2', 'node3'], agents: ['node1', 'node2', 'node3'], marathon: ['node1', 'node2'], marathonLb: 'node3'},
}, 'test lab');

// A workstation whose ssh config logs in to node1 as centos, and to the others as nobody in particular.
const workstation = mkdtempSync(join(tmpdir(), 'mesos-lab-services-'));
afterAll(() => rmSync(workstation, {recursive: true, force: true}));
const sshConfig = join(workstation, 'ssh_config');
writeFileSync(sshConfig, 'Host 10.0.0.11\n  User centos\n');
const loginAsConfigured = (host: Parameters<typeof sshLoginCommand>[0]) => sshLoginCommand(host, {sshConfigPath: sshConfig, userHome: workstation});

describe('stopping and starting a lab\'s daemons', () => {
	it('runs the units the install wrote, on the host each role lives on, as root', async () => {
		const opened: Array<{host: string; executor: FakeExecutor}> = [];
		const services = labServices(threeHosts, async host => {
			const executor = new FakeExecutor([{match: /^systemctl (stop|start) mesos-lab-[a-z]+-\d\.service$/}], host.name);
			opened.push({host: host.name, executor});
			return executor;
		}, loginAsConfigured);
		await services.stop({kind: 'master', index: 2});
		await services.start({kind: 'master', index: 2});
		await services.stop({kind: 'zookeeper', id: 3});
		await services.stop({kind: 'marathon', index: 2});
		expect(opened.map(o => [o.host, o.executor.commands])).toEqual([
			['node2', ['systemctl stop mesos-lab-master-2.service', 'systemctl start mesos-lab-master-2.service', 'systemctl stop mesos-lab-marathon-2.service']],
			['node3', ['systemctl stop mesos-lab-zookeeper-3.service']],
		]);
		expect(services.name({kind: 'zookeeper', id: 3})).toEqual({en: 'mesos-lab-zookeeper-3.service on node3', zh: 'node3 上的 mesos-lab-zookeeper-3.service'});
		// The hand-start command logs in as ssh would: the config's user, else root as the install did.
		expect(services.manualStart({kind: 'master', index: 1})).toBe('ssh centos@10.0.0.11 sudo systemctl start mesos-lab-master-1.service');
		expect(services.manualStart({kind: 'master', index: 2})).toBe('ssh root@10.0.0.12 sudo systemctl start mesos-lab-master-2.service');
		expect(loginAsConfigured({address: '127.0.0.1', port: 2222, user: 'vagrant'})).toBe('ssh -p 2222 vagrant@127.0.0.1');
	});

	it('opens the link again when it dropped, so the restore in a finally still reaches the host', async () => {
		// An SSH link that drops at its first command, as when the session's sshd child is killed.
		const dropped = new FakeExecutor([{match: /./, throws: new ConnectionError('Not connected')}], 'dropped');
		const fresh = new FakeExecutor([{match: 'systemctl start mesos-lab-master-1.service'}], 'node1');
		const links: Executor[] = [dropped, fresh];
		const lines: string[] = [];
		const guard = new StoppedServices(labServices(threeHosts, async () => links.shift() ?? fresh, loginAsConfigured), line => lines.push(line), 'en');
		// The stop was sent before the link dropped; the guard still knows the master is down.
		await expect(guard.stop({kind: 'master', index: 1})).rejects.toThrow(/Could not reach node1/);
		await guard.restore();
		expect(dropped.closed).toBe(true);
		expect(fresh.commands).toEqual(['systemctl start mesos-lab-master-1.service']);
		expect(lines).toEqual(['stopping mesos-lab-master-1.service on node1', 'restoring what the experiment stopped...', 'starting mesos-lab-master-1.service on node1']);
	});

	it('says how to start a daemon by hand when the restore cannot', async () => {
		const failing = new FakeExecutor([{match: /^systemctl stop /}, {match: /^systemctl start /, exitCode: 1, stderr: 'Job for mesos-lab-marathon-1.service failed.'}], 'node1');
		const lines: string[] = [];
		const guard = new StoppedServices(labServices(threeHosts, async () => failing, loginAsConfigured), line => lines.push(line), 'zh');
		await guard.stop({kind: 'marathon', index: 1});
		await guard.restore();
		expect(lines).toEqual([
			'停止 node1 上的 mesos-lab-marathon-1.service',
			'恢复实验停掉的服务……',
			'启动 node1 上的 mesos-lab-marathon-1.service',
			'无法启动 node1 上的 mesos-lab-marathon-1.service：systemctl start mesos-lab-marathon-1.service 在 node1 上失败：Job for mesos-lab-marathon-1.service failed。请手动执行：ssh centos@10.0.0.11 sudo systemctl start mesos-lab-marathon-1.service',
		]);
	});

	it('names the simulated cluster\'s daemons in the reader\'s language, the daemon\'s own name kept', async () => {
		const lines: string[] = [];
		const guard = new StoppedServices(simServices('http://127.0.0.1:1'), line => lines.push(line), 'zh');
		expect(guard.services.name({kind: 'master', index: 1})).toEqual({en: 'simulated Mesos master 1', zh: 'Mesos master 1（模拟）'});
		expect(guard.services.name({kind: 'zookeeper', id: 2})).toEqual({en: 'simulated ZooKeeper 2', zh: 'ZooKeeper 2（模拟）'});
		// Nothing answers on port 1: the stop is still announced in Chinese before it fails.
		await expect(guard.stop({kind: 'marathon', index: 1})).rejects.toThrow();
		expect(lines).toEqual(['停止 Marathon 1（模拟）']);
	});
});
