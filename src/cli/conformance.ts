import {stat} from 'node:fs/promises';
import {formatResult, runConformance} from '../cluster/conformance.js';
import {localeLanguage} from '../i18n/language.js';
import {t} from '../i18n/messages.js';

/** `node dist/cli/conformance.js <samples-dir>`: every upstream sample through its parser; non-zero exit on any failure. */
export async function conformanceMain(argv: string[]): Promise<number> {
	const dir = argv[0] ?? process.env.MESOS_LAB_FIXTURES;
	const language = process.env.MESOS_LAB_LANG === 'zh' || process.env.MESOS_LAB_LANG === 'en' ? process.env.MESOS_LAB_LANG : localeLanguage(process.env);
	if (dir === undefined || dir === '') {
		process.stderr.write(`${t(language, 'errConformanceUsage')}\n`);
		return 2;
	}
	const info = await stat(dir).catch(() => undefined);
	if (!info?.isDirectory()) {
		process.stderr.write(`${t(language, 'errConformanceNotFolder', {dir})}\n`);
		return 2;
	}
	const results = await runConformance(dir);
	for (const result of results) {
		process.stdout.write(`${formatResult(result)}\n`);
	}
	const count = (outcome: string): number => results.filter(result => result.outcome === outcome).length;
	process.stdout.write(`\n${t(language, 'errConformanceSummary', {passed: count('pass'), rejected: count('expected-invalid'), skipped: count('skipped'), failed: count('fail')})}\n`);
	return count('fail') === 0 && results.length > 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exitCode = await conformanceMain(process.argv.slice(2));
}
