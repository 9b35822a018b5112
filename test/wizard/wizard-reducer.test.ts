import {describe, expect, test} from 'vitest';
import type {RunnerEvent} from '../../src/runner/events.js';
import {wizardReducer} from '../../src/wizard/wizard-reducer.js';
import {initialWizardState, type WizardAction, type WizardState} from '../../src/wizard/wizard-state.js';
import {at, planSteps, started} from './events.js';

const [docker, build, marathon] = planSteps as [typeof planSteps[0], typeof planSteps[0], typeof planSteps[0]];

function fold(events: Array<RunnerEvent | WizardAction>, state = initialWizardState({now: 0, tailLimit: 5})): WizardState {
	return events.reduce<WizardState>((current, item) => wizardReducer(current, isAction(item) ? item : {type: 'runner', event: item as RunnerEvent, now: current.now}), state);
}

function isAction(item: RunnerEvent | WizardAction): item is WizardAction {
	return ['runner', 'tick', 'plan-loaded', 'plan-confirmed', 'stall-dismissed', 'learn-paused', 'learn-decided', 'log-opened', 'log-closed'].includes(item.type);
}

function runAt(event: RunnerEvent, now: number): WizardAction {
	return {type: 'runner', event, now};
}

describe('the review screen', () => {
	test('a new run opens on the review with the plan and what is already satisfied', () => {
		const state = fold([
			{type: 'run-started', labId: 'lab1', at, resumed: false, steps: planSteps},
			{type: 'step-checked', step: docker, at, result: {kind: 'satisfied', reason: {zh: 'docker 24.0.9 is running', en: 'docker 24.0.9 is running'}}},
		]);
		expect(state.screen).toEqual({kind: 'review', confirmed: false});
		expect(state.steps).toHaveLength(3);
		expect(state.checks[docker.key]?.kind).toBe('satisfied');
	});

	test('confirming the plan is remembered; confirming elsewhere changes nothing', () => {
		const confirmed = fold([{type: 'plan-loaded', steps: planSteps, checks: {}}, {type: 'plan-confirmed'}]);
		expect(confirmed.screen).toEqual({kind: 'review', confirmed: true});
		const onStep = fold([started(docker)]);
		expect(wizardReducer(onStep, {type: 'plan-confirmed'})).toBe(onStep);
	});
});

describe('the step screen', () => {
	test('a started step shows its counter, attempt and an empty output tail', () => {
		const state = fold([{type: 'command-output', step: docker, stream: 'stdout', line: 'old'}, started(docker, 2)]);
		expect(state.screen).toMatchObject({kind: 'step', step: docker, attempt: 2, command: undefined});
		expect(state.tail).toEqual([]);
	});

	test('the running command is shown with its position', () => {
		const state = fold([started(docker), {type: 'command-started', step: docker, at, command: 'yum install -y docker-ce', index: 1, total: 3}]);
		expect(state.screen).toMatchObject({command: {text: 'yum install -y docker-ce', index: 1, total: 3}});
	});

	test('the output tail keeps only the last lines however chatty the command', () => {
		const chatter: RunnerEvent[] = Array.from({length: 10_000}, (_, index) => ({type: 'command-output', step: docker, stream: 'stdout', line: `line ${index}`}));
		const state = fold([started(docker), ...chatter]);
		expect(state.tail).toEqual(['line 9995', 'line 9996', 'line 9997', 'line 9998', 'line 9999']);
	});

	test('a very long line is clipped so it cannot fill the screen', () => {
		const state = fold([started(docker), {type: 'command-output', step: docker, stream: 'stderr', line: 'x'.repeat(5000)}]);
		expect(state.tail[0]?.length).toBeLessThan(500);
	});

	test('a late line from another step does not reach the screen', () => {
		const state = fold([started(build), {type: 'command-output', step: docker, stream: 'stdout', line: 'late'}]);
		expect(state.tail).toEqual([]);
	});

	test('elapsed time follows the clock from the moment the step started', () => {
		const state = fold([runAt(started(docker), 10_000), {type: 'tick', now: 75_000}]);
		expect(state.screen).toMatchObject({startedAt: 10_000});
		expect(state.now).toBe(75_000);
	});

	test('a tick from the past does not move the clock back', () => {
		const state = fold([{type: 'tick', now: 5000}]);
		expect(wizardReducer(state, {type: 'tick', now: 4000})).toBe(state);
	});
});

