import {render} from 'ink-testing-library';
import {expect, test, vi} from 'vitest';
import type {PreflightOutcome} from '../../src/steps/preflight-findings.js';
import {WizardApp, type WizardControls} from '../../src/wizard/components/WizardApp.js';
import {wizardReducer} from '../../src/wizard/wizard-reducer.js';
import {initialWizardState} from '../../src/wizard/wizard-state.js';
import {planSteps} from './events.js';
import {ScriptedSource} from './scripted-source.js';
import {waitFor} from '../helpers/wait-for.js';

const osFails: PreflightOutcome = {
	key: 'preflight-os@node1',
	name: 'os',
	host: 'node1',
	title: {zh: '确认系统是 CentOS 7', en: 'Confirm the system is CentOS 7'},
	finding: {level: 'fail', detail: {zh: 'found debian 12', en: 'found debian 12'}, fix: {zh: '仅支持 CentOS 7。请换一台 CentOS 7 虚拟机。', en: 'Only CentOS 7 is supported. Use a CentOS 7 machine.'}},
};
const diskFails: PreflightOutcome = {
	key: 'preflight-disk@node1',
	name: 'disk',
	host: 'node1',
	title: {zh: '检查可用磁盘 ≥ 20 GB', en: 'Check at least 20 GB of free disk'},
	finding: {level: 'fail', detail: {zh: '3 GB free', en: '3 GB free'}, fix: {zh: '扩大虚拟机磁盘。', en: 'Grow the VM disk.'}},
};

test('Enter is refused while a preflight check fails, and accepted once the user ignores it by name', () => {
	const judged = wizardReducer(initialWizardState({now: 0}), {type: 'preflight-judged', outcomes: [osFails]});
	const refused = wizardReducer(judged, {type: 'plan-confirmed'});
	expect(refused.screen).toEqual({kind: 'review', confirmed: false});
	expect(refused.preflight.refused).toBe(true);

	const ignored = wizardReducer(refused, {type: 'preflight-ignore-toggled'});
	expect(ignored.preflight.ignored).toEqual(['os']);
	expect(wizardReducer(ignored, {type: 'plan-confirmed'}).screen).toEqual({kind: 'review', confirmed: true});
});

test('i ignores the selected failing check only; a new verdict without the failure lets the run start', () => {
	let state = wizardReducer(initialWizardState({now: 0}), {type: 'preflight-judged', outcomes: [osFails, diskFails]});
	state = wizardReducer(state, {type: 'preflight-selected', delta: 1});
	state = wizardReducer(state, {type: 'preflight-ignore-toggled'});
	expect(state.preflight.ignored).toEqual(['disk']);
	expect(wizardReducer(state, {type: 'plan-confirmed'}).screen).toMatchObject({confirmed: false});

	state = wizardReducer(state, {type: 'preflight-judged', outcomes: [{...osFails, finding: {...osFails.finding, level: 'pass'}}, diskFails]});
	expect(wizardReducer(state, {type: 'plan-confirmed'}).screen).toMatchObject({confirmed: true});
});

function review(language: 'zh' | 'en', autoConfirm = false) {
	const controls: WizardControls = {
		confirmPlan: vi.fn(), recheckPreflight: vi.fn(async () => [{...osFails, finding: {...osFails.finding, level: 'pass' as const}}]), retry: vi.fn(), skip: vi.fn(), restartJob: vi.fn(), decideLearn: vi.fn(), quit: vi.fn(), openDashboard: vi.fn(),
		readLog: vi.fn(async () => []),
	};
	const app = render(
		<WizardApp
			source={new ScriptedSource()}
			controls={controls}
			language={language}
			info={() => undefined}
			downloads={[{what: 'Mesos 1.11.0', from: 'https://archive.apache.org/dist/mesos'}]}
			estimateMs={() => 0}
			addresses={{mesos: '', marathon: '', haproxyStats: ''}}
			clock={() => 0}
			noColor
			plan={{steps: planSteps, checks: {}, preflight: [osFails]}}
			autoConfirm={autoConfirm}
		/>,
	);
	return {controls, app};
}

test('the review leads with the failure and its fix; Enter says why it cannot start; i then Enter starts with the check ignored', async () => {
	const {controls, app} = review('en');
	await waitFor(() => (app.lastFrame() ?? '').includes('Fix: Only CentOS 7 is supported.'));
	expect(app.lastFrame()).toContain('✗ os@node1: Confirm the system is CentOS 7');
	expect(app.lastFrame()).toContain('Found: found debian 12');
	expect(app.lastFrame()).not.toContain('Enter or y: start');

	app.stdin.write('\r');
	await waitFor(() => (app.lastFrame() ?? '').includes('Cannot start yet: fix or ignore os first.'));
	expect(controls.confirmPlan).not.toHaveBeenCalled();

	app.stdin.write('i');
	await waitFor(() => (app.lastFrame() ?? '').includes('(ignored by you)'));
	expect(app.lastFrame()).toContain('Enter or y: start');
	app.stdin.write('\r');
	await waitFor(() => vi.mocked(controls.confirmPlan).mock.calls.length === 1);
	expect(controls.confirmPlan).toHaveBeenCalledWith(['os']);
	app.unmount();
});

test('in Chinese, c checks again and a fixed machine may start; --yes never starts past a failure', async () => {
	const {controls, app} = review('zh', true);
	await waitFor(() => (app.lastFrame() ?? '').includes('修复：仅支持 CentOS 7。'));
	expect(app.lastFrame()).toContain('i：忽略选中项');
	expect(controls.confirmPlan).not.toHaveBeenCalled();

	app.stdin.write('c');
	await waitFor(() => vi.mocked(controls.confirmPlan).mock.calls.length === 1);
	expect(controls.recheckPreflight).toHaveBeenCalledTimes(1);
	expect(controls.confirmPlan).toHaveBeenCalledWith([]);
	app.unmount();
});
