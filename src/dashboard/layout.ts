import type {Language} from '../i18n/language.js';
import {t, type MessageKey} from '../i18n/messages.js';
import {focusOrder, type PanelId, type View} from './ui-state.js';

export interface Rect {
	top: number;
	left: number;
	width: number;
	height: number;
}

export interface Layout {
	header: Rect;
	/** Panels on screen with their places; a panel missing here is collapsed. */
	panels: Partial<Record<PanelId, Rect>>;
	/** Panels Tab can reach: all of them when collapsed, since Tab is how a hidden panel comes forward. */
	focusable: PanelId[];
	/** The task detail box, in the task view only. */
	detail?: Rect;
	status: Rect;
}

export const headerHeight = 3;

/**
 * Where each panel goes for a terminal size. Below 120x36 only the focused panel and the event log
 * share the body, so an 80x24 terminal still shows whole rows; Tab walks every panel either way.
 */
export function computeLayout(width: number, height: number, view: View, focus: PanelId): Layout {
	const header = {top: 0, left: 0, width, height: headerHeight};
	const status = {top: height - 1, left: 0, width, height: 1};
	const bodyTop = headerHeight;
	const bodyHeight = Math.max(4, height - headerHeight - 1);
	if (view.kind === 'task') {
		return {header, status, panels: {}, focusable: focusOrder, detail: {top: bodyTop, left: 0, width, height: bodyHeight}};
	}
	if (width < 120 || height < 36) {
		if (focus === 'events') {
			// The focused log takes the body, so it can be read and scrolled.
			return {header, status, focusable: focusOrder, panels: {events: {top: bodyTop, left: 0, width, height: bodyHeight}}};
		}
		const eventsHeight = Math.min(6, Math.floor(bodyHeight / 3));
		const main = focus;
		return {
			header,
			status,
			focusable: focusOrder,
			panels: {
				[main]: {top: bodyTop, left: 0, width, height: bodyHeight - eventsHeight},
				events: {top: bodyTop + bodyHeight - eventsHeight, left: 0, width, height: eventsHeight},
			},
		};
	}
	const leftWidth = Math.floor(width * 0.55);
	const rightWidth = width - leftWidth;
	const third = Math.floor(bodyHeight / 3);
	const leadersHeight = Math.min(12, Math.floor(bodyHeight / 4));
	// Tall enough for a line chart: blessed-contrib's needs about four rows for its axes and labels.
	const allocationHeight = Math.max(6, Math.min(12, Math.floor(bodyHeight / 5)));
	const rightRest = bodyHeight - leadersHeight - allocationHeight;
	const agentsHeight = Math.floor(rightRest / 3);
	const backendsHeight = Math.floor(rightRest / 3);
	const eventsHeight = rightRest - agentsHeight - backendsHeight;
	let rightTop = bodyTop;
	const place = (rows: number): Rect => {
		const rect = {top: rightTop, left: leftWidth, width: rightWidth, height: rows};
		rightTop += rows;
		return rect;
	};
	return {
		header,
		status,
		focusable: focusOrder,
		panels: {
			apps: {top: bodyTop, left: 0, width: leftWidth, height: third},
			tasks: {top: bodyTop + third, left: 0, width: leftWidth, height: third},
			joined: {top: bodyTop + 2 * third, left: 0, width: leftWidth, height: bodyHeight - 2 * third},
			leaders: place(leadersHeight),
			agents: place(agentsHeight),
			backends: place(backendsHeight),
			allocation: place(allocationHeight),
			events: place(eventsHeight),
		},
	};
}

const titleKeys = {
	leaders: 'dashPanelLeaders',
	agents: 'dashPanelAgents',
	apps: 'dashPanelApps',
	tasks: 'dashPanelTasks',
	backends: 'dashPanelBackends',
	joined: 'dashPanelJoined',
	events: 'dashPanelEvents',
	allocation: 'dashPanelAllocation',
} as const satisfies Record<PanelId, MessageKey>;

export function panelTitle(panel: PanelId, language: Language): string {
	return t(language, titleKeys[panel]);
}
