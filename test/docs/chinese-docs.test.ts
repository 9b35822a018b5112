import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, relative} from 'node:path';
import {describe, expect, it} from 'vitest';

/** Each English document and its Chinese version. */
const pairs = [
	['README.md', 'README.zh-CN.md'],
	['docs/lab-file.md', 'docs/zh-CN/lab-file.md'],
	['docs/dashboard-json.md', 'docs/zh-CN/dashboard-json.md'],
	['docs/experiments-and-apps.md', 'docs/zh-CN/experiments-and-apps.md'],
] as const;

const read = (file: string) => readFileSync(file, 'utf8');

/** Relative link targets of a Markdown file, as paths from the repository root. */
function localLinks(file: string): string[] {
	return [...read(file).matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)]
		.map((match) => match[1]!)
		.filter((target) => !/^[a-z]+:/.test(target))
		.map((target) => join(dirname(file), target));
}

/** Inline code may wrap over lines in either language; its words are what must match. */
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/** Inline code and fenced blocks: commands, fields and values, which a translation keeps as they are. */
function code(file: string): string[] {
	const text = read(file);
	const fenced = [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
	const inline = [...text.replace(/^```[^\n]*\n[\s\S]*?^```/gm, '').matchAll(/`([^`]+)`/g)].map((match) => oneLine(match[1]!));
	return [...new Set([...fenced, ...inline])];
}

describe('the Chinese documents', () => {
	it.each(pairs)('%s links its Chinese version at the top, and %s links back', (english, chinese) => {
		const top = read(english).split('\n').slice(0, 5);
		expect(top.some((line) => line.includes(`(${relative(dirname(english), chinese)})`))).toBe(true);
		expect(localLinks(chinese)).toContain(join(english));
	});

	it.each(pairs.map(([, chinese]) => [chinese]))('%s links only to files that exist', (chinese) => {
		expect(localLinks(chinese).filter((target) => !existsSync(target))).toEqual([]);
	});

	it.each(pairs)('%s and %s show the same commands, fields and values', (english, chinese) => {
		const translated = read(chinese);
		const translatedOneLine = oneLine(translated);
		expect(code(english).filter((snippet) => !translated.includes(snippet) && !translatedOneLine.includes(snippet))).toEqual([]);
	});
});
