// Turning raw answers into a snapshot, against a bare JSON.parse of the same bytes; where the time
// goes, phase by phase; the memory a snapshot holds; and the cost of a refresh that changes nothing.
// A synthetic cluster: 1,000 agents, 20,000 tasks, 500 apps (40 tasks each), one HAProxy server per task.
import {buildSnapshot, snapshotBuilder} from '../dist/cluster/build-snapshot.js';
import {readHaproxyServers} from '../dist/cluster/haproxy-stats.js';
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
const rounds = Number(process.env.SNAPSHOT_ROUNDS ?? 15);

function bare() {
	JSON.parse(mesosBody);
	JSON.parse(marathonBody);
	return csvBody.split('\n').map(line => line.split(','));
}

function readings(mesos, marathon, servers) {
	return {
		mesos: {...mesos, leaderUrl: 'http://m1.lab:5050', masters: [], metrics: {}},
		marathon: {leader: 'm1.lab:8080', url: 'http://m1.lab:8080', instances: [], apps: marathon.apps, tasks: marathon.tasks, deployments: []},
		haproxy: {servers, servicePorts: new Map()},
		statuses,
		errors: [],
	};
}

function snapshot() {
	const mesos = normaliseMesosState(JSON.parse(mesosBody));
	const marathon = normaliseMarathonApps(JSON.parse(marathonBody));
	const servers = readHaproxyServers(csvBody);
	return buildSnapshot(readings(mesos, marathon, servers), new Date().toISOString(), false);
}

/**
 * Runs the cases in turn, round after round, so that load from elsewhere on the machine hits each
 * alike. Median wall time per case, and median CPU time (this process's, GC threads included),
 * which other processes on a busy machine disturb less.
 */
function interleaved(cases, count) {
	const wall = Object.fromEntries(Object.keys(cases).map(name => [name, []]));
	const cpu = Object.fromEntries(Object.keys(cases).map(name => [name, []]));
	for (let round = 0; round < count; round++) {
		for (const [name, run] of Object.entries(cases)) {
			const cpuStart = process.cpuUsage();
			const start = process.hrtime.bigint();
			run();
			wall[name].push(Number(process.hrtime.bigint() - start) / 1e6);
			const used = process.cpuUsage(cpuStart);
			cpu[name].push((used.user + used.system) / 1e3);
		}
	}
	const median = list => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
	return {
		wall: Object.fromEntries(Object.entries(wall).map(([name, list]) => [name, median(list)])),
		cpu: Object.fromEntries(Object.entries(cpu).map(([name, list]) => [name, median(list)])),
	};
}

for (let warm = 0; warm < 3; warm++) {
	bare();
	snapshot();
}
const check = snapshot();
if (check.tasks.length !== appCount * tasksPerApp || check.agents.length !== agentCount || check.apps.length !== appCount || check.backends.length !== appCount * tasksPerApp) {
	throw new Error(`snapshot has the wrong size: ${check.tasks.length} tasks, ${check.agents.length} agents, ${check.apps.length} apps, ${check.backends.length} backends`);
}
if (!check.backends.every(backend => backend.appId !== undefined) || !check.tasks.every(task => task.appId !== undefined && task.health === 'healthy')) {
	throw new Error('a backend or a task was not tied to its app');
}

const totals = interleaved({bare, snapshot}, rounds);

const mesosJson = JSON.parse(mesosBody);
const marathonJson = JSON.parse(marathonBody);
const mesosParts = normaliseMesosState(mesosJson);
const marathonParts = normaliseMarathonApps(marathonJson);
const servers = readHaproxyServers(csvBody);
const phases = interleaved({
	'JSON.parse Mesos state': () => JSON.parse(mesosBody),
	'JSON.parse Marathon apps': () => JSON.parse(marathonBody),
	'normalise Mesos state': () => normaliseMesosState(mesosJson),
	'normalise Marathon apps': () => normaliseMarathonApps(marathonJson),
	'read HAProxy CSV': () => readHaproxyServers(csvBody),
	'join into a snapshot': () => buildSnapshot(readings(mesosParts, marathonParts, servers), new Date().toISOString(), false),
}, rounds);

// A refresh where no answer changed: the readers hand back the same parts, the builder reuses its joins.
const build = snapshotBuilder();
const unchanged = readings(mesosParts, marathonParts, servers);
build(unchanged, new Date().toISOString(), false);
const idle = interleaved({idle: () => build({...unchanged, statuses: {...statuses}}, new Date().toISOString(), false)}, 200).wall.idle;

globalThis.gc?.();
const heapAtRest = process.memoryUsage().heapUsed;
const kept = snapshot();
const heapAfterBuild = process.memoryUsage().heapUsed;
globalThis.gc?.();
const heapHeld = process.memoryUsage().heapUsed - heapAtRest;
if (kept.tasks.length === 0) {
	throw new Error('empty snapshot');
}

const mb = bytes => (bytes / 1024 / 1024).toFixed(1);
const ms = value => `${value.toFixed(1)} ms`.padStart(10);
const ratio = totals.wall.snapshot / totals.wall.bare;
const cpuRatio = totals.cpu.snapshot / totals.cpu.bare;
console.log(`input: ${mb(mesosBody.length)} MB Mesos state, ${mb(marathonBody.length)} MB Marathon apps, ${mb(csvBody.length)} MB HAProxy CSV`);
console.log(`${agentCount} agents, ${appCount * tasksPerApp} tasks, ${appCount} apps, ${appCount * tasksPerApp} backends; medians of ${rounds} interleaved rounds`);
console.log(`${''.padEnd(30)}${'wall'.padStart(10)}${'cpu'.padStart(10)}`);
console.log(`bare JSON.parse (+ CSV split) ${ms(totals.wall.bare)}${ms(totals.cpu.bare)}`);
console.log(`raw answers → snapshot        ${ms(totals.wall.snapshot)}${ms(totals.cpu.snapshot)}`);
console.log('  where the time goes:');
for (const [name, value] of Object.entries(phases.wall)) {
	console.log(`    ${name.padEnd(26)}${ms(value)}${ms(phases.cpu[name])}`);
}
console.log(`refresh with nothing changed  ${ms(idle)} (joins reused)`);
console.log(`aim: snapshot within 1.5x of bare parse -> ${ratio.toFixed(2)}x wall, ${cpuRatio.toFixed(2)}x cpu, ${ratio <= 1.5 ? 'met' : 'missed'}`);
console.log(`memory: snapshot holds ${mb(heapHeld)} MB of heap; heap ${mb(heapAtRest)} MB at rest, ${mb(heapAfterBuild)} MB right after a build; peak rss ${mb(process.resourceUsage().maxRSS * 1024)} MB`);
