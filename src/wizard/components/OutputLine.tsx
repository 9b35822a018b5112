import {Text} from 'ink';
import {useTone, tint} from '../palette.js';

/** The gutter before a line a command printed: it marks the host's own words, shown as they came. */
export const outputGutter = '│ ';

/** One line of a command's output, muted behind the gutter and cut at the screen's edge. */
export function OutputLine({line}: {line: string}) {
	const tone = useTone();
	return <Text wrap="truncate-end" {...tint(tone('muted'))}>{`${outputGutter}${line}`}</Text>;
}
