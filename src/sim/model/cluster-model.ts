import {
	configOf, constraintsOf, dockerImageOf, healthChecksOf, normalizeAppId, normalizeDefinition, portMappingsOf,
	resourcesOf, setServicePorts, upgradeStrategyOf, validateDefinition,
} from './app-definition.js';
import {electMarathon, electMaster, electZookeeper, majority, zookeeperServes} from './leadership.js';
import {agentsAllowed} from './placement.js';
import {createRng, uuidFrom, type Rng} from './rng.js';
import {SimApiError} from './sim-api-error.js';
import type {
	AppVersion, DeploymentAction, JsonObject, SimAgent, SimApp, SimDeployment, SimEvent, SimMarathon, SimMaster, SimTask, SimZkMember, TaskState,
} from './types.js';

export interface AgentSpec {
	hostname: string;
	ip: string;
	port: number;
	cpus: number;
	mem: number;
	disk: number;
	attributes: Record<string, string>;
	portRange?: readonly [number, number];
}

export interface ModelOptions {
	seed: number;
	/** Simulated wall-clock start, in ms since the epoch. */
	startTime: number;
	agents: AgentSpec[];
	masters: {hostname: string; port: number}[];
	marathons: {hostname: string; port: number}[];
	/** Members of the ZooKeeper ensemble the masters and Marathons elect their leaders through. Default 3. */
	zookeeperMembers?: number;
	/** Mesos `--quorum`: replicated-log replicas a leader needs. Default: a majority of the masters (2 of 3). */
	masterQuorum?: number;
	/** Range Marathon picks service ports from when an app asks for port 0. */
	servicePortRange?: readonly [number, number];
	/** How long a task stays staging, and how long after running its first health check passes. */
	stagingMs?: number;
	healthDelayMs?: number;
}

export interface DeploymentResult {
	deploymentId: string;
	version: string;
}

const terminal: ReadonlySet<TaskState> = new Set(['TASK_KILLED', 'TASK_FAILED', 'TASK_LOST', 'TASK_FINISHED']);
const conditionOf: Record<TaskState, string> = {
	TASK_STAGING: 'Staging', TASK_STARTING: 'Starting', TASK_RUNNING: 'Running', TASK_KILLING: 'Killing',
	TASK_KILLED: 'Killed', TASK_FAILED: 'Failed', TASK_LOST: 'Unreachable', TASK_FINISHED: 'Finished',
};

export function isLive(task: SimTask): boolean {
	return !terminal.has(task.state);
}

/**
 * The whole simulated cluster: Mesos masters and agents, Marathon's apps, tasks and deployments.
 * Deterministic: time moves only through `tick`, randomness comes from the seed.
 */
export class ClusterModel {
	now: number;
	readonly frameworkId: string;
	readonly masterId: string;
	readonly agents: SimAgent[];
	readonly masters: SimMaster[];
	readonly marathons: SimMarathon[];
	readonly zookeeper: SimZkMember[];
	readonly masterQuorum: number;
	readonly apps = new Map<string, SimApp>();
	readonly tasks = new Map<string, SimTask>();
	readonly completedTasks: SimTask[] = [];
	readonly deployments = new Map<string, SimDeployment>();
	readonly events: SimEvent[] = [];
	private readonly rng: Rng;
	private readonly servicePortRange: readonly [number, number];
	private readonly stagingMs: number;
	private readonly healthDelayMs: number;
	private readonly eventListeners = new Set<(event: SimEvent) => void>();
	private readonly changeListeners = new Set<() => void>();
	private seq = 0;
	private lastVersionTime = 0;

