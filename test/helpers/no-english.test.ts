import {describe, expect, it} from 'vitest';
import {englishSentences, misalignedBorders} from './no-english.js';

describe('the checks for a Chinese screen', () => {
	it('find an English sentence, and pass commands, URLs and the glossary’s kept words', () => {
		expect(englishSentences('任务 web.1 已经不在集群里了\nthe task is gone')).toEqual(['the task is gone']);
		expect(englishSentences('Run these in a second terminal')).toEqual(['Run these in a second terminal']);
		expect(englishSentences('mesos-lab lab hello --marathon http://127.0.0.1:8080\n在 agent 上通过 mesos executor 启动')).toEqual([]);
		expect(englishSentences('Tab 切换面板 · Enter 展开 · Esc 返回')).toEqual([]);
	});

	it('measure borders in display columns, so a Chinese title does not hide a shifted border', () => {
		const aligned = ['┌─ 应用 ─┐', '│中文    │', '└────────┘'].join('\n');
		expect(misalignedBorders(aligned, 10)).toEqual([]);
		const shifted = ['┌─ 应用 ─┐', '│中文      │', '└────────┘'].join('\n');
		expect(misalignedBorders(shifted, 12)).toHaveLength(1);
		expect(misalignedBorders('一二三四五六', 10)).toEqual(['row 1 takes 12 columns of 10']);
	});
});