describe('the Mesos build progress', () => {
	const attach: RunnerEvent = {type: 'job-attached', step: build, at, reattached: false, job: {name: 'mesos-build', logBytes: 0, progress: {done: 100, total: 1100}}};
	const progress = (done: number): RunnerEvent => ({type: 'job-progress', step: build, job: {name: 'mesos-build', logBytes: done * 80, progress: {done, total: 1100}}});

	test('percent comes from compiled objects against the total', () => {
		const state = fold([started(build), runAt(attach, 0), runAt(progress(550), 60_000)]);
		expect(state.screen).toMatchObject({build: {done: 550, total: 1100, percent: 50}});
	});

	test('the ETA is the remaining objects at the rate seen since attaching', () => {
		// 450 objects in 60 s from the first sample; 550 left at that rate is 73.3 s.
		const state = fold([started(build), runAt(attach, 0), runAt(progress(550), 60_000)]);
		expect(state.screen).toMatchObject({build: {etaMs: 73_333}});
	});

	test('there is no ETA until the build has moved', () => {
		const state = fold([started(build), runAt(attach, 0)]);
		expect(state.screen).toMatchObject({build: {percent: 9, etaMs: undefined}});
	});

	test('the screen says whether the build was started now or found still running', () => {
		expect(fold([started(build), runAt(attach, 0)]).screen).toMatchObject({job: {name: 'mesos-build', reattached: false}});
		expect(fold([started(build), runAt({...attach, reattached: true} as RunnerEvent, 0)]).screen).toMatchObject({job: {name: 'mesos-build', reattached: true}});
	});

	test('a re-attached build measures its rate from where it was found, not from zero', () => {
		const reattach: RunnerEvent = {...attach, reattached: true, job: {name: 'mesos-build', logBytes: 0, progress: {done: 1000, total: 1100}}} as RunnerEvent;
		const state = fold([started(build), runAt(reattach, 0), runAt(progress(1010), 10_000)]);
		expect(state.screen).toMatchObject({build: {etaMs: 90_000}});
	});
});

describe('the stall warning', () => {
	const silent = (silentForMs: number): RunnerEvent => ({type: 'job-silent', step: build, at, silentForMs});

	test('appears once the build has been silent for several minutes', () => {
		const state = fold([started(build), silent(6 * 60_000)], initialWizardState({now: 0, stallAfterMs: 5 * 60_000}));
		expect(state.screen).toMatchObject({stall: {silentForMs: 360_000}});
	});

	test('a short silence is not a stall', () => {
		const state = fold([started(build), silent(60_000)], initialWizardState({now: 0, stallAfterMs: 5 * 60_000}));
		expect(state.screen).toMatchObject({stall: undefined});
	});

	test('goes away when the build makes progress again or the user acts on it', () => {
		const stalled = fold([started(build), silent(600_000)]);
		const moving = wizardReducer(stalled, {type: 'runner', event: {type: 'job-progress', step: build, job: {name: 'mesos-build', logBytes: 10, progress: {done: 5, total: 10}}}, now: 1});
		expect(moving.screen).toMatchObject({stall: undefined});
		expect(wizardReducer(stalled, {type: 'stall-dismissed'}).screen).toMatchObject({stall: undefined});
	});
});