	constructor(options: ModelOptions) {
		this.now = options.startTime;
		this.rng = createRng(options.seed);
		this.servicePortRange = options.servicePortRange ?? [10000, 20000];
		this.stagingMs = options.stagingMs ?? 1000;
		this.healthDelayMs = options.healthDelayMs ?? 1000;
		this.frameworkId = `${uuidFrom(this.rng)}-0000`;
		this.masterId = uuidFrom(this.rng);
		this.agents = options.agents.map((spec, index) => {
			const range = spec.portRange ?? [31000, 32000] as const;
			return {
				id: `${this.frameworkId.slice(0, 36)}-S${index}`,
				hostname: spec.hostname, ip: spec.ip, port: spec.port, cpus: spec.cpus, mem: spec.mem, disk: spec.disk,
				portRange: range, attributes: {...spec.attributes}, state: 'active', registeredAt: this.now,
				portCursor: range[0] + this.rng.int(Math.max(1, range[1] - range[0])),
			};
		});
		this.masters = options.masters.map((m, index) => ({
			id: uuidFrom(this.rng), hostname: m.hostname, port: m.port, state: index === 0 ? 'leader' : 'standby',
			startedAt: this.now, electedAt: index === 0 ? this.now : null,
		}));
		this.marathons = options.marathons.map((m, index) => ({
			id: `marathon-${index + 1}`, hostname: m.hostname, port: m.port, state: index === 0 ? 'leader' : 'standby',
		}));
		const members = options.zookeeperMembers ?? 3;
		this.zookeeper = Array.from({length: members}, (_unused, index) => ({id: index + 1, state: index === members - 1 ? 'leader' : 'follower'}));
		this.masterQuorum = options.masterQuorum ?? majority(this.masters.length);
	}

	onEvent(listener: (event: SimEvent) => void): () => void {
		this.eventListeners.add(listener);
		return () => this.eventListeners.delete(listener);
	}

	onChange(listener: () => void): () => void {
		this.changeListeners.add(listener);
		return () => this.changeListeners.delete(listener);
	}

	/** Endpoints learn their real ports only after listening. */
	setEndpointPorts(kind: 'master' | 'marathon' | 'agent', ports: number[]): void {
		const list: {port: number}[] = kind === 'master' ? this.masters : kind === 'marathon' ? this.marathons : this.agents;
		ports.forEach((port, index) => {
			const item = list[index];
			if (item) item.port = port;
		});
	}

	leadingMaster(): SimMaster | undefined {
		return this.masters.find(m => m.state === 'leader');
	}

	leadingMarathon(): SimMarathon | undefined {
		return this.marathons.find(m => m.state === 'leader');
	}

	isoTime(ms = this.now): string {
		return new Date(ms).toISOString();
	}

	currentVersion(appId: string): AppVersion {
		const app = this.requireApp(appId);
		return app.versions[app.versions.length - 1] as AppVersion;
	}

	liveTasks(appId?: string): SimTask[] {
		return [...this.tasks.values()].filter(t => isLive(t) && (appId === undefined || t.appId === appId));
	}

	isHealthy(task: SimTask): boolean {
		if (task.state !== 'TASK_RUNNING') return false;
		const app = this.apps.get(task.appId);
		if (!app) return false;
		const checks = healthChecksOf(this.currentVersion(task.appId).definition);
		return checks.length === 0 || task.health === 'healthy';
	}

	deploymentsFor(appId: string): SimDeployment[] {
		return [...this.deployments.values()].filter(d => d.appId === appId);
	}

	agentOf(task: SimTask): SimAgent | undefined {
		return this.agents.find(a => a.id === task.agentId);
	}

	// ---- Marathon API operations -------------------------------------------------------------

	createApp(body: JsonObject, clientIp = '127.0.0.1'): {definition: JsonObject; deployment: SimDeployment} {
		this.requireMarathonLeader();
		this.validate(body);
		const id = normalizeAppId(String(body.id));
		if (this.apps.has(id)) throw new SimApiError(409, {message: `An app with id [${id}] already exists.`});
		const definition = this.prepare(normalizeDefinition(body), null);
		const version = this.nextVersion();
		const app: SimApp = {id, versions: [{version, definition, configVersion: version}], lastTaskFailure: null};
		this.apps.set(id, app);
		this.emit('api_post_event', {clientIp, uri: '/v2/apps', appDefinition: this.withVersion(app.versions[0] as AppVersion)});
		const deployment = this.startDeployment(id, 'StartApplication', version);
		this.changed();
		return {definition: this.withVersion(app.versions[0] as AppVersion), deployment};
	}

