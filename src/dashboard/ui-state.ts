/** Everything the dashboard remembers between keys, and the pure reducer that changes it. */

export type PanelId = 'leaders' | 'agents' | 'apps' | 'tasks' | 'backends' | 'joined' | 'events' | 'allocation';

export type View = {kind: 'overview'} | {kind: 'app'; appId: string} | {kind: 'task'; taskId: string};

export type ActionKind = 'scale' | 'restart' | 'kill' | 'rollback' | 'sim-kill';

export interface PendingAction {
	kind: ActionKind;
	/** App id for scale, restart and rollback; task id for kill and sim-kill. */
	target: string;
	instances?: number;
}

/** A line the status bar shows after something happened; words come from the catalog when drawn. */
export type Notice =
	| {kind: 'readonly'}
	| {kind: 'select-first'; what: 'task' | 'app'}
	| {kind: 'cancelled'}
	| {kind: 'working' | 'done'; action: ActionKind; target: string}
	| {kind: 'failed'; action: ActionKind; error: string};

/** `experiments` (demo only) lists the commands to run against the cluster from a second terminal. */
export type Mode = 'normal' | 'filter' | 'help' | 'experiments' | 'confirm' | 'scale-input';

export interface UiState {
	focus: PanelId;
	selected: Partial<Record<PanelId, number>>;
	stack: View[];
	filter: string;
	/** What the user is typing into the prompt line (filter text or an instance count). */
	input: string;
	mode: Mode;
	pending?: PendingAction | undefined;
	readonly: boolean;
	demo: boolean;
	notice?: Notice | undefined;
	quit: boolean;
}

export type Intent =
	| {type: 'focus-next'}
	| {type: 'focus-previous'}
	| {type: 'move'; by: number}
	| {type: 'drill'; target: {appId?: string | undefined; taskId?: string | undefined}}
	| {type: 'back'}
	| {type: 'start-filter'}
	| {type: 'type'; text: string}
	| {type: 'erase'}
	| {type: 'submit'}
	| {type: 'toggle-help'}
	| {type: 'toggle-experiments'}
	| {type: 'quit'}
	| {type: 'action'; kind: ActionKind; target: string | undefined}
	| {type: 'confirm'; yes: boolean}
	| {type: 'notice'; notice: Notice};

// The allocation chart takes focus too, so a small terminal, which shows one panel at a time, can show it.
export const focusOrder: PanelId[] = ['apps', 'tasks', 'joined', 'backends', 'agents', 'leaders', 'allocation', 'events'];

export function initialUiState(options: {readonly: boolean; demo: boolean}): UiState {
	return {focus: 'apps', selected: {}, stack: [{kind: 'overview'}], filter: '', input: '', mode: 'normal', readonly: options.readonly, demo: options.demo, quit: false};
}

export function currentView(state: UiState): View {
	return state.stack.at(-1) ?? {kind: 'overview'};
}

/** Focus order of the panels actually on screen, so Tab never lands on a hidden panel. */
export function reduce(state: UiState, intent: Intent, visible: readonly PanelId[] = focusOrder): UiState {
	if (intent.type === 'quit') {
		return {...state, quit: true};
	}
	switch (state.mode) {
		case 'help':
			return intent.type === 'toggle-help' || intent.type === 'back' ? {...state, mode: 'normal'} : state;
		case 'experiments':
			return intent.type === 'toggle-experiments' || intent.type === 'back' ? {...state, mode: 'normal'} : state;
		case 'confirm':
			return reduceConfirm(state, intent);
		case 'filter':
		case 'scale-input':
			return reduceInput(state, intent);
		case 'normal':
			return reduceNormal(state, intent, visible.length > 0 ? visible : focusOrder);
	}
}

