import type {IncomingMessage, ServerResponse} from 'node:http';
import type {ClusterModel} from './model/cluster-model.js';
import {sendJson, sendText} from './http-util.js';
import {defaultHeartbeatSeconds, handleOperatorApi, type OperatorApiOptions} from './mesos-operator-api.js';
import {agentStateJson, masterStateJson, metricsJson, sandboxDirectory, stateSummaryJson, agentJson, taskJson} from './render/mesos-json.js';

const leaderOnly = new Set(['/state', '/state.json', '/state-summary', '/slaves', '/tasks', '/frameworks']);

/** One Mesos master: the leader answers, the others send clients on with a scheme-less 307. */
export function handleMaster(model: ClusterModel, index: number, req: IncomingMessage, res: ServerResponse, api: OperatorApiOptions = {heartbeatSeconds: defaultHeartbeatSeconds}): void {
	const self = model.masters[index];
	const url = new URL(req.url ?? '/', 'http://sim');
	const path = url.pathname.replace(/^\/master(?=\/)/, '');
	if (!self) {
		sendText(res, 404, 'No such master');
		return;
	}
	const leader = model.leadingMaster();
	if (path === '/health') {
		sendText(res, 200, '');
		return;
	}
	if (path === '/metrics/snapshot' || url.pathname === '/metrics/snapshot') {
		sendJson(res, 200, metricsJson(model, self));
		return;
	}
	if (path === '/api/v1') {
		handleOperatorApi(model, self, req, res, api);
		return;
	}
	if (path === '/redirect') {
		if (!leader) sendText(res, 503, 'No leader elected');
		else sendText(res, 307, '', {Location: `//${leader.hostname}:${leader.port}`});
		return;
	}
	if (!leaderOnly.has(path)) {
		sendText(res, 404, '');
		return;
	}
	if (self.state !== 'leader') {
		if (!leader) sendText(res, 503, 'No leader elected');
		else sendText(res, 307, '', {Location: `//${leader.hostname}:${leader.port}${url.pathname}${url.search}`});
		return;
	}
	switch (path) {
		case '/state':
		case '/state.json':
			sendJson(res, 200, masterStateJson(model, self));
			return;
		case '/state-summary':
			sendJson(res, 200, stateSummaryJson(model, self));
			return;
		case '/slaves':
			sendJson(res, 200, {slaves: model.agents.filter(a => a.state === 'active').map(a => agentJson(model, a)), recovered_slaves: []});
			return;
		case '/frameworks': {
			const state = masterStateJson(model, self);
			sendJson(res, 200, {frameworks: state.frameworks ?? [], completed_frameworks: [], unregistered_frameworks: []});
			return;
		}
		default: {
			const limit = Number(url.searchParams.get('limit') ?? '100');
			const offset = Number(url.searchParams.get('offset') ?? '0');
			const tasks = [...model.tasks.values()].sort((a, b) => b.stagedAt - a.stagedAt).slice(offset, offset + limit);
			sendJson(res, 200, {tasks: tasks.map(t => taskJson(model, t))});
		}
	}
}

/** One agent: its /state and the sandbox file reader (`/files/read`), which is all a dashboard needs from it. */
export function handleAgent(model: ClusterModel, index: number, req: IncomingMessage, res: ServerResponse): void {
	const agent = model.agents[index];
	const url = new URL(req.url ?? '/', 'http://sim');
	if (!agent || agent.state !== 'active') {
		req.socket.destroy();
		return;
	}
	if (url.pathname === '/state' || url.pathname === '/slave(1)/state' || url.pathname === '/state.json') {
		sendJson(res, 200, agentStateJson(model, agent));
		return;
	}
	if (url.pathname === '/files/read' || url.pathname === '/files/read.json' || url.pathname === '/files/browse') {
		const path = url.searchParams.get('path') ?? '';
		const tasks = [...model.tasks.values(), ...model.completedTasks].filter(t => t.agentId === agent.id);
		if (url.pathname === '/files/browse') {
			const task = tasks.find(t => sandboxDirectory(model, t) === path.replace(/\/$/, ''));
			if (!task) {
				sendText(res, 404, `No such file or directory: ${path}`);
				return;
			}
			const dir = sandboxDirectory(model, task);
			sendJson(res, 200, (['stderr', 'stdout'] as const).map(name => ({
				path: `${dir}/${name}`, size: Buffer.byteLength(task[name]), mode: '-rw-r--r--', nlink: 1, uid: 'root', gid: 'root', mtime: model.now / 1000,
			})));
			return;
		}
		const match = tasks.find(t => path === `${sandboxDirectory(model, t)}/stdout` || path === `${sandboxDirectory(model, t)}/stderr`);
		if (!match) {
			sendText(res, 404, `No such file or directory: ${path}`);
			return;
		}
		const content = Buffer.from(path.endsWith('/stdout') ? match.stdout : match.stderr, 'utf8');
		const offset = Number(url.searchParams.get('offset') ?? '0');
		if (offset === -1) {
			sendJson(res, 200, {data: '', offset: content.length});
			return;
		}
		const lengthParam = url.searchParams.get('length');
		const length = lengthParam === null || Number(lengthParam) < 0 ? content.length : Number(lengthParam);
		const start = Math.min(Math.max(0, offset), content.length);
		sendJson(res, 200, {data: content.subarray(start, start + length).toString('utf8'), offset: start});
		return;
	}
	sendText(res, 404, '');
}
