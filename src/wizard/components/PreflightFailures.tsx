import {Box, Text} from 'ink';
import type {Language} from '../../steps/step.js';
import {useTone} from '../palette.js';
import {failingChecks} from '../wizard-reducer.js';
import type {ReviewPreflight} from '../wizard-state.js';

/** Rows each failing check takes: its title, what was found, and its fix (which may wrap once). */
export const rowsPerFailure = 4;

function say(language: Language, zh: string, en: string): string {
	return language === 'zh' ? zh : en;
}

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
			<Text bold color={tone(blocking.length > 0 ? 'bad' : 'warn')}>
				{say(language, `预检有 ${failing.length} 项未通过：修复后按 c 重新检查，或按 i 忽略`, `Preflight: ${failing.length} failed. Fix, then c to check again; or i to ignore`)}
			</Text>
			{failing.map((outcome, index) => {
				const ignored = preflight.ignored.includes(outcome.name);
				return (
					<Box key={outcome.key} flexDirection="column">
						<Text wrap="truncate-end" bold={index === preflight.selected}>
							{`${index === preflight.selected ? '›' : ' '} `}
							<Text color={ignored ? tone('warn') : tone('bad')}>{ignored ? '! ' : '✗ '}</Text>
							{`${outcome.name}@${outcome.host}: ${outcome.title[language]}`}
							{ignored ? <Text color={tone('warn')}>{say(language, '（你已选择忽略）', ' (ignored by you)')}</Text> : null}
						</Text>
						<Box paddingLeft={4} flexDirection="column">
							<Text wrap="truncate-end">{`${say(language, '发现', 'Found')}: ${outcome.finding.detail[language]}`}</Text>
							<Text wrap="wrap">{`${say(language, '修复', 'Fix')}: ${outcome.finding.fix[language]}`}</Text>
						</Box>
					</Box>
				);
			})}
			{preflight.checking ? <Text color={tone('muted')}>{say(language, '正在重新检查…', 'Checking again…')}</Text> : null}
			{preflight.refused && blocking.length > 0 ? (
				<Text color={tone('bad')} wrap="wrap">
					{say(language, `还不能开始：请先修复或忽略 ${blocking.map(outcome => outcome.name).join('、')}。`, `Cannot start yet: fix or ignore ${blocking.map(outcome => outcome.name).join(', ')} first.`)}
				</Text>
			) : null}
		</Box>
	);
}

/** The keys line of a review that preflight blocks. */
export function blockedKeys(language: Language): string {
	return say(language, '↑↓ 选择 · i: 忽略选中项 · c: 重新检查 · q: 退出（不做改动）', '↑↓ select · i: ignore selected · c: check again · q: quit, changing nothing');
}
