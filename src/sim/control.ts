import type {IncomingMessage, ServerResponse} from 'node:http';
import {healthChecksOf} from './model/app-definition.js';
import {isLive, type ClusterModel} from './model/cluster-model.js';
import {SimApiError} from './model/sim-api-error.js';
import type {JsonObject} from './model/types.js';
import {readJsonBody, sendError, sendJson} from './http-util.js';

/** What a test, a tmux script or the demo may do to the simulated cluster. */
export interface SimControl {
	/** Advances simulated time by `ms` (default 1000), `count` times. */
	tick(ms?: number, count?: number): void;
	killTask(taskId: string): Promise<void>;
	/**
	 * `docker kill` on the agent: the task's port stops answering now; the model hears of the end
	 * `noticeMs` of real time later, as Mesos reports the exit and Marathon replaces the task.
	 */
	killContainer(taskId: string): Promise<void>;
	killAgent(agentId: string): Promise<void>;
	reviveAgent(agentId: string): Promise<void>;
	/** The leader dies; by default it comes back as a standby, with `restart: false` it stays down. */
	killLeadingMaster(options?: {restart?: boolean}): Promise<void>;
	/** Stops master `index` (from 0), leader or not; without a quorum of masters nobody leads. */
	stopMaster(index: number): Promise<void>;
	startMaster(index: number): Promise<void>;
	/** ZooKeeper member `id` (from 1, as myid) stops or starts; masters and Marathons lose their leaders without a quorum. */
	stopZookeeper(id: number): Promise<void>;
	startZookeeper(id: number): Promise<void>;
	stopMarathon(which?: 'leader' | 'all' | number): Promise<void>;
	startMarathon(which?: 'all' | number): Promise<void>;
	failHealth(taskId: string): Promise<void>;
	/** A compact picture for scripts: leaders, agents, apps with their tasks. */
	overview(): JsonObject;
	/** Cancels reports still pending, when the cluster stops. */
	dispose(): void;
}

export interface ControlOptions {
	/** The stand-in servers of a real HAProxy, whose ports a container kill closes. */
	containers?: {killContainer(taskId: string): Promise<void>};
	noticeMs?: number;
}

export function createControl(model: ClusterModel, settle: () => Promise<void>, options: ControlOptions = {}): SimControl {
	const pending = new Set<NodeJS.Timeout>();
	return {
		tick: (ms = 1000, count = 1) => {
			for (let i = 0; i < count; i++) model.tick(ms);
		},
		killTask: async taskId => {
			model.killTask(taskId);
			await settle();
		},
		killContainer: async taskId => {
			const task = model.tasks.get(taskId);
			if (!task || !isLive(task)) throw new SimApiError(404, {message: `Task '${taskId}' does not exist`});
			await options.containers?.killContainer(taskId);
			const report = setTimeout(() => {
				pending.delete(report);
				const current = model.tasks.get(taskId);
				if (current && isLive(current)) {
					model.killTask(taskId, {reason: 'failed'});
					void settle();
				}
			}, options.noticeMs ?? 1000);
			pending.add(report);
		},
		killAgent: async agentId => {
			model.killAgent(agentId);
			await settle();
		},
		reviveAgent: async agentId => {
			model.reviveAgent(agentId);
			await settle();
		},
		killLeadingMaster: async (options = {}) => {
			model.killLeadingMaster(options);
			await settle();
		},
		stopMaster: async index => {
			model.stopMaster(index);
			await settle();
		},
		startMaster: async index => {
			model.startMaster(index);
			await settle();
		},
		stopZookeeper: async id => {
			model.stopZookeeper(id);
			await settle();
		},
		startZookeeper: async id => {
			model.startZookeeper(id);
			await settle();
		},
		stopMarathon: async (which = 'all') => {
			model.stopMarathon(which);
			await settle();
		},
		startMarathon: async (which = 'all') => {
			model.startMarathon(which);
			await settle();
		},
		failHealth: async taskId => {
			model.failHealth(taskId);
			await settle();
		},
		overview: () => overviewOf(model),
		dispose: () => {
			for (const timer of pending) clearTimeout(timer);
			pending.clear();
		},
	};
}

