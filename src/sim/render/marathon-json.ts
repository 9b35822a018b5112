import {healthChecksOf} from '../model/app-definition.js';
import type {ClusterModel} from '../model/cluster-model.js';
import type {JsonObject, SimDeployment, SimTask} from '../model/types.js';

export type AppEmbed = 'apps.tasks' | 'apps.counts' | 'apps.deployments' | 'apps.lastTaskFailure' | 'apps.failures' | 'apps.taskStats' | 'apps.readiness';

export function marathonTaskJson(model: ClusterModel, task: SimTask, withServicePorts: boolean): JsonObject {
	const agent = model.agentOf(task);
	const json: JsonObject = {
		id: task.id, appId: task.appId, host: agent?.hostname ?? '', slaveId: task.agentId, state: task.state,
		stagedAt: model.isoTime(task.stagedAt), startedAt: task.startedAt === null ? null : model.isoTime(task.startedAt),
		ports: task.hostPorts, version: task.version, ipAddresses: [{ipAddress: agent?.ip ?? '', protocol: 'IPv4'}], localVolumes: [],
	};
	if (withServicePorts) json.servicePorts = task.servicePorts;
	const app = model.apps.get(task.appId);
	const checks = app ? healthChecksOf(model.currentVersion(task.appId).definition) : [];
	if (checks.length > 0 && task.health !== 'unknown') {
		json.healthCheckResults = checks.map(() => ({
			alive: task.health === 'healthy', consecutiveFailures: task.consecutiveFailures,
			firstSuccess: task.healthFirstSuccess === null ? null : model.isoTime(task.healthFirstSuccess),
			lastFailure: task.healthLastFailure === null ? null : model.isoTime(task.healthLastFailure),
			lastSuccess: task.healthLastSuccess === null ? null : model.isoTime(task.healthLastSuccess),
			lastFailureCause: task.health === 'unhealthy' ? 'ConnectException: Connection refused' : null,
			instanceId: task.id,
		}));
	}
	return json;
}

function counts(model: ClusterModel, appId: string): JsonObject {
	const live = model.liveTasks(appId);
	return {
		tasksStaged: live.filter(t => t.state === 'TASK_STAGING').length,
		tasksRunning: live.filter(t => t.state === 'TASK_RUNNING').length,
		tasksHealthy: live.filter(t => t.state === 'TASK_RUNNING' && t.health === 'healthy').length,
		tasksUnhealthy: live.filter(t => t.state === 'TASK_RUNNING' && t.health === 'unhealthy').length,
	};
}

/** One app as `/v2/apps` answers it; counts and deployments are always there, the rest on request. */
export function appJson(model: ClusterModel, appId: string, embeds: ReadonlySet<string>): JsonObject {
	const app = model.apps.get(appId);
	if (!app) return {};
	const json: JsonObject = {...model.withVersion(model.currentVersion(appId)), ...counts(model, appId), deployments: model.deploymentsFor(appId).map(d => ({id: d.id}))};
	if (embeds.has('apps.tasks')) json.tasks = model.liveTasks(appId).map(t => marathonTaskJson(model, t, false));
	if ((embeds.has('apps.lastTaskFailure') || embeds.has('apps.failures')) && app.lastTaskFailure) json.lastTaskFailure = app.lastTaskFailure;
	if (embeds.has('apps.readiness')) json.readinessCheckResults = [];
	if (embeds.has('apps.taskStats')) json.taskStats = {};
	return json;
}

export function deploymentJson(d: SimDeployment): JsonObject {
	return {
		id: d.id, version: d.version, affectedApps: [d.appId], affectedPods: [],
		steps: d.steps.map(step => ({actions: step.map(a => ({action: a.action, app: a.app}))})),
		currentActions: d.steps[d.currentStep - 1]?.map(a => ({action: a.action, app: a.app, readinessCheckResults: []})) ?? [],
		currentStep: d.currentStep, totalSteps: d.steps.length,
	};
}

export function infoJson(model: ClusterModel): JsonObject {
	const leader = model.leadingMarathon();
	const leaderHost = leader ? `${leader.hostname}:${leader.port}` : null;
	const master = model.leadingMaster();
	return {
		name: 'marathon', version: '1.5.0', buildref: 'mesos-lab-sim', elected: leader !== undefined, leader: leaderHost,
		frameworkId: model.frameworkId,
		marathon_config: {
			master: `zk://127.0.0.1:2181/mesos`, hostname: leader?.hostname ?? '127.0.0.1', local_port_min: 10000, local_port_max: 20000,
			mesos_leader_ui_url: master ? `http://${master.hostname}:${master.port}/` : null, task_launch_timeout: 300000,
		},
		zookeeper_config: {zk: 'zk://127.0.0.1:2181/marathon', zk_timeout: 10000, zk_session_timeout: 10000, zk_max_versions: 50},
		http_config: {http_port: leader?.port ?? 8080, https_port: 8443},
		simulated: true,
	};
}