	/** PUT /v2/apps/{id}: a patch (Marathon 1.4 semantics), a scale, a rollback via `version`, or a create. */
	updateApp(appId: string, body: JsonObject, options: {force?: boolean; clientIp?: string} = {}): DeploymentResult & {created: boolean} {
		this.requireMarathonLeader();
		const id = normalizeAppId(appId);
		const app = this.apps.get(id);
		if (!app) {
			const {deployment} = this.createApp({...body, id}, options.clientIp);
			return {deploymentId: deployment.id, version: deployment.version, created: true};
		}
		this.requireUnlocked(id, options.force === true);
		const current = this.currentVersion(id);
		let definition: JsonObject;
		if (typeof body.version === 'string') {
			const stored = app.versions.find(v => v.version === body.version);
			if (!stored) throw new SimApiError(404, {message: `Version '${body.version}' of app '${id}' does not exist`});
			definition = structuredClone(stored.definition);
		} else {
			const merged = {...structuredClone(current.definition), ...structuredClone(body), id};
			this.validate(merged);
			definition = normalizeDefinition(merged);
		}
		definition = this.prepare(definition, id);
		const version = this.nextVersion();
		const configChanged = configOf(definition) !== configOf(current.definition);
		const configVersion = configChanged ? version : current.configVersion;
		app.versions.push({version, definition, configVersion});
		this.emit('api_post_event', {clientIp: options.clientIp ?? '127.0.0.1', uri: `/v2/apps${id}`, appDefinition: this.withVersion(app.versions[app.versions.length - 1] as AppVersion)});
		const deployment = this.startDeployment(id, configChanged ? 'RestartApplication' : 'ScaleApplication', version);
		this.changed();
		return {deploymentId: deployment.id, version, created: false};
	}

	restartApp(appId: string, options: {force?: boolean} = {}): DeploymentResult {
		this.requireMarathonLeader();
		const id = normalizeAppId(appId);
		const app = this.requireApp(id);
		this.requireUnlocked(id, options.force === true);
		const current = this.currentVersion(id);
		const version = this.nextVersion();
		app.versions.push({version, definition: structuredClone(current.definition), configVersion: version});
		const deployment = this.startDeployment(id, 'RestartApplication', version);
		this.changed();
		return {deploymentId: deployment.id, version};
	}

	deleteApp(appId: string): DeploymentResult {
		this.requireMarathonLeader();
		const id = normalizeAppId(appId);
		this.requireApp(id);
		for (const d of this.deploymentsFor(id)) this.finishDeployment(d, 'failed', 'superseded by app deletion');
		const version = this.nextVersion();
		const deployment = this.startDeployment(id, 'StopApplication', version);
		this.changed();
		return {deploymentId: deployment.id, version};
	}

	/** DELETE /v2/deployments/{id}: with `force` just stop it, otherwise roll the app back to the version before it. */
	cancelDeployment(deploymentId: string, options: {force?: boolean} = {}): DeploymentResult | null {
		this.requireMarathonLeader();
		const deployment = this.deployments.get(deploymentId);
		if (!deployment) throw new SimApiError(404, {message: `DeploymentPlan ${deploymentId} does not exist`});
		this.finishDeployment(deployment, 'failed', options.force === true ? 'cancelled' : 'rolled back');
		const app = this.apps.get(deployment.appId);
		if (options.force === true || !app || app.versions.length < 2) {
			this.changed();
			return null;
		}
		const previous = app.versions[app.versions.length - 2] as AppVersion;
		const result = this.updateApp(deployment.appId, {version: previous.version});
		return {deploymentId: result.deploymentId, version: result.version};
	}

	/** Kills one task as Mesos would report it; with `scale` Marathon also lowers the app's instance count. */
	killTask(taskId: string, options: {scale?: boolean; reason?: string} = {}): SimTask {
		const task = this.tasks.get(taskId);
		if (!task || !isLive(task)) throw new SimApiError(404, {message: `Task '${taskId}' does not exist`});
		if (options.scale === true) {
			const current = this.currentVersion(task.appId);
			const definition = structuredClone(current.definition);
			definition.instances = Math.max(0, resourcesOf(definition).instances - 1);
			const app = this.requireApp(task.appId);
			app.versions.push({version: this.nextVersion(), definition, configVersion: current.configVersion});
		}
		this.endTask(task, options.reason === 'failed' ? 'TASK_FAILED' : 'TASK_KILLED', options.reason ?? 'killed');
		this.changed();
		return task;
	}

