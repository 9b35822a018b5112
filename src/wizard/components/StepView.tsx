import {Box, Text, useInput} from 'ink';
import {t} from '../../i18n/messages.js';
import {useEffect, useState} from 'react';
import type {Language} from '../../steps/step.js';
import {formatDuration} from '../build-progress.js';
import {useTone, tint} from '../palette.js';
import {localize, type StepInfoLookup} from '../../install/step-info.js';
import {displayWidth, truncateToWidth} from '../text-width.js';
import type {WizardScreen} from '../wizard-state.js';
import {OutputLine} from './OutputLine.js';
import {ProgressBar} from './ProgressBar.js';

export interface StepViewProps {
	screen: Extract<WizardScreen, {kind: 'step'}>;
	canRestartJob?: boolean;
	tail: string[];
	now: number;
	language: Language;
	info: StepInfoLookup;
	/** Rows for learn mode's command list, so its keys stay on an 80x24 screen. */
	commandRows?: number;
	/** Width the command list wraps at: in learn mode a command is read whole, never cut. */
	columns?: number;
}

export function StepView({screen, canRestartJob = true, tail, now, language, info, commandRows = 12, columns = 80}: StepViewProps) {
	const tone = useTone();
	const {step} = screen;
	const details = info(step.key);
	return (
		<Box flexDirection="column">
			<Text>
				<Text {...tint(tone('accent'))}>{`[${step.index + 1}/${step.total}] ${step.phase}`}</Text>
				{` · ${step.host} · ${formatDuration(now - screen.startedAt, language)}`}
				{screen.attempt > 1 ? t(language, 'stepAttempt', {attempt: screen.attempt}) : ''}
			</Text>
			<Text bold>{localize(details?.title ?? step.title, language, step.id)}</Text>
			{details ? <Text wrap="wrap" {...tint(tone('muted'))}>{details.why[language]}</Text> : null}
			{screen.learn ? <LearnPanel commands={screen.learn.commands} rows={commandRows} columns={columns} language={language}/> : null}
			{screen.command ? (
				<Text wrap="truncate-end">{`$ ${firstLine(screen.command.text)}`}<Text {...tint(tone('muted'))}>{`  (${screen.command.index + 1}/${screen.command.total})`}</Text></Text>
			) : null}
			{screen.job?.reattached ? <Text {...tint(tone('ok'))} wrap="truncate-end">{t(language, 'stepReattached', {job: screen.job.name, host: step.host})}</Text> : null}
			{screen.build ? <ProgressBar progress={screen.build} language={language}/> : null}
			{screen.stall ? (
				<Text {...tint(tone('warn'))} wrap="wrap">
					{t(language, 'stepStall', {duration: formatDuration(screen.stall.silentForMs, language)})}
					{canRestartJob ? t(language, 'stepStallRestart') : t(language, 'stepStallResume')}
				</Text>
			) : null}
			<Box flexDirection="column" marginTop={1}>
				{tail.map((line, index) => (
					<OutputLine key={index} line={line}/>
				))}
			</Box>
		</Box>
	);
}

function LearnPanel({commands, rows, columns, language}: {commands: string[]; rows: number; columns: number; language: Language}) {
	const tone = useTone();
	// The files and commands of a step can be longer than the room: ↑/↓ scroll them, so the title,
	// the why and the keys stay on screen at 80x24.
	const [offset, setOffset] = useState(0);
	useEffect(() => {
		setOffset(0);
	}, [commands]);
	const width = Math.max(20, columns);
	// Scrolling stops once the rest fits, so the last lines are never shown alone at the top.
	let last = 0;
	while (last < commands.length - 1 && fitCommands(commands.slice(last), rows, width).length < commands.length - last) {
		last++;
	}
	useInput((_input, key) => {
		if (key.downArrow || key.pageDown) {
			setOffset(current => Math.min(last, current + (key.pageDown ? Math.max(1, rows - 1) : 1)));
		} else if (key.upArrow || key.pageUp) {
			setOffset(current => Math.max(0, current - (key.pageUp ? Math.max(1, rows - 1) : 1)));
		}
	});
	const visible = commands.slice(offset);
	const shown = fitCommands(visible, rows, width);
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text>{commands.length === 0 ? t(language, 'learnNoCommands') : t(language, 'learnWillRun')}</Text>
			{shown.map((command, index) => (
				<Text key={offset + index} wrap="wrap">{command}</Text>
			))}
			{shown.length < visible.length
				? <Text {...tint(tone('muted'))}>{t(language, 'learnMore', {count: visible.length - shown.length})}</Text>
				: offset > 0 ? <Text {...tint(tone('muted'))}>{t(language, 'learnScrollBack')}</Text> : null}
			<Text {...tint(tone('accent'))}>{t(language, 'learnKeys')}</Text>
		</Box>
	);
}

/**
 * A script's first line, marked when more follow: a build script of twenty lines would push the
 * step's title and progress off an 80x24 screen. The step log keeps it whole.
 */
export function firstLine(command: string): string {
	const [first = '', ...rest] = command.split('\n');
	return rest.length > 0 ? `${first} …` : first;
}

/** The leading commands whose wrapped lines fit in `rows`, keeping one row for "and N more" when some are left out. */
export function fitCommands(commands: readonly string[], rows: number, columns: number): string[] {
	const height = (command: string) => Math.max(1, Math.ceil(displayWidth(command) / columns));
	const total = commands.reduce((sum, command) => sum + height(command), 0);
	const budget = total <= rows || commands.length === 1 ? rows : rows - 1;
	const shown: string[] = [];
	let used = 0;
	for (const command of commands) {
		if (used + height(command) > budget) {
			break;
		}

		shown.push(command);
		used += height(command);
	}

	// A single command taller than the room is cut rather than pushing the keys off screen.
	const [first] = commands;
	return shown.length === 0 && first !== undefined ? [truncateToWidth(first, Math.max(2, budget * columns))] : shown;
}
