// Dashboard rendering cost: one full frame at 200x60 of a large synthetic cluster, and the CPU the
// dashboard uses while the cluster does not change (2 s refresh).
import {PassThrough, Writable} from 'node:stream';
import {buildFrame} from '../dist/dashboard/frame.js';
import {createDashboardScreen} from '../dist/dashboard/screen.js';
import {runDashboard} from '../dist/dashboard/dashboard-app.js';
import {initialUiState} from '../dist/dashboard/ui-state.js';
import {emptyHistory} from '../dist/dashboard/view-models/allocation-history.js';

const agentCount = 1_000;
const taskCount = 20_000;
const appCount = 500;
const idleSeconds = Number(process.env.IDLE_SECONDS ?? 20);

function syntheticSnapshot(takenAt) {
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
		leaders: {mesos: '10.0.0.1:5050', mesosMasters: [{endpoint: '10.0.0.1:5050', role: 'leader'}], marathon: '10.0.0.1:8080', marathonInstances: [{endpoint: '10.0.0.1:8080', role: 'leader'}]},
		zookeeper: [{endpoint: '10.0.0.1:2181', mode: 'leader'}, {endpoint: '10.0.0.2:2181', mode: 'follower'}, {endpoint: '10.0.0.3:2181', mode: 'follower'}],
		agents, apps, tasks, backends, frameworks: [],
		sources: {mesos: ok, marathon: ok, haproxy: ok, zookeeper: ok}, errors: [],
	};
}

function dummyTerminal(columns, rows) {
	const output = new Writable({write(_chunk, _encoding, done) {
		done();
	}});
	Object.assign(output, {columns, rows, isTTY: true});
	const input = new PassThrough();
	Object.assign(input, {isTTY: true, setRawMode: () => input});
	return {input, output};
}

const snapshot = syntheticSnapshot('2026-03-01T12:00:00Z');
const terminal = dummyTerminal(200, 60);
const screen = createDashboardScreen({color: true, ...terminal});
const ui = initialUiState({readonly: false, demo: true});
const frameInput = {snapshot, ui, history: emptyHistory, log: [], clusterName: 'synthetic', width: 200, height: 60, color: true, now: Date.parse('2026-03-01T12:00:00Z')};

const timings = [];
for (let round = 0; round < 12; round++) {
	const start = process.hrtime.bigint();
	screen.show(buildFrame({...frameInput, ui: {...ui, selected: {apps: round}}}));
	timings.push(Number(process.hrtime.bigint() - start) / 1e6);
}
screen.destroy();
const [first, ...rest] = timings;
rest.sort((a, b) => a - b);
console.log(`cluster: ${agentCount} agents, ${taskCount} tasks, ${appCount} apps, ${taskCount} HAProxy servers`);
console.log(`full render at 200x60: first ${first.toFixed(1)} ms, median of next ${rest.length} ${rest[Math.floor(rest.length / 2)].toFixed(1)} ms (aim < 50 ms)`);

// Idle: the same cluster every 2 s, with fresh clocks, as the poller would deliver it.
const idleTerminal = dummyTerminal(200, 60);
const idleScreen = createDashboardScreen({color: true, ...idleTerminal});
let listener;
const ports = {
	subscribe(next) {
		listener = next;
		return () => {
			listener = undefined;
		};
	},
	actions: {scale: async () => {}, restart: async () => {}, killTask: async () => {}, rollback: async () => {}},
	readTaskOutput: async () => ({stdout: '', stderr: ''}),
};
let renders = 0;
const originalShow = idleScreen.show;
idleScreen.show = frame => {
	renders++;
	originalShow(frame);
};
const running = runDashboard(idleScreen, ports, {clusterName: 'synthetic', color: true, readonly: false, demo: true});
listener?.(syntheticSnapshot(new Date().toISOString()), []);
await new Promise(resolve => setTimeout(resolve, 500));
const cpuBefore = process.cpuUsage();
const wallBefore = process.hrtime.bigint();
const ticks = Math.round(idleSeconds / 2);
const sameCluster = syntheticSnapshot(new Date().toISOString());
for (let tick = 0; tick < ticks; tick++) {
	await new Promise(resolve => setTimeout(resolve, 2000));
	const takenAt = new Date().toISOString();
	const ok = {kind: 'ok', at: takenAt};
	listener?.({...sameCluster, takenAt, sources: {mesos: ok, marathon: ok, haproxy: ok, zookeeper: ok}}, []);
}
const cpu = process.cpuUsage(cpuBefore);
const wallMs = Number(process.hrtime.bigint() - wallBefore) / 1e6;
const share = ((cpu.user + cpu.system) / 1000 / wallMs) * 100;
console.log(`idle with a 2 s refresh over ${(wallMs / 1000).toFixed(0)} s: ${share.toFixed(2)}% of a core, ${renders - 1} re-renders after the first (aim < 1%, 0 re-renders)`);
idleTerminal.input.emit('keypress', 'q', {name: 'q'});
await running;