	killAgent(agentId: string): void {
		const agent = this.agents.find(a => a.id === agentId || a.hostname === agentId);
		if (!agent) throw new SimApiError(404, {message: `Agent '${agentId}' does not exist`});
		agent.state = 'lost';
		for (const task of this.liveTasks().filter(t => t.agentId === agent.id)) this.endTask(task, 'TASK_LOST', 'agent lost');
		this.changed();
	}

	reviveAgent(agentId: string): void {
		const agent = this.agents.find(a => a.id === agentId || a.hostname === agentId);
		if (!agent) throw new SimApiError(404, {message: `Agent '${agentId}' does not exist`});
		agent.state = 'active';
		agent.registeredAt = this.now;
		this.changed();
	}

	/** The leader's process dies and comes back as a standby; another live master is elected if a quorum remains. */
	killLeadingMaster(options: {restart?: boolean} = {}): SimMaster {
		const old = this.leadingMaster();
		if (!old) throw new SimApiError(503, {message: 'No leading master'});
		old.state = options.restart === false ? 'down' : 'standby';
		old.electedAt = null;
		// A restarted master joins the group again with a newer znode, behind the standbys.
		old.startedAt = this.now;
		this.elect();
		return old;
	}

	/** A master's process stops (systemctl stop): it leaves the group and the replicated log. */
	stopMaster(index: number): void {
		const master = this.masters[index];
		if (!master) throw new SimApiError(404, {message: `Master ${index} does not exist`});
		master.state = 'down';
		master.electedAt = null;
		this.elect();
	}

	startMaster(index: number): void {
		const master = this.masters[index];
		if (!master) throw new SimApiError(404, {message: `Master ${index} does not exist`});
		if (master.state === 'down') {
			master.state = 'standby';
			master.electedAt = null;
			master.startedAt = this.now;
		}
		this.elect();
	}

	/** Stops one Marathon (the leader by default); a running standby takes over while ZooKeeper serves. */
	stopMarathon(which: 'leader' | 'all' | number = 'all'): void {
		const targets = which === 'all' ? this.marathons : which === 'leader' ? this.marathons.filter(m => m.state === 'leader') : [this.marathons[which]].filter((m): m is SimMarathon => m !== undefined);
		for (const m of targets) m.state = 'stopped';
		this.elect();
	}

	startMarathon(which: 'all' | number = 'all'): void {
		const targets = which === 'all' ? this.marathons : [this.marathons[which]].filter((m): m is SimMarathon => m !== undefined);
		for (const m of targets) if (m.state === 'stopped') m.state = 'standby';
		this.elect();
	}

	/** Member ids run from 1, as in zoo.cfg's server.N lines. */
	stopZookeeper(id: number): void {
		this.requireZkMember(id).state = 'down';
		this.elect();
	}

	startZookeeper(id: number): void {
		const member = this.requireZkMember(id);
		if (member.state === 'down') member.state = 'looking';
		this.elect();
	}

	zookeeperServes(): boolean {
		return zookeeperServes(this.zookeeper);
	}

	/** From now on the task fails its health checks until Marathon kills it. */
	failHealth(taskId: string): void {
		const task = this.tasks.get(taskId);
		if (!task || !isLive(task)) throw new SimApiError(404, {message: `Task '${taskId}' does not exist`});
		task.forcedUnhealthy = true;
		this.changed();
	}

	// ---- Time --------------------------------------------------------------------------------

	tick(ms = 1000): void {
		this.now += ms;
		// Marathon launches only on offers, and only a leading master makes them.
		const marathonUp = this.leadingMarathon() !== undefined && this.leadingMaster() !== undefined;
		for (const task of this.liveTasks()) {
			if (task.state === 'TASK_STAGING' && this.now >= task.stagedAt + this.stagingMs) {
				task.state = 'TASK_RUNNING';
				task.startedAt = this.now;
				task.statuses.push({state: 'TASK_RUNNING', timestamp: this.now});
				task.stderr += `Starting task ${task.id}\n`;
				this.emitStatus(task, '');
			}
			if (task.state === 'TASK_RUNNING') task.stdout += this.outputLine(task);
		}
		if (marathonUp) {
			this.checkHealth();
			for (const deployment of [...this.deployments.values()]) this.advanceDeployment(deployment);
			this.relaunchMissing();
		}
		this.pruneCompleted();
		this.changed();
	}

