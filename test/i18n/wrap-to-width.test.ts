import {describe, expect, it} from 'vitest';
import {displayWidth, wrapToWidth} from '../../src/i18n/display-width.js';

describe('wrapping text to a width in terminal columns', () => {
	it('breaks Chinese between words, each line within the width as the terminal counts it', () => {
		const text = '没有给出地址选项时，从这个已保存的实验环境读取地址（默认：默认的实验环境）';
		const lines = wrapToWidth(text, 40);
		expect(lines.length).toBeGreaterThan(1);
		expect(lines.join('')).toBe(text);
		for (const line of lines) {
			expect(displayWidth(line)).toBeLessThanOrEqual(40);
		}
	});

	it('never starts a line with a closing mark or ends one with an opening mark', () => {
		for (let width = 10; width <= 30; width++) {
			for (const line of wrapToWidth('访问 https:// 地址时要信任的私有 CA 的 PEM 文件（也可用 NODE_EXTRA_CA_CERTS）', width)) {
				expect(line, `width ${width}`).not.toMatch(/^[，。、；：）]/);
				expect(line, `width ${width}`).not.toMatch(/（$/);
			}
		}
	});

	it('keeps a path, a URL or a variable name whole, on a line of its own when it is wider than the line', () => {
		const lines = wrapToWidth('Mesos master 的地址，或写 zk://HOST:PORT,.../mesos，通过 ZooKeeper 跟随主节点', 20);
		expect(lines.some(line => line.includes('zk://HOST:PORT,.../mesos'))).toBe(true);
		expect(lines.join(' ').replaceAll(/\s+/g, ' ')).toContain('通过 ZooKeeper');
	});

	it('breaks English only at spaces, dropping the space at the break', () => {
		expect(wrapToWidth('print plain lines instead of the interactive view', 20)).toEqual(['print plain lines', 'instead of the', 'interactive view']);
	});
});
