import {Box, Text} from 'ink';
import {t} from '../../i18n/messages.js';
import type {StepRef} from '../../runner/events.js';
import type {Language, VerifyResult} from '../../steps/step.js';
import {joinList} from '../join-list.js';
import {useTone, tint} from '../palette.js';
import type {ClusterAddresses, ExperimentCommands} from '../../install/prepared-run.js';
import {localize, type StepInfoLookup} from '../../install/step-info.js';
import {displayWidth, padToWidth} from '../text-width.js';

/** Where the finished cluster answers. */
export interface SummaryProps {
	outcome: 'completed' | 'stopped' | 'failed';
	addresses: ClusterAddresses;
	steps: StepRef[];
	verified: Record<string, VerifyResult>;
	language: Language;
	info: StepInfoLookup;
	/** Rows for the proofs, so the addresses and keys stay on a small screen. */
	proofRows?: number | undefined;
	/** The tutorial's experiments, offered once the cluster is up: the command of each, by topic. */
	experiments?: readonly ExperimentCommands[] | undefined;
}

export function Summary({outcome, addresses, steps, verified, language, info, proofRows = Number.POSITIVE_INFINITY, experiments = []}: SummaryProps) {
	const tone = useTone();
	const proven = steps.filter(step => verified[step.key] !== undefined);
	const shown = proven.length > proofRows ? proven.slice(0, Math.max(1, proofRows - 1)) : proven;
	const places = [
		[t(language, 'summaryMesosUi'), addresses.mesos],
		[t(language, 'summaryMarathon'), addresses.marathon],
		[t(language, 'summaryHaproxyStats'), addresses.haproxyStats],
	] as const;
	// The addresses start in one column, measured in terminal cells: a Chinese label is twice as wide as its length.
	const labelWidth = Math.max(15, ...places.map(([label]) => displayWidth(label))) + 1;
	return (
		<Box flexDirection="column">
			{outcome === 'completed'
				? <Text bold {...tint(tone('ok'))}>{t(language, 'summaryUp')}</Text>
				: <Text bold {...tint(tone('warn'))}>{t(language, 'summaryUnfinished', {outcome})}</Text>}
			{places.map(([label, address]) => <Text key={label}>{`${padToWidth(label, labelWidth)}${address}`}</Text>)}
			<Box flexDirection="column" marginTop={1}>
				{shown.map(step => {
					const result = verified[step.key];
					return result?.ok ? (
						<Text key={step.key} wrap="truncate-end"><Text {...tint(tone('ok'))}>✓ </Text>{t(language, 'summaryProven', {title: localize(info(step.key)?.title ?? step.title, language, step.id), proof: result.proof[language]})}</Text>
					) : (
						<Text key={step.key} wrap="truncate-end"><Text {...tint(tone('bad'))}>✗ </Text>{t(language, 'summaryUnproven', {title: localize(info(step.key)?.title ?? step.title, language, step.id), problem: result?.problem[language] ?? ''})}</Text>
					);
				})}
				{shown.length < proven.length ? <Text {...tint(tone('muted'))}>{t(language, 'summaryMoreProven', {count: proven.length - shown.length})}</Text> : null}
			</Box>
			{outcome === 'completed'
				? experiments.filter(group => group.commands.length > 0).map(group => (
					<Text key={group.topic} wrap="truncate-end">{`${t(language, offerLead[group.topic])}${experimentsLine(group.commands, language)}`}</Text>
				))
				: null}
			<Text {...tint(tone('accent'))}>{t(language, 'summaryKeys')}</Text>
		</Box>
	);
}

const offerLead = {apps: 'summaryTryApps', availability: 'summaryTryAvailability'} as const;

// One line on any screen: the first command whole, the others by the name that differs.
function experimentsLine(commands: readonly string[], language: Language): string {
	const [first = '', ...others] = commands;
	const names = others.map(command => /^mesos-lab lab (\S+)/.exec(command)?.[1] ?? command);
	return names.length === 0 ? first : t(language, 'summaryThen', {first, others: joinList(names, language)});
}
