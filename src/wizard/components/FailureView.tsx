import {Box, Text} from 'ink';
import type {Language} from '../../steps/step.js';
import {useTone} from '../palette.js';
import {localize, type StepInfoLookup} from '../../install/step-info.js';
import type {WizardScreen} from '../wizard-state.js';

export interface FailureViewProps {
	screen: Extract<WizardScreen, {kind: 'failure'}>;
	language: Language;
	info: StepInfoLookup;
	/** Rows available for the full log, so it never scrolls the keys off screen. */
	logRows?: number;
}

export function FailureView({screen, language, info, logRows = 16}: FailureViewProps) {
	const tone = useTone();
	const details = info(screen.step.key);
	const dependents = details?.dependents ?? [];
	if (screen.fullLog) {
		return (
			<Box flexDirection="column">
				<Text bold>{`Log ${screen.logPath} (last ${Math.min(logRows, screen.fullLog.length)} of ${screen.fullLog.length} lines)`}</Text>
				{screen.fullLog.slice(-logRows).map((line, index) => (
					<Text key={index} wrap="truncate-end">{line}</Text>
				))}
				<Text color={tone('accent')}>Esc or l: back</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			<Text bold color={tone('bad')}>{`✗ ${localize(details?.title ?? screen.step.title, language, screen.step.id)} failed on ${screen.step.host}${screen.attempt > 1 ? ` (attempt ${screen.attempt})` : ''}`}</Text>
			<Text wrap="wrap">{screen.error}</Text>
			{screen.hint ? <Text wrap="wrap" color={tone('warn')}>{`Hint: ${screen.hint}`}</Text> : null}
			<Box flexDirection="column" marginTop={1}>
				{screen.lastLines.map((line, index) => (
					<Text key={index} wrap="truncate-end" color={tone('muted')}>{line}</Text>
				))}
			</Box>
			<Text wrap="truncate-end">{`Full log: ${screen.logPath}`}</Text>
			{dependents.length > 0 ? (
				<Text wrap="wrap" color={tone('warn')}>{`Skipping leaves these without what they need: ${dependents.join(', ')}`}</Text>
			) : null}
			<Text color={tone('accent')}>r: retry · s: skip · l: full log · q: quit (state is saved; continue with `mesos-lab resume`)</Text>
		</Box>
	);
}
