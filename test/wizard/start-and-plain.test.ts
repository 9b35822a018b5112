import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import type {CommandContext} from '../../src/cli/context.js';
import {UserInputError} from '../../src/errors.js';
import {serializeLab} from '../../src/lab/lab-file.js';
import type {RunnerEvent} from '../../src/runner/events.js';
import {answersToLab} from '../../src/wizard/answers-to-lab.js';
import {defaultAnswers} from '../../src/wizard/interview.js';
import type {DrivableRun} from '../../src/install/prepared-run.js';
import {runWizard, type WizardDeps} from '../../src/wizard/run-wizard.js';
import {chooseStartMode} from '../../src/install/start-mode.js';
import {at, planSteps, started} from './events.js';

const [docker] = planSteps as [typeof planSteps[0]];
const terminal = {stdinIsTTY: true, stdoutIsTTY: true};
const pipe = {stdinIsTTY: false, stdoutIsTTY: false};

describe('choosing how to start', () => {
	test('a terminal with no flags asks the questions in the wizard', () => {
		expect(chooseStartMode({}, terminal, 'en')).toEqual({kind: 'wizard', ask: true});
	});

	test('--config pre-answers and --yes skips asking', () => {
		expect(chooseStartMode({config: 'lab.yaml'}, terminal, 'en')).toEqual({kind: 'wizard', ask: false});
		expect(chooseStartMode({yes: true}, terminal, 'en')).toEqual({kind: 'wizard', ask: false});
	});

	test('--plain, or no terminal, prints plain lines', () => {
		expect(chooseStartMode({config: 'lab.yaml', plain: true}, terminal, 'en').kind).toBe('plain');
		expect(chooseStartMode({config: 'lab.yaml'}, pipe, 'en').kind).toBe('plain');
	});

	test('no terminal and no --config stops at once, naming the flag, with exit code 2', () => {
		const attempt = () => chooseStartMode({yes: true}, pipe, 'en');
		expect(attempt).toThrow(UserInputError);
		expect(attempt).toThrow(/--config/);
		try {
			attempt();
		} catch (error) {
			expect((error as UserInputError).exitCode).toBe(2);
		}
	});
});

describe('running without a terminal', () => {
	let home: string;
	beforeEach(async () => {
		home = await mkdtemp(join(tmpdir(), 'mesos-lab-wizard-'));
	});
	afterEach(async () => {
		await rm(home, {recursive: true, force: true});
	});

	function context(): {ctx: CommandContext; output: () => string} {
		const stdout = new PassThrough();
		let text = '';
		stdout.on('data', (chunk: Buffer) => {
			text += chunk.toString();
		});
		return {
			ctx: {home, lang: 'en', debug: false, stdout, stderr: new PassThrough(), stdin: new PassThrough(), isTTY: false, env: {}},
			output: () => text,
		};
	}

	function scriptedRun(events: RunnerEvent[]): DrivableRun {
		const listeners = new Set<(event: RunnerEvent) => void>();
		return {
			on(listener) {
				listeners.add(listener);
				return () => listeners.delete(listener);
			},
			async start() {
				for (const event of events) {
					for (const listener of listeners) {
						listener(event);
					}
				}

				return 'completed';
			},
			retry() {},
			skip() {},
			restartJob() {},
			stop() {},
		};
	}

	function deps(run: DrivableRun): WizardDeps {
		return {
			interview: {
				tryConnect: async () => ({ok: false, error: 'not used'}),
				trustHostKey: async () => undefined,
				detectAddress: async () => undefined,
				probeMirror: async () => ({ok: true, detail: 'not used'}),
			},
			prepareRun: async () => ({
				steps: planSteps, checks: {}, info: () => undefined, downloads: [], estimateMs: 0, lastStop: undefined, preflight: [], recheckPreflight: async () => [], run,
				addresses: {mesos: 'http://127.0.0.1:5050', marathon: 'http://127.0.0.1:8080', haproxyStats: 'http://127.0.0.1:9090/haproxy?stats'},
			}),
			openDashboard: async () => {},
			readLog: async () => [],
			clock: () => Date.parse('2026-01-10T09:00:00.000Z'),
		};
	}

	test('without --config the run refuses with exit code 2 before doing anything', async () => {
		const {ctx} = context();
		await expect(runWizard(ctx, {yes: true}, deps(scriptedRun([])))).rejects.toMatchObject({exitCode: 2, message: expect.stringContaining('--config')});
	});

	test('--config --yes --plain prints the welcome, then one line per event, and exits 0', async () => {
		const labPath = join(home, 'lab.yaml');
		await writeFile(labPath, serializeLab(answersToLab(defaultAnswers)));
		const events: RunnerEvent[] = [
			{type: 'run-started', labId: 'lab1', at, resumed: false, steps: planSteps},
			started(docker),
			{type: 'command-started', step: docker, at, command: 'yum install -y docker-ce', index: 0, total: 1},
			{type: 'step-finished', step: docker, at, status: 'done', reason: 'installed', durationMs: 3000},
			{type: 'run-finished', at, outcome: 'completed'},
		];
		const {ctx, output} = context();
		const code = await runWizard(ctx, {config: labPath, yes: true, plain: true}, deps(scriptedRun(events)));
		expect(code).toBe(0);
		const [welcome, ...lines] = output().trimEnd().split('\n');
		expect(welcome).toContain('Apache Mesos moved to the Apache Attic in 2025');
		expect(lines).toHaveLength(events.length);
		expect(lines.every(line => /^\d\d:\d\d:\d\d /.test(line))).toBe(true);
		expect(lines[2]).toContain('yum install -y docker-ce');
	});

	test('resume with the saved lab needs neither a terminal nor --config, and says where the last run stopped', async () => {
		const {ctx, output} = context();
		const run = scriptedRun([{type: 'run-finished', at, outcome: 'completed'}]);
		const resumeDeps = deps(run);
		const code = await runWizard(ctx, {resume: true, lab: answersToLab(defaultAnswers)}, {
			...resumeDeps,
			prepareRun: async (lab, options) => ({...await resumeDeps.prepareRun(lab, options), lastStop: {step: 'build-mesos@node1', reason: 'make exited 2'}}),
		});
		expect(code).toBe(0);
		expect(output()).toContain('上次运行停在 build-mesos@node1：make exited 2');
	});

	test('connections opened to prepare the run are closed when it ends, and --ignore-preflight reaches the lab', async () => {
		const {ctx} = context();
		let disposed = 0;
		let ignored: string[] = [];
		const base = deps(scriptedRun([]));
		await runWizard(ctx, {lab: answersToLab(defaultAnswers), ignorePreflight: ['memory']}, {
			...base,
			prepareRun: async (lab, options) => {
				ignored = lab.ignorePreflight;
				return {...await base.prepareRun(lab, options), dispose: async () => {
					disposed++;
				}};
			},
		});
		expect(disposed).toBe(1);
		expect(ignored).toEqual(['memory']);
	});

	test('answers taken without asking are saved as a lab file that --config replays', async () => {
		const {ctx, output} = context();
		const labPath = join(home, 'saved', 'lab.yaml');
		await runWizard({...ctx, isTTY: true, stdin: Object.assign(new PassThrough(), {isTTY: true})}, {yes: true, plain: true, labPath}, deps(scriptedRun([])));
		expect(output()).toContain(`Answers saved to ${labPath}`);
		expect(await readFile(labPath, 'utf8')).toContain('node1');
	});
});
