import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {t} from '../../src/i18n/messages.js';
import stringWidth from 'string-width';
import {englishSentences, misalignedBoxes} from '../helpers/no-english.js';
import {TmuxSession} from '../wizard/tmux.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const capturesDir = join(root, 'test', 'dashboard', 'captures');
const tmuxMissing = spawnSync('tmux', ['-V']).status !== 0;
const notBuilt = !existsSync(join(root, 'dist', 'cli', 'main.js'));
const why = tmuxMissing ? 'tmux is not installed' : notBuilt ? 'run `npm run build` first' : undefined;

if (why && process.env.CI) {
	throw new Error(`the Chinese demo's terminal test cannot run in CI: ${why}`);
}

// How long a key press may take to show on a loaded machine; an idle one answers in milliseconds.
const uiCeilingMs = 15_000;
const zh = (key: Parameters<typeof t>[1]) => t('zh', key as 'dashHelpTitle');

let session: TmuxSession | undefined;

afterEach(async () => {
	await session?.kill();
	session = undefined;
});

/** `mesos-lab demo` in a Chinese locale, with no --lang and nothing else naming a language. */
async function startDemo(columns: number, rows: number): Promise<TmuxSession> {
	session = await TmuxSession.start({
		name: `demo-zh-${columns}x${rows}`,
		socket: 'e-dash-zh',
		command: ['node', 'bin/mesos-lab.js', 'demo', '--refresh', '1'],
		cwd: root,
		env: {LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', MESOS_LAB_LANG: '', TERM: 'xterm-256color'},
		capturesDir,
		columns,
		rows,
	});
	return session;
}

/**
 * The screen reads as Chinese, no row is wider than the terminal, and, without an overlay on top,
 * every box keeps its borders in line.
 */
function expectChineseScreen(screen: string, columns: number, options: {overlay?: boolean} = {}): void {
	expect(englishSentences(screen), screen).toEqual([]);
	expect(screen.split('\n').filter(row => stringWidth(row) > columns), screen).toEqual([]);
	if (!options.overlay) {
		expect(misalignedBoxes(screen), screen).toEqual([]);
	}
}

describe.skipIf(why !== undefined)('mesos-lab demo in a Chinese terminal', () => {
	it('at 120x40 shows every panel in Chinese with its borders in line, and the help and a confirmation too', async () => {
		const demo = await startDemo(120, 40);
		// Given the demo is running in a zh_CN.UTF-8 terminal
		const first = await demo.waitAndSave(/nginx_10000 UP[\s\S]*事件/, 'zh-overview-120x40', 30_000);
		for (const key of ['dashPanelApps', 'dashPanelTasks', 'dashPanelLeaders', 'dashPanelAgents', 'dashPanelBackends', 'dashPanelJoined', 'dashPanelEvents', 'dashPanelAllocation'] as const) {
			expect(first).toContain(t('zh', key));
		}
		expect(first).toContain(zh('dashSimulatedMark'));
		expectChineseScreen(first, 120);

		// When the user opens the help, it is Chinese too
		await demo.sendKeys('?');
		const help = await demo.waitAndSave(t('zh', 'dashHelpSimKill'), 'zh-help-120x40', uiCeilingMs);
		expectChineseScreen(help, 120, {overlay: true});
		await demo.sendKeys('?');
		await demo.waitForText(new RegExp(`^(?![\\s\\S]*${t('zh', 'dashHelpSimKill')})`), uiCeilingMs);

		// And a restart asks for confirmation in Chinese, and says so when it is declined
		await demo.sendKeys('r');
		const confirm = await demo.waitAndSave(`${t('zh', 'dashConfirm', {action: ''}).replace(/？.*$/, '')}`, 'zh-confirm-120x40', uiCeilingMs);
		expect(confirm).toMatch(/\[y\/N\]/);
		expectChineseScreen(confirm, 120);
		await demo.sendKeys('n');
		expectChineseScreen(await demo.waitForText(t('zh', 'dashNoticeCancelled'), uiCeilingMs), 120);
	}, 90_000);

	it('at 80x24 brings each panel forward in Chinese, with whole rows and borders in line', async () => {
		const demo = await startDemo(80, 24);
		const first = await demo.waitAndSave(`▶ ${t('zh', 'dashPanelApps')}`, 'zh-overview-80x24', 30_000);
		expectChineseScreen(first, 80);
		// Tab walks apps → tasks → joined → HAProxy → agents → leaders → chart → events.
		for (const key of ['dashPanelTasks', 'dashPanelJoined', 'dashPanelBackends', 'dashPanelAgents', 'dashPanelLeaders', 'dashPanelAllocation', 'dashPanelEvents'] as const) {
			await demo.sendKeys('Tab');
			const screen = await demo.waitForText(`▶ ${t('zh', key)}`, uiCeilingMs);
			expectChineseScreen(screen, 80);
		}
		await demo.sendKeys('?');
		const help = await demo.waitAndSave(t('zh', 'dashHelpQuit'), 'zh-help-80x24', uiCeilingMs);
		expectChineseScreen(help, 80, {overlay: true});
	}, 90_000);

	it('at 200x60 keeps every row on one line, in Chinese', async () => {
		const demo = await startDemo(200, 60);
		const first = await demo.waitAndSave(/nginx_10000 UP[\s\S]*事件/, 'zh-overview-200x60', 30_000);
		expectChineseScreen(first, 200);
	}, 90_000);
});