	// ---- Internals ---------------------------------------------------------------------------

	private validate(body: JsonObject): void {
		const details = validateDefinition(body);
		if (details.length > 0) throw new SimApiError(422, {message: 'Object is not valid', details: details.map(d => ({path: d.path, errors: d.errors}))});
	}

	private requireApp(id: string): SimApp {
		const app = this.apps.get(normalizeAppId(id));
		if (!app) throw new SimApiError(404, {message: `App '${normalizeAppId(id)}' does not exist`});
		return app;
	}

	private requireZkMember(id: number): SimZkMember {
		const member = this.zookeeper.find(m => m.id === id);
		if (!member) throw new SimApiError(404, {message: `ZooKeeper member ${id} does not exist`});
		return member;
	}

	/** Every leadership follows from who runs; agents register again with a newly elected master. */
	private elect(): void {
		electZookeeper(this.zookeeper);
		const serves = zookeeperServes(this.zookeeper);
		const elected = electMaster(this.masters, serves, this.masterQuorum, this.now);
		if (elected) {
			for (const agent of this.agents) if (agent.state === 'active') agent.registeredAt = this.now;
		}
		electMarathon(this.marathons, serves);
		this.changed();
	}

	private requireMarathonLeader(): void {
		if (!this.leadingMarathon()) throw new SimApiError(503, {message: 'Could not determine the current leader'});
	}

	private requireUnlocked(id: string, force: boolean): void {
		const running = this.deploymentsFor(id);
		if (running.length === 0) return;
		if (!force) {
			throw new SimApiError(409, {
				message: 'App is locked by one or more deployments. Override with the option \'?force=true\'. View details at \'/v2/deployments/<DEPLOYMENT_ID>\'.',
				deployments: running.map(d => ({id: d.id})),
			});
		}
		for (const d of running) this.finishDeployment(d, 'failed', 'cancelled by a forced update');
	}

	/** Fills service ports Marathon would pick, keeping ports other apps hold. */
	private prepare(definition: JsonObject, ownId: string | null): JsonObject {
		const taken = new Set<number>();
		for (const [id, app] of this.apps) {
			if (id === ownId) continue;
			const latest = app.versions[app.versions.length - 1];
			if (latest) for (const pm of portMappingsOf(latest.definition)) taken.add(pm.servicePort);
		}
		const ports = portMappingsOf(definition).map(pm => {
			if (pm.servicePort !== 0) {
				if (taken.has(pm.servicePort)) throw new SimApiError(422, {message: 'Object is not valid', details: [{path: '/container/portMappings', errors: [`Requested service port ${pm.servicePort} is used by another app`]}]});
				taken.add(pm.servicePort);
				return pm.servicePort;
			}
			for (let port = this.servicePortRange[0]; port <= this.servicePortRange[1]; port++) {
				if (!taken.has(port)) {
					taken.add(port);
					return port;
				}
			}
			throw new SimApiError(422, {message: 'No free service port left in the configured range'});
		});
		setServicePorts(definition, ports);
		return definition;
	}

	private nextVersion(): string {
		const at = Math.max(this.now, this.lastVersionTime + 1);
		this.lastVersionTime = at;
		return this.isoTime(at);
	}

	withVersion(v: AppVersion): JsonObject {
		return {...structuredClone(v.definition), version: v.version, versionInfo: {lastScalingAt: v.version, lastConfigChangeAt: v.configVersion}};
	}

	planOf(deployment: SimDeployment): JsonObject {
		return {
			id: deployment.id, version: deployment.version,
			steps: deployment.steps.map(step => ({actions: step.map(a => ({action: a.action, app: a.app}))})),
		};
	}

