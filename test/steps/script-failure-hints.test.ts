import {execFileSync, spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {parseLab} from '../../src/lab/lab-file.js';
import type {Lab} from '../../src/lab/lab-schema.js';
import {buildPlan} from '../../src/steps/catalog.js';
import {linkMesosScript} from '../../src/steps/mesos-paths.js';
import {planningContext} from '../../src/steps/plan-script.js';
import {buildResetPlan} from '../../src/steps/reset.js';
import {fetchChecked, hintFor} from '../../src/steps/step-kit.js';
import type {Step} from '../../src/steps/step.js';
import {repoRewriteScript} from '../../src/steps/templates/yum-repos.js';

/**
 * Our own scripts' failure messages are English log lines; beside them a Chinese reader gets the
 * step's hint in Chinese. Each script is run here for real until it fails, and what it printed is
 * handed to the hints of the steps that run it, as the runner does.
 */
const work = mkdtempSync(join(tmpdir(), 'script-failures-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

// Port 9 (discard) on loopback: nothing listens there, so curl fails at once with "connection refused".
const closed = 'http://127.0.0.1:9';

function failingRun(program: string, args: readonly string[]): string {
	const run = spawnSync('bash', ['-c', program, 'mesos-lab', ...args], {encoding: 'utf8', timeout: 60_000});
	expect(run.status, run.stderr).not.toBe(0);
	return `${run.stdout}${run.stderr}`;
}

const lab = parseLab(readFileSync(join('examples', 'lab.yaml'), 'utf8'), 'examples/lab.yaml');
const steps = buildPlan(lab);

function stepById(id: string, from: readonly Step[] = steps): Step {
	const step = from.find((candidate) => candidate.id === id);
	expect(step, id).toBeDefined();
	return step!;
}

function expectHint(step: Step, output: string, id: string): void {
	const hint = hintFor(step.hints, output, 'exit 1');
	expect(hint?.id, `${step.id}: ${output}`).toBe(id);
	expect(hint!.hint.en).toMatch(/[a-z]/);
	expect(hint!.hint.zh).toMatch(/[\u4e00-\u9fff]/);
}

describe('each failure our scripts print comes with a hint in both languages', () => {
	it('a download with no digest published beside it', () => {
		const local = join(work, 'archive.tar.gz');
		writeFileSync(local, 'not really an archive');
		const output = failingRun(fetchChecked, [`${closed}/zookeeper.tar.gz`, join(work, 'downloads', 'zk.tar.gz'), 'sha512', '', local]);
		expect(output).toContain('no digest is published next to');
		// Every step that runs the checked download, whatever it fetches.
		const downloads = steps.filter((step) => step.hints.some((hint) => hint.id === 'checksum-mismatch'));
		expect(downloads.map((step) => step.id)).toContain('zookeeper-download');
		for (const step of downloads) {
			expectHint(step, output, 'no-digest-published');
		}
	});

	it('a download that does not match its pinned digest', () => {
		const local = join(work, 'other.tar.gz');
		writeFileSync(local, 'something else');
		const output = failingRun(fetchChecked, [`${closed}/zookeeper.tar.gz`, join(work, 'downloads', 'other.tar.gz'), 'sha256', 'a'.repeat(64), local]);
		expect(output).toMatch(/checksum mismatch for \S+: expected a{64}, got [0-9a-f]{64}/);
		expectHint(stepById('zookeeper-download'), output, 'checksum-mismatch');
	});

	it('no CentOS vault mirror answers', () => {
		const script = join(work, 'mesos-lab-yum-repos');
		writeFileSync(script, repoRewriteScript([closed], 'https://archives.fedoraproject.org/pub/archive/epel/7'));
		mkdirSync(join(work, 'yum.repos.d'), {recursive: true});
		const run = spawnSync('bash', [script, join(work, 'yum.repos.d')], {encoding: 'utf8', timeout: 60_000});
		expect(run.status).not.toBe(0);
		const output = `${run.stdout}${run.stderr}`;
		expect(output).toContain(`no vault mirror answered: ${closed}`);
		expectHint(stepById('yum-vault'), output, 'no-vault-mirror');
		expectHint(stepById('yum-update'), output, 'no-vault-mirror');
	});

	it('an install that left mesos-master in none of the folders searched', () => {
		const empty = join(work, 'empty-bin');
		mkdirSync(empty, {recursive: true});
		const output = failingRun(linkMesosScript, [join(work, 'lab-root'), empty, empty]);
		expect(output).toContain(`mesos-master is in none of: ${empty}`);
		expectHint(stepById('mesos-build'), output, 'mesos-not-found');
	});

	it('a reset whose Mesos archive is gone', async () => {
		const root = join(work, 'reset-root');
		const tarballLab: Lab = {...lab, root, mesos: {source: 'tarball', download: {url: `${closed}/mesos-1.11.0.tar.gz`, checksum: {algorithm: 'sha512'}}}};
		const reset = buildResetPlan(tarballLab);
		const step = stepById('reset-mesos', reset);
		const [uninstall] = (await step.plan(planningContext())).commands;
		const run = spawnSync('bash', ['-c', uninstall!.command], {encoding: 'utf8', timeout: 60_000});
		expect(run.status).not.toBe(0);
		const output = `${run.stdout}${run.stderr}`;
		expect(output).toContain(`the archive ${root}/downloads/mesos-1.11.0.tar.gz is gone`);
		expectHint(step, output, 'mesos-archive-gone');
	});

	it('every "echo … >&2" in the steps\' programs is one of the failures above', () => {
		const sources = execFileSync('grep', ['-rhoE', 'echo "[^"]*" >&2', 'src/steps'], {encoding: 'utf8'}).trim().split('\n');
		const covered = [/^echo "checksum mismatch for \$dest: no digest/, /^echo "checksum mismatch for \$dest: expected/, /^echo "no vault mirror answered/, /^echo "\$program is in none of/, /^echo "the archive \$1 is gone/];
		expect(sources.filter((line) => !covered.some((pattern) => pattern.test(line)))).toEqual([]);
	});
});
