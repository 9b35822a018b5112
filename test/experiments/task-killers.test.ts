import {describe, expect, it} from 'vitest';
import {labAgentAccess} from '../../src/experiments/agent-access.js';
import {labEndpoints} from '../../src/lab/lab-endpoints.js';
import {dockerKillOnAgent} from '../../src/experiments/task-killers.js';
import {validateLab} from '../../src/lab/lab-file.js';
import {FakeExecutor} from '../helpers/fake-executor.js';

const lab = validateLab({
	hosts: [
		{name: 'node1', address: '10.0.0.11'},
		{name: 'node2', address: '10.0.0.12', user: 'centos', port: 2222},
		{name: 'node3', address: '10.0.0.13'},
	],
	roles: {
		zookeeper: ['node1', 'node2', 'node3'],
		masters: ['node1', 'node2', 'node3'],
		agents: ['node2', 'node3'],
		marathon: ['node1', 'node2'],
		marathonLb: 'node3',
	},
	ports: {masters: [5050, 5050, 5050], marathon: [8080, 8080], agent: 5051},
}, 'three-host lab');

describe('reaching a lab for the experiments', () => {
	it('finds every master, both Marathons, marathon-lb and every ZooKeeper member from the roles and ports of the lab', () => {
		expect(labEndpoints(lab)).toEqual({
			mesos: ['http://10.0.0.11:5050', 'http://10.0.0.12:5050', 'http://10.0.0.13:5050'],
			marathon: ['http://10.0.0.11:8080', 'http://10.0.0.12:8080'],
			lb: 'http://10.0.0.13:9090',
			serviceHost: '10.0.0.13',
			zookeeper: ['10.0.0.11:2181', '10.0.0.12:2182', '10.0.0.13:2183'],
		});
	});

	it('kills the container publishing the task\'s host port with docker kill on that task\'s agent', async () => {
		const agent = new FakeExecutor([
			{match: 'docker ps -q --filter publish=31005', stdout: '3f2a9c1b7d4e\n'},
			{match: 'docker kill 3f2a9c1b7d4e', stdout: '3f2a9c1b7d4e\n'},
		], 'centos@10.0.0.12');
		const opened: string[] = [];
		const access = labAgentAccess(lab, async host => {
			opened.push(`${host.user}@${host.address}:${host.port}`);
			return agent;
		});
		const kill = dockerKillOnAgent(host => access.executorFor(host));
		const said = await kill({id: 'nginx.1', appId: '/nginx', host: '10.0.0.12', ports: [31005]});
		expect(said).toEqual({en: 'docker kill 3f2a9c1b7d4e on 10.0.0.12', zh: '已在 10.0.0.12 上执行 docker kill 3f2a9c1b7d4e'});
		expect(agent.commands).toEqual(['docker ps -q --filter publish=31005', 'docker kill 3f2a9c1b7d4e']);
		expect(opened).toEqual(['centos@10.0.0.12:2222']);
		await access.close();
	});

	it('says so when no container publishes the port, or the host is not in the lab', async () => {
		const agent = new FakeExecutor([{match: /^docker ps/, stdout: ''}]);
		const access = labAgentAccess(lab, async () => agent);
		const kill = dockerKillOnAgent(host => access.executorFor(host));
		await expect(kill({id: 'nginx.1', host: '10.0.0.13', ports: [31007]})).rejects.toThrow('No running container publishes port 31007 on 10.0.0.13.');
		await expect(kill({id: 'nginx.2', host: '192.0.2.9', ports: [31008]})).rejects.toThrow('Marathon runs a task on 192.0.2.9, which is not a host of this lab.');
		expect(agent.commands).toEqual(['docker ps -q --filter publish=31007']);
	});
});
