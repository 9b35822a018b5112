import {Box, Text} from 'ink';
import type {StepRef} from '../../runner/events.js';
import type {Language, VerifyResult} from '../../steps/step.js';
import {useTone} from '../palette.js';
import {localize, type StepInfoLookup} from '../step-info.js';

/** Where the finished cluster answers. */
export interface ClusterAddresses {
	mesos: string;
	marathon: string;
	haproxyStats: string;
}

export interface SummaryProps {
	outcome: 'completed' | 'stopped' | 'failed';
	addresses: ClusterAddresses;
	steps: StepRef[];
	verified: Record<string, VerifyResult>;
	language: Language;
	info: StepInfoLookup;
}

export function Summary({outcome, addresses, steps, verified, language, info}: SummaryProps) {
	const tone = useTone();
	const proven = steps.filter(step => verified[step.key] !== undefined);
	return (
		<Box flexDirection="column">
			{outcome === 'completed'
				? <Text bold color={tone('ok')}>The cluster is up.</Text>
				: <Text bold color={tone('warn')}>{`The run ${outcome}; continue with \`mesos-lab resume\`.`}</Text>}
			<Text>{`Mesos UI        ${addresses.mesos}`}</Text>
			<Text>{`Marathon        ${addresses.marathon}`}</Text>
			<Text>{`HAProxy stats   ${addresses.haproxyStats}`}</Text>
			<Box flexDirection="column" marginTop={1}>
				{proven.map(step => {
					const result = verified[step.key];
					return result?.ok ? (
						<Text key={step.key} wrap="truncate-end"><Text color={tone('ok')}>✓ </Text>{`${localize(info(step.key)?.title ?? step.title, language, step.id)}: ${result.proof}`}</Text>
					) : (
						<Text key={step.key} wrap="truncate-end"><Text color={tone('bad')}>✗ </Text>{`${localize(info(step.key)?.title ?? step.title, language, step.id)}: ${result?.problem ?? ''}`}</Text>
					);
				})}
			</Box>
			<Text color={tone('accent')}>d: open the dashboard · q: quit</Text>
		</Box>
	);
}
