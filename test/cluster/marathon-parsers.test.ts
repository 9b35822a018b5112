import {describe, expect, it} from 'vitest';
import {networkModeOf, normaliseMarathonApps, normaliseMarathonDeployments, normaliseMarathonGroups, normaliseMarathonInfo, normaliseMarathonPodStatuses} from '../../src/cluster/marathon-apps.js';
import {normaliseMarathonEvent} from '../../src/cluster/marathon-events.js';
import {fixtureJson} from './helpers/fixtures.js';

describe('reading Marathon 1.4 apps (docker.portMappings, results keyed by taskId)', () => {
	const {apps, tasks} = normaliseMarathonApps(fixtureJson('marathon-apps.1.4-bridge.json'));
	const web = apps.find(app => app.id === '/shop/web');
	const batch = apps.find(app => app.id === '/batch');

	it('reads counts, image, labels, constraints and the last failure', () => {
		expect(web).toMatchObject({instances: 2, running: 2, healthy: 1, unhealthy: 1, image: 'nginx:1.25', hasHealthChecks: true, deploymentInProgress: false});
		expect(web?.labels).toEqual({HAPROXY_GROUP: 'external', HAPROXY_0_VHOST: 'shop.lab'});
		expect(web?.constraints).toEqual([['dc', 'GROUP_BY', '2'], ['hostname', 'UNIQUE']]);
		expect(web?.lastTaskFailure).toEqual({taskId: 'web.old-0000', state: 'TASK_FAILED', message: 'Container exited with status 137', at: '2024-11-12T07:59:00.000Z', host: 'a1.lab'});
		expect(web?.cmd).toBeUndefined();
	});

	it('takes service ports from docker.portMappings, or from portDefinitions for host networking', () => {
		expect(web?.servicePorts).toEqual([10000]);
		expect(batch?.servicePorts).toEqual([10001]);
		expect(batch?.deploymentInProgress).toBe(true);
	});

	it('gives each task its health from its own check results', () => {
		expect(tasks.map(task => [task.id, task.health])).toEqual([
			['web.9f6c1a2e-0001', 'healthy'],
			['web.9f6c1a2e-0002', 'unhealthy'],
			['batch.7a7a-0001', 'unknown'],
		]);
		expect(tasks[0]).toMatchObject({appId: '/shop/web', host: 'a1.lab', ports: [31001], agentId: 'agent-s0'});
	});
});

describe('reading Marathon 1.5+ apps (container.portMappings, networks, instanceId)', () => {
	const raw = fixtureJson('marathon-apps.1.5-networks.json');
	const {apps, tasks} = normaliseMarathonApps(raw);

	it('takes service ports from container.portMappings with marathon-lb port labels applied', () => {
		expect(apps[0]?.servicePorts).toEqual([10100, 10105]);
		expect(apps[0]?.image).toBe('httpd:2.4');
	});

	it('reads the network mode from networks', () => {
		expect(networkModeOf((raw as {apps: Record<string, unknown>[]}).apps[0] ?? {})).toBe('container/bridge');
		expect(networkModeOf({container: {docker: {network: 'BRIDGE'}}})).toBe('container/bridge');
		expect(networkModeOf({})).toBe('host');
	});

	it('reads task state and health keyed by instance id', () => {
		expect(tasks[0]).toMatchObject({state: 'TASK_RUNNING', health: 'healthy', agentId: 'agent-s0', ipAddresses: ['172.17.0.2']});
	});
});

describe('reading Marathon info, deployments and events', () => {
	it('reads the leader and version from /v2/info', () => {
		expect(normaliseMarathonInfo({name: 'marathon', version: '1.4.8', elected: true, leader: 'm1.lab:8080'})).toEqual({name: 'marathon', version: '1.4.8', elected: true, leader: 'm1.lab:8080'});
		expect(normaliseMarathonInfo({}).leader).toBeNull();
	});

	it('reads deployments with their affected apps', () => {
		const [deployment] = normaliseMarathonDeployments([{id: 'd-1', affectedApps: ['/batch'], currentStep: 1, totalSteps: 2, currentActions: [{action: 'ScaleApplication', app: '/batch'}]}]);
		expect(deployment).toEqual({id: 'd-1', affectedApps: ['/batch'], currentStep: 1, totalSteps: 2, currentActions: [{action: 'ScaleApplication', app: '/batch'}]});
	});

	it('describes a task status update with its host and ports', () => {
		const event = normaliseMarathonEvent('status_update_event', {eventType: 'status_update_event', timestamp: 't', appId: '/web', taskId: 'web.1', taskStatus: 'TASK_FAILED', host: 'a1', ports: [31002], message: 'boom'});
		expect(event).toMatchObject({kind: 'task', appId: '/web', taskId: 'web.1', host: 'a1', message: '/web web.1 TASK_FAILED on a1:31002 (boom)'});
	});

	it('keys health changes by instance id or, before 1.4, by task id', () => {
		expect(normaliseMarathonEvent('health_status_changed_event', {appId: '/web', instanceId: 'web.marathon-1', alive: false}).taskId).toBe('web.marathon-1');
		expect(normaliseMarathonEvent('health_status_changed_event', {appId: '/web', taskId: 'web.1', alive: true}).message).toBe('/web web.1 is healthy');
	});

	it('still logs an event type it does not know', () => {
		expect(normaliseMarathonEvent('brand_new_event', {timestamp: 't'})).toMatchObject({kind: 'other', type: 'brand_new_event'});
	});
});

describe('reading Marathon pods (1.4+)', () => {
	// The shape of /v2/pods/::status in Marathon's RAML (docs/docs/rest-api/public/api/v2/types/podStatus.raml).
	const statuses = [{
		id: '/web/frontend',
		spec: {id: '/web/frontend', scaling: {kind: 'fixed', instances: 2}, containers: [{name: 'nginx'}, {name: 'sidecar'}]},
		status: 'DEGRADED',
		statusSince: '2026-03-01T10:00:00.000Z',
		instances: [{
			id: 'web_frontend.instance-6b1a2b3c-0000-11f0-9a3b-0242ac110002',
			status: 'STABLE', agentHostname: '10.0.0.21', agentId: 'S1',
			containers: [
				{name: 'nginx', status: 'TASK_RUNNING', endpoints: [{name: 'http', allocatedHostPort: 31002}], containerId: 'c1'},
				{name: 'sidecar', status: 'TASK_RUNNING', endpoints: [], containerId: 'c2'},
			],
		}],
	}];

	it('counts the running instances and names each container’s task after its instance', () => {
		const {pods, tasks} = normaliseMarathonPodStatuses(statuses);
		expect(pods).toEqual([{id: '/web/frontend', instances: 2, running: 1, status: 'DEGRADED'}]);
		expect(tasks.map(task => [task.id, task.appId, task.host, task.ports])).toEqual([
			['web_frontend.instance-6b1a2b3c-0000-11f0-9a3b-0242ac110002.nginx', '/web/frontend', '10.0.0.21', [31002]],
			['web_frontend.instance-6b1a2b3c-0000-11f0-9a3b-0242ac110002.sidecar', '/web/frontend', '10.0.0.21', []],
		]);
	});

	it('finds pods nested in groups, with or without apps beside them', () => {
		const parts = normaliseMarathonGroups({id: '/', apps: [], groups: [{id: '/web', pods: [statuses[0]!.spec]}]});
		expect(parts.apps).toEqual([]);
		expect(parts.pods).toEqual([{id: '/web/frontend', instances: 2, running: 0}]);
	});
});