	private startDeployment(appId: string, action: DeploymentAction, version: string): SimDeployment {
		const deployment: SimDeployment = {id: uuidFrom(this.rng), version, appId, action, steps: [[{action, app: appId}]], currentStep: 1, startedAt: this.now};
		this.deployments.set(deployment.id, deployment);
		this.emit('deployment_info', {plan: this.planOf(deployment), currentStep: {actions: [{action, app: appId}]}});
		return deployment;
	}

	private finishDeployment(deployment: SimDeployment, outcome: 'success' | 'failed', reason?: string): void {
		this.deployments.delete(deployment.id);
		if (outcome === 'success') {
			this.emit('deployment_step_success', {plan: this.planOf(deployment), currentStep: {actions: [{action: deployment.action, app: deployment.appId}]}});
			this.emit('deployment_success', {id: deployment.id, plan: this.planOf(deployment)});
		} else {
			this.emit('deployment_failed', {id: deployment.id, plan: this.planOf(deployment), ...(reason === undefined ? {} : {reason})});
		}
	}

	private advanceDeployment(deployment: SimDeployment): void {
		const id = deployment.appId;
		const app = this.apps.get(id);
		if (!app) {
			this.deployments.delete(deployment.id);
			return;
		}
		const live = this.liveTasks(id);
		if (deployment.action === 'StopApplication') {
			for (const task of live) this.endTask(task, 'TASK_KILLED', 'app deleted');
			this.apps.delete(id);
			this.emit('app_terminated_event', {appId: id});
			this.finishDeployment(deployment, 'success');
			return;
		}
		const current = this.currentVersion(id);
		const {instances} = resourcesOf(current.definition);
		const stale = live.filter(t => t.configVersion !== current.configVersion);
		const {minimumHealthCapacity, maximumOverCapacity} = upgradeStrategyOf(current.definition);
		const minHealthy = Math.ceil(instances * minimumHealthCapacity);
		let maxCapacity = instances + Math.floor(instances * maximumOverCapacity);
		// Like Marathon's replace actor: with no room either way, one task over capacity is allowed.
		if (stale.length > 0 && minHealthy >= maxCapacity) maxCapacity = minHealthy + 1;

		if (stale.length > 0) {
			let healthy = live.filter(t => this.isHealthy(t)).length;
			const ordered = [...stale].sort((a, b) => Number(this.isHealthy(a)) - Number(this.isHealthy(b)) || a.stagedAt - b.stagedAt);
			for (const task of ordered) {
				if (!this.isHealthy(task)) {
					this.endTask(task, 'TASK_KILLED', 'replaced by upgrade');
				} else if (healthy - 1 >= minHealthy) {
					this.endTask(task, 'TASK_KILLED', 'replaced by upgrade');
					healthy--;
				}
			}
		}
		const liveNow = this.liveTasks(id);
		const freshNow = liveNow.filter(t => t.configVersion === current.configVersion);
		if (freshNow.length > instances) {
			const youngestFirst = [...freshNow].sort((a, b) => b.stagedAt - a.stagedAt);
			for (const task of youngestFirst.slice(0, freshNow.length - instances)) this.endTask(task, 'TASK_KILLED', 'scaled down');
		}
		let room = (stale.length > 0 ? maxCapacity : instances) - this.liveTasks(id).length;
		let missing = instances - Math.min(freshNow.length, instances);
		while (room > 0 && missing > 0) {
			if (!this.launch(id, current)) break;
			room--;
			missing--;
		}
		const after = this.liveTasks(id);
		const done = after.length === instances && after.every(t => t.configVersion === current.configVersion && this.isHealthy(t));
		if (done) this.finishDeployment(deployment, 'success');
	}

	/** Marathon's launch queue: apps with no deployment get back to their instance count. */
	private relaunchMissing(): void {
		for (const [id] of this.apps) {
			if (this.deploymentsFor(id).length > 0) continue;
			const current = this.currentVersion(id);
			const {instances} = resourcesOf(current.definition);
			let missing = instances - this.liveTasks(id).length;
			while (missing > 0 && this.launch(id, current)) missing--;
		}
	}

