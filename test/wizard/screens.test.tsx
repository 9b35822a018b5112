import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {FailureView} from '../../src/wizard/components/FailureView.js';
import {PlanReview} from '../../src/wizard/components/PlanReview.js';
import {barCells} from '../../src/wizard/components/ProgressBar.js';
import {fitCommands, StepView} from '../../src/wizard/components/StepView.js';
import {Summary} from '../../src/wizard/components/Summary.js';
import type {StepInfoLookup} from '../../src/install/step-info.js';
import {planSteps, stepRef} from './events.js';

const [docker, build, marathon] = planSteps as [typeof planSteps[0], typeof planSteps[0], typeof planSteps[0]];

const info: StepInfoLookup = key => ({
	'install-docker@node1': {title: {zh: '安装 Docker', en: 'Install Docker'}, why: {zh: 'Mesos 用 Docker 运行容器。', en: 'Mesos runs containers with Docker.'}, dependents: ['start-marathon']},
	'build-mesos@node1': {title: {zh: '编译 Mesos', en: 'Build Mesos'}, why: {zh: '教程从源码编译。', en: 'The tutorial builds from source.'}, dependents: []},
})[key];

describe('PlanReview', () => {
	test('lists every step per host, marks the satisfied ones, the downloads and the estimate', () => {
		const steps = [...planSteps, stepRef('install-docker', 3, {host: 'node2', total: 4})];
		const {lastFrame} = render(
			<PlanReview
				steps={steps}
				checks={{[docker.key]: {kind: 'satisfied', reason: {zh: 'running', en: 'running'}}, [build.key]: {kind: 'needed', reason: {zh: 'missing', en: 'missing'}}}}
				downloads={[{what: 'mesos-1.11.0.tar.gz', from: 'https://archive.apache.org/dist/mesos/1.11.0/'}]}
				estimateMs={95 * 60_000}
				language="en"
				info={info}
			/>,
		);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('4 steps, 1 already satisfied, about 1h 35m');
		expect(frame).toMatch(/node1[\s\S]*✓ docker: Install Docker \(already satisfied\)[\s\S]*• mesos-install: Build Mesos[\s\S]*start-marathon[\s\S]*node2/);
		expect(frame).toContain('mesos-1.11.0.tar.gz ← https://archive.apache.org/dist/mesos/1.11.0/');
		expect(frame).toContain('Enter or y: start');
	});
});

test('a long plan at 80x24 lists what fits and counts the rest, keeping the keys on screen', () => {
	const many = Array.from({length: 40}, (_, index) => stepRef(`step-${index}`, index, {total: 40}));
	const frame = render(<PlanReview steps={many} checks={{}} downloads={[]} estimateMs={0} language="en" info={info} maxStepRows={10}/>).lastFrame() ?? '';
	expect(frame).toContain('step-9');
	expect(frame).not.toContain('step-10');
	expect(frame).toContain('… and 30 more steps');
	expect(frame).toContain('Enter or y: start');
});

describe('StepView', () => {
	test('shows counter, phase, title, the why in the chosen language, the command, the tail and elapsed time', () => {
		const {lastFrame} = render(
			<StepView
				screen={{kind: 'step', step: docker, attempt: 1, startedAt: 0, command: {text: 'yum install -y docker-ce-24.0.9', index: 0, total: 2}, build: undefined, stall: undefined, job: undefined, learn: undefined}}
				tail={['Resolving dependencies', 'Installed: docker-ce']}
				now={75_000}
				language="zh"
				info={info}
			/>,
		);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('[1/3] docker · node1 · 1 分 15 秒');
		expect(frame).toContain('安装 Docker');
		expect(frame).toContain('Mesos 用 Docker 运行容器。');
		expect(frame).toContain('$ yum install -y docker-ce-24.0.9  (1/2)');
		expect(frame).toContain('Installed: docker-ce');
	});

	test('shows the build progress bar with percent and ETA, and the stall remedy as one key', () => {
		const {lastFrame} = render(
			<StepView
				screen={{
					kind: 'step', step: build, attempt: 1, startedAt: 0, command: undefined,
					build: {done: 550, total: 1100, percent: 50, etaMs: 40 * 60_000, origin: {done: 0, at: 0}},
					stall: {silentForMs: 7 * 60_000, since: 0},
					job: {name: 'mesos-build', reattached: true},
					learn: undefined,
				}}
				tail={[]}
				now={0}
				language="en"
				info={info}
			/>,
		);
		const frame = lastFrame() ?? '';
		expect(frame).toContain('Re-attached to mesos-build: it kept running on node1 while mesos-lab was away.');
		expect(frame).toContain('50% (550/1100 objects) ETA 40m 00s');
		expect(frame).toContain('No output for 7m 00s');
		expect(frame).toContain('press x to stop it and run it again');
	});

	test('when the stall remedy cannot run from the screen, it says to quit and resume', () => {
		const frame = render(
			<StepView
				screen={{kind: 'step', step: build, attempt: 1, startedAt: 0, command: undefined, build: undefined, stall: {silentForMs: 600_000, since: 0}, job: undefined, learn: undefined}}
				canRestartJob={false}
				tail={[]}
				now={0}
				language="en"
				info={info}
			/>,
		).lastFrame() ?? '';
		expect(frame).toContain('mesos-lab resume');
		expect(frame).not.toContain('press x');
	});

	test('in learn mode the step waits with its why, the commands it will run and the keys to run or skip it', () => {
		const commands = Array.from({length: 20}, (_, index) => `$ yum install -y package-${index}`);
		const frame = render(
			<StepView
				screen={{kind: 'step', step: docker, attempt: 1, startedAt: 0, command: undefined, build: undefined, stall: undefined, job: undefined, learn: {commands}}}
				tail={[]}
				now={0}
				language="en"
				info={info}
				commandRows={6}
			/>,
		).lastFrame() ?? '';
		expect(frame).toContain('Mesos runs containers with Docker.');
		expect(frame).toContain('It will run:');
		expect(frame).toContain('$ yum install -y package-4');
		expect(frame).not.toContain('package-5');
		expect(frame).toContain('… and 15 more');
		expect(frame).toContain('Enter or r: run this step · s: skip it · n: run it and the rest without pausing');
	});

	test('in learn mode a long command wraps so it can be read whole, and what does not fit is counted', () => {
		const long = `$ bash -c 'for f in /etc/sysconfig/network-scripts/ifcfg-*; do sed -i s/^ONBOOT=no/ONBOOT=yes/ "$f"; done'`;
		expect(fitCommands([long, '$ systemctl restart network'], 10, 60)).toEqual([long, '$ systemctl restart network']);
		expect(fitCommands([long, '$ a', '$ b'], 3, 60)).toEqual([long]);
		expect(fitCommands(['x'.repeat(500)], 3, 60)[0]).toHaveLength(180);
		const frame = render(
			<StepView
				screen={{kind: 'step', step: docker, attempt: 1, startedAt: 0, command: undefined, build: undefined, stall: undefined, job: undefined, learn: {commands: [long]}}}
				tail={[]}
				now={0}
				language="en"
				info={info}
				columns={60}
			/>,
		).lastFrame() ?? '';
		expect(frame.replaceAll('\n', '')).toContain('"$f"; done\'');
	});

	test('a bar is filled in proportion and clamps out-of-range percentages', () => {
		expect(barCells(50, 30)).toEqual({filled: 15, empty: 15});
		expect(barCells(140, 10)).toEqual({filled: 10, empty: 0});
	});
});

