import type {Json, JsonObject} from './types.js';

/** A field that breaks Marathon's rules, in the shape of its 422 `details`. */
export interface ValidationDetail {
	path: string;
	errors: string[];
}

export interface PortMapping {
	containerPort: number;
	hostPort: number;
	servicePort: number;
	protocol: string;
	name?: string;
}

export interface HealthCheck {
	protocol: string;
	path?: string;
	portIndex: number;
	gracePeriodSeconds: number;
	intervalSeconds: number;
	timeoutSeconds: number;
	maxConsecutiveFailures: number;
}

export type Constraint = [string, string, string?];

function isObject(value: Json | undefined): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numberOr(value: Json | undefined, fallback: number): number {
	return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Marathon app ids are absolute; a relative id lands under the root group. */
export function normalizeAppId(id: string): string {
	const trimmed = id.trim().replace(/\/+$/, '');
	return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

export function validateDefinition(body: JsonObject): ValidationDetail[] {
	const details: ValidationDetail[] = [];
	if (typeof body.id !== 'string' || !/^\/?[a-z0-9]([a-z0-9.-]*[a-z0-9])?(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)*$/.test(body.id)) {
		details.push({path: '/id', errors: ['must be a path of lowercase letters, digits, dots and dashes']});
	}
	if (body.instances !== undefined && (typeof body.instances !== 'number' || !Number.isInteger(body.instances) || body.instances < 0)) {
		details.push({path: '/instances', errors: ['must be a non-negative integer']});
	}
	for (const key of ['cpus', 'mem', 'disk'] as const) {
		const value = body[key];
		if (value !== undefined && (typeof value !== 'number' || value < 0)) details.push({path: `/${key}`, errors: ['must be a non-negative number']});
	}
	if (body.cmd === undefined && !isObject(body.container) && body.args === undefined) {
		details.push({path: '/', errors: ['AppDefinition must either contain one of \'cmd\' or \'args\', and/or a \'container\'.']});
	}
	const strategy = body.upgradeStrategy;
	if (isObject(strategy)) {
		const min = strategy.minimumHealthCapacity;
		const over = strategy.maximumOverCapacity;
		if (min !== undefined && (typeof min !== 'number' || min < 0 || min > 1)) details.push({path: '/upgradeStrategy/minimumHealthCapacity', errors: ['must be between 0 and 1']});
		if (over !== undefined && (typeof over !== 'number' || over < 0 || over > 1)) details.push({path: '/upgradeStrategy/maximumOverCapacity', errors: ['must be between 0 and 1']});
	}
	if (body.constraints !== undefined) {
		const ok = Array.isArray(body.constraints) && body.constraints.every(c => Array.isArray(c) && c.length >= 2 && c.length <= 3 && c.every(part => typeof part === 'string')
			&& ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER'].includes(c[1] as string));
		if (!ok) details.push({path: '/constraints', errors: ['each constraint is [field, UNIQUE|CLUSTER|GROUP_BY|LIKE|UNLIKE|MAX_PER, value?]']});
	}
	return details;
}

/**
 * Turns a posted definition into the shape Marathon 1.5+ answers with: port mappings under
 * `container`, `networks[]` instead of `docker.network`, defaults filled in.
 */
export function normalizeDefinition(body: JsonObject): JsonObject {
	const app: JsonObject = structuredClone(body);
	app.id = normalizeAppId(String(body.id));
	app.instances = numberOr(body.instances, 1);
	app.cpus = numberOr(body.cpus, 1);
	app.mem = numberOr(body.mem, 128);
	app.disk = numberOr(body.disk, 0);
	app.labels = isObject(body.labels) ? body.labels : {};
	app.constraints = Array.isArray(body.constraints) ? body.constraints : [];
	app.healthChecks = Array.isArray(body.healthChecks) ? body.healthChecks.map(hc => fillHealthCheck(isObject(hc) ? hc : {})) : [];
	const strategy = isObject(body.upgradeStrategy) ? body.upgradeStrategy : {};
	app.upgradeStrategy = {
		minimumHealthCapacity: numberOr(strategy.minimumHealthCapacity, 1),
		maximumOverCapacity: numberOr(strategy.maximumOverCapacity, 1),
	};
	app.backoffSeconds = numberOr(body.backoffSeconds, 1);
	app.killSelection = typeof body.killSelection === 'string' ? body.killSelection : 'YOUNGEST_FIRST';
	if (app.cmd === undefined) app.cmd = null;
	const container = isObject(body.container) ? structuredClone(body.container) : null;
	if (container) {
		const docker = isObject(container.docker) ? container.docker : null;
		let networks: Json = Array.isArray(body.networks) ? body.networks : [{mode: 'host'}];
		if (docker) {
			if (Array.isArray(docker.portMappings) && container.portMappings === undefined) container.portMappings = docker.portMappings;
			delete docker.portMappings;
			if (docker.network === 'BRIDGE') networks = [{mode: 'container/bridge'}];
			else if (docker.network === 'USER') networks = [{mode: 'container', name: 'default'}];
			delete docker.network;
			if (docker.forcePullImage === undefined) docker.forcePullImage = false;
			if (docker.privileged === undefined) docker.privileged = false;
			if (docker.parameters === undefined) docker.parameters = [];
		}
		if (Array.isArray(container.portMappings)) {
			container.portMappings = container.portMappings.map(pm => {
				const m = isObject(pm) ? pm : {};
				return {...m, containerPort: numberOr(m.containerPort, 0), hostPort: numberOr(m.hostPort, 0), servicePort: numberOr(m.servicePort, 0), protocol: typeof m.protocol === 'string' ? m.protocol : 'tcp'};
			});
		}
		if (container.volumes === undefined) container.volumes = [];
		app.container = container;
		app.networks = networks;
		delete app.portDefinitions;
		delete app.ports;
	} else {
		app.container = null;
		app.networks = [{mode: 'host'}];
		const defs: Json[] = Array.isArray(body.portDefinitions) ? body.portDefinitions : Array.isArray(body.ports) ? body.ports.map(port => ({port})) : [{port: 0}];
		app.portDefinitions = defs.map(d => {
			const def = isObject(d) ? d : {};
			return {...def, port: numberOr(def.port, 0), protocol: typeof def.protocol === 'string' ? def.protocol : 'tcp'};
		});
		delete app.ports;
	}
	delete app.version;
	delete app.versionInfo;
	delete app.tasks;
	delete app.deployments;
	return app;
}

function fillHealthCheck(hc: JsonObject): JsonObject {
	return {
		...hc,
		protocol: typeof hc.protocol === 'string' ? hc.protocol : 'HTTP',
		path: typeof hc.path === 'string' ? hc.path : '/',
		portIndex: numberOr(hc.portIndex, 0),
		gracePeriodSeconds: numberOr(hc.gracePeriodSeconds, 300),
		intervalSeconds: numberOr(hc.intervalSeconds, 60),
		timeoutSeconds: numberOr(hc.timeoutSeconds, 20),
		maxConsecutiveFailures: numberOr(hc.maxConsecutiveFailures, 3),
		ignoreHttp1xx: hc.ignoreHttp1xx === true,
	};
}

export function isContainerApp(app: JsonObject): boolean {
	return isObject(app.container);
}

/** Port mappings of a container app, or the host ports of a host-networked app in the same shape. */
export function portMappingsOf(app: JsonObject): PortMapping[] {
	const container = app.container;
	if (isObject(container) && Array.isArray(container.portMappings)) {
		return container.portMappings.filter(isObject).map(pm => ({
			containerPort: numberOr(pm.containerPort, 0),
			hostPort: numberOr(pm.hostPort, 0),
			servicePort: numberOr(pm.servicePort, 0),
			protocol: typeof pm.protocol === 'string' ? pm.protocol : 'tcp',
			...(typeof pm.name === 'string' ? {name: pm.name} : {}),
		}));
	}
	if (Array.isArray(app.portDefinitions)) {
		return app.portDefinitions.filter(isObject).map(pd => ({containerPort: 0, hostPort: 0, servicePort: numberOr(pd.port, 0), protocol: typeof pd.protocol === 'string' ? pd.protocol : 'tcp'}));
	}
	return [];
}

/** Writes service ports back into whichever list holds them. */
export function setServicePorts(app: JsonObject, servicePorts: number[]): void {
	const container = app.container;
	if (isObject(container) && Array.isArray(container.portMappings)) {
		container.portMappings.forEach((pm, index) => {
			if (isObject(pm)) pm.servicePort = servicePorts[index] ?? pm.servicePort ?? 0;
		});
	} else if (Array.isArray(app.portDefinitions)) {
		app.portDefinitions.forEach((pd, index) => {
			if (isObject(pd)) pd.port = servicePorts[index] ?? pd.port ?? 0;
		});
	}
}

export function healthChecksOf(app: JsonObject): HealthCheck[] {
	if (!Array.isArray(app.healthChecks)) return [];
	return app.healthChecks.filter(isObject).map(hc => ({
		protocol: String(hc.protocol ?? 'HTTP'),
		...(typeof hc.path === 'string' ? {path: hc.path} : {}),
		portIndex: numberOr(hc.portIndex, 0),
		gracePeriodSeconds: numberOr(hc.gracePeriodSeconds, 300),
		intervalSeconds: numberOr(hc.intervalSeconds, 60),
		timeoutSeconds: numberOr(hc.timeoutSeconds, 20),
		maxConsecutiveFailures: numberOr(hc.maxConsecutiveFailures, 3),
	}));
}

export function constraintsOf(app: JsonObject): Constraint[] {
	if (!Array.isArray(app.constraints)) return [];
	return app.constraints.filter((c): c is Json[] => Array.isArray(c)).map(c => [String(c[0]), String(c[1]), ...(c[2] === undefined ? [] : [String(c[2])])] as Constraint);
}

export function upgradeStrategyOf(app: JsonObject): {minimumHealthCapacity: number; maximumOverCapacity: number} {
	const s = isObject(app.upgradeStrategy) ? app.upgradeStrategy : {};
	return {minimumHealthCapacity: numberOr(s.minimumHealthCapacity, 1), maximumOverCapacity: numberOr(s.maximumOverCapacity, 1)};
}

export function labelsOf(app: JsonObject): Record<string, string> {
	const out: Record<string, string> = {};
	if (isObject(app.labels)) for (const [k, v] of Object.entries(app.labels)) if (typeof v === 'string') out[k] = v;
	return out;
}

export function dockerImageOf(app: JsonObject): string | null {
	const container = app.container;
	if (!isObject(container) || !isObject(container.docker)) return null;
	return typeof container.docker.image === 'string' ? container.docker.image : null;
}

export function resourcesOf(app: JsonObject): {instances: number; cpus: number; mem: number; disk: number} {
	return {instances: numberOr(app.instances, 1), cpus: numberOr(app.cpus, 1), mem: numberOr(app.mem, 128), disk: numberOr(app.disk, 0)};
}

/** Fields whose change needs new tasks; scaling alone does not. */
export function configOf(app: JsonObject): string {
	const rest: JsonObject = {...app};
	delete rest.instances;
	return JSON.stringify(rest);
}

export {isObject};