	private checkHealth(): void {
		for (const task of this.liveTasks()) {
			if (task.state !== 'TASK_RUNNING' || task.startedAt === null) continue;
			const app = this.apps.get(task.appId);
			if (!app) continue;
			const checks = healthChecksOf(this.currentVersion(task.appId).definition);
			if (checks.length === 0) continue;
			if (task.forcedUnhealthy) {
				task.consecutiveFailures++;
				task.healthLastFailure = this.now;
				if (task.health !== 'unhealthy') {
					task.health = 'unhealthy';
					this.emit('health_status_changed_event', {appId: task.appId, instanceId: task.id, version: task.version, alive: false});
				}
				const limit = Math.max(1, (checks[0]?.maxConsecutiveFailures ?? 3));
				if (task.consecutiveFailures >= limit) {
					this.emit('unhealthy_instance_kill_event', {appId: task.appId, taskId: task.id, instanceId: task.id, version: task.version, reason: 'HTTP request failed', host: this.agentOf(task)?.hostname ?? '', slaveId: task.agentId});
					this.endTask(task, 'TASK_KILLED', 'unhealthy');
				}
			} else if (task.health !== 'healthy' && this.now >= task.startedAt + this.healthDelayMs) {
				task.health = 'healthy';
				task.consecutiveFailures = 0;
				task.healthFirstSuccess ??= this.now;
				task.healthLastSuccess = this.now;
				this.emit('health_status_changed_event', {appId: task.appId, instanceId: task.id, version: task.version, alive: true});
			} else if (task.health === 'healthy') {
				task.healthLastSuccess = this.now;
			}
		}
	}

	private usedOn(agent: SimAgent): {cpus: number; mem: number; disk: number; ports: Set<number>} {
		const used = {cpus: 0, mem: 0, disk: 0, ports: new Set<number>()};
		for (const t of this.liveTasks()) {
			if (t.agentId !== agent.id) continue;
			used.cpus += t.cpus;
			used.mem += t.mem;
			used.disk += t.disk;
			for (const p of t.hostPorts) used.ports.add(p);
		}
		return used;
	}

	usedResources(agent: SimAgent): {cpus: number; mem: number; disk: number; ports: number[]} {
		const used = this.usedOn(agent);
		return {cpus: used.cpus, mem: used.mem, disk: used.disk, ports: [...used.ports].sort((a, b) => a - b)};
	}

	private hostPortCount(definition: JsonObject): {count: number; fixed: number[]} {
		const networks = Array.isArray(definition.networks) ? definition.networks : [];
		const ipPerTask = networks.some(n => typeof n === 'object' && n !== null && !Array.isArray(n) && n.mode === 'container');
		if (ipPerTask) return {count: 0, fixed: []};
		const mappings = portMappingsOf(definition);
		return {count: mappings.length, fixed: mappings.map(pm => pm.hostPort).filter(p => p !== 0)};
	}

	private pickPorts(agent: SimAgent, needed: number, fixed: number[], used: Set<number>): number[] | null {
		if (fixed.some(p => used.has(p))) return null;
		const ports: number[] = [];
		const [low, high] = agent.portRange;
		const span = high - low + 1;
		let tries = 0;
		while (ports.length < needed - fixed.length && tries < span) {
			const port = low + ((agent.portCursor - low) % span + span) % span;
			agent.portCursor = port + 1;
			tries++;
			if (!used.has(port) && !fixed.includes(port)) ports.push(port);
		}
		if (ports.length < needed - fixed.length) return null;
		return [...fixed, ...ports];
	}

