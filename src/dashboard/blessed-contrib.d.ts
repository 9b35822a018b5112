// blessed-contrib ships no types; these cover the one widget the dashboard loads.
declare module 'blessed-contrib/lib/widget/charts/line.js' {
	import type {Widgets} from 'blessed';

	interface LineSeries {
		title: string;
		x: string[];
		y: number[];
		style?: {line?: string};
	}

	interface LineOptions extends Widgets.BoxOptions {
		maxY?: number;
		minY?: number;
		showLegend?: boolean;
		wholeNumbersOnly?: boolean;
		xLabelPadding?: number;
		xPadding?: number;
		numYLabels?: number;
		style?: {line?: string; text?: string; baseline?: string; border?: Record<string, unknown>};
	}

	interface LineChart extends Widgets.BoxElement {
		/** The options the chart was made with; setData reads maxY from here each time. */
		options: LineOptions;
		setData(series: LineSeries[]): void;
	}

	function line(options: LineOptions): LineChart;
	export default line;
}
