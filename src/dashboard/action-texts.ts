import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';
import type {Notice, PendingAction} from './ui-state.js';

/** What a pending action will do, as the confirmation asks it. */
export function describeAction(action: PendingAction, language: Language): string {
	const target = action.target;
	switch (action.kind) {
		case 'scale':
			return t(language, 'dashActionScale', {target, instances: action.instances ?? '?'});
		case 'restart':
			return t(language, 'dashActionRestart', {target});
		case 'kill':
			return t(language, 'dashActionKill', {target});
		case 'rollback':
			return t(language, 'dashActionRollback', {target});
		case 'sim-kill':
			return t(language, 'dashActionSimKill', {target});
	}
}

export function noticeText(notice: Notice, language: Language): string {
	switch (notice.kind) {
		case 'readonly':
			return t(language, 'dashNoticeReadonly');
		case 'select-first':
			return t(language, notice.what === 'task' ? 'dashNoticeSelectTask' : 'dashNoticeSelectApp');
		case 'cancelled':
			return t(language, 'dashNoticeCancelled');
		case 'working':
		case 'done':
			return t(language, notice.kind === 'working' ? 'dashNoticeWorking' : 'dashNoticeDone', {action: t(language, 'dashActionName', {kind: notice.action}), target: notice.target});
		case 'failed':
			return t(language, 'dashNoticeFailed', {action: t(language, 'dashActionName', {kind: notice.action}), error: notice.error});
	}
}
