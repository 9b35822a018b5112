import {Box, Text} from 'ink';
import type {StepRef} from '../../runner/events.js';
import type {Language, VerifyResult} from '../../steps/step.js';
import {useTone} from '../palette.js';
import type {ClusterAddresses, ExperimentCommands} from '../../install/prepared-run.js';
import {localize, type StepInfoLookup} from '../../install/step-info.js';

/** Where the finished cluster answers. */
export interface SummaryProps {
	outcome: 'completed' | 'stopped' | 'failed';
	addresses: ClusterAddresses;
	steps: StepRef[];
	verified: Record<string, VerifyResult>;
	language: Language;
	info: StepInfoLookup;
	/** Rows for the proofs, so the addresses and keys stay on a small screen. */
	proofRows?: number;
	/** The tutorial's experiments, offered once the cluster is up: the command of each, by topic. */
	experiments?: readonly ExperimentCommands[];
}

export function Summary({outcome, addresses, steps, verified, language, info, proofRows = Number.POSITIVE_INFINITY, experiments = []}: SummaryProps) {
	const tone = useTone();
	const proven = steps.filter(step => verified[step.key] !== undefined);
	const shown = proven.length > proofRows ? proven.slice(0, Math.max(1, proofRows - 1)) : proven;
	return (
		<Box flexDirection="column">
			{outcome === 'completed'
				? <Text bold color={tone('ok')}>The cluster is up.</Text>
				: <Text bold color={tone('warn')}>{`The run ${outcome}; continue with \`mesos-lab resume\`.`}</Text>}
			<Text>{`Mesos UI        ${addresses.mesos}`}</Text>
			<Text>{`Marathon        ${addresses.marathon}`}</Text>
			<Text>{`HAProxy stats   ${addresses.haproxyStats}`}</Text>
			<Box flexDirection="column" marginTop={1}>
				{shown.map(step => {
					const result = verified[step.key];
					return result?.ok ? (
						<Text key={step.key} wrap="truncate-end"><Text color={tone('ok')}>✓ </Text>{`${localize(info(step.key)?.title ?? step.title, language, step.id)}: ${result.proof}`}</Text>
					) : (
						<Text key={step.key} wrap="truncate-end"><Text color={tone('bad')}>✗ </Text>{`${localize(info(step.key)?.title ?? step.title, language, step.id)}: ${result?.problem ?? ''}`}</Text>
					);
				})}
				{shown.length < proven.length ? <Text color={tone('muted')}>{`… and ${proven.length - shown.length} more proven (mesos-lab status lists every step)`}</Text> : null}
			</Box>
			{outcome === 'completed'
				? experiments.filter(group => group.commands.length > 0).map(group => (
					<Text key={group.topic} wrap="truncate-end">{`${offerLead[group.topic][language]}${experimentsLine(group.commands)}`}</Text>
				))
				: null}
			<Text color={tone('accent')}>d: open the dashboard · q: quit</Text>
		</Box>
	);
}

const offerLead = {
	apps: {zh: '试试教程里的实验：', en: 'Try the tutorial\'s experiments: '},
	availability: {zh: '高可用实验：', en: 'High availability: '},
} as const;

// One line on any screen: the first command whole, the others by the name that differs.
function experimentsLine(commands: readonly string[]): string {
	const [first, ...others] = commands;
	const names = others.map(command => /^mesos-lab lab (\S+)/.exec(command)?.[1] ?? command);
	return names.length === 0 ? first ?? '' : `${first} (then ${names.join(', ')})`;
}
