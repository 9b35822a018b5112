import {Box, Text} from 'ink';
import {t} from '../../i18n/messages.js';
import type {Language} from '../../steps/step.js';
import {joinList} from '../join-list.js';
import {useTone, tint} from '../palette.js';
import {failingChecks} from '../wizard-reducer.js';
import type {ReviewPreflight} from '../wizard-state.js';

/** Rows each failing check takes: its title, what was found, and its fix (which may wrap once). */
export const rowsPerFailure = 4;

/** The review's first section while a preflight check fails: each failure with its fix, and how to get past it. */
export function PreflightFailures({preflight, language}: {preflight: ReviewPreflight; language: Language}) {
	const tone = useTone();
	const failing = failingChecks(preflight.outcomes);
	if (failing.length === 0) {
		return null;
	}

	const blocking = failing.filter(outcome => !preflight.ignored.includes(outcome.name));
	return (
		<Box flexDirection="column" marginTop={1}>
			<Text bold {...tint(tone(blocking.length > 0 ? 'bad' : 'warn'))}>
				{t(language, 'preflightHeader', {count: failing.length})}
			</Text>
			{failing.map((outcome, index) => {
				const ignored = preflight.ignored.includes(outcome.name);
				return (
					<Box key={outcome.key} flexDirection="column">
						<Text wrap="truncate-end" bold={index === preflight.selected}>
							{`${index === preflight.selected ? '›' : ' '} `}
							<Text {...tint(ignored ? tone('warn') : tone('bad'))}>{ignored ? '! ' : '✗ '}</Text>
							{`${outcome.name}@${outcome.host}: ${outcome.title[language]}`}
							{ignored ? <Text {...tint(tone('warn'))}>{t(language, 'preflightIgnored')}</Text> : null}
						</Text>
						<Box paddingLeft={4} flexDirection="column">
							<Text wrap="truncate-end">{t(language, 'preflightFound', {detail: outcome.finding.detail[language]})}</Text>
							<Text wrap="wrap">{t(language, 'preflightFix', {fix: outcome.finding.fix[language]})}</Text>
						</Box>
					</Box>
				);
			})}
			{preflight.checking ? <Text {...tint(tone('muted'))}>{t(language, 'preflightChecking')}</Text> : null}
			{preflight.refused && blocking.length > 0 ? (
				<Text {...tint(tone('bad'))} wrap="wrap">
					{t(language, 'preflightCannotStart', {names: joinList(blocking.map(outcome => outcome.name), language)})}
				</Text>
			) : null}
		</Box>
	);
}

/** The keys line of a review that preflight blocks. */
export function blockedKeys(language: Language): string {
	return t(language, 'preflightBlockedKeys');
}
