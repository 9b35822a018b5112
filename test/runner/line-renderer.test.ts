import {describe, expect, it} from 'vitest';
import type {RunnerEvent, StepRef} from '../../src/runner/events.js';
import {createLineRenderer, formatEvent, wantsColor} from '../../src/runner/line-renderer.js';

const step: StepRef = {key: 'docker@node1', id: 'docker', host: 'node1', phase: 'docker', index: 1, total: 5, title: {zh: '安装 Docker', en: 'Install Docker'}};

describe('line renderer', () => {
	it('prints one timestamped line per event, in the chosen language', () => {
		const out: string[] = [];
		const render = createLineRenderer({write: text => out.push(text)});
		const events: RunnerEvent[] = [
			{type: 'step-started', step, at: '2026-03-01T10:00:00.000Z', attempt: 2},
			{type: 'command-output', step, stream: 'stderr', line: 'warning: slow mirror'},
			{type: 'job-progress', step, job: {name: 'build', logBytes: 10}},
			{type: 'step-finished', step, at: '2026-03-01T10:00:05.000Z', status: 'done', reason: 'applied and verified', durationMs: 5000},
		];
		events.forEach(render);
		expect(out[0]).toBe('10:00:00 [2/5] docker@node1 Install Docker started (attempt 2)\n');
		expect(out[1]).toMatch(/^\d\d:\d\d:\d\d docker@node1 ! warning: slow mirror\n$/);
		expect(out[2]).toBe('10:00:05 [2/5] docker@node1 Install Docker done (applied and verified, 5000 ms)\n');
		expect(out).toHaveLength(3);
		expect(formatEvent(events[0]!, {language: 'zh'})).toBe('10:00:00 [2/5] docker@node1 安装 Docker 开始（第 2 次）');
	});

	it('gives the check and verify reasons in the reader language, and a reason an older build saved as it was', () => {
		const checked: RunnerEvent = {type: 'step-checked', step, at: '2026-03-01T10:00:00.000Z', result: {kind: 'needed', reason: {zh: 'docker 没有运行', en: 'docker does not run'}}};
		const verified: RunnerEvent = {type: 'step-verified', step, at: '2026-03-01T10:00:04.000Z', result: {ok: true, proof: {zh: 'docker info 有应答', en: 'docker info answers'}}};
		const skipped: RunnerEvent = {type: 'step-finished', step, at: '2026-03-01T10:00:05.000Z', status: 'skipped', reason: 'skipped in learn mode', durationMs: 0};
		expect(formatEvent(checked, {language: 'zh'})).toBe('10:00:00 [2/5] docker@node1 安装 Docker 需要执行：docker 没有运行');
		expect(formatEvent(checked, {language: 'en'})).toBe('10:00:00 [2/5] docker@node1 Install Docker needed: docker does not run');
		expect(formatEvent(verified, {language: 'zh'})).toBe('10:00:04 [2/5] docker@node1 安装 Docker 验证通过：docker info 有应答');
		expect(formatEvent(skipped, {language: 'zh'})).toBe('10:00:05 [2/5] docker@node1 安装 Docker 跳过 (skipped in learn mode, 0 ms)');
	});

	it('shows hint and log path under a failure', () => {
		const line = formatEvent({type: 'step-failed', step, at: '2026-03-01T10:00:00.000Z', error: 'exit 1', hint: 'enable overlay', logPath: '/tmp/l.log', lastLines: []});
		expect(line).toBe('10:00:00 [2/5] docker@node1 Install Docker failed: exit 1\n  hint: enable overlay\n  log: /tmp/l.log');
	});

	it('colours only a terminal without NO_COLOR', () => {
		expect(wantsColor(true, {})).toBe(true);
		expect(wantsColor(true, {NO_COLOR: '1'})).toBe(false);
		expect(wantsColor(false, {})).toBe(false);
		expect(formatEvent({type: 'run-finished', at: '2026-03-01T10:00:00.000Z', outcome: 'failed'}, {color: true})).toContain('\u001B[31m');
	});
});
