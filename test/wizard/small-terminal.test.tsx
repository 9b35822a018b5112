import {render, Text} from 'ink';
import {afterEach, describe, expect, test, vi} from 'vitest';
import type {RunnerEvent, StepRef} from '../../src/runner/events.js';
import {WizardApp, type WizardControls} from '../../src/wizard/components/WizardApp.js';
import type {LearnPause} from '../../src/install/learn-gate.js';
import {colorDisabled, NoColorContext, useTone} from '../../src/wizard/palette.js';
import {at, stepRef} from './events.js';
import {Keyboard, Terminal} from './fake-terminal.js';
import {ScriptedSource} from './scripted-source.js';

const unmounts: Array<() => void> = [];
afterEach(() => {
	for (const unmount of unmounts.splice(0)) {
		unmount();
	}
});

const steps: StepRef[] = Array.from({length: 30}, (_, index) => stepRef(`step-${index}`, index, {total: 30}));
const [first] = steps as [StepRef];

function wizardAt(columns: number, rows: number, noColor = true) {
	const terminal = new Terminal(columns, rows);
	const keyboard = new Keyboard();
	const source = new ScriptedSource();
	const pauses = new Set<(pause: LearnPause) => void>();
	const controls: WizardControls = {
		confirmPlan: vi.fn(), recheckPreflight: vi.fn(async () => []), retry: vi.fn(), skip: vi.fn(), restartJob: vi.fn(), decideLearn: vi.fn(), quit: vi.fn(), openDashboard: vi.fn(),
		readLog: vi.fn(async () => Array.from({length: 300}, (_, index) => `log line ${index}`)),
	};
	const app = render(
		<WizardApp
			source={source}
			controls={controls}
			language="en"
			info={key => ({title: {zh: key, en: `Title of ${key}`}, why: {zh: '', en: 'Why this step matters, in a sentence long enough to wrap once on a narrow screen.'}, dependents: []})}
			downloads={[{what: 'mesos-1.11.0.tar.gz', from: 'https://archive.apache.org/dist/mesos/1.11.0/'}]}
			estimateMs={() => 95 * 60_000}
			addresses={{mesos: 'http://10.0.0.5:5050', marathon: 'http://10.0.0.5:8080', haproxyStats: 'http://10.0.0.5:9090/haproxy?stats'}}
			clock={() => 0}
			noColor={noColor}
			plan={{steps, checks: {}}}
			learn={{onPause(listener) {
				pauses.add(listener);
				return () => pauses.delete(listener);
			}}}
		/>,
		{stdout: terminal as unknown as NodeJS.WriteStream, stdin: keyboard as unknown as NodeJS.ReadStream, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	unmounts.push(() => {
		app.unmount();
	});
	const pause = (value: LearnPause) => {
		for (const listener of pauses) {
			listener(value);
		}
	};

	return {terminal, keyboard, source, pause};
}

async function shows(terminal: Terminal, text: string): Promise<string> {
	await vi.waitFor(() => {
		expect(terminal.frame).toContain(text);
	});
	return terminal.frame;
}

function expectFits(frame: string, columns: number, rows: number): void {
	const lines = frame.replace(/\n$/, '').split('\n');
	expect(lines.length).toBeLessThanOrEqual(rows);
	expect(Math.max(...lines.map(line => [...line].length))).toBeLessThanOrEqual(columns);
}

describe('an 80x24 terminal', () => {
	test('every screen fits, and each keeps its keys on screen', async () => {
		const {terminal, keyboard, source, pause} = wizardAt(80, 24);
		expectFits(await shows(terminal, 'Enter or y: start'), 80, 24);
		keyboard.type('\r');

		const chatter: RunnerEvent[] = Array.from({length: 500}, (_, index) => ({type: 'command-output', step: first, stream: 'stdout', line: `compiler output ${index} ${'x'.repeat(120)}`}));
		source.emit({type: 'step-started', step: first, at, attempt: 1}, {type: 'command-started', step: first, at, command: `make -j2 ${'-Dflag '.repeat(30)}`, index: 0, total: 1}, ...chatter);
		expectFits(await shows(terminal, 'compiler output 499'), 80, 24);

		source.emit({type: 'step-started', step: steps[1]!, at, attempt: 1});
		pause({key: steps[1]!.key, commands: Array.from({length: 40}, (_, index) => `$ yum install -y package-${index}`)});
		expectFits(await shows(terminal, 's: skip it'), 80, 24);
		keyboard.type('r');

		source.emit({type: 'step-failed', step: steps[1]!, at, error: 'yum exited 1', hint: 'The mirror did not answer.', logPath: '/root/.mesos-lab/labs/lab1/logs/step-1@node1.log', lastLines: Array.from({length: 8}, (_, index) => `error ${index}`)});
		expectFits(await shows(terminal, 'r: retry'), 80, 24);
		keyboard.type('l');
		expectFits(await shows(terminal, 'log line 299'), 80, 24);
		keyboard.type('l');
		await shows(terminal, 'r: retry');

		source.emit(...steps.map((step): RunnerEvent => ({type: 'step-verified', step, at, result: {ok: true, proof: {zh: `${step.id} answers`, en: `${step.id} answers`}}})), {type: 'run-finished', at, outcome: 'completed'});
		const summary = await shows(terminal, 'd: open the dashboard');
		expectFits(summary, 80, 24);
		expect(summary).toContain('more proven');
	});
});

describe('learn mode at 80x24', () => {
	test('shows the files a step writes, with the daemon flags, and scrolls them without losing the title or the keys', async () => {
		const {terminal, keyboard, source, pause} = wizardAt(80, 24);
		await shows(terminal, 'Enter or y: start');
		keyboard.type('\r');
		const step = steps[2]!;
		source.emit({type: 'step-started', step, at, attempt: 1});
		const unit = ['[Service]', `ExecStart=/usr/local/sbin/mesos-master --zk=zk://10.0.0.5:2181/mesos --quorum=2 --work_dir=/var/lib/mesos/master-1 --log_dir=/var/log/mesos/master-1 ${'--flag=x '.repeat(12)}`, 'Restart=always'];
		const zooCfg = ['tickTime=2000', 'initLimit=10', 'syncLimit=5', 'dataDir=/opt/mesos-lab/zookeeper/zk1/data', 'clientPort=2181', 'server.1=10.0.0.5:2888:3888', 'server.2=10.0.0.5:2889:3889', 'server.3=10.0.0.5:2890:3890'];
		pause({key: step.key, commands: [
			'write /opt/mesos-lab/zookeeper/zk1/conf/zoo.cfg:', ...zooCfg.map(line => `  │ ${line}`),
			'write /etc/systemd/system/mesos-lab-master-1.service:', ...unit.map(line => `  │ ${line}`),
			'$ systemctl daemon-reload',
			'$ systemctl enable --now mesos-lab-master-1.service',
		]});
		const first = await shows(terminal, 's: skip it');
		expectFits(first, 80, 24);
		expect(first).toContain(`Title of ${step.key}`);
		expect(first).toContain('│ tickTime=2000');
		expect(first).toMatch(/… and \d+ more \(↑↓ scroll/);

		for (let press = 0; press < 30; press++) {
			keyboard.type('\u001B[B');
		}
		const scrolled = await shows(terminal, 'systemctl enable --now mesos-lab-master-1.service');
		expectFits(scrolled, 80, 24);
		expect(scrolled).toContain('--zk=zk://10.0.0.5:2181/mesos');
		expect(scrolled).toContain(`Title of ${step.key}`);
		expect(scrolled).toContain('s: skip it');
	});
});

describe('NO_COLOR', () => {
	function ToneProbe() {
		const tone = useTone();
		return <Text>{`ok is ${tone('ok') ?? 'plain'}`}</Text>;
	}

	test('any non-empty value turns colour off, as no-color.org asks', () => {
		expect(colorDisabled({NO_COLOR: '1'})).toBe(true);
		expect(colorDisabled({NO_COLOR: ''})).toBe(false);
		expect(colorDisabled({})).toBe(false);
	});

	test('with colour off the screens name no colour at all', async () => {
		for (const [noColor, expected] of [[true, 'ok is plain'], [false, 'ok is green']] as const) {
			const terminal = new Terminal(80, 24);
			const app = render(<NoColorContext.Provider value={noColor}><ToneProbe/></NoColorContext.Provider>, {stdout: terminal as unknown as NodeJS.WriteStream, debug: true, patchConsole: false});
			await shows(terminal, expected);
			app.unmount();
		}
	});
});
