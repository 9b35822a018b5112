import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';

const script = fileURLToPath(new URL('../runner/fixtures/run-plan.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/runner/run-lab.js', import.meta.url));

// A tmpfs mounted in a mount namespace of the test's own is a disk that really fills, and is seen by no one else.
const canMount = spawnSync('unshare', ['-m', '--propagation', 'private', 'true']).status === 0;

let outside: string;
beforeAll(() => {
	if (!existsSync(built)) {
		throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
	}
});
beforeEach(() => {
	outside = mkdtempSync(join(tmpdir(), 'mesos-lab-full-disk-'));
});
afterEach(() => {
	rmSync(outside, {recursive: true, force: true});
});

describe.skipIf(!canMount)('a full disk under --home', () => {
	it('stops the run with a clear message, keeps the last checkpoint whole, and resume completes once space is free', () => {
		const home = join(outside, 'home');
		const work = join(outside, 'work');
		const run = (extra: string) => `node ${script} --home ${home} --lab full-lab --work ${work} --steps 4 --sleep 0 ${extra}`;
		// Everything that needs the small disk happens inside the namespace; what the test reads is copied out.
		const story = [
			'set -u',
			`mkdir -p ${home} ${work}`,
			`mount -t tmpfs -o size=256k tmpfs ${home}`,
			`${run(`--fill ${home}/filler`)} > ${outside}/first.out 2> ${outside}/first.err; echo $? > ${outside}/first.code`,
			`cp ${home}/labs/full-lab/checkpoints.json ${outside}/after-failure.json`,
			`rm ${home}/filler`,
			`${run('--resume')} > ${outside}/second.out 2> ${outside}/second.err; echo $? > ${outside}/second.code`,
			`cp ${home}/labs/full-lab/checkpoints.json ${outside}/after-resume.json`,
		].join('\n');
		const result = spawnSync('unshare', ['-m', '--propagation', 'private', 'sh', '-c', story], {encoding: 'utf8', timeout: 120_000});
		expect(result.status, result.stderr).toBe(0);
		const read = (name: string) => readFileSync(join(outside, name), 'utf8');

		const kept = JSON.parse(read('after-failure.json')) as {steps: Record<string, {status: string}>};
		expect(kept.steps['touch-1@local']?.status).toBe('done');
		expect(kept.steps['touch-4@local']?.status).toBe('pending');

		expect(read('first.code').trim()).not.toBe('0');
		expect(read('first.err')).toMatch(/disk is full/);
		expect(read('first.err')).toMatch(/mesos-lab resume/);
		expect(read('first.err')).not.toMatch(/\n\s+at /);

		expect(read('second.code').trim(), read('second.err')).toBe('0');
		const finished = JSON.parse(read('after-resume.json')) as {steps: Record<string, {status: string}>; run?: {outcome: string}};
		expect(finished.run?.outcome).toBe('completed');
		expect(Object.values(finished.steps).every(step => step.status === 'done' || step.status === 'skipped')).toBe(true);
	});
});
