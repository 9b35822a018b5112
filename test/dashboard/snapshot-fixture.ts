import type {Agent, App, Backend, ClusterSnapshot, Task} from '../../src/cluster/snapshot.js';

export const fixedNow = Date.parse('2026-03-01T12:00:00Z');

/** A small healthy cluster: one app with two tasks behind marathon-lb, one agent, three ZooKeepers. */
export function smallCluster(overrides: Partial<ClusterSnapshot> = {}): ClusterSnapshot {
	const agent: Agent = {
		id: 'agent-1',
		hostname: '10.0.0.5',
		port: 5051,
		active: true,
		attributes: {rack: 'r1'},
		total: {cpus: 4, mem: 8192, disk: 40_960},
		used: {cpus: 1, mem: 2048, disk: 0},
	};
	const app: App = {
		id: '/web',
		instances: 2,
		running: 2,
		staged: 0,
		healthy: 1,
		unhealthy: 1,
		cpus: 0.5,
		mem: 1024,
		disk: 0,
		labels: {HAPROXY_GROUP: 'external'},
		servicePorts: [10000],
		constraints: [],
		deploymentInProgress: false,
		hasHealthChecks: true,
		lastTaskFailure: {taskId: 'web.old', state: 'TASK_FAILED', message: 'exit 1', at: '2026-03-01T11:00:00Z', host: '10.0.0.5'},
	};
	const task = (id: string, port: number, health: Task['health']): Task => ({
		id,
		appId: '/web',
		name: 'web',
		state: 'TASK_RUNNING',
		agentId: 'agent-1',
		host: '10.0.0.5',
		ports: [port],
		health,
		startedAt: '2026-03-01T11:55:00Z',
		sandbox: {agentEndpoint: 'http://10.0.0.5:5051', directory: `/var/lib/mesos/${id}`},
	});
	const backend = (port: number, status: string): Backend => ({
		backend: 'web_10000',
		server: `10_0_0_5_${port}`,
		status,
		servicePort: 10000,
		appId: '/web',
		sessions: 3,
	});
	return {
		takenAt: '2026-03-01T12:00:00Z',
		simulated: false,
		leaders: {
			mesos: '127.0.0.1:5050',
			mesosMasters: [
				{endpoint: '127.0.0.1:5050', role: 'leader', version: '1.11.0'},
				{endpoint: '127.0.0.2:5050', role: 'standby'},
				{endpoint: '127.0.0.3:5050', role: 'unreachable', error: 'connection refused'},
			],
			mesosReported: null,
			marathon: '127.0.0.1:8080',
			marathonInstances: [{endpoint: '127.0.0.1:8080', role: 'leader', version: '1.11.24'}],
		},
		zookeeper: [
			{endpoint: '127.0.0.1:2181', mode: 'leader', zxid: '0x100000002', latency: {min: 0, avg: 1, max: 4}, connections: 3},
			{endpoint: '127.0.0.2:2181', mode: 'follower'},
			{endpoint: '127.0.0.3:2181', mode: 'refused', error: 'ruok is not in the whitelist'},
		],
		agents: [agent],
		apps: [app],
		pods: [],
		tasks: [task('web.a', 31001, 'healthy'), task('web.b', 31002, 'unhealthy')],
		backends: [backend(31001, 'UP'), backend(31002, 'DOWN')],
		frameworks: [{id: 'fw-1', name: 'marathon', active: true}],
		sources: {
			mesos: {kind: 'ok', at: '2026-03-01T12:00:00Z'},
			marathon: {kind: 'ok', at: '2026-03-01T12:00:00Z'},
			haproxy: {kind: 'ok', at: '2026-03-01T12:00:00Z'},
			zookeeper: {kind: 'ok', at: '2026-03-01T12:00:00Z'},
		},
		feeds: {mesos: {kind: 'stream'}, marathon: {kind: 'stream'}},
		errors: [],
		...overrides,
	};
}
