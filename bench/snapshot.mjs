// Turning raw answers into a snapshot, against a bare JSON.parse of the same bytes.
// A synthetic cluster: 1,000 agents, 20,000 tasks, 500 apps (40 tasks each), one HAProxy server per task.
import {buildSnapshot} from '../dist/cluster/build-snapshot.js';
import {haproxyServers, parseHaproxyStats} from '../dist/cluster/haproxy-stats.js';
import {normaliseMarathonApps} from '../dist/cluster/marathon-apps.js';
import {normaliseMesosState} from '../dist/cluster/mesos-state.js';

const agentCount = 1_000;
const appCount = 500;
const tasksPerApp = 40;

function synthesise() {
	const agents = Array.from({length: agentCount}, (_, index) => ({
		id: `agent-${index}`,
		hostname: `a${index}.lab`,
		port: 5051,
		pid: `slave(1)@10.${index >> 8}.${index & 255}.1:5051`,
		attributes: {dc: index % 2 ? 'bj' : 'sh', rack: `r${index % 20}`},
		registered_time: 1731400000 + index,
		resources: {cpus: 16, gpus: 0, mem: 65536, disk: 500000, ports: '[31000-32000]'},
		used_resources: {cpus: 2, gpus: 0, mem: 4096, disk: 0, ports: '[31000-31019]'},
		offered_resources: {cpus: 0, gpus: 0, mem: 0, disk: 0},
		reserved_resources: {},
		active: true,
		version: '1.4.3',
		capabilities: ['MULTI_ROLE'],
	}));
	const mesosTasks = [];
	const apps = [];
	const csv = ['# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,'];
	for (let app = 0; app < appCount; app++) {
		const appId = `/team${app % 10}/app${app}`;
		const servicePort = 10000 + app;
		const backend = `${appId.slice(1).replaceAll('/', '_')}_${servicePort}`;
		const tasks = [];
		for (let copy = 0; copy < tasksPerApp; copy++) {
			const index = app * tasksPerApp + copy;
			const agent = agents[index % agentCount];
			const port = 31000 + Math.floor(index / agentCount);
			const id = `app${app}.${index.toString(16).padStart(8, '0')}-1111-2222-3333-444455556666`;
			mesosTasks.push({
				id, name: `app${app}.team${app % 10}`, framework_id: 'fw-marathon', executor_id: '', slave_id: agent.id, state: 'TASK_RUNNING',
				resources: {cpus: 0.1, mem: 128, disk: 0, gpus: 0, ports: `[${port}-${port}]`}, role: '*',
				statuses: [{state: 'TASK_RUNNING', timestamp: 1731400100 + copy, container_status: {network_infos: [{ip_addresses: [{ip_address: agent.pid.split('@')[1].split(':')[0]}]}]}}],
				discovery: {visibility: 'FRAMEWORK', name: `app${app}`, ports: {ports: [{number: servicePort, protocol: 'tcp'}]}},
			});
			tasks.push({
				id, appId, host: agent.hostname, ports: [port], slaveId: agent.id, startedAt: '2024-11-12T08:00:00.000Z', stagedAt: '2024-11-12T07:59:59.000Z', version: '2024-11-12T07:00:00.000Z', state: 'TASK_RUNNING',
				ipAddresses: [{ipAddress: '10.0.0.1', protocol: 'IPv4'}],
				healthCheckResults: [{alive: true, consecutiveFailures: 0, firstSuccess: '2024-11-12T08:00:05.000Z', lastSuccess: '2024-11-12T09:00:00.000Z', lastFailure: null, instanceId: id}],
			});
			csv.push(`${backend},${agent.hostname.replaceAll('.', '_')}_10_0_0_1_${port},0,0,0,3,,120,5000,90000,,0,,0,0,0,0,UP,1,1,0,0,0,3600,0,,1,${app + 3},${copy + 1},,120,,2,0,,4,L7OK,200,1,`);
		}
		apps.push({
			id: appId, cmd: null, instances: tasksPerApp, cpus: 0.1, mem: 128, disk: 0,
			container: {type: 'DOCKER', docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort, protocol: 'tcp'}]}},
			healthChecks: [{protocol: 'HTTP', path: '/', portIndex: 0, intervalSeconds: 2, maxConsecutiveFailures: 3}],
			labels: {HAPROXY_GROUP: 'external'}, constraints: [['hostname', 'UNIQUE']],
			version: '2024-11-12T07:00:00.000Z', tasksStaged: 0, tasksRunning: tasksPerApp, tasksHealthy: tasksPerApp, tasksUnhealthy: 0, deployments: [], tasks,
		});
	}
	const state = {version: '1.4.3', leader_info: {hostname: 'm1.lab', port: 5050}, slaves: agents, frameworks: [{id: 'fw-marathon', name: 'marathon', active: true, tasks: mesosTasks, unreachable_tasks: [], completed_tasks: [], executors: []}]};
	return {mesosBody: JSON.stringify(state), marathonBody: JSON.stringify({apps}), csvBody: `${csv.join('\n')}\n`};
}