describe('learn mode', () => {
	const pause: WizardAction = {type: 'learn-paused', key: docker.key, commands: ['$ yum install -y docker-ce']};

	test('a waiting step shows the commands it will run until the user decides', () => {
		const waiting = fold([started(docker), pause]);
		expect(waiting.screen).toMatchObject({kind: 'step', step: docker, learn: {commands: ['$ yum install -y docker-ce']}});
		expect(wizardReducer(waiting, {type: 'learn-decided'}).screen).toMatchObject({kind: 'step', learn: undefined});
	});

	test('a pause for a step not on screen is ignored, and each new step starts unpaused', () => {
		expect(fold([started(build), pause]).screen).toMatchObject({learn: undefined});
		expect(fold([started(docker), pause, started(build)]).screen).toMatchObject({step: build, learn: undefined});
	});
});

describe('the failure screen', () => {
	const failed: RunnerEvent = {
		type: 'step-failed', step: docker, at, error: 'yum exited 1', hint: 'The mirror is unreachable: choose another.',
		logPath: '/var/log/lab/install-docker.log', lastLines: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
	};

	test('shows what failed, the hint, the log path and only the last lines', () => {
		const state = fold([started(docker), failed]);
		expect(state.screen).toMatchObject({kind: 'failure', attempt: 1, error: 'yum exited 1', hint: 'The mirror is unreachable: choose another.', logPath: '/var/log/lab/install-docker.log', lastLines: ['c', 'd', 'e', 'f', 'g']});
	});

	test('the full log opens and closes on the failure screen only', () => {
		const opened = fold([started(docker), failed, {type: 'log-opened', lines: ['1', '2']}]);
		expect(opened.screen).toMatchObject({fullLog: ['1', '2']});
		expect(wizardReducer(opened, {type: 'log-closed'}).screen).toMatchObject({fullLog: undefined});
		const running = fold([started(docker)]);
		expect(wizardReducer(running, {type: 'log-opened', lines: ['x']})).toBe(running);
	});

	test('a run that ends failed keeps the failure screen so retry and skip stay reachable', () => {
		const state = fold([started(docker), failed, {type: 'run-finished', at, outcome: 'failed'}]);
		expect(state.screen.kind).toBe('failure');
	});

	test('a retry leaves the failure screen for the step screen, and a second failure says which attempt failed', () => {
		const retrying = fold([started(docker), failed, started(docker, 2)]);
		expect(retrying.screen).toMatchObject({kind: 'step', attempt: 2});
		expect(wizardReducer(retrying, {type: 'runner', event: failed, now: 0}).screen).toMatchObject({kind: 'failure', attempt: 2});
	});
});

describe('finished steps and the summary', () => {
	test('finished steps are listed once each, in the order they ended', () => {
		const state = fold([
			{type: 'step-finished', step: docker, at, status: 'done', reason: 'installed', durationMs: 1000},
			{type: 'step-finished', step: build, at, status: 'skipped', reason: 'skipped by user', durationMs: 0},
			{type: 'step-finished', step: docker, at, status: 'done', reason: 'installed again', durationMs: 500},
		]);
		expect(state.finished.map(entry => `${entry.step.id}:${entry.reason}`)).toEqual(['build-mesos:skipped by user', 'install-docker:installed again']);
	});

	test('a completed run ends on the summary with what each verify proved', () => {
		const state = fold([
			{type: 'run-started', labId: 'lab1', at, resumed: true, steps: planSteps},
			{type: 'step-verified', step: marathon, at, result: {ok: true, proof: {zh: 'leader at 127.0.0.1:8080', en: 'leader at 127.0.0.1:8080'}}},
			{type: 'run-finished', at, outcome: 'completed'},
		]);
		expect(state.screen).toEqual({kind: 'summary', outcome: 'completed'});
		expect(state.resumed).toBe(true);
		expect(state.verified[marathon.key]).toEqual({ok: true, proof: {zh: 'leader at 127.0.0.1:8080', en: 'leader at 127.0.0.1:8080'}});
	});
});
