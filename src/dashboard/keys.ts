import type {ActionKind, Intent, Mode} from './ui-state.js';

/** The key as blessed reports it: a name such as "tab" or "enter", and the typed character. */
export interface KeyPress {
	name?: string;
	ch?: string;
	shift?: boolean;
	ctrl?: boolean;
}

/** The selection, so action keys know what they act on. */
export interface Selection {
	appId?: string;
	taskId?: string;
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

export function helpLines(options: {readonly: boolean; demo: boolean; controlUrl?: string}): string[] {
	const lines = [
		'Tab / → / ←   move focus between panels',
		'↑ / ↓         move the selection',
		'Enter         drill down: app → its tasks → a task (with stdout/stderr)',
		'Esc           back (or clear the filter)',
		'/             filter the rows of every table',
		'?             this help',
		'q             quit',
	];
	if (options.readonly) {
		lines.push('(read-only: actions are off)');
	} else {
		lines.push('s             scale the selected app (asks how many, then confirms)', 'r             restart the selected app', 'x             kill the selected task', 'b             roll the selected app back to its previous version');
	}
	if (options.demo) {
		lines.push('', 'SIMULATION', 'k             kill the selected task through the simulation (a replacement starts)', 'e             the experiments to run against this cluster from a second terminal');
		if (options.controlUrl) {
			lines.push(`control       ${options.controlUrl}`);
		}
	}
	return lines;
}
