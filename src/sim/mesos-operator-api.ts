import type {IncomingMessage, ServerResponse} from 'node:http';
import {isLive, type ClusterModel} from './model/cluster-model.js';
import {SimApiError} from './model/sim-api-error.js';
import type {JsonObject, SimMaster, SimTask} from './model/types.js';
import {readJsonBody, sendError, sendJson, sendText, simulationHeader} from './http-util.js';
import {v1Agent, v1Framework, v1MasterInfo, v1State, v1Status, v1Task} from './render/mesos-v1-json.js';

export interface OperatorApiOptions {
	/** Seconds between HEARTBEAT events on a SUBSCRIBE stream; Mesos's master sends one every 15. */
	heartbeatSeconds: number;
}

/** Mesos's default heartbeat interval for operator API subscribers (src/master/constants.hpp). */
export const defaultHeartbeatSeconds = 15;

/**
 * `POST /api/v1` on a simulated master (docs/operator-http-api.md): GET_MASTER, GET_STATE,
 * GET_HEALTH and SUBSCRIBE. A standby sends the client on with a 307, as for the v0 endpoints.
 */
export function handleOperatorApi(model: ClusterModel, self: SimMaster, req: IncomingMessage, res: ServerResponse, options: OperatorApiOptions): void {
	if (req.method !== 'POST') {
		sendText(res, 405, 'Expecting a POST request', {Allow: 'POST'});
		return;
	}
	const leader = model.leadingMaster();
	if (self.state !== 'leader') {
		if (!leader) sendText(res, 503, 'No leader elected');
		else sendText(res, 307, '', {Location: `//${leader.hostname}:${leader.port}${req.url ?? '/api/v1'}`});
		return;
	}
	readJsonBody(req).then(call => {
		switch (call.type) {
			case 'GET_MASTER':
				sendJson(res, 200, {type: 'GET_MASTER', get_master: {master_info: v1MasterInfo(self), start_time: self.startedAt / 1000, ...(self.electedAt === null ? {} : {elected_time: self.electedAt / 1000})}});
				return;
			case 'GET_HEALTH':
				sendJson(res, 200, {type: 'GET_HEALTH', get_health: {healthy: true}});
				return;
			case 'GET_STATE':
				sendJson(res, 200, {type: 'GET_STATE', get_state: v1State(model)});
				return;
			case 'SUBSCRIBE':
				subscribe(model, self, res, options);
				return;
			default:
				throw new SimApiError(400, {message: `Failed to validate master::Call: unsupported type ${JSON.stringify(call.type ?? null)}`});
		}
	}).catch(error => sendError(res, error));
}

function record(event: JsonObject): string {
	const body = JSON.stringify(event);
	return `${Buffer.byteLength(body)}\n${body}`;
}

interface Seen {
	tasks: Map<string, string>;
	agents: Map<string, boolean>;
	frameworkActive: boolean;
}

/** What the subscriber has been told, as a key per task that changes when the master would send TASK_UPDATED. */
function taskKey(task: SimTask): string {
	return `${task.state}/${task.health}`;
}

/**
 * One SUBSCRIBE stream: SUBSCRIBED with the whole state, then the changes the master would publish,
 * found by comparing the model with what this subscriber was last told; HEARTBEAT on a timer.
 * Leadership moving away ends the stream, as a master that loses its election drops its subscribers.
 */
function subscribe(model: ClusterModel, self: SimMaster, res: ServerResponse, options: OperatorApiOptions): void {
	res.writeHead(200, {...simulationHeader, 'Content-Type': 'application/json', 'Cache-Control': 'no-cache'});
	const live = model.liveTasks();
	const seen: Seen = {
		tasks: new Map(live.map(task => [task.id, taskKey(task)])),
		agents: new Map(model.agents.map(agent => [agent.id, agent.state === 'active'])),
		frameworkActive: model.leadingMarathon() !== undefined,
	};
	res.write(record({type: 'SUBSCRIBED', subscribed: {get_state: v1State(model), heartbeat_interval_seconds: options.heartbeatSeconds}}));
	const heartbeat = setInterval(() => res.write(record({type: 'HEARTBEAT'})), options.heartbeatSeconds * 1000);
	const unwatch = model.onChange(() => {
		if (self.state !== 'leader') {
			res.end();
			return;
		}
		for (const event of changesSince(model, seen)) res.write(record(event));
	});
	res.on('close', () => {
		clearInterval(heartbeat);
		unwatch();
	});
}

function changesSince(model: ClusterModel, seen: Seen): JsonObject[] {
	const events: JsonObject[] = [];
	for (const agent of model.agents) {
		const active = agent.state === 'active';
		const was = seen.agents.get(agent.id) ?? false;
		if (active && !was) events.push({type: 'AGENT_ADDED', agent_added: {agent: v1Agent(model, agent)}});
		if (!active && was) events.push({type: 'AGENT_REMOVED', agent_removed: {agent_id: {value: agent.id}}});
		seen.agents.set(agent.id, active);
	}
	const frameworkActive = model.leadingMarathon() !== undefined;
	if (frameworkActive !== seen.frameworkActive) {
		events.push({type: 'FRAMEWORK_UPDATED', framework_updated: {framework: v1Framework(model)}});
		seen.frameworkActive = frameworkActive;
	}
	const stillLive = new Set<string>();
	for (const task of model.liveTasks()) {
		stillLive.add(task.id);
		const key = taskKey(task);
		const was = seen.tasks.get(task.id);
		if (was === undefined) {
			events.push({type: 'TASK_ADDED', task_added: {task: v1Task(model, task)}});
		} else if (was !== key) {
			events.push(taskUpdated(model, task));
		}
		seen.tasks.set(task.id, key);
	}
	for (const taskId of [...seen.tasks.keys()]) {
		if (stillLive.has(taskId)) continue;
		seen.tasks.delete(taskId);
		const task = model.tasks.get(taskId) ?? model.completedTasks.find(done => done.id === taskId);
		if (task && !isLive(task)) events.push(taskUpdated(model, task));
	}
	return events;
}

/** TASK_UPDATED in the proto's shape: ids inside `status`, the latest state beside it. */
function taskUpdated(model: ClusterModel, task: SimTask): JsonObject {
	const last = task.statuses.at(-1);
	return {
		type: 'TASK_UPDATED',
		task_updated: {framework_id: {value: model.frameworkId}, status: v1Status(task, task.state, last?.timestamp ?? model.now), state: task.state},
	};
}
