import {Box, Text} from 'ink';
import {t} from '../../i18n/messages.js';
import type {Language} from '../../steps/step.js';
import {joinList} from '../join-list.js';
import {useTone, tint} from '../palette.js';
import {localize, type StepInfoLookup} from '../../install/step-info.js';
import type {WizardScreen} from '../wizard-state.js';
import {OutputLine} from './OutputLine.js';

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
				<Text bold>{t(language, 'logTitle', {path: screen.logPath, shown: Math.min(logRows, screen.fullLog.length), total: screen.fullLog.length})}</Text>
				{screen.fullLog.slice(-logRows).map((line, index) => (
					<Text key={index} wrap="truncate-end">{line}</Text>
				))}
				<Text {...tint(tone('accent'))}>{t(language, 'logBack')}</Text>
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			<Text bold {...tint(tone('bad'))}>
				{t(language, 'failureTitle', {title: localize(details?.title ?? screen.step.title, language, screen.step.id), host: screen.step.host})}
				{screen.attempt > 1 ? t(language, 'failureAttempt', {attempt: screen.attempt}) : ''}
			</Text>
			<Text wrap="wrap">{screen.error}</Text>
			{screen.hint ? <Text wrap="wrap" {...tint(tone('warn'))}>{t(language, 'failureHint', {hint: screen.hint})}</Text> : null}
			<Box flexDirection="column" marginTop={1}>
				{screen.lastLines.map((line, index) => (
					<OutputLine key={index} line={line}/>
				))}
			</Box>
			<Text wrap="truncate-end">{t(language, 'failureFullLog', {path: screen.logPath})}</Text>
			{dependents.length > 0 ? (
				<Text wrap="wrap" {...tint(tone('warn'))}>{t(language, 'failureDependents', {steps: joinList(dependents, language)})}</Text>
			) : null}
			<Text {...tint(tone('accent'))}>{t(language, 'failureKeys')}</Text>
		</Box>
	);
}
