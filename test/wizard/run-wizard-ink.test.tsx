import {Console} from 'node:console';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import type {CommandContext} from '../../src/cli/context.js';
import {LockedError} from '../../src/errors.js';
import {defaultLab} from '../../src/lab/lab-file.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {acquireLabLock} from '../../src/state/lock.js';
import {prepareLabRun} from '../../src/install/lab-run.js';
import type {RunChoices} from '../../src/install/prepared-run.js';
import {runWizard, type WizardDeps} from '../../src/wizard/run-wizard.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {fakeStep} from '../runner/fake-steps.js';
import {Keyboard, Terminal} from './fake-terminal.js';

let home: string;
beforeEach(async () => {
	home = await mkdtemp(join(tmpdir(), 'mesos-lab-wizard-ink-'));
});
afterEach(async () => {
	await rm(home, {recursive: true, force: true});
});

// Ink routes console output around its frame with console.Console, which the test runner's console lacks.
beforeEach(() => {
	vi.stubGlobal('console', Object.assign(Object.create(console) as Console, {Console}));
});
afterEach(() => {
	vi.unstubAllGlobals();
});

function terminalContext(): {ctx: CommandContext; terminal: Terminal; keyboard: Keyboard} {
	const terminal = new Terminal(80, 24);
	const keyboard = new Keyboard();
	return {
		terminal,
		keyboard,
		ctx: {home, lang: 'en', debug: false, stdout: terminal as unknown as NodeJS.WritableStream, stderr: new PassThrough(), stdin: keyboard as unknown as NodeJS.ReadableStream, isTTY: true, env: {NO_COLOR: '1'}},
	};
}

function depsOver(exec: FakeExecutor, seen: RunChoices[] = []): WizardDeps {
	return {
		interview: {
			tryConnect: async () => ({ok: false, error: 'not asked'}),
			trustHostKey: async () => undefined,
			detectAddress: async () => undefined,
			probeMirror: async () => ({ok: false, detail: 'not asked'}),
		},
		prepareRun: async (lab, choices) => {
			seen.push(choices);
			return prepareLabRun({lab, home, labId: 'lab1', executorFor: () => exec, ...choices, plan: () => [fakeStep('install-docker', {commands: [{command: 'yum install -y docker-ce'}]})]});
		},
		openDashboard: async () => undefined,
		readLog: async () => [],
	};
}

const lab = defaultLab({address: '10.0.0.5', language: 'en'});

test('--learn in a terminal pauses the step on screen until a key runs it, then the summary closes with q', async () => {
	const {ctx, terminal, keyboard} = terminalContext();
	const seen: RunChoices[] = [];
	const exec = new FakeExecutor([{match: 'yum install -y docker-ce'}]);
	const code = runWizard(ctx, {lab, yes: true, learn: true}, depsOver(exec, seen));
	// The interactive view loads Ink on first use: a loaded machine may take a while.
	await vi.waitFor(() => {
		expect(terminal.frame).toContain('$ yum install -y docker-ce');
		expect(terminal.frame).toContain('s: skip it');
	}, {timeout: 15_000});
	expect(exec.commands).toEqual([]);
	keyboard.type('r');
	await vi.waitFor(() => {
		expect(terminal.frame).toContain('d: open the dashboard');
	});
	keyboard.type('q');
	expect(await code).toBe(0);
	expect(exec.commands).toEqual(['yum install -y docker-ce']);
	expect(seen).toEqual([{resume: false, onFailure: 'ask', learn: true, canAsk: false}]);
});

test('plain lines never pause and never wait on a failure: nobody is there to press a key', async () => {
	const stdout = new PassThrough();
	const seen: RunChoices[] = [];
	const exec = new FakeExecutor([{match: 'yum install -y docker-ce', exitCode: 1}]);
	const code = await runWizard({home, lang: 'en', debug: false, stdout, stderr: new PassThrough(), stdin: new PassThrough(), isTTY: false, env: {}}, {lab, yes: true, plain: true, learn: true}, depsOver(exec, seen));
	expect(code).toBe(1);
	expect(seen).toEqual([{resume: false, onFailure: 'stop', learn: false, canAsk: false}]);
});

test('when another run holds the lab, the screen closes and the lock holder is reported instead of a frozen wizard', async () => {
	const held = acquireLabLock(CheckpointStore.open(home, 'lab1').dir);
	try {
		const {ctx} = terminalContext();
		const exec = new FakeExecutor([]);
		const attempt = runWizard(ctx, {lab, yes: true}, depsOver(exec));
		await expect(attempt).rejects.toBeInstanceOf(LockedError);
		expect(exec.commands).toEqual([]);
	} finally {
		held.release();
	}
});

test('quitting with q on the failure screen exits non-zero: the install did not complete', async () => {
	const {ctx, terminal, keyboard} = terminalContext();
	const exec = new FakeExecutor([{match: 'yum install -y docker-ce', exitCode: 1}]);
	const code = runWizard(ctx, {lab, yes: true}, depsOver(exec));
	await vi.waitFor(() => {
		expect(terminal.frame).toContain('r: retry');
	});
	keyboard.type('q');
	expect(await code).toBe(1);
});
