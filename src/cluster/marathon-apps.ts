import type {App, HealthState, Pod} from './snapshot.js';
import {eachArrayElement} from './json-elements.js';
import {firstOf, flag, isRecord, list, num, optionalText, record, stringMap, text, type JsonRecord} from './json-input.js';

/** A task as Marathon reports it; joined with the Mesos task of the same id for the snapshot. */
export interface MarathonTask {
	id: string;
	appId: string;
	host: string;
	ports: number[];
	servicePorts: number[];
	/** Mesos task state; Marathon writes it only from 1.4. */
	state?: string | undefined;
	health: HealthState;
	startedAt?: string | undefined;
	agentId?: string | undefined;
	ipAddresses: string[];
	version?: string | undefined;
}

export interface MarathonAppsParts {
	apps: App[];
	tasks: MarathonTask[];
}

/** `/v2/apps` (with embedded tasks, counts, deployments, last failure) of Marathon 1.x, 1.4 and 1.5+ shapes. */
export function normaliseMarathonApps(raw: unknown): MarathonAppsParts {
	const body = record(raw);
	const items = Array.isArray(raw) ? raw : list(firstOf(body, 'apps'));
	const single = isRecord(body.app) ? [body.app] : [];
	return collect([...items, ...single]);
}

/** `/v2/groups` with embedded apps and (Marathon 1.4+) pods, nested in groups; a group of pods alone is a valid answer. */
export function normaliseMarathonGroups(raw: unknown): MarathonAppsParts & {pods: Pod[]} {
	const apps: unknown[] = [];
	const pods: Pod[] = [];
	const visit = (group: JsonRecord): void => {
		apps.push(...list(group.apps));
		pods.push(...list(group.pods).map(item => podOf(record(item))));
		for (const child of list(group.groups)) {
			visit(record(child));
		}
	};
	visit(record(raw));
	return {...collect(apps), pods};
}

/** A pod definition (`/v2/pods`, or `pods` in a group): its id and the instances it asks for. */
function podOf(pod: JsonRecord): Pod {
	return {id: text(pod.id), instances: num(record(pod.scaling).instances, 1), running: 0};
}

/**
 * `/v2/pods/::status`: each pod's spec, status and instances. Each container of an instance runs as
 * one Mesos task whose id is the instance id, a dot and the container name, so those tasks are
 * tied to their pod as an app's tasks are to their app.
 */
export function normaliseMarathonPodStatuses(raw: unknown): {pods: Pod[]; tasks: MarathonTask[]} {
	const pods: Pod[] = [];
	const tasks: MarathonTask[] = [];
	for (const item of list(raw)) {
		const status = record(item);
		const pod = podOf(record(status.spec));
		const id = text(status.id) || pod.id;
		const instances = list(status.instances).map(record);
		const podStatus = optionalText(status.status);
		pods.push({id, instances: pod.instances, running: instances.filter(instance => text(instance.status) === 'STABLE' || text(instance.status) === 'DEGRADED').length, ...(podStatus ? {status: podStatus} : {})});
		for (const instance of instances) {
			for (const container of list(instance.containers).map(record)) {
				const ports = list(container.endpoints).map(endpoint => num(record(endpoint).allocatedHostPort)).filter(port => port > 0);
				const agentId = optionalText(instance.agentId);
				tasks.push({
					id: `${text(instance.id)}.${text(container.name)}`,
					appId: id,
					host: text(instance.agentHostname),
					ports,
					servicePorts: [],
					state: undefined,
					health: 'unknown',
					startedAt: undefined,
					agentId,
					ipAddresses: [],
					version: undefined,
				});
			}
		}
	}
	return {pods, tasks};
}

/** `/v2/tasks` or `/v2/apps/{id}/tasks`. */
export function normaliseMarathonTasks(raw: unknown): MarathonTask[] {
	return list(record(raw).tasks).map(item => normaliseMarathonTask(record(item), ''));
}

/**
 * `/v2/apps` from the answer's text, app by app, so that a large cluster's answer is never one
 * tree in memory; any other shape, or text that is not valid JSON, is parsed whole by `parseWhole`
 * (which says what is wrong with it).
 */
export function normaliseMarathonAppsText(body: string, parseWhole: (body: string) => unknown): MarathonAppsParts {
	const parts: MarathonAppsParts = {apps: [], tasks: []};
	try {
		if (eachArrayElement(body, 'apps', item => collectInto(parts, item))) {
			return parts;
		}
	} catch {
		// Judged whole below, for the error a whole parse gives.
	}
	return normaliseMarathonApps(parseWhole(body));
}

function collect(items: unknown[]): MarathonAppsParts {
	const parts: MarathonAppsParts = {apps: [], tasks: []};
	for (const item of items) {
		collectInto(parts, item);
	}
	return parts;
}

function collectInto(parts: MarathonAppsParts, item: unknown): void {
	const app = record(item);
	const normalised = normaliseApp(app);
	parts.apps.push(normalised);
	for (const task of list(app.tasks)) {
		parts.tasks.push(normaliseMarathonTask(record(task), normalised.id));
	}
}

