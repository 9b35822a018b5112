import {describe, expect, it} from 'vitest';
import {agentsTable, appsTable, backendsTable, clusterAllocation, leadersTable, tasksTable} from '../../src/dashboard/view-models/tables.js';
import {joinedTable} from '../../src/dashboard/view-models/joined.js';
import {fixedNow, smallCluster} from './snapshot-fixture.js';

describe('tables a user reads in the dashboard', () => {
	it('lists every master, Marathon and ZooKeeper member with its role', () => {
		const table = leadersTable(smallCluster(), 'en');
		expect(table.rows).toEqual([
			['mesos', '127.0.0.1:5050', 'leader', '1.11.0'],
			['mesos', '127.0.0.2:5050', 'standby', ''],
			['mesos', '127.0.0.3:5050', 'unreachable', 'connection refused'],
			['marathon', '127.0.0.1:8080', 'leader', '1.11.24'],
			['zk', '127.0.0.1:2181', 'leader', 'zxid 0x100000002 lat 0/1/4 conn 3'],
			['zk', '127.0.0.2:2181', 'follower', ''],
			['zk', '127.0.0.3:2181', 'refused', 'ruok is not in the whitelist'],
		]);
	});

	it('shows an agent’s resources as used of total, in readable units', () => {
		expect(agentsTable(smallCluster().agents, 'en').rows).toEqual([['10.0.0.5', '1/4', '2G/8G', '0M/40G', 'active', 'rack:r1']]);
	});

	it('shows an app’s counts, health and last failure', () => {
		expect(appsTable(smallCluster().apps, 'en').rows).toEqual([['/web', '2/2', '0', '1', '1', '', 'TASK_FAILED exit 1']]);
	});

	it('shows "-" for health counts of an app without health checks', () => {
		const [app] = smallCluster().apps;
		const row = appsTable([{...app!, hasHealthChecks: false, deploymentInProgress: true}], 'en').rows[0];
		expect(row?.slice(3, 6)).toEqual(['-', '-', 'deploying']);
	});

	it('shows each task’s state without the TASK_ prefix, its host:port and its age', () => {
		expect(tasksTable(smallCluster().tasks, fixedNow, 'en').rows[0]).toEqual(['/web', 'RUNNING', '10.0.0.5:31001', 'healthy', '5m', 'web.a']);
	});

	it('shows each HAProxy server with its frontend port and state', () => {
		expect(backendsTable(smallCluster().backends, 'en').rows).toEqual([
			['10000', 'web_10000', '10_0_0_5_31001', 'UP', '3'],
			['10000', 'web_10000', '10_0_0_5_31002', 'DOWN', '3'],
		]);
	});

	it('sums allocation over all agents as percentages', () => {
		expect(clusterAllocation(smallCluster().agents)).toEqual({cpu: 25, mem: 25});
		expect(clusterAllocation([])).toEqual({cpu: 0, mem: 0});
	});
});

describe('the joined view', () => {
	it('puts each task next to the HAProxy server that points at it', () => {
		expect(joinedTable(smallCluster(), 'en').rows).toEqual([
			['/web', 'RUNNING', '10.0.0.5:31001', 'healthy', 'web_10000 UP'],
			['/web', 'RUNNING', '10.0.0.5:31002', 'unhealthy', 'web_10000 DOWN'],
		]);
	});

	it('flags a task HAProxy does not know and a server whose task is gone', () => {
		const cluster = smallCluster();
		const [first] = cluster.tasks;
		const rows = joinedTable({...cluster, tasks: [first!, {...first!, id: 'web.c', ports: [31003]}]}, 'en').rows;
		expect(rows).toContainEqual(['/web', 'RUNNING', '10.0.0.5:31003', 'healthy', '-']);
		expect(rows).toContainEqual(['/web', 'no task', '10_0_0_5_31002', '-', 'web_10000 DOWN']);
	});

	it('matches a server by its address when the name is not host_port', () => {
		const cluster = smallCluster();
		const backends = [{...cluster.backends[0]!, server: 'srv1', address: '10.0.0.5:31001'}];
		expect(joinedTable({...cluster, backends}, 'en').rows[0]?.[4]).toBe('web_10000 UP');
	});

	it('lists an app with no tasks', () => {
		expect(joinedTable({...smallCluster(), tasks: [], backends: []}, 'en').rows).toEqual([['/web', '-', '-', '-', 'no tasks']]);
	});
});
