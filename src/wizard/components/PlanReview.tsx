import {Box, Text} from 'ink';
import {t} from '../../i18n/messages.js';
import type {StepRef} from '../../runner/events.js';
import type {CheckResult, Language} from '../../steps/step.js';
import {formatDuration} from '../build-progress.js';
import {useTone, tint} from '../palette.js';
import type {PlannedDownload} from '../../install/prepared-run.js';
import {localize, type StepInfoLookup} from '../../install/step-info.js';
import {startBlocked} from '../wizard-reducer.js';
import type {WizardState} from '../wizard-state.js';
import {blockedKeys, PreflightFailures} from './PreflightFailures.js';

/** Something the run will fetch, and the mirror it comes from. */
export interface PlanReviewProps {
	steps: StepRef[];
	checks: Record<string, CheckResult>;
	downloads: PlannedDownload[];
	estimateMs: number;
	language: Language;
	info: StepInfoLookup;
	/** Step lines that fit on the screen; the rest are counted, so 80x24 still shows the keys. */
	maxStepRows?: number;
	/** Preflight verdicts: failures lead the review and replace the downloads until dealt with. */
	preflight?: WizardState['preflight'];
}

/** Steps grouped by host, in plan order, so the review reads host by host. */
export function groupByHost(steps: readonly StepRef[]): Array<{host: string; steps: StepRef[]}> {
	const groups = new Map<string, StepRef[]>();
	for (const step of steps) {
		const list = groups.get(step.host) ?? [];
		list.push(step);
		groups.set(step.host, list);
	}

	return [...groups].map(([host, list]) => ({host, steps: list}));
}

export function PlanReview({steps, checks, downloads, estimateMs, language, info, maxStepRows = Number.POSITIVE_INFINITY, preflight}: PlanReviewProps) {
	const tone = useTone();
	const satisfied = steps.filter(step => checks[step.key]?.kind === 'satisfied').length;
	const shown = steps.slice(0, Math.max(1, maxStepRows));
	const hidden = steps.length - shown.length;
	const blocked = preflight !== undefined && startBlocked(preflight);
	return (
		<Box flexDirection="column">
			<Text bold>{t(language, 'reviewTitle', {steps: steps.length, satisfied, duration: formatDuration(estimateMs, language)})}</Text>
			{preflight ? <PreflightFailures preflight={preflight} language={language}/> : null}
			{groupByHost(shown).map(group => (
				<Box key={group.host} flexDirection="column" marginTop={1}>
					<Text bold {...tint(tone('accent'))}>{group.host}</Text>
					{group.steps.map(step => {
						const check = checks[step.key];
						const mark = check?.kind === 'satisfied' ? '✓' : check?.kind === 'needed' ? '•' : '?';
						return (
							<Text key={step.key} wrap="truncate-end">
								<Text {...tint(check?.kind === 'satisfied' ? tone('ok') : undefined)}>{` ${mark} `}</Text>
								{`${step.phase}: ${localize(info(step.key)?.title ?? step.title, language, step.id)}`}
								{check?.kind === 'satisfied' ? <Text {...tint(tone('muted'))}>{t(language, 'reviewAlreadySatisfied')}</Text> : null}
							</Text>
						);
					})}
				</Box>
			))}
			{hidden > 0 ? <Text {...tint(tone('muted'))}>{t(language, 'reviewMoreSteps', {count: hidden})}</Text> : null}
			{downloads.length > 0 && !blocked ? (
				<Box flexDirection="column" marginTop={1}>
					<Text bold>{t(language, 'reviewDownloads')}</Text>
					{downloads.map(download => (
						<Text key={`${download.what}|${download.from}`} wrap="truncate-end">{` ${download.what} ← ${download.from}`}</Text>
					))}
				</Box>
			) : null}
			<Text {...tint(tone('accent'))}>{blocked ? blockedKeys(language) : t(language, 'reviewKeys')}</Text>
		</Box>
	);
}
