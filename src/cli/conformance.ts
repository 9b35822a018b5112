import {stat} from 'node:fs/promises';
import {formatResult, runConformance} from '../cluster/conformance.js';

/** `node dist/cli/conformance.js <samples-dir>`: every upstream sample through its parser; non-zero exit on any failure. */
export async function conformanceMain(argv: string[]): Promise<number> {
	const dir = argv[0] ?? process.env.MESOS_LAB_FIXTURES;
	if (dir === undefined || dir === '') {
		process.stderr.write('usage: conformance <samples-dir>   (or set MESOS_LAB_FIXTURES)\n');
		return 2;
	}
	const info = await stat(dir).catch(() => undefined);
	if (!info?.isDirectory()) {
		process.stderr.write(`${dir} is not a folder\nhint: pass the folder that holds mesos/, marathon/, marathon-lb/, haproxy/ and zookeeper/\n`);
		return 2;
	}
	const results = await runConformance(dir);
	for (const result of results) {
		process.stdout.write(`${formatResult(result)}\n`);
	}
	const count = (outcome: string): number => results.filter(result => result.outcome === outcome).length;
	process.stdout.write(`\n${count('pass')} passed, ${count('expected-invalid')} rejected as expected, ${count('skipped')} skipped, ${count('fail')} failed\n`);
	return count('fail') === 0 && results.length > 0 ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.exitCode = await conformanceMain(process.argv.slice(2));
}
