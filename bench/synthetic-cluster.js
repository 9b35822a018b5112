// The synthetic cluster the dashboard benchmarks render: 1,000 agents, 20,000 tasks, 500 apps and
// one HAProxy server per task, in the shape of a ClusterSnapshot. Not a benchmark itself (run.js
// runs the .mjs files only).
import {PassThrough, Writable} from 'node:stream';

export const agentCount = 1_000;
export const taskCount = 20_000;
export const appCount = 500;

export function syntheticSnapshot(takenAt) {
	const agents = Array.from({length: agentCount}, (_, index) => ({
		id: `agent-${index}`,
		hostname: `10.${Math.floor(index / 250)}.${index % 250}.10`,
		port: 5051,
		active: index % 97 !== 0,
		attributes: {rack: `r${index % 20}`, zone: `z${index % 3}`},
		total: {cpus: 32, mem: 131_072, disk: 1_048_576},
		used: {cpus: 20 + (index % 10), mem: 90_000, disk: 200_000},
	}));
	const apps = Array.from({length: appCount}, (_, index) => ({
		id: `/team-${index % 25}/service-${index}`,
		instances: 40, running: 40, staged: 0, healthy: 39, unhealthy: 1,
		cpus: 0.5, mem: 512, disk: 0, labels: {HAPROXY_GROUP: 'external'},
		servicePorts: [10_000 + index], constraints: [], deploymentInProgress: index % 50 === 0, hasHealthChecks: true,
	}));
	const tasks = [];
	const backends = [];
	for (let index = 0; index < taskCount; index++) {
		const app = apps[index % appCount];
		const agent = agents[index % agentCount];
		const port = 31_000 + Math.floor(index / agentCount);
		tasks.push({
			id: `${app.id.slice(1).replaceAll('/', '_')}.${index}`, appId: app.id, name: app.id, state: 'TASK_RUNNING',
			agentId: agent.id, host: agent.hostname, ports: [port], health: index % 40 === 0 ? 'unhealthy' : 'healthy',
			startedAt: '2026-03-01T10:00:00Z',
		});
		backends.push({backend: `${app.id.slice(1).replaceAll('/', '_')}_${app.servicePorts[0]}`, server: `${agent.hostname.replaceAll('.', '_')}_${port}`, status: index % 40 === 0 ? 'DOWN' : 'UP', servicePort: app.servicePorts[0], appId: app.id, sessions: index % 7});
	}
	const ok = {kind: 'ok', at: takenAt};
	return {
		takenAt, simulated: true,
		leaders: {mesos: '10.0.0.1:5050', mesosReported: null, mesosMasters: [{endpoint: '10.0.0.1:5050', role: 'leader'}], marathon: '10.0.0.1:8080', marathonInstances: [{endpoint: '10.0.0.1:8080', role: 'leader'}]},
		zookeeper: [{endpoint: '10.0.0.1:2181', mode: 'leader'}, {endpoint: '10.0.0.2:2181', mode: 'follower'}, {endpoint: '10.0.0.3:2181', mode: 'follower'}],
		agents, apps, pods: [], tasks, backends, frameworks: [],
		feeds: {mesos: {kind: 'stream'}, marathon: {kind: 'stream'}},
		sources: {mesos: ok, marathon: ok, haproxy: ok, zookeeper: ok}, errors: [],
	};
}

/** A 'terminal' blessed can draw on that throws the output away. */
export function dummyTerminal(columns, rows) {
	const output = new Writable({write(_chunk, _encoding, done) {
		done();
	}});
	Object.assign(output, {columns, rows, isTTY: true});
	const input = new PassThrough();
	Object.assign(input, {isTTY: true, setRawMode: () => input});
	return {input, output};
}
