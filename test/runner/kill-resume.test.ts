import {spawn, spawnSync, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {waitFor} from '../helpers/wait-for.js';

const script = fileURLToPath(new URL('fixtures/run-plan.mjs', import.meta.url));
const built = fileURLToPath(new URL('../../dist/runner/run-lab.js', import.meta.url));
const stepCount = 4;

let home: string;
let work: string;
const children: ChildProcess[] = [];

beforeAll(() => {
	if (!existsSync(built)) {
		throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
	}
});
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-kill-home-'));
	work = mkdtempSync(join(tmpdir(), 'mesos-lab-kill-work-'));
});
afterEach(() => {
	for (const child of children.splice(0)) {
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGKILL');
		}
	}
	rmSync(home, {recursive: true, force: true});
	rmSync(work, {recursive: true, force: true});
});

function start(resume: boolean, sleep = '0.3') {
	const child = spawn(process.execPath, [script, '--home', home, '--lab', 'kill-lab', '--work', work, '--steps', String(stepCount), '--sleep', sleep, ...(resume ? ['--resume'] : [])], {stdio: ['ignore', 'pipe', 'pipe']});
	children.push(child);
	let stdout = '';
	let stderr = '';
	child.stdout!.on('data', chunk => (stdout += chunk));
	child.stderr!.on('data', chunk => (stderr += chunk));
	const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
	return {child, exited, output: () => stdout, errors: () => stderr};
}

/** Kills a run and the commands it started, which run in process groups of their own. */
function killWithCommands(child: ChildProcess): void {
	const groups = spawnSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], {encoding: 'utf8'}).stdout.split('\n').map(Number).filter(pid => pid > 0);
	child.kill('SIGKILL');
	for (const group of groups) {
		try {
			process.kill(-group, 'SIGKILL');
		} catch {
			// The command had already ended.
		}
	}
}

const checkpointFile = () => join(home, 'labs', 'kill-lab', 'checkpoints.json');
const journal = () => JSON.parse(readFileSync(checkpointFile(), 'utf8')) as {steps: Record<string, {status: string}>; run?: {outcome: string}};

function statusOf(key: string): string | undefined {
	try {
		return journal().steps[key]?.status;
	} catch {
		return undefined;
	}
}

describe('kill -9 and resume', () => {
	// Kill points: mid-way through a step's commands, right as a step is done, and during the last step.
	const killPoints: Array<{name: string; reached: (run: ReturnType<typeof start>) => boolean}> = [
		{name: 'while step 1 sleeps', reached: () => statusOf('touch-1@local') === 'running'},
		{name: 'just after step 2 is done', reached: () => statusOf('touch-2@local') === 'done'},
		{name: 'while the last step runs a command', reached: run => new RegExp(`\\[${stepCount}/${stepCount}\\] touch-${stepCount}@local .*\\$ sleep`).test(run.output())},
	];

	it('completes the plan after being killed at several points, and the checkpoint file always parses', async () => {
		for (const point of killPoints) {
			const run = start(true);
			await waitFor(() => point.reached(run), point.name);
			run.child.kill('SIGKILL');
			await run.exited;
			expect(() => journal(), `checkpoint file after a kill ${point.name}`).not.toThrow();
		}

		const last = start(true, '0.05');
		expect(await last.exited).toBe(0);
		expect(last.errors()).toContain('took over lock of dead process');
		for (let index = 1; index <= stepCount; index++) {
			expect(existsSync(join(work, `step-${index}`))).toBe(true);
			expect(journal().steps[`touch-${index}@local`]?.status).toBe('done');
		}
		expect(journal().run?.outcome).toBe('completed');
		const runs = readFileSync(join(work, 'runs.log'), 'utf8').trim().split('\n');
		expect(new Set(runs)).toEqual(new Set(Array.from({length: stepCount}, (_, index) => `step ${index + 1}`)));
	});

	it('stops a second run on the same lab with a message naming the lock holder', async () => {
		// Long enough that the first run is still inside step 1 however slowly the second one starts.
		const first = start(false, '20');
		await waitFor(() => statusOf('touch-1@local') === 'running', 'the first run to start');
		const second = start(true);
		expect(await second.exited).toBe(1);
		expect(second.errors()).toMatch(new RegExp(`in use by process ${first.child.pid} on \\S+, started \\d{4}-`));
		expect(statusOf('touch-1@local')).toBe('running');
		killWithCommands(first.child);
	});
});
