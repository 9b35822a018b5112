import {describe, expect, test, vi} from 'vitest';
import {answersToLab} from '../../src/wizard/answers-to-lab.js';
import type {InterviewEffects} from '../../src/install/target.js';
import {defaultAnswers, runInterview} from '../../src/wizard/interview.js';
import {scriptedPrompts} from './scripted-prompts.js';

function effects(overrides: Partial<InterviewEffects> = {}): InterviewEffects {
	return {
		tryConnect: vi.fn(async () => ({ok: true as const, fingerprint: 'SHA256:abc123'})),
		trustHostKey: vi.fn(async () => undefined),
		detectAddress: vi.fn(async () => ({ip: '192.168.56.10', hostname: 'node1.lab'})),
		probeMirror: vi.fn(async () => ({ok: true, detail: 'vault.centos.org answered in 120 ms'})),
		...overrides,
	};
}

describe('the interview', () => {
	test('taking every default installs on this machine at the detected address, in learn mode', async () => {
		const {kit, notes} = scriptedPrompts(Array.from({length: 8}, () => undefined));
		const answers = await runInterview(kit, effects());
		expect(answers).toMatchObject({language: 'zh', target: {kind: 'local'}, advertiseIp: '192.168.56.10', topology: 'single', mirrors: 'global', mesos: {source: 'build'}, mesosVersion: '1.11.0', learnMode: true});
		expect(notes.join('\n')).toContain('检测到主地址 192.168.56.10（主机名 node1.lab）');
		expect(notes.join('\n')).toContain('最常见的坑');
		expect(notes.join('\n')).toContain('vault.centos.org answered in 120 ms');
	});

	test('an SSH target is tried at once and its host key fingerprint shown', async () => {
		const fx = effects();
		const {kit, notes} = scriptedPrompts(['en', 'ssh', '127.0.0.1', '2222', 'centos', 'agent', 'yes', undefined, undefined, undefined, undefined, undefined, 'run']);
		const answers = await runInterview(kit, fx);
		expect(fx.tryConnect).toHaveBeenCalledWith({kind: 'ssh', host: '127.0.0.1', port: 2222, user: 'centos', auth: 'agent'}, 'en');
		expect(notes).toContain('✓ Connected. Host key fingerprint: SHA256:abc123');
		expect(answers).toMatchObject({language: 'en', fingerprint: 'SHA256:abc123', learnMode: false});
	});

	test('the language chosen first is the language of every later question, note and check', async () => {
		const fx = effects();
		const {kit, asked, notes, rejected} = scriptedPrompts(['zh', 'ssh', 'no such host!', '10.0.0.5', undefined, undefined, undefined, 'yes', undefined, undefined, undefined, undefined, undefined, 'run']);
		const answers = await runInterview(kit, fx, {...defaultAnswers, language: 'en'});
		expect(asked[0]).toBe('Language');
		expect(asked.slice(1, 4)).toEqual(['集群装在哪里？', 'SSH 主机', 'SSH 主机']);
		expect(rejected).toEqual(['“no such host!”不是主机名或 IP 地址。']);
		expect(notes).toContain('✓ 已连接。主机密钥指纹：SHA256:abc123');
		expect(fx.tryConnect).toHaveBeenCalledWith(expect.objectContaining({host: '10.0.0.5'}), 'zh');
		expect(fx.probeMirror).toHaveBeenCalledWith('global', undefined, 'zh');
		expect(asked.at(-1)).toBe('运行方式');
		expect(answers.language).toBe('zh');
	});

	test('a host key seen for the first time is saved only once the user trusts it, before the address is detected', async () => {
		const order: string[] = [];
		const fx = effects({
			tryConnect: vi.fn(async () => ({ok: true as const, fingerprint: 'SHA256:new', newKey: '10.0.0.5 ssh-ed25519 AAAA'})),
			trustHostKey: vi.fn(async (line: string) => {
				order.push(`trust ${line}`);
			}),
			detectAddress: vi.fn(async () => {
				order.push('detect');
				return {ip: '10.0.0.5', hostname: 'vm'};
			}),
		});
		const {kit} = scriptedPrompts(['en', 'ssh', '10.0.0.5', '22', 'root', 'agent', 'no', 'ssh', undefined, undefined, undefined, undefined, 'yes', undefined, undefined, undefined, undefined, undefined, undefined, 'run']);
		await runInterview(kit, fx);
		expect(order).toEqual(['trust 10.0.0.5 ssh-ed25519 AAAA', 'detect']);
	});

	test('a failed connection is shown and the target asked again', async () => {
		const tryConnect = vi.fn()
			.mockResolvedValueOnce({ok: false, error: 'Connection refused on 127.0.0.1:2200'})
			.mockResolvedValueOnce({ok: true, fingerprint: 'SHA256:xyz'});
		const {kit, notes} = scriptedPrompts([undefined, 'ssh', '127.0.0.1', '2200', 'root', 'agent', 'ssh', undefined, '2222', undefined, undefined, 'yes', undefined, undefined, undefined, undefined, undefined, undefined]);
		const answers = await runInterview(kit, effects({tryConnect}));
		expect(notes).toContain('✗ Connection refused on 127.0.0.1:2200');
		expect(answers.target).toMatchObject({host: '127.0.0.1', port: 2222});
	});

	test('an invalid port is refused inline and asked again', async () => {
		const {kit, rejected} = scriptedPrompts([undefined, 'ssh', '127.0.0.1', '99999', '22', undefined, undefined, 'yes', undefined, undefined, undefined, undefined, undefined, undefined]);
		await runInterview(kit, effects());
		expect(rejected).toHaveLength(1);
	});

	test('"<" goes back to the previous question and the new answer wins', async () => {
		// Choose a prebuilt package, then at its URL go back and choose the build instead.
		const {kit, asked} = scriptedPrompts([undefined, undefined, undefined, undefined, undefined, 'package', '<', 'build', undefined, undefined]);
		const answers = await runInterview(kit, effects());
		expect(asked.filter(message => message === 'Mesos 的来源')).toHaveLength(2);
		expect(answers.mesos).toEqual({source: 'build'});
	});

	test('a mirror that does not answer is reported and another one can be chosen', async () => {
		const probeMirror = vi.fn()
			.mockResolvedValueOnce({ok: false, detail: 'mirrors.example.cn timed out after 5 s'})
			.mockResolvedValueOnce({ok: true, detail: 'vault.centos.org answered'});
		const {kit, notes} = scriptedPrompts([undefined, undefined, undefined, undefined, 'china', 'again', 'global', undefined, undefined, undefined]);
		const answers = await runInterview(kit, effects({probeMirror}));
		expect(notes).toContain('✗ mirrors.example.cn timed out after 5 s');
		expect(answers.mirrors).toBe('global');
	});
});

