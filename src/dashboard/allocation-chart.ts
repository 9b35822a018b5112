import type {Widgets} from 'blessed';
import line from 'blessed-contrib/lib/widget/charts/line.js';
import type {AllocationChart} from './frame.js';
import type {Rect} from './layout.js';
import {fit} from './view-models/format.js';
import {displayWidth} from '../i18n/display-width.js';
import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';

/** The allocation panel as blessed-contrib's line chart of CPU and memory over time. */
export interface AllocationChartWidget {
	show(rect: Rect, chart: AllocationChart): void;
	hide(): void;
}

// Below this the chart's axes leave no room for the lines; the text sparkline box takes over.
export const chartMinimum = {width: 30, height: 6};

const scaleSteps = [10, 25, 50, 100];

export function createAllocationChart(screen: Widgets.Screen, language: Language): AllocationChartWidget {
	let widget: ReturnType<typeof line> | undefined;
	let size = '';
	// The chart sizes its drawing canvas once, when attached, so a new size needs a new widget.
	const widgetFor = (rect: Rect, color: boolean) => {
		const wanted = `${rect.width}x${rect.height}:${color}`;
		if (widget && size === wanted) {
			return widget;
		}
		widget?.destroy();
		size = wanted;
		const plain = 'normal';
		// Appended after construction: the chart makes its canvas on 'attach', which a parent given
		// to the constructor would fire before the chart listens for it.
		const created = line({
			tags: true,
			border: {type: 'line'},
			top: rect.top,
			left: rect.left,
			width: rect.width,
			height: rect.height,
			maxY: 100,
			minY: 0,
			// Each label takes a text row; a short chart gets two, so labels never overprint.
			numYLabels: rect.height >= 10 ? 4 : 2,
			wholeNumbersOnly: true,
			showLegend: false,
			style: {line: color ? 'yellow' : plain, text: color ? 'white' : plain, baseline: color ? 'white' : plain, border: color ? {fg: 'gray'} : {}},
		});
		screen.append(created);
		widget = created;
		return created;
	};
	return {
		show(rect, chart) {
			const chartWidget = widgetFor(rect, chart.color);
			const cpuText = `CPU ${chart.cpu}%`;
			const memText = `${t(language, 'dashColMem')} ${chart.mem}%`;
			const cpu = chart.color ? `{yellow-fg}${cpuText}{/yellow-fg}` : cpuText;
			const mem = chart.color ? `{cyan-fg}${memText}{/cyan-fg}` : memText;
			chartWidget.style.border = chart.color ? {fg: chart.focused ? 'cyan' : 'gray'} : {bold: chart.focused};
			// The title gives way to the two values when the border is short, so the label never wraps.
			const title = fit(`${chart.focused ? '▶ ' : ''}${t(language, 'dashPanelAllocation')}`, Math.max(1, rect.width - 4 - displayWidth(` · ${cpuText} · ${memText}`) - 2)).trimEnd();
			chartWidget.setLabel(` ${title} · ${cpu} · ${mem} `);
			if (chart.series) {
				const {labels, cpu: cpuPoints, mem: memPoints} = chart.series;
				// A small lab uses a few percent: the scale grows in steps so such a line still shows its shape.
				const peak = Math.max(...cpuPoints, ...memPoints);
				chartWidget.options.maxY = scaleSteps.find(step => peak <= step) ?? 100;
				chartWidget.setData([
					{title: 'CPU', x: labels, y: cpuPoints, style: {line: chart.color ? 'yellow' : 'normal'}},
					{title: 'MEM', x: labels, y: memPoints, style: {line: chart.color ? 'cyan' : 'normal'}},
				]);
			}
			chartWidget.show();
		},
		hide() {
			widget?.hide();
		},
	};
}
