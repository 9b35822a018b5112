import {Text} from 'ink';
import {formatDuration, type BuildProgress} from '../build-progress.js';
import {useTone} from '../palette.js';

/** The filled part of a bar of `width` cells for `percent`; a helper so the arithmetic is testable alone. */
export function barCells(percent: number, width: number): {filled: number; empty: number} {
	const filled = Math.round((Math.min(Math.max(percent, 0), 100) / 100) * width);
	return {filled, empty: width - filled};
}

export function ProgressBar({progress, width = 30}: {progress: BuildProgress; width?: number}) {
	const tone = useTone();
	const {filled, empty} = barCells(progress.percent, width);
	const eta = progress.etaMs === undefined ? 'ETA estimating…' : `ETA ${formatDuration(progress.etaMs)}`;
	return (
		<Text>
			<Text color={tone('accent')}>{'█'.repeat(filled)}</Text>
			<Text color={tone('muted')}>{'░'.repeat(empty)}</Text>
			{` ${progress.percent}% (${progress.done}/${progress.total} objects) ${eta}`}
		</Text>
	);
}