function reduceNormal(state: UiState, intent: Intent, visible: readonly PanelId[]): UiState {
	switch (intent.type) {
		case 'focus-next':
		case 'focus-previous': {
			const order = focusOrder.filter(panel => visible.includes(panel));
			const at = order.indexOf(state.focus);
			const step = intent.type === 'focus-next' ? 1 : -1;
			const next = order[(at + step + order.length) % order.length] ?? state.focus;
			return {...state, focus: next, notice: undefined};
		}
		case 'move': {
			const now = state.selected[state.focus] ?? 0;
			return {...state, selected: {...state.selected, [state.focus]: Math.max(0, now + intent.by)}};
		}
		case 'drill': {
			const view = currentView(state);
			if (intent.target.taskId && (state.focus === 'tasks' || state.focus === 'joined')) {
				return {...state, stack: [...state.stack, {kind: 'task', taskId: intent.target.taskId}], notice: undefined};
			}
			if (intent.target.appId && state.focus === 'apps' && view.kind === 'overview') {
				return {...state, stack: [...state.stack, {kind: 'app', appId: intent.target.appId}], focus: 'tasks', selected: {...state.selected, tasks: 0}, notice: undefined};
			}
			return state;
		}
		case 'back':
			return state.stack.length > 1 ? {...state, stack: state.stack.slice(0, -1), notice: undefined} : {...state, filter: '', notice: undefined};
		case 'start-filter':
			return {...state, mode: 'filter', input: state.filter};
		case 'toggle-help':
			return {...state, mode: 'help'};
		case 'toggle-experiments':
			return state.demo ? {...state, mode: 'experiments'} : state;
		case 'action':
			return startAction(state, intent.kind, intent.target);
		case 'notice':
			return {...state, notice: intent.notice};
		case 'type':
		case 'erase':
		case 'submit':
		case 'confirm':
		case 'quit':
			return state;
	}
}

function startAction(state: UiState, kind: ActionKind, target: string | undefined): UiState {
	if (kind === 'sim-kill' && !state.demo) {
		return state;
	}
	if (kind !== 'sim-kill' && state.readonly) {
		return {...state, notice: {kind: 'readonly'}};
	}
	if (!target) {
		return {...state, notice: {kind: 'select-first', what: kind === 'kill' || kind === 'sim-kill' ? 'task' : 'app'}};
	}
	if (kind === 'scale') {
		return {...state, mode: 'scale-input', input: '', pending: {kind, target}};
	}
	return {...state, mode: 'confirm', pending: {kind, target}};
}

function reduceInput(state: UiState, intent: Intent): UiState {
	switch (intent.type) {
		case 'type':
			if (state.mode === 'scale-input' && !/^\d+$/.test(intent.text)) {
				return state;
			}
			return withInput(state, state.input + intent.text);
		case 'erase':
			return withInput(state, state.input.slice(0, -1));
		case 'back':
			return state.mode === 'filter' ? {...state, mode: 'normal', input: '', filter: ''} : {...state, mode: 'normal', input: '', pending: undefined};
		case 'submit':
			if (state.mode === 'filter') {
				return {...state, mode: 'normal', input: ''};
			}
			if (!state.pending || state.input === '') {
				return {...state, mode: 'normal', input: '', pending: undefined};
			}
			return {...state, mode: 'confirm', input: '', pending: {...state.pending, instances: Number(state.input)}};
		default:
			return state;
	}
}

/** The filter applies while it is typed, so the table narrows with each key. */
function withInput(state: UiState, input: string): UiState {
	return state.mode === 'filter' ? {...state, input, filter: input, selected: {...state.selected, [state.focus]: 0}} : {...state, input};
}

function reduceConfirm(state: UiState, intent: Intent): UiState {
	if (intent.type === 'confirm') {
		// The caller runs the pending action when it sees a 'yes'; the state only closes the prompt.
		return {...state, mode: 'normal', pending: intent.yes ? state.pending : undefined, notice: intent.yes ? undefined : {kind: 'cancelled'}};
	}
	if (intent.type === 'back') {
		return {...state, mode: 'normal', pending: undefined, notice: {kind: 'cancelled'}};
	}
	return state;
}
