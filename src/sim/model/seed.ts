import type {AgentSpec} from './cluster-model.js';
import type {JsonObject} from './types.js';

/** Four agents over two data centres, as `--attributes=dc:bj` / `dc:sh` would register them. */
export function seedAgents(portRange: readonly [number, number] = [31000, 32000]): AgentSpec[] {
	const agent = (n: number, dc: string, rack: string): AgentSpec => ({
		hostname: `127.0.1.${n}`, ip: `127.0.1.${n}`, port: 5051, cpus: 4, mem: 7680, disk: 40000, attributes: {dc, rack}, portRange,
	});
	return [agent(1, 'bj', 'r1'), agent(2, 'bj', 'r2'), agent(3, 'sh', 'r1'), agent(4, 'sh', 'r2')];
}

/** The tutorial's first experiment: an endless loop printing hello, on the Mesos containerizer. */
export function shellAppDefinition(): JsonObject {
	return {
		id: '/hello-shell',
		cmd: 'while true; do echo hello; sleep 1; done',
		cpus: 0.1, mem: 32, disk: 100, instances: 2,
		labels: {},
	};
}

/** The tutorial's nginx in Docker behind marathon-lb, in Marathon 1.4's request shape. */
export function nginxAppDefinition(servicePort: number): JsonObject {
	return {
		id: '/nginx',
		cpus: 0.2, mem: 64, disk: 0, instances: 2,
		container: {
			type: 'DOCKER',
			docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort, protocol: 'tcp', name: 'http'}]},
		},
		labels: {HAPROXY_GROUP: 'docker-haproxy'},
		healthChecks: [{protocol: 'HTTP', path: '/', portIndex: 0, gracePeriodSeconds: 30, intervalSeconds: 2, timeoutSeconds: 2, maxConsecutiveFailures: 3}],
		upgradeStrategy: {minimumHealthCapacity: 0.5, maximumOverCapacity: 0.5},
	};
}
