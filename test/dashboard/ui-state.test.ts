import {describe, expect, it} from 'vitest';
import {keyToIntent, type KeyPress, type Selection} from '../../src/dashboard/keys.js';
import {currentView, initialUiState, reduce, type UiState} from '../../src/dashboard/ui-state.js';

function press(state: UiState, keys: KeyPress[], selection: Selection = {}): UiState {
	return keys.reduce((current, key) => {
		const intent = keyToIntent(key, current.mode, selection);
		return intent ? reduce(current, intent) : current;
	}, state);
}

const tab = {name: 'tab'};
const enter = {name: 'enter'};
const escape = {name: 'escape'};
const typed = (text: string) => [...text].map(ch => ({ch, name: ch}));

describe('moving around with keys', () => {
	it('Tab walks the panels and Shift-Tab walks back', () => {
		const start = initialUiState({readonly: false, demo: false});
		expect(press(start, [tab]).focus).toBe('tasks');
		expect(press(start, [tab, tab, {name: 'tab', shift: true}]).focus).toBe('tasks');
		expect(press(start, [{name: 'left'}]).focus).toBe('events');
	});

	it('Tab skips panels that are not on screen', () => {
		const start = initialUiState({readonly: false, demo: false});
		expect(reduce(start, {type: 'focus-next'}, ['apps', 'events']).focus).toBe('events');
	});

	it('arrows move the selection and never above the first row', () => {
		const start = initialUiState({readonly: false, demo: false});
		expect(press(start, [{name: 'down'}, {name: 'down'}, {name: 'up'}]).selected.apps).toBe(1);
		expect(press(start, [{name: 'up'}]).selected.apps).toBe(0);
	});

	it('Enter on an app shows its tasks, Enter on a task shows its detail, Esc walks back', () => {
		const start = initialUiState({readonly: false, demo: false});
		const inApp = press(start, [enter], {appId: '/web'});
		expect(currentView(inApp)).toEqual({kind: 'app', appId: '/web'});
		expect(inApp.focus).toBe('tasks');
		const inTask = press(inApp, [enter], {appId: '/web', taskId: 'web.a'});
		expect(currentView(inTask)).toEqual({kind: 'task', taskId: 'web.a'});
		expect(currentView(press(inTask, [escape, escape]))).toEqual({kind: 'overview'});
	});

	it('/ filters as the user types; Esc clears it', () => {
		const start = initialUiState({readonly: false, demo: false});
		const filtering = press(start, [{ch: '/'}, ...typed('web')]);
		expect(filtering.filter).toBe('web');
		expect(press(filtering, [enter]).filter).toBe('web');
		expect(press(filtering, [{name: 'backspace'}]).filter).toBe('we');
		expect(press(filtering, [escape]).filter).toBe('');
	});

	it('? opens help, and q quits from anywhere', () => {
		const start = initialUiState({readonly: false, demo: false});
		expect(press(start, [{ch: '?'}]).mode).toBe('help');
		expect(press(start, [{ch: '?'}, escape]).mode).toBe('normal');
		expect(press(start, [{ch: 'q'}]).quit).toBe(true);
	});
});

describe('actions need a confirmation', () => {
	it('scaling asks for a count, then confirms', () => {
		const start = initialUiState({readonly: false, demo: false});
		const asked = press(start, [{ch: 's'}, ...typed('3x')], {appId: '/web'});
		expect(asked.mode).toBe('scale-input');
		expect(asked.input).toBe('3');
		const confirming = press(asked, [enter]);
		expect(confirming.mode).toBe('confirm');
		expect(confirming.pending).toEqual({kind: 'scale', target: '/web', instances: 3});
		expect(press(confirming, [{ch: 'y'}]).pending).toEqual({kind: 'scale', target: '/web', instances: 3});
		expect(press(confirming, [{ch: 'n'}]).pending).toBeUndefined();
	});

	it('killing a task names the selected task', () => {
		const start = initialUiState({readonly: false, demo: false});
		expect(press(start, [{ch: 'x'}], {taskId: 'web.a'}).pending).toEqual({kind: 'kill', target: 'web.a'});
		expect(press(start, [{ch: 'x'}]).notice).toEqual({kind: 'select-first', what: 'task'});
	});

	it('--readonly turns every action off', () => {
		const start = initialUiState({readonly: true, demo: false});
		for (const ch of ['s', 'r', 'x', 'b']) {
			const after = press(start, [{ch}], {appId: '/web', taskId: 'web.a'});
			expect(after.mode).toBe('normal');
			expect(after.notice).toEqual({kind: 'readonly'});
		}
	});

	it('k kills through the simulation only in the demo', () => {
		expect(press(initialUiState({readonly: true, demo: true}), [{ch: 'k'}], {taskId: 'web.a'}).pending).toEqual({kind: 'sim-kill', target: 'web.a'});
		expect(press(initialUiState({readonly: false, demo: false}), [{ch: 'k'}], {taskId: 'web.a'}).mode).toBe('normal');
	});
});
