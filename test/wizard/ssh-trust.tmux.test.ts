import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {labHostUnavailable, startLabHost, type LabHost} from '../e2e/lab-host.js';
import {tmuxAvailable, TmuxSession} from './tmux.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const capturesDir = fileURLToPath(new URL('captures', import.meta.url));
const unavailable = labHostUnavailable() ?? (await tmuxAvailable() ? undefined : 'tmux is missing');
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs tmux and the end-to-end lab host: ${unavailable}`);
}

describe.skipIf(Boolean(unavailable))('the wizard reaching a CentOS 7 test host over SSH for the first time', () => {
	let lab: LabHost;
	let session: TmuxSession | undefined;

	beforeAll(async () => {
		// A home that has never seen the host: its key is unknown, as on a newcomer's first run.
		lab = await startLabHost({index: 5, trustHostKey: false});
	}, 120_000);

	afterAll(async () => {
		await session?.kill();
		await lab?.stop();
	});

	test('the user compares the fingerprint and trusts it; address detection and the install go on without any flag', async () => {
		session = await TmuxSession.start({
			name: 'ssh-trust',
			socket: 'wiz-e2e',
			command: [process.execPath, join(repoRoot, 'bin', 'mesos-lab.js'), '--home', lab.home, 'init'],
			cwd: repoRoot,
			env: {NO_COLOR: '1', LANG: 'C'},
			capturesDir,
			columns: 100,
			rows: 30,
		});
		// Each answer waits for its question and for the highlighted choice, as a person reads before pressing a key.
		const type = async (question: string, text?: string) => {
			await session!.waitForText(question, 30_000);
			if (text !== undefined) {
				await session!.sendKeys('-l', text);
				await session!.waitForText(text, 10_000);
			}
			await session!.sendKeys('Enter');
			await session!.waitForText(`✔ ${question}`, 30_000);
		};
		const choose = async (question: string, choice: string) => {
			await session!.waitForText(question, 30_000);
			const highlighted = (screen: string) => /❯ (.+)/.exec(screen)?.[1] ?? '';
			let current = highlighted(await session!.capture());
			for (let moves = 0; !current.startsWith(choice); moves++) {
				expect(moves).toBeLessThan(6);
				await session!.sendKeys('Down');
				const before = current;
				const deadline = Date.now() + 10_000;
				while (current === before) {
					expect(Date.now()).toBeLessThan(deadline);
					current = highlighted(await session!.capture());
				}
			}
			await session!.sendKeys('Enter');
			await session!.waitForText(`✔ ${question.replace(/^\? /, '').trim()} `, 30_000);
		};
		await choose('Language', 'English');
		await choose('Where should the cluster go?', 'Another machine over SSH');
		await type('SSH host', lab.host.address);
		await type('SSH port');
		await type('SSH user');
		await choose('Authentication', 'Private key file');
		await type('Private key file', lab.host.identityFile);

		const fingerprint = await session.waitAndSave('Does this fingerprint match', 'ssh-01-fingerprint', 30_000);
		expect(fingerprint).toMatch(/Host key fingerprint: SHA256:\S+/);
		await choose('Does this fingerprint match', 'Yes, trust it');

		// Detecting the address connects again, for real: the accepted key must already be saved.
		const address = await session.waitAndSave('Address to advertise', 'ssh-02-address', 30_000);
		expect(address).toContain(`Detected primary address ${lab.host.address}`);
		expect(address).not.toContain('known_hosts');
		const knownHosts = readFileSync(join(lab.home, 'known_hosts'), 'utf8');
		expect(knownHosts).toContain(lab.host.knownHostsLine.trim());

		await type('Address to advertise');
		await choose('Topology', 'One VM');
		await choose('Package mirrors', 'Your own CentOS vault URL');
		await type('CentOS vault mirror URL', `${lab.mirrorUrl}/centos-vault`);
		await choose('? Mesos\n', 'Build from source');
		await type('Mesos version');
		await choose('How to run', 'Run through without pausing');

		// The review checks every step on the host over SSH, with the key saved above.
		const review = await session.waitAndSave('Enter or y: start', 'ssh-03-review', 120_000);
		expect(review).not.toMatch(/not in .*known_hosts/);
		await session.sendKeys('Enter');
		// The first steps run on the host over SSH with the saved key.
		const running = await session.waitAndSave(/[✓↷] preflight-os@node1 (done|skipped)/, 'ssh-04-running', 120_000);
		expect(running).not.toMatch(/not in .*known_hosts/);
		expect(readFileSync(join(lab.home, 'known_hosts'), 'utf8').trim().split('\n')).toHaveLength(1);
	}, 400_000);
});
