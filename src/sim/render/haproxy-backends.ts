import {healthChecksOf, labelsOf, portMappingsOf, type HealthCheck} from '../model/app-definition.js';
import type {ClusterModel} from '../model/cluster-model.js';
import type {SimTask} from '../model/types.js';

export interface LbServer {
	name: string;
	ip: string;
	port: number;
	task: SimTask;
}

export interface LbService {
	appId: string;
	/** Frontend and backend name: app id without the leading slash, `/` → `_`, then `_<servicePort>`. */
	name: string;
	servicePort: number;
	mode: 'http' | 'tcp';
	vhost: string | null;
	healthCheck: HealthCheck | null;
	servers: LbServer[];
}

function groupsMatch(labels: Record<string, string>, index: number, group: string): boolean {
	if (group === '*') return true;
	const own = labels[`HAPROXY_${index}_GROUP`] ?? labels.HAPROXY_GROUP;
	return own !== undefined && own.split(',').map(g => g.trim()).includes(group);
}

export function serverName(host: string, ip: string, port: number): string {
	const raw = host === ip ? `${ip}_${port}` : `${host}_${ip}_${port}`;
	return raw.replace(/[^a-zA-Z0-9-]/g, '_');
}

/** What marathon-lb would build from Marathon's apps: one service per matching port, servers from running tasks. */
export function lbServices(model: ClusterModel, group: string): LbService[] {
	const services: LbService[] = [];
	for (const [appId] of [...model.apps].sort(([a], [b]) => a.localeCompare(b))) {
		const definition = model.currentVersion(appId).definition;
		const labels = labelsOf(definition);
		const checks = healthChecksOf(definition);
		portMappingsOf(definition).forEach((pm, index) => {
			if (!groupsMatch(labels, index, group)) return;
			const servicePort = Number(labels[`HAPROXY_${index}_PORT`] ?? pm.servicePort);
			const vhost = labels[`HAPROXY_${index}_VHOST`] ?? null;
			const check = checks[0] ?? null;
			const httpCheck = check !== null && ['HTTP', 'HTTPS', 'MESOS_HTTP', 'MESOS_HTTPS'].includes(check.protocol);
			const mode = (labels[`HAPROXY_${index}_MODE`] as 'http' | 'tcp' | undefined) ?? (vhost !== null || httpCheck ? 'http' : 'tcp');
			const servers = model.liveTasks(appId)
				.filter(t => t.state === 'TASK_RUNNING' && t.hostPorts[index] !== undefined)
				.sort((a, b) => a.stagedAt - b.stagedAt)
				.map(task => {
					const agent = model.agentOf(task);
					const ip = agent?.ip ?? '127.0.0.1';
					const port = task.hostPorts[index] as number;
					return {name: serverName(agent?.hostname ?? ip, ip, port), ip, port, task};
				});
			services.push({appId, name: `${appId.slice(1).replaceAll('/', '_')}_${servicePort}`, servicePort, mode, vhost, healthCheck: check, servers});
		});
	}
	return services;
}
