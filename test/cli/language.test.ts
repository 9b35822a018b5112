import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {localeLanguage} from '../../src/i18n/language.js';
import {scriptOwnWords} from '../helpers/script-words.js';

const bin = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));
const labSaysZh = fileURLToPath(new URL('../../examples/lab.yaml', import.meta.url));
let files: string;
let silentLab: string;

/** The built CLI with no locale of the caller's leaking in: only `env` speaks. */
function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
	const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['MESOS_LAB_LANG', 'LC_ALL', 'LC_MESSAGES', 'LANG'].includes(name)));
	const result = spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', env: {...inherited, ...env}});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}

const chinesePlan = /1\. preflight-os +确认系统是 CentOS 7/;
const englishPlan = /1\. preflight-os +Confirm the system is CentOS 7/;

beforeAll(() => {
	if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
		throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
	}
	files = mkdtempSync(join(tmpdir(), 'mesos-lab-lang-'));
	// The example lab without its `language:` line: a file that leaves the language to the reader.
	silentLab = join(files, 'lab.yaml');
	writeFileSync(silentLab, readFileSync(labSaysZh, 'utf8').replace(/^language: zh\n/m, ''));
});
afterAll(() => {
	rmSync(files, {recursive: true, force: true});
});

describe('which language mesos-lab speaks', () => {
	it('follows --lang over a lab file that says zh, for the plan and the exported script', () => {
		expect(readFileSync(labSaysZh, 'utf8')).toMatch(/^language: zh$/m);
		expect(cli(['--lang', 'en', 'plan', '--config', labSaysZh], {LANG: 'zh_CN.UTF-8'}).stdout).toMatch(englishPlan);
		const script = cli(['plan', '--config', labSaysZh, '--script', '--lang=en']).stdout;
		expect(script).toContain('# Install script written by mesos-lab');
		expect(scriptOwnWords(script)).not.toMatch(/\p{Script=Han}/u);
	});

	it('follows --lang over MESOS_LAB_LANG, and MESOS_LAB_LANG over the lab file', () => {
		expect(cli(['--lang', 'zh', 'plan', '--config', labSaysZh], {MESOS_LAB_LANG: 'en'}).stdout).toMatch(chinesePlan);
		expect(cli(['plan', '--config', labSaysZh], {MESOS_LAB_LANG: 'en', LANG: 'zh_CN.UTF-8'}).stdout).toMatch(englishPlan);
	});

	it('follows the lab file over the locale', () => {
		expect(cli(['plan', '--config', labSaysZh], {LANG: 'en_US.UTF-8'}).stdout).toMatch(chinesePlan);
	});

	it('follows the locale when the lab file names no language', () => {
		expect(cli(['plan', '--config', silentLab], {LANG: 'zh_TW.UTF-8'}).stdout).toMatch(chinesePlan);
		expect(cli(['plan', '--config', silentLab], {LANG: 'en_GB.UTF-8'}).stdout).toMatch(englishPlan);
		expect(cli(['plan', '--config', silentLab]).stdout).toMatch(englishPlan);
	});

	it('reads LC_ALL before LC_MESSAGES before LANG, as POSIX does', () => {
		expect(cli(['stauts'], {LC_ALL: 'zh_HK.UTF-8', LC_MESSAGES: 'C', LANG: 'en_US.UTF-8'}).stderr).toMatch(/^未知命令 'stauts'/);
		expect(cli(['stauts'], {LC_ALL: '', LC_MESSAGES: 'zh_SG.GBK', LANG: 'en_US.UTF-8'}).stderr).toMatch(/^未知命令 'stauts'/);
		expect(cli(['stauts'], {LC_ALL: 'C', LANG: 'zh_CN.UTF-8'}).stderr).toMatch(/^unknown command 'stauts'/);
	});

	it('speaks the chosen language in the help', () => {
		expect(cli(['--help'], {MESOS_LAB_LANG: 'zh'}).stdout).toContain('示例：');
		expect(cli(['--help', '--lang', 'en'], {LANG: 'zh_CN.UTF-8'}).stdout).toContain('Examples:');
	});

	it('refuses a language it does not speak, in the language of the locale, exit 2', () => {
		expect(cli(['status'], {MESOS_LAB_LANG: 'fr', LANG: 'zh_CN.UTF-8'})).toMatchObject({code: 2, stderr: 'MESOS_LAB_LANG=fr 不是 mesos-lab 支持的语言。\n提示：请用 zh 或 en。\n'});
		expect(cli(['--lang', 'de', 'status'])).toMatchObject({code: 2, stderr: '--lang de is not a language mesos-lab speaks.\nhint: Use zh or en.\n'});
	});
});

describe('reading the locale', () => {
	it.each([
		['zh_CN.UTF-8', 'zh'], ['zh_CN.utf8', 'zh'], ['zh_CN.GB18030', 'zh'], ['zh_CN', 'zh'], ['zh_TW.Big5', 'zh'], ['zh_HK.UTF-8', 'zh'], ['zh_SG.GBK', 'zh'],
		['zh-CN', 'zh'], ['zh-Hans', 'zh'], ['zh-Hant-TW', 'zh'], ['zh', 'zh'],
		['en_US.UTF-8', 'en'], ['C', 'en'], ['C.UTF-8', 'en'], ['POSIX', 'en'], ['ja_JP.UTF-8', 'en'], ['lzh_TW', 'en'], ['', 'en'],
	] as const)('LANG=%s gives %s', (locale, language) => {
		expect(localeLanguage({LANG: locale})).toBe(language);
	});
});
