import type {ClusterSnapshot, Task} from '../cluster/snapshot.js';
import type {Selection} from './keys.js';
import {helpLines} from './keys.js';
import {computeLayout, panelTitle, type Layout} from './layout.js';
import {currentView, type PanelId, type UiState} from './ui-state.js';
import {describeAction, noticeText} from './action-texts.js';
import {displayWidth, padToWidth} from '../i18n/display-width.js';
import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';
import {allocationSeries, sparkline, type AllocationHistory, type AllocationSeries} from './view-models/allocation-history.js';
import type {ClusterEvent} from '../cluster/cluster-event.js';
import {eventWindow} from './view-models/event-log.js';
import {fit, formatAge, layoutColumns} from './view-models/format.js';
import {headerModel, staleNote} from './view-models/header.js';
import {panelTable} from './view-models/panel-content.js';
import {clusterAllocation, healthWord, hostPorts} from './view-models/tables.js';
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
	output?: TaskOutput | undefined;
	clusterName: string;
	width: number;
	height: number;
	color: boolean;
	now: number;
	controlUrl?: string | undefined;
	experiments?: readonly string[] | undefined;
	/** English when not given, as in benchmarks; the commands always pass the user's language. */
	language?: Language | undefined;
}

export interface PanelFrame {
	title: string;
	/** Lines with blessed tags; cell text is escaped. */
	lines: string[];
}

/** The allocation panel as a line chart: the points, and the current values for its title. */
export interface AllocationChart {
	series?: AllocationSeries | undefined;
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
	allocation?: AllocationChart | undefined;
	detail?: PanelFrame | undefined;
	status: string;
	help?: string[] | undefined;
	/** The overlay's border title: the help, or the experiments. */
	helpTitle?: string | undefined;
	selection: Selection;
	visible: PanelId[];
}

/** Cell text for blessed: cleaned of terminal controls, with its braces kept from reading as tags. */
export function escapeTags(text: string): string {
	return cleanLine(text).replace(/[{}]/g, brace => (brace === '{' ? '{open}' : '{close}'));
}

export function buildFrame(input: FrameInput): Frame {
	const {snapshot, ui, width, height} = input;
	const language = input.language ?? 'en';
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
			const {start, lines} = eventWindow(input.log, innerHeight, chosen, language);
			const title = panelTitle('events', language);
			const counted = input.log.length > innerHeight ? t(language, 'dashEventsAt', {title, row: chosen + 1, count: input.log.length}) : t(language, 'dashTitleCount', {title, count: input.log.length});
			panels.events = {
				title: panelLabel(focused, counted, rect.width),
				lines: lines.map((line, offset) => {
					const text = escapeTags(fit(line, innerWidth).trimEnd());
					return focused && start + offset === chosen ? `{inverse}${text}{/inverse}` : text;
				}),
			};
			continue;
		}
		if (panel === 'allocation') {
			const current = clusterAllocation(snapshot.agents);
			panels.allocation = {title: panelLabel(focused, panelTitle('allocation', language), rect.width), lines: allocationLines(input, language, current, innerWidth)};
			// A braille cell holds two points across; the chart's axis labels take about six columns.
			allocation = {...current, series: allocationSeries(input.history, Math.max(2, (innerWidth - 6) * 2)), color: input.color, focused};
			continue;
		}
		const table = panelTable(panel, snapshot, view, ui.filter, input.now, language);
		if (!table) {
			continue;
		}
		const stale = staleNote(snapshot, table.source, language);
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
			lines.push(escapeTags(fit(ui.filter ? t(language, 'dashNoMatch', {filter: ui.filter}) : t(language, 'dashNone'), innerWidth).trimEnd()));
		}
		const title = panelTitle(panel, language);
		const counted = table.count > bodyRows ? t(language, 'dashTitleCountAt', {title, count: table.count, row: chosen + 1}) : t(language, 'dashTitleCount', {title, count: table.count});
		panels[panel] = {title: panelLabel(focused, counted, rect.width), lines};
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
		const innerWidth = Math.max(1, layout.detail.width - 2);
		detail = {
			title: escapeTags(fit(t(language, 'dashTaskTitle', {id: view.taskId}), Math.max(1, layout.detail.width - 4)).trimEnd()),
			lines: taskDetailLines(task, view.taskId, input.output, input.now, layout.detail.height - 2, language).map(line => escapeTags(fit(line, innerWidth).trimEnd())),
		};
		selection = {taskId: view.taskId, appId: task?.appId};
	}
	return {
		layout,
		header: headerLines(input, language, paint),
		panels,
		...(allocation ? {allocation} : {}),
		detail,
		status: statusLine(input, language),
		help: ui.mode === 'help' ? helpLines({readonly: ui.readonly, demo: ui.demo, controlUrl: input.controlUrl, language}) : ui.mode === 'experiments' ? [...input.experiments ?? []] : undefined,
		...(ui.mode === 'help' || ui.mode === 'experiments' ? {helpTitle: t(language, ui.mode === 'help' ? 'dashHelpTitle' : 'dashExperimentsTitle')} : {}),
		selection,
		visible: layout.focusable,
	};
}

