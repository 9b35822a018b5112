import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {isArgumentElement, isDateElement, isNumberElement, isPluralElement, isSelectElement, isTimeElement, parse, type MessageFormatElement} from '@formatjs/icu-messageformat-parser';
import {IntlMessageFormat} from 'intl-messageformat';
import {describe, expect, it} from 'vitest';
import {catalogAreas, messages, type MessageKey} from '../../src/i18n/catalog.js';
import {t} from '../../src/i18n/messages.js';

/** `name:kind` for every parameter a message takes, at any depth, as the ICU parser reads it. */
function parameters(message: string): string[] {
	const found = new Set<string>();
	const walk = (elements: MessageFormatElement[]) => {
		for (const element of elements) {
			if (isArgumentElement(element)) {
				found.add(`${element.value}:simple`);
			} else if (isNumberElement(element) || isDateElement(element) || isTimeElement(element)) {
				found.add(`${element.value}:${isNumberElement(element) ? 'number' : 'date'}`);
			} else if (isPluralElement(element) || isSelectElement(element)) {
				found.add(`${element.value}:${isPluralElement(element) ? 'plural' : 'select'}`);
				for (const option of Object.values(element.options)) {
					walk(option.value);
				}
			}
		}
	};
	walk(parse(message, {ignoreTag: true}));
	return [...found].sort();
}

const keys = Object.keys(messages) as MessageKey[];

describe('the message catalog', () => {
	it('defines each key in one area only, so no text silently replaces another', () => {
		const seen = new Map<string, string>();
		const twice: string[] = [];
		for (const [area, texts] of Object.entries(catalogAreas)) {
			for (const key of Object.keys(texts)) {
				const first = seen.get(key);
				if (first !== undefined) {
					twice.push(`${key}: ${first} and ${area}`);
				}
				seen.set(key, area);
			}
		}
		expect(twice).toEqual([]);
	});

	it.each(keys)('%s has Chinese and English with the same parameters', (key) => {
		const {en, zh} = messages[key];
		expect(en.trim()).not.toBe('');
		expect(zh).toMatch(/\p{Script=Han}/u);
		expect(parameters(zh)).toEqual(parameters(en));
	});

	it('quotes no brace, so the parameters the compiler reads are the ones ICU formats', () => {
		// ICU reads '{x}' as text; the compile-time reader does not, so such quoting is kept out.
		const quoting = keys.flatMap((key) => [messages[key].en, messages[key].zh]).filter((message) => /(?:^|[^'])'[{}#|]/.test(message.replaceAll("''", '')));
		expect(quoting).toEqual([]);
	});

	it('fills parameters in both languages, keeping a doubled apostrophe as one', () => {
		expect(t('en', 'unknownCommandNear', {word: 'stauts', suggestion: 'status'})).toBe("unknown command 'stauts' (did you mean 'status'?)");
		expect(t('zh', 'unknownCommandNear', {word: 'stauts', suggestion: 'status'})).toBe("未知命令 'stauts'（你是不是想输入 'status'？）");
		expect(t('zh', 'resetDone', {labId: 'home-lab', dir: '/var/lib/<lab>'})).toBe('已删除 home-lab 的检查点和日志（/var/lib/<lab>）');
	});

	it('reads a message without parameters the same way ICU does, without parsing it', () => {
		const literal = keys.filter((key) => !/[{}]/.test(messages[key].en));
		expect(literal.length).toBeGreaterThan(20);
		for (const key of literal) {
			for (const [language, locale] of [['en', 'en'], ['zh', 'zh-CN']] as const) {
				// @ts-expect-error: keys without parameters, which the filter above cannot narrow to
				expect(t(language, key), key).toBe(new IntlMessageFormat(messages[key][language], locale, undefined, {ignoreTag: true}).format());
			}
		}
		expect(t('en', 'cmdReset')).toBe("forget a lab's checkpoints; with --hosts, first remove what it installed on the hosts");
	});

	it('rejects, at compile time, an unknown key and a missing, misspelt or extra parameter', () => {
		const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
		const project = fileURLToPath(new URL('fixtures/tsconfig.json', import.meta.url));
		const result = spawnSync(process.execPath, [tsc, '-p', project], {encoding: 'utf8'});
		expect(result.stdout + result.stderr).toBe('');
		expect(result.status).toBe(0);
	}, 120_000);
});
