import blessed from 'blessed';
import {chartMinimum, createAllocationChart} from './allocation-chart.js';
import type {Frame} from './frame.js';
import type {KeyPress} from './keys.js';
import type {Rect} from './layout.js';
import {focusOrder} from './ui-state.js';
import {displayWidth} from '../i18n/display-width.js';
import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';

export interface ScreenOptions {
	color: boolean;
	/** Streams for tests and benchmarks; the terminal otherwise. */
	input?: NodeJS.ReadableStream;
	output?: NodeJS.WritableStream;
	language: Language;
}

/** The blessed side of the dashboard: boxes that copy a Frame's text, and keys out. */
export interface DashboardScreen {
	size(): {width: number; height: number};
	show(frame: Frame): void;
	onKey(handler: (key: KeyPress) => void): void;
	onResize(handler: () => void): void;
	destroy(): void;
}

export function createDashboardScreen(options: ScreenOptions): DashboardScreen {
	// blessed's typings want its own stream types; any Node stream with columns and rows works.
	const screenOptions: Record<string, unknown> = {
		smartCSR: true,
		fullUnicode: true,
		forceUnicode: true,
		autoPadding: false,
		warnings: false,
		title: 'mesos-lab dashboard',
		...(options.input ? {input: options.input} : {}),
		...(options.output ? {output: options.output, terminal: 'xterm-256color'} : {}),
	};
	const screen = blessed.screen(screenOptions as blessed.Widgets.IScreenOptions);
	// Line drawing through the terminal's alternate charset breaks in some multiplexers and in text
	// captures; the screen is in Unicode mode anyway, so draw the borders as Unicode.
	(screen as unknown as {tput: {brokenACS: boolean}}).tput.brokenACS = true;
	const border = {type: 'line' as const};
	const boxStyle = options.color ? {border: {fg: 'gray'}} : {};
	const focusStyle = options.color ? {border: {fg: 'cyan'}} : {border: {bold: true}};
	const header = blessed.box({parent: screen, tags: true, top: 0, left: 0, width: '100%', height: 3});
	const status = blessed.box({parent: screen, tags: true, bottom: 0, left: 0, width: '100%', height: 1});
	const panels = new Map<(typeof focusOrder)[number], blessed.Widgets.BoxElement>();
	for (const panel of focusOrder) {
		panels.set(panel, blessed.box({parent: screen, tags: true, border, style: boxStyle, hidden: true}));
	}
	const chart = createAllocationChart(screen, options.language);
	const detail = blessed.box({parent: screen, tags: true, border, style: boxStyle, hidden: true});
	const help = blessed.box({parent: screen, tags: false, border, label: ` ${t(options.language, 'dashHelpTitle')} `, top: 'center', left: 'center', width: 84, height: 20, hidden: true, style: options.color ? {border: {fg: 'yellow'}} : {}});

	const place = (box: blessed.Widgets.BoxElement, rect: Rect) => {
		box.top = rect.top;
		box.left = rect.left;
		box.width = rect.width;
		box.height = rect.height;
	};

	return {
		size: () => ({width: Number(screen.width), height: Number(screen.height)}),
		show(frame) {
			place(header, frame.layout.header);
			header.setContent(frame.header.join('\n'));
			place(status, frame.layout.status);
			status.setContent(frame.status);
			for (const [panel, box] of panels) {
				const rect = frame.layout.panels[panel];
				const content = frame.panels[panel];
				if (!rect || !content) {
					box.hide();
					// The chart is its own widget: left up, it would cover the task detail or the panel Tab brought forward.
					if (panel === 'allocation') {
						chart.hide();
					}
					continue;
				}
				if (panel === 'allocation') {
					if (frame.allocation && rect.width >= chartMinimum.width && rect.height >= chartMinimum.height) {
						box.hide();
						chart.show(rect, frame.allocation);
						continue;
					}
					chart.hide();
				}
				place(box, rect);
				box.setLabel(` ${content.title} `);
				box.style = content.title.startsWith('▶') ? focusStyle : boxStyle;
				box.setContent(content.lines.join('\n'));
				box.show();
			}
			if (frame.detail && frame.layout.detail) {
				place(detail, frame.layout.detail);
				detail.setLabel(` ${frame.detail.title} `);
				detail.setContent(frame.detail.lines.join('\n'));
				detail.show();
			} else {
				detail.hide();
			}
			if (frame.help) {
				// Commands for a second terminal (ASCII) are long: the box widens to the screen, and a line that
				// still does not fit takes as many rows as it wraps to.
				const longest = Math.max(0, ...frame.help.map(displayWidth));
				const width = Math.min(Math.max(84, longest + 2), frame.layout.header.width);
				const rows = frame.help.reduce((sum, line) => sum + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 2))), 0);
				help.width = width;
				help.height = Math.min(rows + 2, frame.layout.status.top);
				help.setLabel(` ${frame.helpTitle ?? t(options.language, 'dashHelpTitle')} `);
				help.setContent(frame.help.join('\n'));
				help.show();
				help.setFront();
			} else {
				help.hide();
			}
			screen.render();
		},
		onKey(handler) {
			screen.on('keypress', (ch: string | undefined, key: {name?: string; shift?: boolean; ctrl?: boolean} | undefined) => {
				handler({name: key?.name, ch, shift: key?.shift, ctrl: key?.ctrl});
			});
		},
		onResize(handler) {
			screen.on('resize', handler);
		},
		destroy() {
			screen.destroy();
		},
	};
}
