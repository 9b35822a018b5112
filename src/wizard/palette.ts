import {createContext, useContext} from 'react';

export type Tone = 'ok' | 'warn' | 'bad' | 'accent' | 'muted';

const colors: Record<Tone, string> = {ok: 'green', warn: 'yellow', bad: 'red', accent: 'cyan', muted: 'gray'};

/** Whether colour is off: NO_COLOR set to anything non-empty, as no-color.org asks. */
export function colorDisabled(env: NodeJS.ProcessEnv): boolean {
	return typeof env['NO_COLOR'] === 'string' && env['NO_COLOR'] !== '';
}

export const NoColorContext = createContext(false);

/** The Ink colour for a tone, or none when NO_COLOR is set. */
export function useTone(): (tone: Tone) => string | undefined {
	const noColor = useContext(NoColorContext);
	return tone => (noColor ? undefined : colors[tone]);
}

/** Ink's `color` prop for a colour that may be absent: no prop at all rather than an explicit undefined. */
export function tint(color: string | undefined): {color?: string} {
	return color === undefined ? {} : {color};
}