	private launch(appId: string, version: AppVersion): boolean {
		const definition = version.definition;
		const res = resourcesOf(definition);
		const {count, fixed} = this.hostPortCount(definition);
		const active = this.agents.filter(a => a.state === 'active');
		const withRoom = active.filter(agent => {
			const used = this.usedOn(agent);
			return used.cpus + res.cpus <= agent.cpus + 1e-9 && used.mem + res.mem <= agent.mem && used.disk + res.disk <= agent.disk
				&& (agent.portRange[1] - agent.portRange[0] + 1) - used.ports.size >= count && !fixed.some(p => used.ports.has(p));
		});
		const allowed = agentsAllowed(constraintsOf(definition), withRoom, this.agents, this.liveTasks(appId));
		if (allowed.length === 0) return false;
		const load = (agent: SimAgent): number => this.liveTasks().filter(t => t.agentId === agent.id).length;
		const agent = [...allowed].sort((a, b) => load(a) - load(b))[0] as SimAgent;
		const hostPorts = this.pickPorts(agent, count, fixed, this.usedOn(agent).ports);
		if (!hostPorts) return false;
		const id = `${appId.slice(1).replaceAll('/', '_')}.marathon-${uuidFrom(this.rng)}`;
		const task: SimTask = {
			id, appId, agentId: agent.id, version: version.version, configVersion: version.configVersion, state: 'TASK_STAGING',
			hostPorts, servicePorts: portMappingsOf(definition).map(pm => pm.servicePort), cpus: res.cpus, mem: res.mem, disk: res.disk,
			stagedAt: this.now, startedAt: null, endedAt: null, health: 'unknown', healthFirstSuccess: null, healthLastSuccess: null,
			healthLastFailure: null, consecutiveFailures: 0, forcedUnhealthy: false, statuses: [{state: 'TASK_STAGING', timestamp: this.now}],
			stdout: '', stderr: `Registered executor on ${agent.hostname}\n`,
		};
		this.tasks.set(id, task);
		this.emitStatus(task, '');
		return true;
	}

	private endTask(task: SimTask, state: TaskState, message: string): void {
		task.state = state;
		task.endedAt = this.now;
		task.statuses.push({state, timestamp: this.now});
		task.stderr += `Task ${task.id} ${state === 'TASK_LOST' ? 'lost' : 'terminated'}: ${message}\n`;
		this.emitStatus(task, message);
		const app = this.apps.get(task.appId);
		if (app && (state === 'TASK_FAILED' || state === 'TASK_LOST' || message === 'unhealthy' || message === 'killed')) {
			app.lastTaskFailure = {
				appId: task.appId, host: this.agentOf(task)?.hostname ?? '', message, state, taskId: task.id,
				timestamp: this.isoTime(), version: task.version, slaveId: task.agentId,
			};
		}
	}

	private pruneCompleted(): void {
		for (const [id, task] of this.tasks) {
			if (!isLive(task) && task.endedAt !== null && this.now - task.endedAt > 60_000) {
				this.tasks.delete(id);
				this.completedTasks.push(task);
			}
		}
		if (this.completedTasks.length > 200) this.completedTasks.splice(0, this.completedTasks.length - 200);
	}

	/** What the task writes to its sandbox stdout each second it runs. */
	private outputLine(task: SimTask): string {
		const definition = this.apps.get(task.appId)?.versions.at(-1)?.definition;
		const image = definition ? dockerImageOf(definition) : null;
		if (image) return `127.0.0.1 - - [${this.isoTime()}] "GET / HTTP/1.1" 200 612 "-" "HAProxy health check" (${image})\n`;
		const cmd = typeof definition?.cmd === 'string' ? definition.cmd : '';
		const echo = /echo\s+["']?([^"';]+)/.exec(cmd);
		return `${echo?.[1]?.trim() ?? 'running'}\n`;
	}

	private emitStatus(task: SimTask, message: string): void {
		const agent = this.agentOf(task);
		this.emit('status_update_event', {
			slaveId: task.agentId, taskId: task.id, taskStatus: task.state, message, appId: task.appId, host: agent?.hostname ?? '',
			ipAddresses: [{ipAddress: agent?.ip ?? '', protocol: 'IPv4'}], ports: task.hostPorts, version: task.version,
		});
		this.emit('instance_changed_event', {
			instanceId: task.id, condition: conditionOf[task.state], runSpecId: task.appId, agentId: task.agentId,
			host: agent?.hostname ?? '', runSpecVersion: task.version,
		});
	}

	private emit(eventType: string, data: JsonObject): void {
		if (!this.leadingMarathon()) return;
		const event: SimEvent = {seq: ++this.seq, eventType, data: {...data, eventType, timestamp: this.isoTime()}};
		this.events.push(event);
		if (this.events.length > 1000) this.events.splice(0, this.events.length - 1000);
		for (const listener of this.eventListeners) listener(event);
	}

	private changed(): void {
		for (const listener of this.changeListeners) listener();
	}
}
