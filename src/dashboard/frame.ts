import type {ClusterSnapshot, Task} from '../cluster/snapshot.js';
import type {Selection} from './keys.js';
import {helpLines} from './keys.js';
import {computeLayout, panelTitles, type Layout} from './layout.js';
import {currentView, describeAction, type PanelId, type UiState} from './ui-state.js';
import {allocationSeries, sparkline, type AllocationHistory, type AllocationSeries} from './view-models/allocation-history.js';
import type {ClusterEvent} from '../cluster/cluster-event.js';
import {eventWindow} from './view-models/event-log.js';
import {fit, formatAge, layoutColumns} from './view-models/format.js';
import {headerModel, staleNote} from './view-models/header.js';
import {panelTable} from './view-models/panel-content.js';
import {clusterAllocation, hostPorts} from './view-models/tables.js';
import {findTask} from './view-models/task-lookup.js';
import {cleanLine} from '../untrusted-text.js';

/** The tail of a task's sandbox files, read from its agent. */
export interface TaskOutput {
	taskId: string;
	stdout: string;
	stderr: string;
	error?: string;
}

export interface FrameInput {
	snapshot: ClusterSnapshot;
	ui: UiState;
	history: AllocationHistory;
	log: readonly ClusterEvent[];
	output?: TaskOutput;
	clusterName: string;
	width: number;
	height: number;
	color: boolean;
	now: number;
	controlUrl?: string;
	experiments?: readonly string[] | undefined;
}

export interface PanelFrame {
	title: string;
	/** Lines with blessed tags; cell text is escaped. */
	lines: string[];
}

/** The allocation panel as a line chart: the points, and the current values for its title. */
export interface AllocationChart {
	series?: AllocationSeries;
	cpu: number;
	mem: number;
	color: boolean;
	focused: boolean;
}

/** Everything the screen shows, as text: panels only copy it into widgets. */
export interface Frame {
	layout: Layout;
	header: string[];
	panels: Partial<Record<PanelId, PanelFrame>>;
	/** Present when the allocation panel is on screen; screens that can draw charts plot it. */
	allocation?: AllocationChart;
	detail?: PanelFrame;
	status: string;
	help?: string[];
	selection: Selection;
	visible: PanelId[];
}

/** Cell text for blessed: cleaned of terminal controls, with its braces kept from reading as tags. */
export function escapeTags(text: string): string {
	return cleanLine(text).replace(/[{}]/g, brace => (brace === '{' ? '{open}' : '{close}'));
}

export function buildFrame(input: FrameInput): Frame {
	const {snapshot, ui, width, height} = input;
	const view = currentView(ui);
	const layout = computeLayout(width, height, view, ui.focus);
	const paint = painter(input.color);
	const panels: Partial<Record<PanelId, PanelFrame>> = {};
	let allocation: AllocationChart | undefined;
	let selection: Selection = view.kind === 'app' ? {appId: view.appId} : {};
	for (const [panel, rect] of Object.entries(layout.panels) as [PanelId, NonNullable<Layout['panels'][PanelId]>][]) {
		const innerWidth = Math.max(1, rect.width - 2);
		const innerHeight = Math.max(1, rect.height - 2);
		const focused = panel === ui.focus;
		if (panel === 'events') {
			const chosen = Math.min(ui.selected.events ?? 0, Math.max(0, input.log.length - 1));
			const {start, lines} = eventWindow(input.log, innerHeight, chosen);
			const count = input.log.length > innerHeight ? ` ${chosen + 1}/${input.log.length}, newest first` : ` (${input.log.length})`;
			panels.events = {
				title: `${focused ? '▶ ' : ''}${panelTitles.events}${count}`,
				lines: lines.map((line, offset) => {
					const text = escapeTags(fit(line, innerWidth).trimEnd());
					return focused && start + offset === chosen ? `{inverse}${text}{/inverse}` : text;
				}),
			};
			continue;
		}
		if (panel === 'allocation') {
			const current = clusterAllocation(snapshot.agents);
			panels.allocation = {title: `${focused ? '▶ ' : ''}${panelTitles.allocation}`, lines: allocationLines(input, current, innerWidth)};
			// A braille cell holds two points across; the chart's axis labels take about six columns.
			allocation = {...current, series: allocationSeries(input.history, Math.max(2, (innerWidth - 6) * 2)), color: input.color, focused};
			continue;
		}
		const table = panelTable(panel, snapshot, view, ui.filter, input.now);
		if (!table) {
			continue;
		}
		const stale = staleNote(snapshot, table.source);
		const bodyRows = Math.max(0, innerHeight - 1 - (stale ? 1 : 0));
		const chosen = Math.min(ui.selected[panel] ?? 0, Math.max(0, table.count - 1));
		const start = Math.max(0, Math.min(chosen - Math.floor(bodyRows / 2), table.count - bodyRows));
		const windowRows: string[][] = [];
		for (let index = start; index < Math.min(table.count, start + bodyRows); index++) {
			windowRows.push(table.row(index));
		}
		// Column widths come from the visible rows only, so 20,000 tasks cost no more than 30.
		const [headerLine = '', ...rowLines] = layoutColumns(table.header, windowRows, innerWidth);
		const lines = [paint.bold(escapeTags(headerLine))];
		if (stale) {
			lines.unshift(paint.red(escapeTags(fit(stale, innerWidth).trimEnd())));
		}
		rowLines.forEach((line, offset) => {
			const text = paint.status(escapeTags(line));
			lines.push(focused && start + offset === chosen ? `{inverse}${text}{/inverse}` : text);
		});
		if (table.count === 0) {
			lines.push(ui.filter ? `(nothing matches "${escapeTags(ui.filter)}")` : '(none)');
		}
		const count = table.count > bodyRows ? ` (${table.count}, row ${chosen + 1})` : ` (${table.count})`;
		panels[panel] = {title: `${focused ? '▶ ' : ''}${panelTitles[panel]}${count}`, lines};
		if (focused) {
			const key = table.key(chosen);
			if (key && panel === 'apps') {
				selection = {appId: key};
			} else if (key && (panel === 'tasks' || panel === 'joined')) {
				const task = findTask(snapshot.tasks, key);
				selection = {taskId: key, appId: task?.appId};
			}
		}
	}
	let detail: PanelFrame | undefined;
	if (view.kind === 'task' && layout.detail) {
		const task = findTask(snapshot.tasks, view.taskId);
		detail = {title: `Task ${view.taskId}`, lines: taskDetailLines(task, view.taskId, input.output, input.now, layout.detail.height - 2).map(escapeTags)};
		selection = {taskId: view.taskId, appId: task?.appId};
	}
	return {
		layout,
		header: headerLines(input, paint),
		panels,
		...(allocation ? {allocation} : {}),
		detail,
		status: statusLine(input),
		help: ui.mode === 'help' ? helpLines({readonly: ui.readonly, demo: ui.demo, controlUrl: input.controlUrl}) : ui.mode === 'experiments' ? [...input.experiments ?? []] : undefined,
		selection,
		visible: layout.focusable,
	};
}

