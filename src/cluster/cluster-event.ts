import type {Language} from '../i18n/language.js';
import {t, type ParamsArgument} from '../i18n/messages.js';
import type {eventTexts} from '../i18n/texts/events.js';

export type EventKey = keyof typeof eventTexts;

/** An event's words as a catalog message and its parameters, so each reader sees them in their own language. */
export interface EventText {
	key: EventKey;
	params: Record<string, string | number>;
}

/**
 * The text of an event: the catalog reference the dashboard shows in the user's language, and
 * the English line, which logs, tests and the conformance tool read.
 */
export function eventText<Key extends EventKey>(key: Key, ...params: ParamsArgument<Key>): {text: EventText; message: string} {
	return {text: {key, params: params[0] ?? {}}, message: t('en', key, ...params)};
}

/** An event's line in `language`. */
export function eventMessage(event: Pick<ClusterEvent, 'text' | 'message'>, language: Language): string {
	return language === 'en' ? event.message : formatEventText(language, event.text.key, event.text.params);
}

// The key and its parameters were checked together when eventText made them; t's overloads cannot
// see that through the union of keys, so this one call takes them untyped.
const formatEventText = t as (language: Language, key: EventKey, params: EventText['params']) => string;

/** One line of the dashboard's event log, from an event stream or derived by comparing snapshots. */
export interface ClusterEvent {
	at: string;
	origin: 'marathon' | 'mesos' | 'derived';
	kind: ClusterEventKind;
	/** The upstream event name, such as `status_update_event`, or the derived rule's name. */
	type: string;
	/** The line in the reader's language (see eventMessage). */
	text: EventText;
	/** The line in English. */
	message: string;
	appId?: string;
	/** Every app the event concerns, when more than one can be named (a deployment's steps). */
	appIds?: string[];
	taskId?: string;
	host?: string;
}

export type ClusterEventKind =
	| 'task'
	| 'health'
	| 'deployment'
	| 'app'
	| 'stream'
	| 'backend'
	| 'leader'
	| 'agent'
	| 'other';
