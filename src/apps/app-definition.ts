import {z} from 'zod';
import {UserInputError} from '../errors.js';
import {localized} from '../i18n/localized.js';
import {validateConstraint, type Constraint} from './constraints.js';
import {imageReferenceRule, isImageReference} from '../lab/image-reference.js';

const appIdPattern = /^\/?([a-z0-9]([a-z0-9.-]*[a-z0-9])?)(\/[a-z0-9]([a-z0-9.-]*[a-z0-9])?)*$/;
const port = z.number().int('must be a whole number').min(0, 'must be 0 (pick one) or a port').max(65_535, 'must be at most 65535');

const portMappingSchema = z.looseObject({
	containerPort: port,
	hostPort: port.optional(),
	servicePort: port.optional(),
	protocol: z.enum(['tcp', 'udp', 'tcp,udp']).optional(),
	name: z.string().optional(),
});

const healthCheckSchema = z.looseObject({
	protocol: z.enum(['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP']),
	path: z.string().startsWith('/', 'must start with "/"').optional(),
	portIndex: z.number().int().min(0).optional(),
	gracePeriodSeconds: z.number().int().min(0).optional(),
	intervalSeconds: z.number().int().min(1, 'must be at least 1').optional(),
	timeoutSeconds: z.number().int().min(1, 'must be at least 1').optional(),
	maxConsecutiveFailures: z.number().int().min(0).optional(),
});

const upgradeStrategySchema = z.looseObject({
	minimumHealthCapacity: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
	maximumOverCapacity: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
});

const containerSchema = z.looseObject({
	type: z.enum(['DOCKER', 'MESOS']),
	docker: z.looseObject({
		image: z.string().min(1, 'must name an image').max(400).refine(isImageReference, imageReferenceRule.en),
		network: z.enum(['HOST', 'BRIDGE', 'USER']).optional(),
		portMappings: z.array(portMappingSchema).optional(),
		forcePullImage: z.boolean().optional(),
	}).optional(),
	portMappings: z.array(portMappingSchema).optional(),
});

const constraintSchema = z.array(z.string()).min(2, 'must be [field, operator] or [field, operator, value]').max(3, 'must be [field, operator] or [field, operator, value]');

/** The part of a Marathon app definition mesos-lab checks; other fields pass through untouched. */
export const appDefinitionSchema = z.looseObject({
	id: z.string().regex(appIdPattern, 'must be lower-case path segments of letters, digits, "-" and ".", such as /web/nginx'),
	cmd: z.string().min(1, 'must not be empty').optional(),
	args: z.array(z.string()).optional(),
	cpus: z.number().positive('must be more than 0').optional(),
	mem: z.number().min(32, 'must be at least 32 (MB); Mesos rejects smaller tasks').optional(),
	disk: z.number().min(0, 'must not be negative').optional(),
	instances: z.number().int('must be a whole number').min(0, 'must not be negative').optional(),
	container: containerSchema.optional(),
	portDefinitions: z.array(z.looseObject({port, protocol: z.string().optional(), name: z.string().optional()})).optional(),
	healthChecks: z.array(healthCheckSchema).optional(),
	labels: z.record(z.string(), z.string('label values must be strings')).optional(),
	constraints: z.array(constraintSchema).optional(),
	upgradeStrategy: upgradeStrategySchema.optional(),
	version: z.string().optional(),
});

export type AppDefinition = z.infer<typeof appDefinitionSchema> & {constraints?: Constraint[] | undefined};

function describePath(path: readonly PropertyKey[]): string {
	let text = '';
	for (const part of path) {
		text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
	}
	return text || '(the whole file)';
}

/** Checks an app definition; the error names the first bad field and the rule it broke. */
export function parseAppDefinition(value: unknown, source = 'app definition'): AppDefinition {
	const result = appDefinitionSchema.safeParse(value);
	if (!result.success) {
		const issues = result.error.issues.slice(0, 5).map(issue => `${describePath(issue.path)}: ${issue.message}`);
		throw new UserInputError(localized('appFileInvalid', {source, issues: issues.join('; ')}), {hint: localized('appFileInvalidHint')});
	}
	const app = result.data;
	if (app.cmd === undefined && app.args === undefined && app.container?.docker === undefined) {
		throw new UserInputError(localized('appFileNoCommand', {source}));
	}
	const constraints = (app.constraints ?? []).map((c, index) =>
		validateConstraint(c[0] ?? '', c[1] ?? '', c[2], `${source}: constraints[${index}]`));
	return constraints.length > 0 ? {...app, constraints} : {...app, constraints: undefined};
}

/** Parses the text of an app file (JSON). */
export function parseAppFile(text: string, source: string): AppDefinition {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		throw new UserInputError(localized('appFileNotJson', {source, detail: (error as Error).message}), {hint: localized('appFileNotJsonHint')});
	}
	return parseAppDefinition(value, source);
}

export interface DockerAppOptions {
	id: string;
	image: string;
	instances: number;
	/** The service port marathon-lb listens on; 0 lets Marathon pick one. */
	servicePort: number;
	containerPort?: number | undefined;
	healthPath?: string | undefined;
	cpus?: number | undefined;
	mem?: number | undefined;
	group?: string | undefined;
	vhost?: string | undefined;
	constraints?: Constraint[] | undefined;
	upgradeStrategy?: {minimumHealthCapacity: number; maximumOverCapacity: number};
}

/** A Docker app in bridge mode whose container port maps to a random host port, as marathon-lb expects. */
export function buildDockerApp(options: DockerAppOptions): AppDefinition {
	const labels: Record<string, string> = {HAPROXY_GROUP: options.group ?? 'docker-haproxy'};
	if (options.vhost !== undefined) {
		labels['HAPROXY_0_VHOST'] = options.vhost;
	}
	const app: Record<string, unknown> = {
		id: options.id,
		cpus: options.cpus ?? 0.1,
		mem: options.mem ?? 64,
		instances: options.instances,
		container: {
			type: 'DOCKER',
			docker: {
				image: options.image,
				network: 'BRIDGE',
				portMappings: [{containerPort: options.containerPort ?? 80, hostPort: 0, servicePort: options.servicePort, protocol: 'tcp'}],
			},
		},
		labels,
	};
	if (options.healthPath !== undefined) {
		app['healthChecks'] = [{
			protocol: 'HTTP', path: options.healthPath, portIndex: 0,
			gracePeriodSeconds: 30, intervalSeconds: 2, timeoutSeconds: 10, maxConsecutiveFailures: 3,
		}];
	}
	if (options.constraints && options.constraints.length > 0) {
		app['constraints'] = options.constraints;
	}
	if (options.upgradeStrategy) {
		app['upgradeStrategy'] = options.upgradeStrategy;
	}
	return parseAppDefinition(app, 'flags');
}

/** The image of a Docker app, or undefined for a command app. */
export function appImage(app: {container?: {docker?: {image?: string}} | null}): string | undefined {
	return app.container?.docker?.image;
}

/** Normalises an app id to its absolute form, `/nginx`. */
export function absoluteAppId(id: string): string {
	if (!appIdPattern.test(id)) {
		throw new UserInputError(localized('appIdInvalid', {id}), {hint: localized('appIdExample')});
	}
	return id.startsWith('/') ? id : `/${id}`;
}
