import {eventText, type ClusterEvent, type ClusterEventKind} from './cluster-event.js';
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
	const line = (kind: ClusterEventKind, words: Words): ClusterEvent => ({...base, kind, ...words});
	// Who an event is about: the app and the task or instance, as far as Marathon named them.
	const subject = [appId, taskId].filter(part => part !== undefined).join(' ') || '?';
	switch (type) {
		case 'status_update_event': {
			const ports = list(data.ports).map(port => text(port)).join(',');
			const where = host ? `${host}${ports ? `:${ports}` : ''}` : '';
			const why = text(data.message);
			const status = text(data.taskStatus);
			if (where === '') {
				return line('task', why === '' ? eventText('evStatus', {subject, status}) : eventText('evStatusWhy', {subject, status, why}));
			}
			return line('task', why === '' ? eventText('evStatusOn', {subject, status, where}) : eventText('evStatusOnWhy', {subject, status, where, why}));
		}
		case 'instance_changed_event': {
			const condition = text(data.condition);
			return line('task', host ? eventText('evInstanceIsOn', {subject, condition, host}) : eventText('evInstanceIs', {subject, condition}));
		}
		case 'unknown_instance_terminated_event':
			return line('task', eventText('evUnknownInstanceEnded', {id: taskId ?? '', app: appId ?? '?', condition: text(data.condition)}));
		case 'health_status_changed_event':
			return line('health', eventText(data.alive === true ? 'evHealthy' : 'evUnhealthy', {subject}));
		case 'instance_health_changed_event':
			return line('health', eventText(healthKey(data.healthy), {subject}));
		case 'failed_health_check_event':
			return line('health', eventText('evHealthCheckFailed', {subject}));
		case 'unhealthy_instance_kill_event':
		case 'unhealthy_task_kill_event': {
			const reason = text(data.reason);
			const who = {id: taskId ?? '?', app: appId ?? '?'};
			return line('health', reason === '' ? eventText('evKilledUnhealthy', who) : eventText('evKilledUnhealthyWhy', {...who, reason}));
		}
		case 'add_health_check_event':
		case 'remove_health_check_event':
			return line('health', eventText(type === 'add_health_check_event' ? 'evHealthCheckAdded' : 'evHealthCheckRemoved', {app: appId ?? '?'}));
		case 'deployment_info':
		case 'deployment_step_success':
		case 'deployment_step_failure':
		case 'deployment_success':
		case 'deployment_failed':
			return deploymentLine(base, type, data);
		case 'api_post_event':
			return {...base, kind: 'app', appId: text(record(data.appDefinition).id) || appId || '', ...eventText('evApiPost', {uri: text(data.uri), client: text(data.clientIp)})};
		case 'app_terminated_event':
			return line('app', eventText('evAppTerminated', {app: appId ?? '?'}));
		case 'group_change_success':
		case 'group_change_failed':
			return line('app', type.endsWith('success') ? eventText('evGroupChanged', {id: text(data.groupId)}) : eventText('evGroupChangeFailed', {id: text(data.groupId), reason: text(data.reason)}));
		case 'pod_created_event':
		case 'pod_updated_event':
		case 'pod_deleted_event':
			return line('app', eventText('evPod', {change: type.split('_')[1] ?? '', uri: text(data.uri)}));
		case 'event_stream_attached':
		case 'event_stream_detached':
			return line('stream', eventText(type.endsWith('attached') ? 'evStreamAttached' : 'evStreamDetached', {remote: text(firstOf(data, 'remoteAddress', 'clientIp'))}));
		case 'subscribe_event':
		case 'unsubscribe_event':
			return line('stream', eventText(type.startsWith('un') ? 'evCallbackUnsubscribed' : 'evCallbackSubscribed', {url: text(data.callbackUrl)}));
		case 'scheduler_registered_event':
		case 'scheduler_reregistered_event':
		case 'scheduler_disconnected_event':
			return line('leader', eventText('evScheduler', {change: type.split('_')[1] ?? '', master: text(data.master)}));
		case 'framework_message_event':
			return line('other', eventText('evFrameworkMessage', {id: text(data.executorId)}));
		default:
			return line('other', eventText('evRaw', {type}));
	}
}

type Words = Pick<ClusterEvent, 'text' | 'message'>;

function healthKey(value: unknown): 'evHealthy' | 'evUnhealthy' | 'evHealthUnknown' {
	if (value === true) {
		return 'evHealthy';
	}
	return value === false ? 'evUnhealthy' : 'evHealthUnknown';
}

function deploymentLine(base: Omit<ClusterEvent, 'kind' | 'message' | 'text'>, type: string, data: JsonRecord): ClusterEvent {
	const plan = record(data.plan);
	const id = text(data.id) || text(plan.id);
	const step = record(data.currentStep);
	const actions = list(step.actions).map(item => `${text(firstOf(record(item), 'action', 'type'))} ${text(firstOf(record(item), 'app', 'pod'))}`).join(', ');
	const states: Record<string, string> = {
		deployment_info: 'running',
		deployment_step_success: 'stepDone',
		deployment_step_failure: 'stepFailed',
		deployment_success: 'succeeded',
		deployment_failed: 'failed',
	};
	const state = states[type] ?? 'failed';
	const reason = text(data.reason);
	const words = actions === ''
		? (reason === '' ? eventText('evDeployment', {id, state}) : eventText('evDeploymentWhy', {id, state, reason}))
		: (reason === '' ? eventText('evDeploymentActions', {id, state, actions}) : eventText('evDeploymentActionsWhy', {id, state, actions, reason}));
	const appIds = [...new Set([...list(step.actions).map(item => text(record(item).app)), ...list(plan.affectedApps).map(item => text(item))])].filter(id => id !== '');
	const [firstApp] = appIds;
	return {
		...base,
		kind: 'deployment',
		...(firstApp ? {appId: firstApp, appIds} : {}),
		...words,
	};
}
