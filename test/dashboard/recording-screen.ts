import type {DashboardScreen} from '../../src/dashboard/screen.js';
import type {Frame} from '../../src/dashboard/frame.js';
import type {KeyPress} from '../../src/dashboard/keys.js';
import {waitFor} from '../helpers/wait-for.js';

/** A screen that keeps the frames the dashboard shows and lets a test press keys, as blessed would deliver them. */
export interface RecordingScreen extends DashboardScreen {
	frames: Frame[];
	/** The last frame as plain text: header, every panel with its title, the detail and the status line. */
	text(): string;
	press(...keys: KeyPress[]): void;
	destroyed: boolean;
}

export function recordingScreen(width = 200, height = 60): RecordingScreen {
	let keyHandler: ((key: KeyPress) => void) | undefined;
	const screen: RecordingScreen = {
		frames: [],
		destroyed: false,
		size: () => ({width, height}),
		show(frame) {
			screen.frames.push(frame);
		},
		onKey(handler) {
			keyHandler = handler;
		},
		onResize() {
			// A recording screen never changes size.
		},
		destroy() {
			screen.destroyed = true;
		},
		text() {
			const frame = screen.frames.at(-1);
			if (!frame) {
				return '';
			}
			const parts = [...frame.header];
			for (const panel of Object.values(frame.panels)) {
				parts.push(`[${panel.title}]`, ...panel.lines);
			}
			if (frame.detail) {
				parts.push(`[${frame.detail.title}]`, ...frame.detail.lines);
			}
			parts.push(frame.status);
			return parts.join('\n').replace(/\{\/?[a-z-]+\}/g, '');
		},
		press(...keys) {
			for (const key of keys) {
				keyHandler?.(key);
			}
		},
	};
	return screen;
}

/** Keys as blessed names them. */
export const key = {
	tab: {name: 'tab'},
	down: {name: 'down'},
	up: {name: 'up'},
	enter: {name: 'enter'},
	escape: {name: 'escape'},
	char: (ch: string): KeyPress => ({name: ch, ch}),
};

/** The panel's lines under its title, up to the next panel. */
export function panel(text: string, title: string): string {
	const titled = new RegExp(`^\\[(▶ )?${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm').exec(text);
	if (!titled) {
		return '';
	}
	const start = titled.index;
	const end = text.indexOf('\n[', start + 1);
	return text.slice(start, end < 0 ? undefined : end);
}

/**
 * Waits for a line in the event log, which reads newest first with each event at its own time:
 * Tab to the log, then scroll down through older events until the line shows.
 */
export async function findInEventLog(screen: RecordingScreen, line: string, timeoutMs = 10_000): Promise<string> {
	for (let press = 0; press < 8 && !screen.text().includes('▶ Events'); press++) {
		screen.press(key.tab);
	}
	let downs = 0;
	return waitFor(() => {
		const events = panel(screen.text(), 'Events');
		if (events.includes(line)) {
			return events;
		}
		// Down towards the oldest; now and then back to the newest, for a line that had not arrived yet.
		downs++;
		if (downs % 40 === 0) {
			for (let up = 0; up < 500; up++) {
				screen.press(key.up);
			}
		} else {
			screen.press(key.down);
		}
		return undefined;
	}, `"${line}" in the event log`, {lastSeen: () => panel(screen.text(), 'Events'), timeoutMs});
}
