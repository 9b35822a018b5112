import type {ClusterEvent} from '../cluster/cluster-event.js';
import type {ClusterSnapshot, Task} from '../cluster/snapshot.js';
import {buildFrame, type TaskOutput} from './frame.js';
import {keyToIntent, type Selection} from './keys.js';
import type {DashboardScreen} from './screen.js';
import {currentView, initialUiState, reduce, type PanelId, type PendingAction, type UiState} from './ui-state.js';
import {emptyHistory, recordAllocation, type AllocationHistory} from './view-models/allocation-history.js';
import {appendEvents} from './view-models/event-log.js';
import {reconcileSnapshot} from './view-models/snapshot-change.js';
import {findTask} from './view-models/task-lookup.js';
import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';

/** Cluster changes the dashboard can ask for; each one answers when the cluster accepted it. */
export interface DashboardActions {
	scale(appId: string, instances: number): Promise<void>;
	restart(appId: string): Promise<void>;
	killTask(task: Task): Promise<void>;
	rollback(appId: string): Promise<void>;
}

/** Where the dashboard's data comes from and where its actions go. */
export interface DashboardPorts {
	/** Calls back with each new snapshot and the events seen since the last one; returns a stop function. */
	subscribe(listener: (snapshot: ClusterSnapshot, events: readonly ClusterEvent[]) => void): () => void;
	actions: DashboardActions;
	readTaskOutput(task: Task): Promise<{stdout: string; stderr: string}>;
	/** Only in the demo: kills a task through the simulation's control surface. */
	simKill?(taskId: string): Promise<void>;
}

export interface DashboardOptions {
	clusterName: string;
	/** English when not given, as in benchmarks; the commands always pass the user's language. */
	language?: Language;
	color: boolean;
	readonly: boolean;
	demo: boolean;
	controlUrl?: string;
	/** Demo only: what the `e` key shows, the commands that run the experiments against this cluster. */
	experiments?: readonly string[];
	now?: () => number;
	/** Time between redraws with no news, so ages and the clock move on an idle cluster. */
	idleRedrawMs?: number;
}

const historyLength = 240;
const logLength = 500;

/** Runs the dashboard on a screen until the user quits. */
export function runDashboard(screen: DashboardScreen, ports: DashboardPorts, options: DashboardOptions): Promise<void> {
	const now = options.now ?? Date.now;
	let ui: UiState = initialUiState({readonly: options.readonly, demo: options.demo});
	let snapshot: ClusterSnapshot | undefined;
	let history: AllocationHistory = emptyHistory;
	let log: readonly ClusterEvent[] = [];
	let output: TaskOutput | undefined;
	let visible: PanelId[] = [];
	let selection: Selection = {};

	const draw = () => {
		if (!snapshot) {
			return;
		}
		const {width, height} = screen.size();
		const frame = buildFrame({snapshot, ui, history, log, output, clusterName: options.clusterName, language: options.language, width, height, color: options.color, now: now(), controlUrl: options.controlUrl, experiments: options.experiments});
		visible = frame.visible;
		selection = frame.selection;
		screen.show(frame);
	};

	const loadOutput = (taskId: string) => {
		const task = snapshot ? findTask(snapshot.tasks, taskId) : undefined;
		if (!task) {
			return;
		}
		ports.readTaskOutput(task).then(
			files => {
				output = {taskId, ...files};
				draw();
			},
			(error: unknown) => {
				output = {taskId, stdout: '', stderr: '', error: error instanceof Error ? error.message : String(error)};
				draw();
			},
		);
	};

	const perform = (action: PendingAction) => {
		const task = snapshot ? findTask(snapshot.tasks, action.target) : undefined;
		const run = (): Promise<void> => {
			switch (action.kind) {
				case 'scale':
					return ports.actions.scale(action.target, action.instances ?? 0);
				case 'restart':
					return ports.actions.restart(action.target);
				case 'rollback':
					return ports.actions.rollback(action.target);
				case 'kill':
					return task ? ports.actions.killTask(task) : Promise.reject(new Error(t(options.language ?? 'en', 'dashTaskGone')));
				case 'sim-kill':
					return ports.simKill ? ports.simKill(action.target) : Promise.reject(new Error(t(options.language ?? 'en', 'dashNotSimulation')));
			}
		};
		run().then(
			() => {
				ui = reduce(ui, {type: 'notice', notice: {kind: 'done', action: action.kind, target: action.target}});
				draw();
			},
			(error: unknown) => {
				ui = reduce(ui, {type: 'notice', notice: {kind: 'failed', action: action.kind, error: error instanceof Error ? error.message : String(error)}});
				draw();
			},
		);
	};

	return new Promise(resolve => {
		const stop = ports.subscribe((next, events) => {
			log = appendEvents(log, events, logLength);
			history = recordAllocation(history, next, historyLength);
			const change = reconcileSnapshot(snapshot, next);
			snapshot = change.snapshot;
			if (change.changed || events.length > 0) {
				draw();
			}
		});
		screen.onResize(draw);
		const idleRedraw = setInterval(draw, options.idleRedrawMs ?? 5_000);
		idleRedraw.unref();
		screen.onKey(key => {
			const intent = keyToIntent(key, ui.mode, selection);
			if (!intent) {
				return;
			}
			const before = ui;
			ui = reduce(ui, intent, visible);
			if (ui.quit) {
				clearInterval(idleRedraw);
				stop();
				screen.destroy();
				resolve();
				return;
			}
			if (intent.type === 'confirm' && intent.yes && before.pending) {
				perform(before.pending);
				// The prompt closed; the pending action has been handed over.
				ui = {...ui, pending: undefined, notice: {kind: 'working', action: before.pending.kind, target: before.pending.target}};
			}
			const view = currentView(ui);
			if (view.kind === 'task' && currentView(before) !== view) {
				loadOutput(view.taskId);
			}
			draw();
		});
	});
}
