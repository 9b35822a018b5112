import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {messages} from '../../src/i18n/catalog.js';

const glossary = readFileSync('docs/glossary.md', 'utf8');

/** The left column of the glossary's "Words to avoid" table. */
function avoided(): string[] {
	const section = glossary.split(/^## Words to avoid.*$/m)[1]?.split(/^## /m)[0] ?? '';
	return [...section.matchAll(/^\| ([^|]+?) \| [^|]+ \|$/gm)].map((row) => row[1]!).filter((word) => !/avoid|---/.test(word));
}

const chineseTexts: Array<[string, string]> = [
	...Object.entries(messages).map(([key, pair]): [string, string] => [`message ${key}`, pair.zh]),
	...['README.zh-CN.md', 'docs/zh-CN/lab-file.md', 'docs/zh-CN/dashboard-json.md', 'docs/zh-CN/experiments-and-apps.md'].map((file): [string, string] => [file, readFileSync(file, 'utf8')]),
];

describe('the glossary', () => {
	it('lists the words to avoid', () => {
		expect(avoided()).toEqual(expect.arrayContaining(['领导者', '滚动升级', '实验室', '后台任务']));
	});

	it.each(chineseTexts)('%s uses none of the words it says to avoid', (_name, text) => {
		expect(avoided().filter((word) => text.includes(word))).toEqual([]);
	});
});
