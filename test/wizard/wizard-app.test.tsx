import {render} from 'ink-testing-library';
import {expect, test, vi} from 'vitest';
import {WizardApp, type WizardControls} from '../../src/wizard/components/WizardApp.js';
import {at, planSteps, started} from './events.js';
import {ScriptedSource} from './scripted-source.js';

const [docker] = planSteps as [typeof planSteps[0]];

function setup(options: {autoConfirm?: boolean} = {}) {
	const source = new ScriptedSource();
	const controls: WizardControls = {
		confirmPlan: vi.fn(), retry: vi.fn(), skip: vi.fn(), restartJob: vi.fn(), quit: vi.fn(), openDashboard: vi.fn(),
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
		/>,
	);
	return {source, controls, app};
}

async function until(predicate: () => boolean): Promise<void> {
	await vi.waitFor(() => {
		expect(predicate()).toBe(true);
	});
}

test('the user confirms the plan with Enter, then watches the step run', async () => {
	const {source, controls, app} = setup();
	await until(() => (app.lastFrame() ?? '').includes('Plan: 3 steps'));
	app.stdin.write('\r');
	await until(() => vi.mocked(controls.confirmPlan).mock.calls.length === 1);
	source.emit(started(docker), {type: 'command-output', step: docker, stream: 'stdout', line: 'Complete!'});
	await until(() => (app.lastFrame() ?? '').includes('Complete!'));
	app.unmount();
});

test('with --yes the plan is confirmed without a key', async () => {
	const {controls, app} = setup({autoConfirm: true});
	await until(() => vi.mocked(controls.confirmPlan).mock.calls.length === 1);
	app.unmount();
});

test('on a failure the keys retry, skip, show the log and quit', async () => {
	const {source, controls, app} = setup({autoConfirm: true});
	source.emit(started(docker), {type: 'step-failed', step: docker, at, error: 'exit 1', logPath: '/tmp/install-docker.log', lastLines: ['boom']});
	await until(() => (app.lastFrame() ?? '').includes('r: retry'));
	app.stdin.write('r');
	await until(() => vi.mocked(controls.retry).mock.calls.at(0)?.[0] === docker.key);
	app.stdin.write('s');
	await until(() => vi.mocked(controls.skip).mock.calls.at(0)?.[0] === docker.key);
	app.stdin.write('l');
	await until(() => (app.lastFrame() ?? '').includes('last log line'));
	app.stdin.write('l');
	await until(() => (app.lastFrame() ?? '').includes('r: retry'));
	app.stdin.write('q');
	await until(() => vi.mocked(controls.quit).mock.calls.length === 1);
});

test('a stalled build restarts with one key', async () => {
	const {source, controls, app} = setup({autoConfirm: true});
	source.emit(started(docker), {type: 'job-silent', step: docker, at, silentForMs: 20 * 60_000});
	await until(() => (app.lastFrame() ?? '').includes('press x'));
	app.stdin.write('x');
	await until(() => vi.mocked(controls.restartJob).mock.calls.at(0)?.[0] === docker.key);
	await until(() => !(app.lastFrame() ?? '').includes('press x'));
	app.unmount();
});

test('the summary opens the dashboard in the same process', async () => {
	const {source, controls, app} = setup({autoConfirm: true});
	source.emit({type: 'run-finished', at, outcome: 'completed'});
	await until(() => (app.lastFrame() ?? '').includes('http://10.0.0.5:5050'));
	app.stdin.write('d');
	await until(() => vi.mocked(controls.openDashboard).mock.calls.length === 1);
});

test('finished steps stay listed above the live screen', async () => {
	const {source, app} = setup({autoConfirm: true});
	source.emit({type: 'step-finished', step: docker, at, status: 'done', reason: 'docker 24.0.9 running', durationMs: 42_000});
	await until(() => (app.frames.join('\n')).includes('✓ install-docker@node1 done in 42s: docker 24.0.9 running'));
	app.unmount();
});
