import {render} from 'ink-testing-library';
import {describe, expect, test} from 'vitest';
import {englishSentences} from '../helpers/no-english.js';
import {FailureView} from '../../src/wizard/components/FailureView.js';
import {PlanReview} from '../../src/wizard/components/PlanReview.js';
import {StepView} from '../../src/wizard/components/StepView.js';
import {Summary} from '../../src/wizard/components/Summary.js';
import type {StepInfoLookup} from '../../src/install/step-info.js';
import {planSteps, stepRef} from './events.js';

const [docker, build] = planSteps as [typeof planSteps[0], typeof planSteps[0]];

const info: StepInfoLookup = key => ({
	'install-docker@node1': {title: {zh: '安装 Docker', en: 'Install Docker'}, why: {zh: 'Mesos 用 Docker 运行容器。', en: 'Mesos runs containers with Docker.'}, dependents: ['start-marathon@node1']},
	'build-mesos@node1': {title: {zh: '编译 Mesos', en: 'Build Mesos'}, why: {zh: '教程从源码编译。', en: 'The tutorial builds from source.'}, dependents: []},
})[key];

/** The screens the CentOS 7 story does not reach cheaply, in Chinese: none may carry an English sentence. */
describe('the wizard\'s screens in Chinese', () => {
	test('learn mode says what the step will run and which keys decide, with more commands than fit', () => {
		const commands = Array.from({length: 12}, (_, index) => `$ yum install -y package-${index}`);
		const frame = render(
			<StepView
				screen={{kind: 'step', step: docker, attempt: 2, startedAt: 0, command: undefined, build: undefined, stall: undefined, job: undefined, learn: {commands}}}
				tail={[]}
				now={3_725_000}
				language="zh"
				info={info}
				commandRows={5}
			/>,
		).lastFrame() ?? '';
		expect(frame).toContain('1 小时 02 分 · 第 2 次尝试');
		expect(frame).toContain('它将执行：');
		expect(frame).toMatch(/… 还有 \d+ 条（↑↓ 滚动；全部都会写进步骤日志）/);
		expect(frame).toContain('Enter 或 r：执行这一步 · s：跳过 · n：执行它并不再暂停 · q：退出');
		expect(englishSentences(frame)).toEqual([]);
	});

	test('a silent build offers the remedy, and a job picked up again says so', () => {
		const frame = render(
			<StepView
				screen={{
					kind: 'step', step: build, attempt: 1, startedAt: 0, command: undefined, learn: undefined,
					build: {done: 120, total: 480, percent: 25, etaMs: undefined, origin: {done: 0, at: 0}},
					stall: {silentForMs: 360_000, since: 0},
					job: {name: 'mesos-build', reattached: true},
				}}
				tail={['  CXX      libmesos_la-master.lo']}
				now={400_000}
				language="zh"
				info={info}
			/>,
		).lastFrame() ?? '';
		expect(frame).toContain('已重新接上 mesos-build');
		expect(frame).toContain('25%（120/480 个目标文件）剩余时间估算中…');
		expect(frame).toContain('已经 6 分 00 秒 没有输出');
		expect(frame).toContain('│   CXX      libmesos_la-master.lo');
		expect(englishSentences(frame)).toEqual([]);
	});

	test('the full log of a failed step, and the review of a long plan', () => {
		const log = render(
			<FailureView
				screen={{kind: 'failure', step: docker, attempt: 1, error: 'x', hint: undefined, logPath: '/tmp/d.log', lastLines: [], fullLog: ['a', 'b', 'c']}}
				language="zh"
				info={info}
			/>,
		).lastFrame() ?? '';
		expect(log).toContain('日志 /tmp/d.log（共 3 行，显示最后 3 行）');
		expect(log).toContain('Esc 或 l：返回');
		expect(englishSentences(log)).toEqual([]);

		const many = Array.from({length: 40}, (_, index) => stepRef(`step-${index}`, index, {total: 40}));
		const review = render(<PlanReview steps={many} checks={{}} downloads={[]} estimateMs={90_000} language="zh" info={info} maxStepRows={10}/>).lastFrame() ?? '';
		expect(review).toContain('计划：共 40 步，0 步已满足，约需 1 分 30 秒');
		expect(review).toContain('… 还有 30 步（mesos-lab plan 会全部列出）');
		expect(englishSentences(review)).toEqual([]);
	});

	test('a run that stopped, its unproven step and the experiments not offered', () => {
		const frame = render(
			<Summary
				outcome="stopped"
				addresses={{mesos: 'http://10.0.0.2:5050', marathon: 'http://10.0.0.2:8080', haproxyStats: 'http://10.0.0.2:9090/haproxy?stats'}}
				steps={[docker]}
				verified={{[docker.key]: {ok: false, problem: {zh: 'docker info 没有应答', en: 'docker info does not answer'}}}}
				language="zh"
				info={info}
				experiments={[{topic: 'apps', commands: ['mesos-lab lab hello --lab-id default']}]}
			/>,
		).lastFrame() ?? '';
		expect(frame).toContain('本次运行已停止；用 `mesos-lab resume` 继续。');
		expect(frame).toContain('✗ 安装 Docker：验证失败，docker info 没有应答');
		expect(frame).not.toContain('试试教程里的实验');
		expect(englishSentences(frame)).toEqual([]);
	});
});
