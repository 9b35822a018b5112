// A cluster of any size served on loopback the way its daemons answer: one Mesos master (v0
// endpoints, /metrics/snapshot and the v1 operator API with SUBSCRIBE), one Marathon (/v2/info,
// /v2/apps with or without embedded tasks, /v2/apps/{id}, /v2/events) and marathon-lb's stats
// CSV. Answers are rendered once per change and counted byte by byte, per source. `kill` ends a
// task and starts its replacement, telling the streams as Mesos and Marathon would. Not a
// benchmark itself (run.js runs the .mjs files only).
import {createServer} from 'node:http';

const startedAt = Date.parse('2026-03-01T10:00:00Z') / 1000;

export function clusterShape(taskCount) {
	return {tasks: taskCount, agents: Math.max(5, Math.round(taskCount / 20)), apps: Math.max(2, Math.round(taskCount / 40))};
}

function appId(app) {
	return `/team-${app % 25}/service-${app}`;
}

function agentHost(agent) {
	return `10.${(agent >> 16) & 255}.${(agent >> 8) & 255}.${agent & 255}`;
}

/**
 * `firstRecordGate`, when given, holds back the second half of the first SUBSCRIBED record until it
 * resolves, so a reader can be seen part-way through the first snapshot.
 * @param {number} taskCount
 * @param {{heartbeatSeconds?: number, firstRecordGate?: Promise<void>}} [options]
 */