describe('the answers as a lab', () => {
	test('one VM carries every role at the confirmed address', async () => {
		const {kit} = scriptedPrompts(Array.from({length: 8}, () => undefined));
		const lab = answersToLab(await runInterview(kit, effects()));
		expect(lab.hosts).toEqual([expect.objectContaining({name: 'node1', address: '192.168.56.10'})]);
		expect(lab.roles.masters).toEqual(['node1', 'node1', 'node1']);
	});

	test('a custom CentOS vault is kept while the other mirrors stay global', async () => {
		const {kit} = scriptedPrompts([undefined, undefined, undefined, undefined, 'custom', 'https://mirror.example.org/vault', undefined, undefined, undefined]);
		const lab = answersToLab(await runInterview(kit, effects()));
		expect(lab.mirrors).toMatchObject({preset: 'global', centosVault: ['https://mirror.example.org/vault']});
	});

	test('several hosts spread the quorum members over the machines', async () => {
		const {kit} = scriptedPrompts([undefined, undefined, undefined, 'multi', '10.0.0.2,10.0.0.3', undefined, undefined, undefined, undefined]);
		const lab = answersToLab(await runInterview(kit, effects()));
		expect(lab.hosts.map(host => host.address)).toEqual(['192.168.56.10', '10.0.0.2', '10.0.0.3']);
		expect(lab.roles.zookeeper).toEqual(['node1', 'node2', 'node3']);
		expect(lab.roles.marathonLb).toBe('node3');
	});
});
