import {describe, expect, test} from 'vitest';
import {englishSentences, misalignedBoxes, valueColumn} from './no-english.js';

describe('the screen checks of the Chinese stories', () => {
	test('an English sentence is found; Chinese with product names, kept terms, commands and paths is not', () => {
		expect(englishSentences('The cluster is up.\n集群已经运行起来了。')).toEqual(['The cluster is up']);
		expect(englishSentences('试试教程里的实验：mesos-lab lab hello --lab-id default（然后是 nginx）')).toEqual([]);
		expect(englishSentences('Mesos 网页控制台   http://10.0.0.2:5050/#/agents\n每个 agent 上的 executor 和 framework')).toEqual([]);
		expect(englishSentences('完整日志：/tmp/home/labs/default/logs/marathon-1@node1.log')).toEqual([]);
		expect(englishSentences('提示：运行 `mesos-lab resume --lab-id my lab now` 继续')).toEqual([]);
	});

	test('what a command is or printed is the host\'s words, not the program\'s', () => {
		expect(englishSentences('$ yum install the whole thing\n│ Error response from daemon')).toEqual([]);
		expect(englishSentences('  Error response from daemon')).toEqual(['Error response from daemon']);
	});

	test('box borders are measured in terminal columns, two for a Chinese character', () => {
		const straight = ['┌──────┐', '│ 中文 │', '└──────┘'].join('\n');
		expect(misalignedBoxes(straight)).toEqual([]);
		// Counted by length, as code that forgot wide characters would pad it: two columns short.
		const counted = ['┌──────┐', '│ 中文   │', '└──────┘'].join('\n');
		expect(misalignedBoxes(counted)).toHaveLength(1);
	});

	test('a value column is found by display width', () => {
		const screen = 'Mesos 网页控制台    http://a\nMarathon 网页控制台 http://b';
		expect(valueColumn(screen, 'Mesos 网页控制台')).toBe(20);
		expect(valueColumn(screen, 'Marathon 网页控制台')).toBe(20);
	});
});