export async function startLoopbackCluster(taskCount, {heartbeatSeconds = 15, firstRecordGate} = {}) {
	const shape = clusterShape(taskCount);
	const tasks = [];
	for (let index = 0; index < shape.tasks; index++) {
		const app = index % shape.apps;
		tasks.push({id: `${appId(app).slice(1).replaceAll('/', '_')}.${index.toString(16).padStart(8, '0')}`, app, agent: index % shape.agents, port: 31000 + Math.floor(index / shape.agents)});
	}
	const bytes = {mesos: 0, marathon: 0, haproxy: 0};
	const requests = {mesos: 0, marathon: 0, haproxy: 0};
	let version = 0;
	const cache = new Map();
	const cached = (name, render) => {
		const hit = cache.get(name);
		if (hit && hit.version === version) return hit.body;
		const body = render();
		cache.set(name, {version, body});
		return body;
	};

	const v0Agent = agent => ({
		id: `S${agent}`, hostname: agentHost(agent), port: 5051, pid: `slave(1)@${agentHost(agent)}:5051`, attributes: {rack: `r${agent % 20}`},
		registered_time: startedAt, resources: {cpus: 32, mem: 131072, disk: 1048576, ports: '[31000-32000]'},
		used_resources: {cpus: 2, mem: 2560, disk: 0}, offered_resources: {cpus: 0, mem: 0, disk: 0}, reserved_resources: {}, active: true, version: '1.5.3',
	});
	// Tasks carry what a real master reports for a Docker task of Marathon (container, discovery,
	// statuses with network info), so answers weigh what real ones do: about 0.9 KB a task.
	const v0Task = task => ({
		id: task.id, name: appId(task.app).slice(1), framework_id: 'F-marathon', executor_id: '', slave_id: `S${task.agent}`, state: 'TASK_RUNNING', role: '*',
		resources: {cpus: 0.1, gpus: 0, mem: 128, disk: 0, ports: `[${task.port}-${task.port}]`},
		statuses: [
			{state: 'TASK_STARTING', timestamp: startedAt + 2, container_status: {container_id: {value: `c-${task.id}`}, network_infos: [{ip_addresses: [{protocol: 'IPv4', ip_address: agentHost(task.agent)}]}]}},
			{state: 'TASK_RUNNING', timestamp: startedAt + 5, container_status: {container_id: {value: `c-${task.id}`}, network_infos: [{ip_addresses: [{protocol: 'IPv4', ip_address: agentHost(task.agent)}]}]}},
		],
		labels: [{key: 'HAPROXY_GROUP', value: 'external'}],
		discovery: {visibility: 'FRAMEWORK', name: appId(task.app).slice(1), ports: {ports: [{number: 10000 + task.app, name: 'http', protocol: 'tcp'}]}},
		container: {type: 'DOCKER', docker: {image: 'registry.lab:5000/nginx:1.25', network: 'BRIDGE', privileged: false, force_pull_image: false, port_mappings: [{host_port: task.port, container_port: 80, protocol: 'tcp'}]}},
	});
	const framework = {id: 'F-marathon', name: 'marathon', active: true, hostname: '127.0.0.1', webui_url: ''};
	const stateBody = () => cached('state', () => JSON.stringify({
		version: '1.5.3', leader_info: {hostname: 'm1.lab', port: 5050}, hostname: 'm1.lab', activated_slaves: shape.agents,
		slaves: Array.from({length: shape.agents}, (_, agent) => v0Agent(agent)),
		frameworks: [{...framework, tasks: tasks.map(v0Task), unreachable_tasks: [], completed_tasks: [], executors: []}],
		orphan_tasks: [],
	}));

	const scalar = (name, value) => ({name, type: 'SCALAR', scalar: {value}});
	const v1Agent = agent => ({
		agent_info: {hostname: agentHost(agent), id: {value: `S${agent}`}, port: 5051, attributes: [{name: 'rack', type: 'TEXT', text: {value: `r${agent % 20}`}}]},
		active: true, version: '1.5.3', pid: `slave(1)@${agentHost(agent)}:5051`, registered_time: {nanoseconds: startedAt * 1e9},
		total_resources: [scalar('cpus', 32), scalar('mem', 131072), scalar('disk', 1048576)],
		allocated_resources: [scalar('cpus', 2), scalar('mem', 2560), scalar('disk', 0)],
	});
	const v1Task = (task, state = 'TASK_RUNNING') => ({
		name: appId(task.app).slice(1), task_id: {value: task.id}, framework_id: {value: 'F-marathon'}, agent_id: {value: `S${task.agent}`}, state,
		resources: [scalar('cpus', 0.1), scalar('mem', 128), scalar('disk', 0), {name: 'ports', type: 'RANGES', ranges: {range: [{begin: task.port, end: task.port}]}}],
		statuses: [{task_id: {value: task.id}, agent_id: {value: `S${task.agent}`}, state, timestamp: startedAt + 5, container_status: {container_id: {value: `c-${task.id}`}, network_infos: [{ip_addresses: [{protocol: 'IPv4', ip_address: agentHost(task.agent)}]}]}}],
		labels: {labels: [{key: 'HAPROXY_GROUP', value: 'external'}]},
		discovery: {visibility: 'FRAMEWORK', name: appId(task.app).slice(1), ports: {ports: [{number: 10000 + task.app, name: 'http', protocol: 'tcp'}]}},
		container: {type: 'DOCKER', docker: {image: 'registry.lab:5000/nginx:1.25', network: 'BRIDGE', port_mappings: [{host_port: task.port, container_port: 80, protocol: 'tcp'}]}},
	});
	const frame = body => {
		const text = typeof body === 'string' ? body : JSON.stringify(body);
		return `${Buffer.byteLength(text)}\n${text}`;
	};
	const subscribedRecord = () => cached('subscribed', () => frame(`{"type":"SUBSCRIBED","subscribed":{"heartbeat_interval_seconds":${heartbeatSeconds},"get_state":${JSON.stringify({
		get_agents: {agents: Array.from({length: shape.agents}, (_, agent) => v1Agent(agent))},
		get_tasks: {tasks: tasks.map(task => v1Task(task))},
		get_frameworks: {frameworks: [{framework_info: {id: {value: 'F-marathon'}, name: 'marathon', hostname: '127.0.0.1'}, active: true}]},
	})}}}`));

	const marathonTask = task => ({
		id: task.id, appId: appId(task.app), host: agentHost(task.agent), ports: [task.port], servicePorts: [10000 + task.app], slaveId: `S${task.agent}`, state: 'TASK_RUNNING',
		startedAt: '2026-03-01T10:00:05.000Z', stagedAt: '2026-03-01T10:00:00.000Z', version: '2026-03-01T09:00:00.000Z',
		ipAddresses: [{ipAddress: agentHost(task.agent), protocol: 'IPv4'}, {ipAddress: `fd00::${task.agent.toString(16)}`, protocol: 'IPv6'}], localVolumes: [], region: 'lab', zone: `rack-${task.agent % 20}`, role: '*',
		healthCheckResults: [{alive: true, consecutiveFailures: 0, firstSuccess: '2026-03-01T10:00:09.000Z', lastSuccess: '2026-03-01T10:30:00.000Z', lastFailure: null, lastFailureCause: null, instanceId: `${task.id}-instance`}],
	});
	const tasksByApp = () => cached('byApp', () => {
		const byApp = Array.from({length: shape.apps}, () => []);
		for (const task of tasks) byApp[task.app].push(task);
		return byApp;
	});
	const appJson = (app, withTasks) => {
		const own = tasksByApp()[app];
		return {
			id: appId(app), instances: own.length, cpus: 0.1, mem: 128, disk: 0,
			container: {type: 'DOCKER', docker: {image: 'nginx:1.25'}, portMappings: [{containerPort: 80, hostPort: 0, servicePort: 10000 + app, protocol: 'tcp'}]},
			networks: [{mode: 'container/bridge'}], healthChecks: [{protocol: 'HTTP', path: '/', portIndex: 0}], labels: {HAPROXY_GROUP: 'external'},
			version: '2026-03-01T09:00:00.000Z', tasksStaged: 0, tasksRunning: own.length, tasksHealthy: own.length, tasksUnhealthy: 0, deployments: [],
			...(withTasks ? {tasks: own.map(marathonTask)} : {}),
		};
	};
	const appsBody = withTasks => cached(`apps-${withTasks}`, () => JSON.stringify({apps: Array.from({length: shape.apps}, (_, app) => appJson(app, withTasks))}));
	const csvBody = () => cached('csv', () => {
		const lines = ['# pxname,svname,qcur,qmax,scur,smax,slim,stot,bin,bout,dreq,dresp,ereq,econ,eresp,wretr,wredis,status,weight,act,bck,chkfail,chkdown,lastchg,downtime,qlimit,pid,iid,sid,throttle,lbtot,tracked,type,rate,rate_lim,rate_max,check_status,check_code,check_duration,'];
		for (const task of tasks) {
			const backend = `${appId(task.app).slice(1).replaceAll('/', '_')}_${10000 + task.app}`;
			lines.push(`${backend},${agentHost(task.agent).replaceAll('.', '_')}_${task.port},0,0,0,3,,120,5000,90000,,0,,0,0,0,0,UP,1,1,0,0,0,3600,0,,1,${task.app + 3},1,,120,,2,0,,4,L7OK,200,1,`);
		}
		return `${lines.join('\n')}\n`;
	});

	const subscribers = new Set();
	const sseClients = new Set();

	function counted(source, handler) {
		return createServer((req, res) => {
			requests[source]++;
			const write = res.write.bind(res);
			const end = res.end.bind(res);
			res.write = (chunk, ...rest) => {
				bytes[source] += Buffer.byteLength(chunk);
				return write(chunk, ...rest);
			};
			res.end = (chunk, ...rest) => {
				if (chunk !== undefined && typeof chunk !== 'function') bytes[source] += Buffer.byteLength(chunk);
				return end(chunk, ...rest);
			};
			handler(req, res);
		});
	}
	const json = (res, body, status = 200) => {
		res.writeHead(status, {'content-type': 'application/json'});
		res.end(typeof body === 'string' ? body : JSON.stringify(body));
	};
	const readBody = req => new Promise(resolve => {
		let body = '';
		req.on('data', chunk => {
			body += chunk;
		});
		req.on('end', () => resolve(body));
	});

	const mesos = counted('mesos', async (req, res) => {
		const url = new URL(req.url, 'http://x');
		const path = url.pathname.replace(/^\/master(?=\/)/, '');
		if (path === '/metrics/snapshot') return json(res, {'master/elected': 1, 'master/uptime_secs': 100, 'master/tasks_running': tasks.length, 'master/slaves_active': shape.agents});
		if (path === '/state' || path === '/state.json') return json(res, stateBody());
		if (path === '/state-summary') return json(res, cached('summary', () => JSON.stringify({hostname: 'm1.lab', slaves: Array.from({length: shape.agents}, (_, agent) => v0Agent(agent)), frameworks: [framework]})));
		if (path === '/tasks') {
			// Mesos's paged task list (limit defaults to 100).
			const limit = Number(url.searchParams.get('limit') ?? 100);
			const offset = Number(url.searchParams.get('offset') ?? 0);
			return json(res, {tasks: tasks.slice(offset, offset + limit).map(v0Task)});
		}
		if (path === '/api/v1' && req.method === 'POST') {
			const call = JSON.parse((await readBody(req)) || '{}');
			if (call.type === 'GET_MASTER') return json(res, {type: 'GET_MASTER', get_master: {master_info: {hostname: 'm1.lab', port: 5050, version: '1.5.3', address: {hostname: 'm1.lab', port: 5050}}}});
			if (call.type !== 'SUBSCRIBE') return json(res, {message: 'unsupported'}, 400);
			res.writeHead(200, {'content-type': 'application/json'});
			const first = Buffer.from(subscribedRecord());
			if (firstRecordGate === undefined) {
				res.write(first);
			} else {
				res.write(first.subarray(0, first.length >> 1));
				await firstRecordGate;
				res.write(first.subarray(first.length >> 1));
			}
			const beat = setInterval(() => res.write(frame('{"type":"HEARTBEAT"}')), heartbeatSeconds * 1000);
			const subscriber = record => res.write(frame(record));
			subscribers.add(subscriber);
			res.on('close', () => {
				clearInterval(beat);
				subscribers.delete(subscriber);
			});
			return undefined;
		}
		res.writeHead(404).end();
		return undefined;
	});

	const marathon = counted('marathon', (req, res) => {
		const url = new URL(req.url, 'http://x');
		const path = url.pathname;
		if (path === '/v2/info') return json(res, {name: 'marathon', version: '1.10.17', elected: true, leader: `127.0.0.1:${marathon.address().port}`});
		if (path === '/v2/deployments') return json(res, '[]');
		if (path === '/v2/pods/::status') return json(res, '[]');
		if (path === '/v2/apps') return json(res, appsBody(url.searchParams.getAll('embed').includes('apps.tasks')));
		if (path === '/v2/tasks') return json(res, cached('marathon-tasks', () => JSON.stringify({tasks: tasks.map(marathonTask)})));
		if (path.startsWith('/v2/apps/')) {
			const tasksOnly = path.endsWith('/tasks');
			const id = `/${path.slice('/v2/apps/'.length, tasksOnly ? -'/tasks'.length : undefined)}`;
			const app = Array.from({length: shape.apps}, (_, index) => index).find(index => appId(index) === id);
			if (app === undefined) return json(res, {message: `App '${id}' does not exist`}, 404);
			return json(res, tasksOnly ? {tasks: tasksByApp()[app].map(marathonTask)} : {app: appJson(app, true)});
		}
		if (path === '/v2/events') {
			res.writeHead(200, {'content-type': 'text/event-stream'});
			res.write(`event: event_stream_attached\ndata: ${JSON.stringify({eventType: 'event_stream_attached', remoteAddress: '127.0.0.1', timestamp: new Date().toISOString()})}\n\n`);
			const client = (type, data) => res.write(`event: ${type}\ndata: ${JSON.stringify({...data, eventType: type, timestamp: new Date().toISOString()})}\n\n`);
			sseClients.add(client);
			res.on('close', () => sseClients.delete(client));
			return undefined;
		}
		return json(res, {message: `Unknown path ${path}`}, 404);
	});

	const lb = counted('haproxy', (req, res) => {
		const url = new URL(req.url, 'http://x');
		if (url.pathname === '/haproxy' && url.search === '?stats;csv') {
			res.writeHead(200, {'content-type': 'text/plain'});
			res.end(csvBody());
			return;
		}
		res.writeHead(404).end();
	});

	await Promise.all([mesos, marathon, lb].map(server => new Promise(resolve => server.listen(0, '127.0.0.1', resolve))));
	const urlOf = server => `http://127.0.0.1:${server.address().port}`;
	let replacements = 0;

	return {
		shape,
		mesosUrl: urlOf(mesos),
		marathonUrl: urlOf(marathon),
		lbUrl: urlOf(lb),
		firstTaskId: tasks[0].id,
		bytes: () => ({...bytes}),
		requests: () => ({...requests}),
		/** Ends a task and starts its replacement on the next agent; returns the replacement's id. */
		kill(index = 0) {
			const [victim] = tasks.splice(index, 1);
			const replacement = {...victim, id: `${victim.id.split('.')[0]}.replacement-${++replacements}`, agent: (victim.agent + 1) % shape.agents};
			tasks.push(replacement);
			version++;
			for (const send of subscribers) {
				send({type: 'TASK_UPDATED', task_updated: {framework_id: {value: 'F-marathon'}, state: 'TASK_KILLED', status: {task_id: {value: victim.id}, agent_id: {value: `S${victim.agent}`}, state: 'TASK_KILLED', timestamp: Date.now() / 1000}}});
				send({type: 'TASK_ADDED', task_added: {task: v1Task(replacement)}});
			}
			for (const send of sseClients) {
				send('status_update_event', {taskId: victim.id, appId: appId(victim.app), taskStatus: 'TASK_KILLED', host: agentHost(victim.agent), ports: [victim.port], slaveId: `S${victim.agent}`, message: ''});
				send('status_update_event', {taskId: replacement.id, appId: appId(replacement.app), taskStatus: 'TASK_RUNNING', host: agentHost(replacement.agent), ports: [replacement.port], slaveId: `S${replacement.agent}`, message: ''});
			}
			return replacement.id;
		},
		/** Renders every answer ahead, so the first read does not wait on the server. */
		warm() {
			stateBody();
			subscribedRecord();
			appsBody(true);
			appsBody(false);
			csvBody();
		},
		stop: () => Promise.all([mesos, marathon, lb].map(server => new Promise(resolve => {
			server.closeAllConnections();
			server.close(resolve);
		}))),
	};
}
