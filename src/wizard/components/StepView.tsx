import {Box, Text} from 'ink';
import type {Language} from '../../steps/step.js';
import {formatDuration} from '../build-progress.js';
import {useTone} from '../palette.js';
import {localize, type StepInfoLookup} from '../step-info.js';
import type {WizardScreen} from '../wizard-state.js';
import {ProgressBar} from './ProgressBar.js';

export interface StepViewProps {
	screen: Extract<WizardScreen, {kind: 'step'}>;
	canRestartJob?: boolean;
	tail: string[];
	now: number;
	language: Language;
	info: StepInfoLookup;
}

export function StepView({screen, canRestartJob = true, tail, now, language, info}: StepViewProps) {
	const tone = useTone();
	const {step} = screen;
	const details = info(step.key);
	return (
		<Box flexDirection="column">
			<Text>
				<Text color={tone('accent')}>{`[${step.index + 1}/${step.total}] ${step.phase}`}</Text>
				{` · ${step.host} · ${formatDuration(now - screen.startedAt)}`}
				{screen.attempt > 1 ? ` · attempt ${screen.attempt}` : ''}
			</Text>
			<Text bold>{localize(details?.title ?? step.title, language, step.id)}</Text>
			{details ? <Text wrap="wrap" color={tone('muted')}>{details.why[language]}</Text> : null}
			{screen.command ? (
				<Text wrap="truncate-end">{`$ ${screen.command.text}`}<Text color={tone('muted')}>{`  (${screen.command.index + 1}/${screen.command.total})`}</Text></Text>
			) : null}
			{screen.build ? <ProgressBar progress={screen.build}/> : null}
			{screen.stall ? (
				<Text color={tone('warn')} wrap="wrap">
					{`No output for ${formatDuration(screen.stall.silentForMs)}. The build may be stuck: `}
					{canRestartJob
						? 'press x to stop it and run it again; make continues from the objects already compiled.'
						: 'press Ctrl-C, then run `mesos-lab resume`; make continues from the objects already compiled.'}
				</Text>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				{tail.map((line, index) => (
					<Text key={index} wrap="truncate-end" color={tone('muted')}>{line}</Text>
				))}
			</Box>
		</Box>
	);
}