/**
 * A panel's border label: the title, marked when focused, cut to fit between the corners so the
 * border never spills onto a second row.
 */
function panelLabel(focused: boolean, title: string, boxWidth: number): string {
	return fit(`${focused ? '▶ ' : ''}${title}`, Math.max(1, boxWidth - 4)).trimEnd();
}

function headerLines(input: FrameInput, language: Language, paint: Painter): string[] {
	const {width} = input;
	const model = headerModel(input.snapshot, input.clusterName, language);
	const markText = model.simulated ? ` ${t(language, 'dashSimulatedMark')} ` : '';
	const mark = markText === '' ? '' : `${paint.yellowBlock(markText)}  `;
	const view = currentView(input.ui);
	const where = view.kind === 'overview' ? t(language, 'dashViewOverview') : view.kind === 'app' ? t(language, 'dashViewApp', {id: view.appId}) : t(language, 'dashViewTask', {id: view.taskId});
	// Each header row is cut to the screen width: a row that wrapped would push the next off the header.
	const titleRoom = Math.max(1, width - (markText === '' ? 0 : displayWidth(markText) + 2));
	const title = fit(model.title, Math.min(displayWidth(model.title), titleRoom)).trimEnd();
	const rest = fit(`  ${t(language, 'dashRefreshedView', {time: model.refreshedAt, view: where})}`, Math.max(0, titleRoom - displayWidth(title))).trimEnd();
	const warnings = model.warnings.length === 0 ? t(language, 'dashAllFresh') : model.warnings.join(' | ');
	return [
		`${mark}{bold}${escapeTags(title)}{/bold}${escapeTags(rest)}`,
		escapeTags(fit(model.leaders, width).trimEnd()),
		model.warnings.length === 0 ? paint.green(escapeTags(fit(warnings, width).trimEnd())) : paint.red(escapeTags(fit(warnings, width).trimEnd())),
	];
}

function statusLine(input: FrameInput, language: Language): string {
	const {ui} = input;
	const line = (text: string) => escapeTags(fit(text, input.width).trimEnd());
	if (ui.mode === 'filter') {
		return line(t(language, 'dashFilterPrompt', {input: ui.input}));
	}
	if (ui.mode === 'scale-input' && ui.pending) {
		return line(t(language, 'dashScalePrompt', {target: ui.pending.target, input: ui.input}));
	}
	if (ui.mode === 'confirm' && ui.pending) {
		return line(t(language, 'dashConfirm', {action: describeAction(ui.pending, language)}));
	}
	const parts = [
		...(ui.notice ? [noticeText(ui.notice, language)] : []),
		...(ui.filter ? [t(language, 'dashStatusFilterOn', {filter: ui.filter})] : []),
		t(language, 'dashStatusKeys'),
		...(ui.demo ? [t(language, 'dashStatusExperimentsKey')] : []),
	];
	return line(parts.join(' · '));
}

function allocationLines(input: FrameInput, language: Language, now: {cpu: number; mem: number}, width: number): string[] {
	const labelWidth = 9;
	const lineWidth = Math.max(1, width - labelWidth);
	const ascii = !input.color;
	// Both labels take four display columns, so the sparklines start together in either language.
	const memLabel = padToWidth(t(language, 'dashColMem'), 4);
	return [
		`CPU ${String(now.cpu).padStart(3)}% ${sparkline(input.history.cpu, lineWidth, ascii)}`,
		`${memLabel}${String(now.mem).padStart(3)}% ${sparkline(input.history.mem, lineWidth, ascii)}`,
	];
}

