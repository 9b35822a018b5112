import {render} from 'ink-testing-library';
import {expect, test, vi} from 'vitest';
import {WizardApp, type WizardControls} from '../../src/wizard/components/WizardApp.js';
import type {LearnPause} from '../../src/install/learn-gate.js';
import {at, planSteps, started} from './events.js';
import {ScriptedSource} from './scripted-source.js';
import {waitFor} from '../helpers/wait-for.js';

/** Learn mode's pauses, sent by the test. */
class ScriptedLearn {
	readonly #listeners = new Set<(pause: LearnPause) => void>();

	onPause(listener: (pause: LearnPause) => void): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	pause(pause: LearnPause): void {
		for (const listener of this.#listeners) {
			listener(pause);
		}
	}
}

const [docker] = planSteps as [typeof planSteps[0]];

function setup(options: {autoConfirm?: boolean} = {}) {
	const source = new ScriptedSource();
	const learn = new ScriptedLearn();
	const controls: WizardControls = {
		confirmPlan: vi.fn(), recheckPreflight: vi.fn(async () => []), retry: vi.fn(), skip: vi.fn(), restartJob: vi.fn(), decideLearn: vi.fn(), quit: vi.fn(), openDashboard: vi.fn(),
		readLog: vi.fn(async () => ['first log line', 'last log line']),
	};
	const app = render(
		<WizardApp
			source={source}
			controls={controls}
			language="en"
			info={() => undefined}
			downloads={[]}
			estimateMs={steps => steps.length * 60_000}
			addresses={{mesos: 'http://10.0.0.5:5050', marathon: 'http://10.0.0.5:8080', haproxyStats: 'http://10.0.0.5:9090/haproxy?stats'}}
			clock={() => 0}
			noColor
			plan={{steps: planSteps, checks: {}}}
			autoConfirm={options.autoConfirm}
			learn={learn}
		/>,
	);
	return {source, learn, controls, app};
}

test('the user confirms the plan with Enter, then watches the step run', async () => {
	const {source, controls, app} = setup();
	await waitFor(() => (app.lastFrame() ?? '').includes('Plan: 3 steps'));
	app.stdin.write('\r');
	await waitFor(() => vi.mocked(controls.confirmPlan).mock.calls.length === 1);
	source.emit(started(docker), {type: 'command-output', step: docker, stream: 'stdout', line: 'Complete!'});
	await waitFor(() => (app.lastFrame() ?? '').includes('Complete!'));
	app.unmount();
});

test('with --yes the plan is confirmed without a key', async () => {
	const {controls, app} = setup({autoConfirm: true});
	await waitFor(() => vi.mocked(controls.confirmPlan).mock.calls.length === 1);
	app.unmount();
});

test('on a failure the keys retry, skip, show the log and quit', async () => {
	const {source, controls, app} = setup({autoConfirm: true});
	source.emit(started(docker), {type: 'step-failed', step: docker, at, error: 'exit 1', logPath: '/tmp/install-docker.log', lastLines: ['boom']});
	await waitFor(() => (app.lastFrame() ?? '').includes('r: retry'));
	app.stdin.write('r');
	await waitFor(() => vi.mocked(controls.retry).mock.calls.at(0)?.[0] === docker.key);
	app.stdin.write('s');
	await waitFor(() => vi.mocked(controls.skip).mock.calls.at(0)?.[0] === docker.key);
	app.stdin.write('l');
	await waitFor(() => (app.lastFrame() ?? '').includes('last log line'));
	app.stdin.write('l');
	await waitFor(() => (app.lastFrame() ?? '').includes('r: retry'));
	app.stdin.write('q');
	await waitFor(() => vi.mocked(controls.quit).mock.calls.length === 1);
});

test('a stalled build restarts with one key', async () => {
	const {source, controls, app} = setup({autoConfirm: true});
	source.emit(started(docker), {type: 'job-silent', step: docker, at, silentForMs: 20 * 60_000});
	await waitFor(() => (app.lastFrame() ?? '').includes('press x'));
	app.stdin.write('x');
	await waitFor(() => vi.mocked(controls.restartJob).mock.calls.at(0)?.[0] === docker.key);
	await waitFor(() => !(app.lastFrame() ?? '').includes('press x'));
	app.unmount();
});

test('in learn mode a waiting step runs, is skipped or lets the rest run through, one key each', async () => {
	const {source, learn, controls, app} = setup({autoConfirm: true});
	const [, build, marathon] = planSteps as [typeof planSteps[0], typeof planSteps[0], typeof planSteps[0]];
	const decisions = () => vi.mocked(controls.decideLearn).mock.calls;
	for (const [step, key, decision] of [[docker, '\r', 'run'], [build, 's', 'skip'], [marathon, 'n', 'run-through']] as const) {
		source.emit(started(step));
		learn.pause({key: step.key, commands: [`$ start ${step.id}`]});
		await waitFor(() => (app.lastFrame() ?? '').includes(`$ start ${step.id}`));
		app.stdin.write(key);
		await waitFor(() => decisions().length > 0 && decisions().at(-1)?.[0] === step.key);
		expect(decisions().at(-1)).toEqual([step.key, decision]);
		await waitFor(() => !(app.lastFrame() ?? '').includes('s: skip it'));
	}

	app.unmount();
});

test('the summary opens the dashboard in the same process', async () => {
	const {source, controls, app} = setup({autoConfirm: true});
	source.emit({type: 'run-finished', at, outcome: 'completed'});
	await waitFor(() => (app.lastFrame() ?? '').includes('http://10.0.0.5:5050'));
	app.stdin.write('d');
	await waitFor(() => vi.mocked(controls.openDashboard).mock.calls.length === 1);
});

test('finished steps stay listed above the live screen', async () => {
	const {source, app} = setup({autoConfirm: true});
	source.emit({type: 'step-finished', step: docker, at, status: 'done', reason: 'docker 24.0.9 running', durationMs: 42_000});
	await waitFor(() => (app.frames.join('\n')).includes('✓ install-docker@node1 done in 42s: docker 24.0.9 running'));
	app.unmount();
});
