import {Text} from 'ink';
import {t} from '../../i18n/messages.js';
import type {Language} from '../../steps/step.js';
import {formatDuration, type BuildProgress} from '../build-progress.js';
import {useTone, tint} from '../palette.js';

/** The filled part of a bar of `width` cells for `percent`; a helper so the arithmetic is testable alone. */
export function barCells(percent: number, width: number): {filled: number; empty: number} {
	const filled = Math.round((Math.min(Math.max(percent, 0), 100) / 100) * width);
	return {filled, empty: width - filled};
}

export function ProgressBar({progress, language, width = 30}: {progress: BuildProgress; language: Language; width?: number}) {
	const tone = useTone();
	const {filled, empty} = barCells(progress.percent, width);
	const eta = progress.etaMs === undefined ? t(language, 'buildEtaEstimating') : t(language, 'buildEta', {duration: formatDuration(progress.etaMs, language)});
	return (
		<Text>
			<Text {...tint(tone('accent'))}>{'█'.repeat(filled)}</Text>
			<Text {...tint(tone('muted'))}>{'░'.repeat(empty)}</Text>
			{` ${t(language, 'buildProgress', {percent: progress.percent, done: progress.done, total: progress.total, eta})}`}
		</Text>
	);
}