/** The task detail's rows; labels are padded by display width so the values start in one column. */
export function taskDetailLines(task: Task | undefined, taskId: string, output: TaskOutput | undefined, now: number, height: number, language: Language): string[] {
	const say = (key: 'dashDetailApp' | 'dashDetailState' | 'dashDetailHealth' | 'dashDetailAge' | 'dashDetailWhere' | 'dashDetailSandbox') => t(language, key);
	const labels = [say('dashDetailApp'), say('dashDetailState'), say('dashDetailWhere'), say('dashDetailSandbox')];
	const labelWidth = Math.max(...labels.map(displayWidth)) + 2;
	const label = (text: string) => padToWidth(text, labelWidth);
	const lines: string[] = [];
	if (!task) {
		lines.push(t(language, 'dashTaskNoLonger', {id: taskId}));
	} else {
		lines.push(
			`${label(say('dashDetailApp'))}${task.appId ?? '-'}`,
			`${label(say('dashDetailState'))}${task.state}    ${say('dashDetailHealth')} ${healthWord(task.health, language)}    ${say('dashDetailAge')} ${formatAge(task.startedAt, now)}`,
			`${label(say('dashDetailWhere'))}${hostPorts(task)}  ${t(language, 'dashDetailAgent', {id: task.agentId})}`,
			`${label(say('dashDetailSandbox'))}${task.sandbox ? `${task.sandbox.agentEndpoint}${task.sandbox.directory}` : '-'}`,
		);
	}
	const room = Math.max(2, Math.floor((height - lines.length - 4) / 2));
	const tail = (text: string) => text.split('\n').filter((line, index, all) => line !== '' || index < all.length - 1).slice(-room);
	if (!output || output.taskId !== taskId) {
		lines.push('', t(language, 'dashReadingOutput'));
	} else if (output.error) {
		lines.push('', t(language, 'dashSandboxUnreadable', {error: output.error}));
	} else {
		lines.push('', t(language, 'dashStdoutTail'), ...tail(output.stdout), t(language, 'dashStderrTail'), ...tail(output.stderr));
	}
	lines.push('', t(language, 'dashDetailKeys'));
	return lines;
}

interface Painter {
	bold(text: string): string;
	red(text: string): string;
	green(text: string): string;
	yellowBlock(text: string): string;
	status(line: string): string;
}

// Status words to paint, in both languages; the Chinese ones come from the catalog. One pass over
// the line with the longer words first, so the "healthy" inside "unhealthy" is never painted twice.
const badWords = new Set(['DOWN', 'unhealthy', 'FAILED', 'LOST', 'KILLED', 'unreachable', 'inactive', ...(['dashUnhealthy', 'dashUnreachable', 'dashAgentInactive'] as const).map(key => t('zh', key))]);
const goodWords = ['UP', 'healthy', 'RUNNING', ...(['dashHealthy', 'dashAgentActive'] as const).map(key => t('zh', key))];
const statusWords = new RegExp([...badWords, ...goodWords].sort((a, b) => b.length - a.length).map(word => (/^\w+$/.test(word) ? `\\b${word}\\b` : word)).join('|'), 'g');

function painter(color: boolean): Painter {
	if (!color) {
		return {bold: text => `{bold}${text}{/bold}`, red: text => text, green: text => text, yellowBlock: text => `{bold}${text}{/bold}`, status: line => line};
	}
	return {
		bold: text => `{bold}${text}{/bold}`,
		red: text => `{red-fg}${text}{/red-fg}`,
		green: text => `{green-fg}${text}{/green-fg}`,
		yellowBlock: text => `{black-fg}{yellow-bg}{bold}${text}{/bold}{/yellow-bg}{/black-fg}`,
		status: line => line.replace(statusWords, word => (badWords.has(word) ? `{red-fg}${word}{/red-fg}` : `{green-fg}${word}{/green-fg}`)),
	};
}