function headerLines(input: FrameInput, paint: Painter): string[] {
	const model = headerModel(input.snapshot, input.clusterName);
	const mark = model.simulated ? `${paint.yellowBlock(' ▓▓ SIMULATED CLUSTER ▓▓ ')}  ` : '';
	const view = currentView(input.ui);
	const where = view.kind === 'overview' ? 'overview' : view.kind === 'app' ? `app ${view.appId}` : `task ${view.taskId}`;
	return [
		`${mark}{bold}${escapeTags(model.title)}{/bold}  refreshed ${model.refreshedAt}  view: ${escapeTags(where)}`,
		escapeTags(model.leaders),
		model.warnings.length === 0 ? paint.green('all sources fresh') : paint.red(escapeTags(model.warnings.join(' | '))),
	];
}

function statusLine(input: FrameInput): string {
	const {ui} = input;
	if (ui.mode === 'filter') {
		return escapeTags(`filter: ${ui.input}_   (Enter keeps it, Esc clears it)`);
	}
	if (ui.mode === 'scale-input' && ui.pending) {
		return escapeTags(`scale ${ui.pending.target} to how many instances? ${ui.input}_   (Enter, Esc cancels)`);
	}
	if (ui.mode === 'confirm' && ui.pending) {
		return escapeTags(`${describeAction(ui.pending)}? [y/N]`);
	}
	const filter = ui.filter ? `filter "${ui.filter}" · ` : '';
	const base = `${filter}Tab focus · Enter drill · Esc back · / filter · ? help · q quit${input.ui.demo ? ' · e experiments' : ''}`;
	return escapeTags(ui.message ? `${ui.message} · ${base}` : base);
}

function allocationLines(input: FrameInput, now: {cpu: number; mem: number}, width: number): string[] {
	const labelWidth = 9;
	const lineWidth = Math.max(1, width - labelWidth);
	const ascii = !input.color;
	return [
		`CPU ${String(now.cpu).padStart(3)}% ${sparkline(input.history.cpu, lineWidth, ascii)}`,
		`MEM ${String(now.mem).padStart(3)}% ${sparkline(input.history.mem, lineWidth, ascii)}`,
	];
}

export function taskDetailLines(task: Task | undefined, taskId: string, output: TaskOutput | undefined, now: number, height: number): string[] {
	const lines: string[] = [];
	if (!task) {
		lines.push(`task ${taskId} is no longer in the cluster`);
	} else {
		lines.push(
			`app      ${task.appId ?? '-'}`,
			`state    ${task.state}    health ${task.health}    age ${formatAge(task.startedAt, now)}`,
			`where    ${hostPorts(task)}  (agent ${task.agentId})`,
			`sandbox  ${task.sandbox ? `${task.sandbox.agentEndpoint}${task.sandbox.directory}` : '-'}`,
		);
	}
	const room = Math.max(2, Math.floor((height - lines.length - 4) / 2));
	const tail = (text: string) => text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1).slice(-room);
	if (!output || output.taskId !== taskId) {
		lines.push('', 'reading stdout/stderr from the agent…');
	} else if (output.error) {
		lines.push('', `cannot read the sandbox: ${output.error}`);
	} else {
		lines.push('', '── stdout (tail) ──', ...tail(output.stdout), '── stderr (tail) ──', ...tail(output.stderr));
	}
	lines.push('', 'Esc back · x kill this task');
	return lines;
}

interface Painter {
	bold(text: string): string;
	red(text: string): string;
	green(text: string): string;
	yellowBlock(text: string): string;
	status(line: string): string;
}

function painter(color: boolean): Painter {
	if (!color) {
		return {bold: text => `{bold}${text}{/bold}`, red: text => text, green: text => text, yellowBlock: text => `{bold}${text}{/bold}`, status: line => line};
	}
	return {
		bold: text => `{bold}${text}{/bold}`,
		red: text => `{red-fg}${text}{/red-fg}`,
		green: text => `{green-fg}${text}{/green-fg}`,
		yellowBlock: text => `{black-fg}{yellow-bg}{bold}${text}{/bold}{/yellow-bg}{/black-fg}`,
		status: line => line.replace(/\b(DOWN|unhealthy|FAILED|LOST|KILLED|unreachable|inactive)\b/g, '{red-fg}$1{/red-fg}').replace(/\b(UP|healthy|RUNNING)\b/g, '{green-fg}$1{/green-fg}'),
	};
}