export function overviewOf(model: ClusterModel): JsonObject {
	return {
		simulated: true,
		now: model.isoTime(),
		zookeeper: model.zookeeper.map(m => ({id: m.id, state: m.state})),
		masterQuorum: model.masterQuorum,
		masters: model.masters.map(m => ({hostname: m.hostname, port: m.port, state: m.state})),
		marathons: model.marathons.map(m => ({hostname: m.hostname, port: m.port, state: m.state})),
		agents: model.agents.map(a => ({id: a.id, hostname: a.hostname, state: a.state, attributes: {...a.attributes}})),
		apps: [...model.apps.keys()].sort().map(id => {
			const checked = healthChecksOf(model.currentVersion(id).definition).length > 0;
			return {
				id, version: model.currentVersion(id).version, deployments: model.deploymentsFor(id).length,
				tasks: model.liveTasks(id).map(t => ({
					id: t.id, state: t.state, host: model.agentOf(t)?.hostname ?? '', ports: t.hostPorts,
					health: checked ? t.health : 'unknown', dc: model.agentOf(t)?.attributes.dc ?? null,
				})),
			};
		}),
	};
}

function stringField(body: JsonObject, name: string): string {
	const value = body[name];
	if (typeof value !== 'string' || value === '') throw new Error(`Body needs a string "${name}"`);
	return value;
}

function numberField(body: JsonObject, name: string): number {
	const value = body[name];
	if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`Body needs a whole number "${name}"`);
	return value;
}

/**
 * The control surface over HTTP: `POST /_sim/<action>` with a JSON body, `GET /_sim/overview`.
 * Answers 200 with the overview after the action, 400/404 with `{message}` when it cannot.
 */
export function handleControl(model: ClusterModel, control: SimControl, req: IncomingMessage, res: ServerResponse): void {
	const url = new URL(req.url ?? '/', 'http://sim');
	const run = async (): Promise<void> => {
		if (req.method === 'GET' && url.pathname === '/_sim/overview') {
			sendJson(res, 200, control.overview());
			return;
		}
		if (req.method !== 'POST') {
			sendJson(res, 405, {message: 'Use POST for control actions'});
			return;
		}
		const body = await readJsonBody(req);
		switch (url.pathname) {
			case '/_sim/tick':
				control.tick(typeof body.ms === 'number' ? body.ms : 1000, typeof body.count === 'number' ? body.count : 1);
				break;
			case '/_sim/kill-task':
				await control.killTask(stringField(body, 'taskId'));
				break;
			case '/_sim/kill-container':
				await control.killContainer(stringField(body, 'taskId'));
				break;
			case '/_sim/kill-agent':
				await control.killAgent(stringField(body, 'agentId'));
				break;
			case '/_sim/revive-agent':
				await control.reviveAgent(stringField(body, 'agentId'));
				break;
			case '/_sim/kill-leading-master':
				await control.killLeadingMaster({restart: body.restart !== false});
				break;
			case '/_sim/stop-master':
				await control.stopMaster(numberField(body, 'index'));
				break;
			case '/_sim/start-master':
				await control.startMaster(typeof body.index === 'number' ? body.index : 0);
				break;
			case '/_sim/stop-zookeeper':
				await control.stopZookeeper(numberField(body, 'id'));
				break;
			case '/_sim/start-zookeeper':
				await control.startZookeeper(numberField(body, 'id'));
				break;
			case '/_sim/stop-marathon':
				// Without a body only the leader stops, as one crashed Marathon would; both only when asked for by name.
				await control.stopMarathon(body.which === 'all' || typeof body.which === 'number' ? body.which : 'leader');
				break;
			case '/_sim/start-marathon':
				await control.startMarathon(typeof body.which === 'number' ? body.which : 'all');
				break;
			case '/_sim/fail-health':
				await control.failHealth(stringField(body, 'taskId'));
				break;
			default:
				sendJson(res, 404, {message: `Unknown control action ${url.pathname}`});
				return;
		}
		sendJson(res, 200, overviewOf(model));
	};
	run().catch(error => {
		if (error instanceof Error && error.message.startsWith('Body needs')) sendJson(res, 400, {message: error.message});
		else sendError(res, error);
	});
}
