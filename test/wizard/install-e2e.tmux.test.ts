import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {e2eLabId, labHostUnavailable, labPorts, startLabHost, type LabHost} from '../e2e/lab-host.js';
import {tmuxAvailable, TmuxSession} from './tmux.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const capturesDir = fileURLToPath(new URL('captures', import.meta.url));
const unavailable = labHostUnavailable() ?? (await tmuxAvailable() ? undefined : 'tmux is missing');
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs tmux and the end-to-end lab host: ${unavailable}`);
}

/**
 * The registry answers badly for the next `count` pulls: the docker stand-in fails them as a
 * machine without DNS would, then pulls as usual.
 */
function failNextPulls(lab: LabHost, count: number): void {
	const counter = join(lab.host.dir, 'state', 'failing-pulls');
	writeFileSync(counter, `${count}\n`);
	const standIn = join(lab.host.standInDir, 'docker');
	const [shebang = '', ...rest] = readFileSync(standIn, 'utf8').split('\n');
	const failing = [
		`if [ "$1" = pull ] && [ "$(cat ${counter})" -gt 0 ]; then`,
		`  echo $(( $(cat ${counter}) - 1 )) > ${counter}`,
		'  echo "Error response from daemon: Get \\"https://registry-1.docker.io/v2/\\": dial tcp: lookup registry-1.docker.io: Name or service not known" >&2',
		'  exit 1',
		'fi',
	];
	writeFileSync(standIn, [shebang, ...failing, ...rest].join('\n'));
}

function journal(lab: LabHost): {steps: Record<string, {status: string; attempts: number}>} {
	return JSON.parse(readFileSync(join(lab.home, 'labs', e2eLabId, 'checkpoints.json'), 'utf8')) as {steps: Record<string, {status: string; attempts: number}>};
}

describe.skipIf(Boolean(unavailable))('the wizard installing a CentOS 7 test host in an 80x24 terminal', () => {
	let lab: LabHost;
	const sessions: TmuxSession[] = [];

	beforeAll(async () => {
		lab = await startLabHost({index: 2, buildSeconds: 4});
		failNextPulls(lab, 2);
	}, 120_000);

	afterAll(async () => {
		await Promise.all(sessions.map(async session => session.kill()));
		await lab?.stop();
	});

	async function cli(name: string, args: string[]): Promise<TmuxSession> {
		const session = await TmuxSession.start({
			name,
			socket: 'wiz-e2e',
			command: [process.execPath, join(repoRoot, 'bin', 'mesos-lab.js'), '--home', lab.home, ...args],
			cwd: repoRoot,
			env: {NO_COLOR: '1', LANG: 'C'},
			capturesDir,
			columns: 80,
			rows: 24,
		});
		sessions.push(session);
		return session;
	}

	test('review, a failing pull retried, quit, then resume to the summary and the dashboard', async () => {
		const init = await cli('init', ['init', '--config', lab.labPath]);
		const review = await init.waitAndSave('Enter or y: start', 'e2e-01-review', 120_000);
		expect(review).toMatch(/Plan: \d+ steps/);
		expect(review).toContain(lab.mirrorUrl);
		expect(review).toContain('first answering of 2');

		await init.sendKeys('Enter');
		const failure = await init.waitAndSave('r: retry', 'e2e-02-failure', 300_000);
		expect(failure).toContain('failed on node1');
		expect(failure).toContain('Error response from daemon');
		expect(failure).toContain('Full log:');

		await init.sendKeys('r');
		const again = await init.waitAndSave('(attempt 2)', 'e2e-03-failure-again', 60_000);
		expect(again).toContain('mesos-lab resume');
		const failedKey = Object.entries(journal(lab).steps).find(([, record]) => record.status === 'failed')?.[0];
		expect(failedKey).toBeDefined();
		expect(journal(lab).steps[failedKey!]?.attempts).toBe(2);

		await init.sendKeys('q');
		await init.waitForExit();
		await init.waitAndSave('mesos-lab resume', 'e2e-04-quit');

		const resume = await cli('resume', ['resume']);
		// Said once before the steps are re-checked; on a small terminal their lines soon scroll it up.
		const resumed = await resume.waitAndSave('The last run stopped at', 'e2e-05-resumed', 60_000, {scrollback: true});
		expect(resumed).toContain(`The last run stopped at ${failedKey!}`);
		const summary = await resume.waitAndSave('d: open the dashboard', 'e2e-06-summary', 300_000);
		expect(summary).toContain('The cluster is up.');
		expect(summary).toContain(`Mesos UI        http://${lab.host.address}:${labPorts.masters[0]}`);
		expect(Object.values(journal(lab).steps).every(record => record.status === 'done' || record.status === 'skipped')).toBe(true);
		expect(journal(lab).steps[failedKey!]).toMatchObject({status: 'done', attempts: 3});

		await resume.sendKeys('d');
		const dashboard = await resume.waitAndSave(/Apps \(\d+\)[\s\S]*Tab focus/, 'e2e-07-dashboard', 60_000);
		expect(dashboard).not.toContain('d: open the dashboard');
		expect(dashboard).toContain(lab.host.address);
		await resume.sendKeys('q');
		await resume.waitForExit();
	}, 900_000);
});

describe.skipIf(Boolean(unavailable))('learn mode on a CentOS 7 test host', () => {
	let lab: LabHost;
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		lab = await startLabHost({index: 3, buildSeconds: 4});
	}, 120_000);

	afterAll(async () => {
		await session?.kill();
		await lab?.stop();
	});

	test('each step that needs doing waits with its real commands; one is skipped, then the user quits', async () => {
		session = await TmuxSession.start({
			name: 'learn',
			socket: 'wiz-e2e',
			command: [process.execPath, join(repoRoot, 'bin', 'mesos-lab.js'), '--home', lab.home, 'init', '--config', lab.labPath, '--learn'],
			cwd: repoRoot,
			env: {NO_COLOR: '1', LANG: 'C'},
			capturesDir,
			columns: 80,
			rows: 24,
		});
		await session.waitForText('Enter or y: start', 120_000);
		await session.sendKeys('Enter');

		const first = await session.waitAndSave('s: skip it', 'e2e-learn-01-pause', 120_000);
		expect(first).toContain('It will run:');
		// A fresh CentOS 7 enforces SELinux, so the first step with work to do is the one that relaxes it.
		expect(first).toContain('Check SELinux');
		expect(first).toMatch(/\$ .*setenforce 0/);
		const pausedKey = Object.entries(journal(lab).steps).find(([, record]) => record.status === 'running')?.[0];
		expect(pausedKey).toBeDefined();
		await session.sendKeys('s');

		const second = await session.waitAndSave(/↷ \S+ skipped in \d+s: skipped in learn mode[\s\S]*s: skip it/, 'e2e-learn-02-next-pause', 60_000);
		expect(second).toContain('It will run:');
		expect(journal(lab).steps[pausedKey!]).toMatchObject({status: 'skipped'});
		await session.sendKeys('q');
		await session.waitForExit();
	}, 300_000);
});
