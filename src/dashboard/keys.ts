import {padToWidth} from '../i18n/display-width.js';
import type {Language} from '../i18n/language.js';
import {t, type MessageKey} from '../i18n/messages.js';
import type {ActionKind, Intent, Mode} from './ui-state.js';

/** The key as blessed reports it: a name such as "tab" or "enter", and the typed character. */
export interface KeyPress {
	name?: string | undefined;
	ch?: string | undefined;
	shift?: boolean | undefined;
	ctrl?: boolean | undefined;
}

/** The selection, so action keys know what they act on. */
export interface Selection {
	appId?: string | undefined;
	taskId?: string | undefined;
}

const actionKeys: Record<string, ActionKind> = {s: 'scale', r: 'restart', x: 'kill', b: 'rollback', k: 'sim-kill'};

export function keyToIntent(key: KeyPress, mode: Mode, selection: Selection): Intent | undefined {
	if (key.ctrl && key.name === 'c') {
		return {type: 'quit'};
	}
	if (mode === 'filter' || mode === 'scale-input') {
		if (key.name === 'enter') {
			return {type: 'submit'};
		}
		if (key.name === 'escape') {
			return {type: 'back'};
		}
		if (key.name === 'backspace') {
			return {type: 'erase'};
		}
		return key.ch && key.ch >= ' ' ? {type: 'type', text: key.ch} : undefined;
	}
	if (mode === 'confirm') {
		if (key.ch === 'y' || key.ch === 'Y') {
			return {type: 'confirm', yes: true};
		}
		if (key.ch === 'n' || key.ch === 'N' || key.name === 'escape') {
			return {type: 'confirm', yes: false};
		}
		return undefined;
	}
	switch (key.name) {
		case 'tab':
			return key.shift ? {type: 'focus-previous'} : {type: 'focus-next'};
		case 'right':
			return {type: 'focus-next'};
		case 'left':
			return {type: 'focus-previous'};
		case 'up':
			return {type: 'move', by: -1};
		case 'down':
			return {type: 'move', by: 1};
		case 'pageup':
			return {type: 'move', by: -10};
		case 'pagedown':
			return {type: 'move', by: 10};
		case 'enter':
			return {type: 'drill', target: selection};
		case 'escape':
			return {type: 'back'};
	}
	switch (key.ch) {
		case 'q':
			return {type: 'quit'};
		case '/':
			return {type: 'start-filter'};
		case '?':
			return {type: 'toggle-help'};
		case 'e':
			return {type: 'toggle-experiments'};
	}
	const action = key.ch ? actionKeys[key.ch] : undefined;
	if (action) {
		const target = action === 'kill' || action === 'sim-kill' ? selection.taskId : selection.appId;
		return {type: 'action', kind: action, target};
	}
	return undefined;
}

/** One help row: the key, then what it does, the descriptions lined up by display width. */
function helpRow(key: string, text: string): string {
	return `${padToWidth(key, 14)}${text}`;
}

export function helpLines(options: {readonly: boolean; demo: boolean; controlUrl?: string | undefined; language: Language}): string[] {
	const say = (key: MessageKey & `dashHelp${string}`) => t(options.language, key);
	const lines = [
		helpRow('Tab / → / ←', say('dashHelpFocus')),
		helpRow('↑ / ↓', say('dashHelpMove')),
		helpRow('Enter', say('dashHelpDrill')),
		helpRow('Esc', say('dashHelpBack')),
		helpRow('/', say('dashHelpFilter')),
		helpRow('?', say('dashHelpHelp')),
		helpRow('q', say('dashHelpQuit')),
	];
	if (options.readonly) {
		lines.push(say('dashHelpReadonly'));
	} else {
		lines.push(helpRow('s', say('dashHelpScale')), helpRow('r', say('dashHelpRestart')), helpRow('x', say('dashHelpKill')), helpRow('b', say('dashHelpRollback')));
	}
	if (options.demo) {
		lines.push('', say('dashHelpSimulation'), helpRow('k', say('dashHelpSimKill')), helpRow('e', say('dashHelpExperiments')));
		if (options.controlUrl) {
			lines.push(helpRow(say('dashHelpControl'), options.controlUrl));
		}
	}
	return lines;
}
