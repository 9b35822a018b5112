import {execFile} from 'node:child_process';
import {mkdir, mkdtemp, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {tmuxAvailable, TmuxSession} from './tmux.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const capturesDir = fileURLToPath(new URL('captures', import.meta.url));
const hasTmux = await tmuxAvailable();
if (!hasTmux && process.env['CI']) {
	throw new Error('tmux is required for the wizard terminal tests in CI');
}

describe.skipIf(!hasTmux)('the wizard in a real terminal', () => {
	let workDir: string;
	let home: string;
	const sessions: TmuxSession[] = [];

	beforeAll(async () => {
		workDir = await mkdtemp(join(tmpdir(), 'mesos-lab-wizard-tmux-'));
		home = join(workDir, 'home');
		await mkdir(home);
		// The fixture runs as compiled JavaScript, the way the installed program does.
		await run(process.execPath, [join(repoRoot, 'node_modules/typescript/bin/tsc'), '-p', join(repoRoot, 'test/wizard/fixtures/tsconfig.json'), '--outDir', join(workDir, 'out')]);
		await symlink(join(repoRoot, 'node_modules'), join(workDir, 'node_modules'));
		await writeFile(join(workDir, 'package.json'), '{"type": "module"}\n');
	}, 120_000);

	afterAll(async () => {
		await Promise.all(sessions.map(async session => session.kill()));
		await rm(workDir, {recursive: true, force: true});
	});

	async function startWizard(name: string, args: string[]): Promise<TmuxSession> {
		const session = await TmuxSession.start({
			name,
			command: [process.execPath, join(workDir, 'out/test/wizard/fixtures/scripted-wizard.js'), ...args],
			cwd: workDir,
			env: {WIZARD_HOME: home, NO_COLOR: '1'},
			capturesDir,
		});
		sessions.push(session);
		return session;
	}

	test('questions, review, a failing step retried, quit, then resume to the summary', async () => {
		const wizard = await startWizard('first-run', []);
		const questions = ['Language', 'Where should the cluster go?', 'Address to advertise', 'Topology', 'Package mirrors', '? Mesos\n', 'Mesos version', 'How to run'];
		let previous = '';
		for (const [index, question] of questions.entries()) {
			const screen = await wizard.waitForText(question);
			if (index === 2) {
				expect(screen).toContain('most common trap');
			}

			previous = screen;
			await wizard.sendKeys('Enter');
		}

		expect(previous).toContain('✓ mirror answered in 12 ms');
		const review = await wizard.waitAndSave('Enter or y: start', '01-review');
		expect(review).toContain(`Answers saved to ${join(home, 'lab.yaml')}`);
		expect(review).toContain('✓ docker: install-docker (already satisfied)');
		expect(review).toContain('mesos-1.11.0.tar.gz ← https://archive.apache.org/dist/mesos/1.11.0/');

		await wizard.sendKeys('Enter');
		const failure = await wizard.waitAndSave('r: retry', '02-failure');
		expect(failure).toContain('✗ build-mesos failed on node1');
		expect(failure).toContain('Hint: The compiler ran out of memory');
		expect(failure).toContain('✓ install-docker@node1 done');

		await wizard.sendKeys('l');
		await wizard.waitAndSave('full log line 2', '03-full-log');
		await wizard.sendKeys('Escape');
		await wizard.waitForText('r: retry');

		await wizard.sendKeys('r');
		const retried = await wizard.waitAndSave('failed on node1 (attempt 2)', '04-failure-after-retry');
		expect(retried).toContain('mesos-lab resume');
		await wizard.sendKeys('q');
		// Quitting a failed run leaves the install unfinished, so the wizard exits non-zero.
		await wizard.waitAndSave('wizard exited 1', '05-quit');

		const resumed = await startWizard('resume', ['resume']);
		const summary = await resumed.waitAndSave('d: open the dashboard', '06-summary');
		expect(summary).toContain('The last run stopped at build-mesos@node1: make exited 2');
		expect(summary).toContain('The cluster is up.');
		expect(summary).toContain('Mesos UI        http://127.0.0.1:5050');
		expect(summary).toContain('build-mesos: build-mesos proven');
		await resumed.sendKeys('d');
		await resumed.waitAndSave('dashboard opened', '07-dashboard');
	});
});