const {mesosBody, marathonBody, csvBody} = synthesise();
const statuses = {mesos: {kind: 'ok', at: ''}, marathon: {kind: 'ok', at: ''}, haproxy: {kind: 'ok', at: ''}, zookeeper: {kind: 'unconfigured'}};

function bare() {
	JSON.parse(mesosBody);
	JSON.parse(marathonBody);
	return csvBody.split('\n').map(line => line.split(','));
}

function snapshot() {
	const mesos = normaliseMesosState(JSON.parse(mesosBody));
	const marathon = normaliseMarathonApps(JSON.parse(marathonBody));
	const servers = haproxyServers(parseHaproxyStats(csvBody));
	return buildSnapshot({
		mesos: {...mesos, leaderUrl: 'http://m1.lab:5050', masters: [], metrics: {}},
		marathon: {leader: 'm1.lab:8080', url: 'http://m1.lab:8080', instances: [], apps: marathon.apps, tasks: marathon.tasks, deployments: []},
		haproxy: {servers, servicePorts: new Map()},
		statuses,
		errors: [],
	}, new Date().toISOString(), false);
}

function median(run, rounds) {
	const times = [];
	for (let round = 0; round < rounds; round++) {
		const start = process.hrtime.bigint();
		run();
		times.push(Number(process.hrtime.bigint() - start) / 1e6);
	}
	times.sort((a, b) => a - b);
	return times[Math.floor(times.length / 2)];
}

for (let warm = 0; warm < 3; warm++) {
	bare();
	snapshot();
}
const check = snapshot();
if (check.tasks.length !== appCount * tasksPerApp || check.agents.length !== agentCount || check.apps.length !== appCount || check.backends.length !== appCount * tasksPerApp) {
	throw new Error(`snapshot has the wrong size: ${check.tasks.length} tasks, ${check.agents.length} agents, ${check.apps.length} apps, ${check.backends.length} backends`);
}
if (!check.backends.every(backend => backend.appId !== undefined)) {
	throw new Error('a backend was not tied to its app');
}
globalThis.gc?.();
const baseHeap = process.memoryUsage().heapUsed;
const bareMs = median(bare, 15);
const snapshotMs = median(snapshot, 15);
let peakHeap = 0;
for (let round = 0; round < 5; round++) {
	globalThis.gc?.();
	const kept = snapshot();
	peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
	if (kept.tasks.length === 0) {
		throw new Error('empty snapshot');
	}
}
const mb = bytes => (bytes / 1024 / 1024).toFixed(1);
console.log(`input: ${mb(mesosBody.length)} MB Mesos state, ${mb(marathonBody.length)} MB Marathon apps, ${mb(csvBody.length)} MB HAProxy CSV`);
console.log(`${agentCount} agents, ${appCount * tasksPerApp} tasks, ${appCount} apps, ${appCount * tasksPerApp} backends`);
console.log(`bare JSON.parse (+ CSV split): ${bareMs.toFixed(1)} ms (median of 15)`);
console.log(`raw answers → snapshot:        ${snapshotMs.toFixed(1)} ms (median of 15)`);
console.log(`ratio: ${(snapshotMs / bareMs).toFixed(2)}x (aim ≤ 1.5x)`);
console.log(`heap: ${mb(baseHeap)} MB at rest, ${mb(peakHeap)} MB peak while building; rss ${mb(process.memoryUsage().rss)} MB`);
