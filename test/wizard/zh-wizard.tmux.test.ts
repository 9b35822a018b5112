import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {englishSentences, misalignedBoxes, valueColumn} from '../helpers/no-english.js';
import {labHostUnavailable, startLabHost, type LabHost} from '../e2e/lab-host.js';
import {tmuxAvailable, TmuxSession} from './tmux.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const capturesDir = fileURLToPath(new URL('captures', import.meta.url));
const unavailable = labHostUnavailable() ?? (await tmuxAvailable() ? undefined : 'tmux is missing');
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs tmux and the end-to-end lab host: ${unavailable}`);
}

/** The registry fails the next pull as a machine without DNS would, then pulls as usual. */
function failNextPull(lab: LabHost): void {
	const counter = join(lab.host.dir, 'state', 'failing-pulls');
	writeFileSync(counter, '1\n');
	const standIn = join(lab.host.standInDir, 'docker');
	const [shebang = '', ...rest] = readFileSync(standIn, 'utf8').split('\n');
	writeFileSync(standIn, [
		shebang,
		`if [ "$1" = pull ] && [ "$(cat ${counter})" -gt 0 ]; then`,
		`  echo 0 > ${counter}`,
		'  echo "Error response from daemon: Get \\"https://registry-1.docker.io/v2/\\": dial tcp: lookup registry-1.docker.io: Name or service not known" >&2',
		'  exit 1',
		'fi',
		...rest,
	].join('\n'));
}

/** What every Chinese screen must be: no English sentence, and every border in its column. */
function expectChinese(captured: string): void {
	// remain-on-exit makes tmux add its own line once the program has ended; it is not the program's.
	const screen = captured.split('\n')
		.filter(line => !line.startsWith('Pane is dead'))
		.join('\n');
	expect(englishSentences(screen), screen).toEqual([]);
	expect(misalignedBoxes(screen), screen).toEqual([]);
}

for (const [columns, rows] of [[80, 24], [120, 40]] as const) {
	describe.skipIf(Boolean(unavailable))(`a Chinese newcomer installs a CentOS 7 test host in a ${columns}x${rows} terminal, with LANG=zh_CN.UTF-8 and no --lang`, () => {
		let lab: LabHost;
		const sessions: TmuxSession[] = [];

		beforeAll(async () => {
			// The lab file names no language: the locale is all that says Chinese.
			lab = await startLabHost({index: columns === 80 ? 9 : 10, buildSeconds: 4, trustHostKey: false, language: 'locale'});
		}, 120_000);

		afterAll(async () => {
			await Promise.all(sessions.map(async session => session.kill()));
			await lab?.stop();
		});

		async function cli(name: string, args: string[]): Promise<TmuxSession> {
			const session = await TmuxSession.start({
				name: `zh-${name}-${columns}`,
				socket: 'wiz-zh',
				command: [process.execPath, join(repoRoot, 'bin', 'mesos-lab.js'), '--home', lab.home, ...args],
				cwd: repoRoot,
				env: {NO_COLOR: '1', LANG: 'zh_CN.UTF-8'},
				capturesDir,
				columns,
				rows,
			});
			sessions.push(session);
			return session;
		}

		test('the interview, in Chinese from its first question, reaches the review', async () => {
			const session = await cli('interview', ['init']);
			const screens: string[] = [];
			const highlighted = (screen: string) => /❯ (.+)/.exec(screen)?.[1]?.trim() ?? '';
			const type = async (question: string, text?: string) => {
				screens.push(await session.waitForText(question, 30_000));
				if (text !== undefined) {
					await session.sendKeys('-l', text);
					// Chinese prompts are wide: a long answer may wrap at the screen's edge, anywhere in it.
					await session.waitForText(new RegExp([...text].map(char => char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('\n?')), 10_000);
				}
				await session.sendKeys('Enter');
				await session.waitForText(`✔ ${question}`, 30_000);
			};
			const choose = async (question: string, choice: string) => {
				screens.push(await session.waitForText(question, 30_000));
				let current = highlighted(await session.capture());
				for (let moves = 0; !current.startsWith(choice); moves++) {
					expect(moves).toBeLessThan(6);
					await session.sendKeys('Down');
					const before = current;
					const deadline = Date.now() + 10_000;
					while (current === before) {
						expect(Date.now()).toBeLessThan(deadline);
						current = highlighted(await session.capture());
					}
				}
				await session.sendKeys('Enter');
				await session.waitForText(`✔ ${question}`, 30_000);
			};

			const language = await session.waitAndSave('语言', `zh-${columns}-01-language`, 30_000);
			// The locale said Chinese, so Chinese is the answer already chosen.
			expect(highlighted(language)).toBe('中文');
			expect(language).toContain('已于 2025 年移入');
			await choose('语言', '中文');
			await choose('集群装在哪里？', '通过 SSH 连接的另一台机器');
			await type('SSH 主机', lab.host.address);
			await type('SSH 端口');
			await type('SSH 用户');
			await choose('认证方式', '私钥文件');
			await type('私钥文件', lab.host.identityFile);
			const fingerprint = await session.waitAndSave('这个指纹', `zh-${columns}-02-fingerprint`, 30_000);
			expect(fingerprint).toMatch(/主机密钥指纹：SHA256:\S+/);
			await choose('这个指纹', '一致，信任它');
			const address = await session.waitAndSave('对外公布的地址', `zh-${columns}-03-address`, 30_000);
			expect(address).toContain(`检测到主地址 ${lab.host.address}`);
			await type('对外公布的地址');
			await choose('集群拓扑', '一台虚拟机');
			await choose('软件包镜像源', '自己的 CentOS vault 地址');
			await type('CentOS vault 镜像源地址', `${lab.mirrorUrl}/centos-vault`);
			await choose('Mesos 的来源', '和教程一样从源码编译');
			await type('Mesos 版本');
			await choose('运行方式', '一路执行');

			const review = await session.waitAndSave('Enter 或 y：开始', `zh-${columns}-04-interview-review`, 120_000);
			expect(review).toMatch(/计划：共 \d+ 步/);
			screens.push(review);
			await session.sendKeys('q');
			await session.waitForExit();
			screens.push(await session.capture({scrollback: true}));
			for (const screen of screens) {
				expectChinese(screen);
			}
		}, 400_000);

		test('the lab file runs: review, the steps, a failed pull retried, then the summary', async () => {
			failNextPull(lab);
			// The host's key, as the interview above trusts it: this story stands on its own.
			writeFileSync(join(lab.home, 'known_hosts'), `${lab.host.knownHostsLine.trim()}\n`);
			const session = await cli('install', ['init', '--config', lab.labPath]);
			const review = await session.waitAndSave('Enter 或 y：开始', `zh-${columns}-05-review`, 120_000);
			expect(review).toMatch(/计划：共 \d+ 步，\d+ 步已满足/);
			expect(review).toContain('2 个中第一个应答的');
			expectChinese(review);

			await session.sendKeys('Enter');
			// The Mesos build takes seconds here: long enough to read its screen and its progress.
			const building = await session.waitAndSave(/个目标文件/, `zh-${columns}-06-step`, 300_000);
			expect(building).toMatch(/\[\d+\/\d+\] /);
			expectChinese(building);

			const failure = await session.waitAndSave('r：重试', `zh-${columns}-07-failure`, 300_000);
			expect(failure).toMatch(/✓ \S+@node1 完成，用时 \d+ 秒：已执行并验证/);
			expect(failure).toMatch(/`docker pull .*` 已结束，退出码 1/);
			expect(failure).toContain('在 node1 上失败');
			expect(failure).toContain('│ Error response from daemon');
			expect(failure).toContain('完整日志：');
			expectChinese(failure);

			await session.sendKeys('r');
			const summary = await session.waitAndSave('d：打开仪表盘', `zh-${columns}-08-summary`, 300_000);
			expect(summary).toContain('集群已经运行起来了。');
			expectChinese(summary);
			// The addresses start in one column, whatever the width of their Chinese labels.
			const starts = ['Mesos 网页控制台', 'Marathon 网页控制台', 'HAProxy 统计'].map(label => valueColumn(summary, label));
			expect(starts[0]).toBeDefined();
			expect(new Set(starts).size).toBe(1);

			await session.sendKeys('q');
			await session.waitForExit();
			expectChinese(await session.capture({scrollback: true}));
		}, 900_000);
	});
}
