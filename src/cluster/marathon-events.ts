import type {ClusterEvent, ClusterEventKind} from './cluster-event.js';
import {firstOf, list, optionalText, record, text, type JsonRecord} from './json-input.js';

/** Turns one `/v2/events` message into a log line; unknown event types still become an `other` line. */
export function normaliseMarathonEvent(eventType: string, raw: unknown): ClusterEvent {
	const data = record(raw);
	const type = text(data.eventType) || eventType;
	const at = text(data.timestamp) || new Date(0).toISOString();
	const appId = optionalText(firstOf(data, 'appId', 'runSpecId'));
	const taskId = optionalText(firstOf(data, 'taskId', 'instanceId'));
	const host = optionalText(data.host);
	const base = {at, origin: 'marathon' as const, type, ...(appId ? {appId} : {}), ...(taskId ? {taskId} : {}), ...(host ? {host} : {})};
	const line = (kind: ClusterEventKind, message: string): ClusterEvent => ({...base, kind, message});
	switch (type) {
		case 'status_update_event': {
			const ports = list(data.ports).map(port => text(port)).join(',');
			const where = host ? ` on ${host}${ports ? `:${ports}` : ''}` : '';
			const why = text(data.message);
			return line('task', `${appId ?? 'task'} ${taskId ?? ''} ${text(data.taskStatus)}${where}${why ? ` (${why})` : ''}`.replace(/\s+/g, ' '));
		}
		case 'instance_changed_event':
			return line('task', `${appId ?? 'instance'} ${taskId ?? ''} is ${text(data.condition)}${host ? ` on ${host}` : ''}`.replace(/\s+/g, ' '));
		case 'unknown_instance_terminated_event':
			return line('task', `unknown instance ${taskId ?? ''} of ${appId ?? '?'} ended: ${text(data.condition)}`);
		case 'health_status_changed_event':
			return line('health', `${appId ?? 'task'} ${taskId ?? ''} is ${data.alive === true ? 'healthy' : 'unhealthy'}`.replace(/\s+/g, ' '));
		case 'instance_health_changed_event':
			return line('health', `${appId ?? 'instance'} ${taskId ?? ''} is ${healthWord(data.healthy)}`.replace(/\s+/g, ' '));
		case 'failed_health_check_event':
			return line('health', `health check failed for ${appId ?? '?'} ${taskId ?? ''}`.trim());
		case 'unhealthy_instance_kill_event':
		case 'unhealthy_task_kill_event':
			return line('health', `killed unhealthy ${taskId ?? 'task'} of ${appId ?? '?'}${text(data.reason) ? `: ${text(data.reason)}` : ''}`);
		case 'add_health_check_event':
		case 'remove_health_check_event':
			return line('health', `${type === 'add_health_check_event' ? 'added' : 'removed'} a health check of ${appId ?? '?'}`);
		case 'deployment_info':
		case 'deployment_step_success':
		case 'deployment_step_failure':
		case 'deployment_success':
		case 'deployment_failed':
			return deploymentLine(base, type, data);
		case 'api_post_event':
			return {...base, kind: 'app', appId: text(record(data.appDefinition).id) || appId || '', message: `API ${text(data.uri)} from ${text(data.clientIp)}`};
		case 'app_terminated_event':
			return line('app', `${appId ?? 'app'} terminated`);
		case 'group_change_success':
		case 'group_change_failed':
			return line('app', `group ${text(data.groupId)} change ${type.endsWith('success') ? 'succeeded' : `failed: ${text(data.reason)}`}`);
		case 'pod_created_event':
		case 'pod_updated_event':
		case 'pod_deleted_event':
			return line('app', `pod ${type.split('_')[1] ?? ''}: ${text(data.uri)}`);
		case 'event_stream_attached':
		case 'event_stream_detached':
			return line('stream', `event stream ${type.endsWith('attached') ? 'attached' : 'detached'}: ${text(firstOf(data, 'remoteAddress', 'clientIp'))}`);
		case 'subscribe_event':
		case 'unsubscribe_event':
			return line('stream', `${type.startsWith('un') ? 'unsubscribed' : 'subscribed'} callback ${text(data.callbackUrl)}`);
		case 'scheduler_registered_event':
		case 'scheduler_reregistered_event':
		case 'scheduler_disconnected_event':
			return line('leader', `Marathon ${type.split('_')[1] ?? ''} with master ${text(data.master)}`.trim());
		case 'framework_message_event':
			return line('other', `framework message from executor ${text(data.executorId)}`);
		default:
			return line('other', type);
	}
}

function healthWord(value: unknown): string {
	if (value === true) {
		return 'healthy';
	}
	return value === false ? 'unhealthy' : 'of unknown health';
}

function deploymentLine(base: Omit<ClusterEvent, 'kind' | 'message'>, type: string, data: JsonRecord): ClusterEvent {
	const plan = record(data.plan);
	const id = text(data.id) || text(plan.id);
	const step = record(data.currentStep);
	const actions = list(step.actions).map(item => `${text(firstOf(record(item), 'action', 'type'))} ${text(firstOf(record(item), 'app', 'pod'))}`).join(', ');
	const words: Record<string, string> = {
		deployment_info: 'running',
		deployment_step_success: 'step done',
		deployment_step_failure: 'step failed',
		deployment_success: 'succeeded',
		deployment_failed: 'failed',
	};
	const appIds = [...new Set([...list(step.actions).map(item => text(record(item).app)), ...list(plan.affectedApps).map(item => text(item))])].filter(id => id !== '');
	const [firstApp] = appIds;
	return {
		...base,
		kind: 'deployment',
		...(firstApp ? {appId: firstApp, appIds} : {}),
		message: `deployment ${id} ${words[type] ?? type}${actions ? `: ${actions}` : ''}${text(data.reason) ? ` (${text(data.reason)})` : ''}`,
	};
}