export function normaliseApp(app: JsonRecord): App {
	const container = record(app.container);
	const docker = record(container.docker);
	const failure = record(app.lastTaskFailure);
	const healthChecks = list(app.healthChecks);
	const image = optionalText(docker.image) ?? optionalText(record(container.appc).image);
	const cmd = optionalText(app.cmd);
	const version = optionalText(app.version);
	return {
		id: text(app.id),
		instances: num(app.instances, 1),
		running: num(app.tasksRunning),
		staged: num(app.tasksStaged),
		healthy: num(app.tasksHealthy),
		unhealthy: num(app.tasksUnhealthy),
		cpus: num(app.cpus, 1),
		mem: num(app.mem, 128),
		disk: num(app.disk),
		...(image ? {image} : {}),
		...(cmd ? {cmd} : {}),
		...(version ? {version} : {}),
		labels: stringMap(app.labels),
		servicePorts: servicePortsOf(app),
		constraints: list(app.constraints).map(constraint => list(constraint).map(part => text(part))),
		deploymentInProgress: list(app.deployments).length > 0,
		hasHealthChecks: healthChecks.length > 0,
		...(isRecord(app.lastTaskFailure) ? {lastTaskFailure: {
			taskId: text(failure.taskId),
			state: text(failure.state),
			message: text(failure.message),
			at: text(failure.timestamp),
			host: text(failure.host),
		}} : {}),
	};
}

/**
 * Service ports in port-index order. 1.4 writes bridge mappings under `container.docker.portMappings`,
 * 1.5+ under `container.portMappings`; host-networked apps use `portDefinitions` (or legacy `ports`).
 * marathon-lb's `HAPROXY_{n}_PORT` label overrides a port; 0 means Marathon has not assigned one yet.
 */
export function servicePortsOf(app: JsonRecord): number[] {
	const labels = stringMap(app.labels);
	return declaredServicePorts(app).map((port, index) => num(labels[`HAPROXY_${index}_PORT`], port)).filter(port => port > 0);
}

function declaredServicePorts(app: JsonRecord): number[] {
	const container = record(app.container);
	const mappings = list(record(container.docker).portMappings).length > 0 ? list(record(container.docker).portMappings) : list(container.portMappings);
	if (mappings.length > 0) {
		return mappings.map(mapping => num(record(mapping).servicePort));
	}
	const definitions = list(app.portDefinitions);
	if (definitions.length > 0) {
		return definitions.map(definition => num(record(definition).port));
	}
	return list(app.ports).map(port => num(port));
}

/** The networking mode, read the way marathon-lb does: 1.4 `docker.network`/`ipAddress`, else the last `networks[].mode`. */
export function networkModeOf(app: JsonRecord): 'host' | 'container/bridge' | 'container' {
	const container = record(app.container);
	const dockerNetwork = text(record(container.docker).network).toUpperCase();
	if (isRecord(app.ipAddress) || dockerNetwork === 'USER') {
		return 'container';
	}
	if (dockerNetwork === 'BRIDGE') {
		return 'container/bridge';
	}
	const modes = list(app.networks).map(network => text(record(network).mode));
	const last = modes.at(-1);
	return last === 'container' || last === 'container/bridge' ? last : 'host';
}

export function normaliseMarathonTask(task: JsonRecord, appId: string): MarathonTask {
	const startedAt = optionalText(task.startedAt);
	const state = optionalText(task.state);
	const agentId = optionalText(task.slaveId) ?? optionalText(task.agentId);
	const version = optionalText(task.version);
	// Every field in one literal, absent ones as undefined: objects of one shape, built in one step.
	return {
		id: text(task.id),
		appId: text(task.appId) || appId,
		host: text(task.host),
		ports: numbers(task.ports),
		servicePorts: numbers(task.servicePorts),
		state,
		health: healthOfResults(list(task.healthCheckResults)),
		startedAt,
		agentId,
		ipAddresses: ipAddressesOf(list(task.ipAddresses)),
		version,
	};
}

function numbers(value: unknown): number[] {
	const items = list(value);
	const result: number[] = new Array<number>(items.length);
	for (let index = 0; index < items.length; index++) {
		result[index] = num(items[index]);
	}
	return result;
}

function ipAddressesOf(items: unknown[]): string[] {
	const addresses: string[] = [];
	for (const item of items) {
		const address = text(record(item).ipAddress);
		if (address !== '') {
			addresses.push(address);
		}
	}
	return addresses;
}

/** Results are keyed by `taskId` (≤1.3) or `instanceId` (1.4+); a task is healthy when every check is alive. */
function healthOfResults(results: unknown[]): HealthState {
	if (results.length === 0) {
		return 'unknown';
	}
	for (const result of results) {
		if (!flag(record(result).alive)) {
			return 'unhealthy';
		}
	}
	return 'healthy';
}

export interface MarathonInfo {
	name: string;
	version?: string;
	/** The leader as Marathon names it, `host:port`. */
	leader: string | null;
	elected: boolean;
	frameworkId?: string;
}

export function normaliseMarathonInfo(raw: unknown): MarathonInfo {
	const info = record(raw);
	const version = optionalText(info.version);
	const frameworkId = optionalText(info.frameworkId);
	return {
		name: text(info.name, 'marathon'),
		...(version ? {version} : {}),
		leader: optionalText(info.leader) ?? null,
		elected: flag(info.elected),
		...(frameworkId ? {frameworkId} : {}),
	};
}

export interface MarathonDeployment {
	id: string;
	version?: string;
	affectedApps: string[];
	currentStep: number;
	totalSteps: number;
	currentActions: {action: string; app: string}[];
}

/** `/v2/deployments`: a bare array. */
export function normaliseMarathonDeployments(raw: unknown): MarathonDeployment[] {
	return list(raw).map(item => {
		const deployment = record(item);
		const version = optionalText(deployment.version);
		return {
			id: text(deployment.id),
			...(version ? {version} : {}),
			affectedApps: list(deployment.affectedApps).map(app => text(app)),
			currentStep: num(deployment.currentStep),
			totalSteps: num(deployment.totalSteps),
			currentActions: list(deployment.currentActions).map(action => ({action: text(record(action).action), app: text(firstOf(record(action), 'app', 'pod'))})),
		};
	});
}