describe('FailureView', () => {
	const screen = {
		kind: 'failure' as const, step: docker, attempt: 1, error: 'yum exited 1', hint: 'The mirror is unreachable: pick another with --mirrors.',
		logPath: '/var/lib/mesos-lab/logs/install-docker.log', lastLines: ['Cannot find a valid baseurl'], fullLog: undefined,
	};

	test('shows what failed, the hint, the last lines, the log path, the skip warning and the keys', () => {
		const frame = render(<FailureView screen={screen} language="en" info={info}/>).lastFrame() ?? '';
		expect(frame).toContain('✗ Install Docker failed on node1');
		expect(frame).toContain('Hint: The mirror is unreachable');
		expect(frame).toContain('Cannot find a valid baseurl');
		expect(frame).toContain('Full log: /var/lib/mesos-lab/logs/install-docker.log');
		expect(frame).toContain('Skipping leaves these without what they need: start-marathon');
		expect(frame).toContain('mesos-lab resume');
	});

	test('the full log shows its last lines within the rows given', () => {
		const fullLog = Array.from({length: 50}, (_, index) => `log line ${index}`);
		const frame = render(<FailureView screen={{...screen, fullLog}} language="en" info={info} logRows={5}/>).lastFrame() ?? '';
		expect(frame).toContain('last 5 of 50 lines');
		expect(frame).toContain('log line 49');
		expect(frame).not.toContain('log line 44');
	});
});

describe('Summary', () => {
	test('gives the addresses, what each verify proved, and the dashboard key', () => {
		const frame = render(
			<Summary
				outcome="completed"
				addresses={{mesos: 'http://192.168.56.10:5050', marathon: 'http://192.168.56.10:8080', haproxyStats: 'http://192.168.56.10:9090/haproxy?stats'}}
				steps={planSteps}
				verified={{[docker.key]: {ok: true, proof: {zh: 'docker info answers', en: 'docker info answers'}}, [marathon.key]: {ok: false, problem: {zh: 'no leader', en: 'no leader'}}}}
				language="en"
				info={info}
			/>,
		).lastFrame() ?? '';
		expect(frame).toContain('The cluster is up.');
		expect(frame).toContain('Mesos UI        http://192.168.56.10:5050');
		expect(frame).toContain('Marathon        http://192.168.56.10:8080');
		expect(frame).toContain('HAProxy stats   http://192.168.56.10:9090/haproxy?stats');
		expect(frame).toContain('✓ Install Docker: docker info answers');
		expect(frame).toContain('✗ start-marathon: no leader');
		expect(frame).toContain('d: open the dashboard');
	});

	test('offers the tutorial experiments once the cluster is up, and not after a failed run', () => {
		const experiments = [
			{topic: 'apps' as const, commands: ['mesos-lab lab hello --lab-id home', 'mesos-lab lab nginx --lab-id home', 'mesos-lab lab failover --lab-id home', 'mesos-lab lab vhost --lab-id home']},
			{topic: 'availability' as const, commands: ['mesos-lab lab zk-quorum --lab-id home', 'mesos-lab lab master-failover --lab-id home', 'mesos-lab lab marathon-failover --lab-id home']},
		];
		const summary = (outcome: 'completed' | 'failed') => render(
			<Summary outcome={outcome} addresses={{mesos: 'm', marathon: 'mt', haproxyStats: 'h'}} steps={[]} verified={{}} language="en" info={info} experiments={experiments}/>,
		).lastFrame() ?? '';
		expect(summary('completed')).toContain("Try the tutorial's experiments: mesos-lab lab hello --lab-id home (then nginx, failover, vhost)");
		expect(summary('completed')).toContain('High availability: mesos-lab lab zk-quorum --lab-id home (then master-failover, marathon-failover)');
		expect(summary('failed')).not.toContain('experiments');
	});
});
