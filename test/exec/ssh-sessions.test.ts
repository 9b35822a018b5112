import {spawn, type ChildProcess} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import {cpus} from 'node:os';
import {join} from 'node:path';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {LinkDroppedError} from '../../src/errors.js';
import type {CommandResult} from '../../src/exec/executor.js';
import type {SshExecutor} from '../../src/exec/ssh-executor.js';
import {addLoginUser, type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';
import {sshClientFor} from './ssh-fixture.js';
import {waitFor} from '../helpers/wait-for.js';

// Each command sleeps a little so the batch really overlaps, and prints and returns its own values.
const numbered = (index: number) => `sleep 0.3; echo out-${index}; echo err-${index} >&2; exit ${index % 7}`;

async function runAtOnce(executor: SshExecutor, count: number): Promise<CommandResult[]> {
	return Promise.all(Array.from({length: count}, (_, index) => executor.run(numbered(index))));
}

function expectEachOwnResult(results: CommandResult[]): void {
	results.forEach((result, index) => {
		expect(result).toMatchObject({exitCode: index % 7, stdout: `out-${index}\n`, stderr: `err-${index}\n`});
	});
}

describe.skipIf(shouldSkipSshd())('many commands at once over one connection', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let executor: SshExecutor;
	let user: ReturnType<typeof addLoginUser>;

	beforeAll(async () => {
		server = await startSshd();
		user = addLoginUser('mlsess');
		client = sshClientFor(server);
		executor = client.executor({endpoint: {host: '127.0.0.1', port: server.port, user: user.name, identityFiles: [server.userKeyPath]}});
	});
	afterAll(async () => {
		await executor?.close();
		server?.stop();
		user?.remove();
		client?.cleanup();
	});

	describe('against sshd with its default MaxSessions (10)', () => {
		it.each([4, 12, 30, 60])('runs %i commands at once, each with its own output and exit code', async count => {
			expectEachOwnResult(await runAtOnce(executor, count));
		}, 120_000);
	});

	describe('while the machine is busy', () => {
		const burners: ChildProcess[] = [];
		afterEach(() => {
			for (const burner of burners.splice(0)) {
				burner.kill('SIGKILL');
			}
		});

		it.each([4, 12, 30, 60])('runs %i commands at once with every core kept busy', async count => {
			burners.push(...cpus().map(() => spawn('sh', ['-c', 'while :; do :; done'], {stdio: 'ignore'})));
			expectEachOwnResult(await runAtOnce(executor, count));
		}, 180_000);
	});

	it('stops only the command that ran past its timeout while 20 others run', async () => {
		const others = Array.from({length: 20}, (_, index) => executor.run(`sleep 1; echo other-${index}`));
		const slow = await executor.run('echo "$$"; exec sleep 120', {timeoutMs: 1500});
		expect(slow).toMatchObject({exitCode: null, timedOut: true});
		const results = await Promise.all(others);
		results.forEach((result, index) => expect(result).toMatchObject({exitCode: 0, stdout: `other-${index}\n`}));
		const pid = slow.stdout.trim();
		expect(pid).toMatch(/^\d+$/);
		// A killed process may linger briefly as a zombie; it must be gone from /proc's live states.
		await waitFor(async () => (await executor.run(`state=$(awk '{print $3}' /proc/${pid}/stat 2>/dev/null); [ -z "$state" ] || [ "$state" = Z ]`)).exitCode === 0, 'the timed-out command to end');
	}, 120_000);

	it('fails the commands that were running when the link died, and sends the ones still waiting on a new link', async () => {
		const ticking = new Set<number>();
		const flag = join('/tmp', `${user.name}-home`, 'stop-ticking');
		// More long commands than the executor ever opens at once (fewer than 10), so some are still
		// queued when the link dies; those that only start on the new link stop when the flag appears.
		const running = Array.from({length: 11}, (_, index) => executor.run(`while [ ! -e ${flag} ] && echo tick; do sleep 0.2; done`, {
			onStdoutLine: () => ticking.add(index),
		}).then(() => 'finished' as const, (error: unknown) => error));
		const waiting = Array.from({length: 5}, (_, index) => executor.run(`echo waited-${index}`));
		try {
			await waitFor(() => ticking.size >= 1, 'the long commands to start');
			const startedBeforeDrop = new Set(ticking);
			server.killSessionChildren();
			writeFileSync(flag, '');
			const outcomes = await Promise.all(running);
			for (const [index, outcome] of outcomes.entries()) {
				if (startedBeforeDrop.has(index)) {
					// The one connection error a read-only probe may ask again (step-kit's probe).
					expect(outcome).toBeInstanceOf(LinkDroppedError);
					expect((outcome as LinkDroppedError).message).toMatch(/connection dropped while running/);
				}
			}
			expect(outcomes.filter(outcome => outcome === 'finished').length).toBeGreaterThan(0);
			// Queued behind the long commands, these had never started: each runs once, on the new link.
			const waited = await Promise.all(waiting);
			waited.forEach((result, index) => expect(result).toMatchObject({exitCode: 0, stdout: `waited-${index}\n`}));
			expectEachOwnResult(await runAtOnce(executor, 12));
		} finally {
			writeFileSync(flag, '');
		}
	}, 120_000);

	it('runs 3,000 short commands one after another without a false drop', async () => {
		for (let index = 0; index < 3000; index++) {
			const result = await executor.run(`echo ${index}`);
			expect(result.stdout).toBe(`${index}\n`);
		}
	}, 600_000);

	it('runs 3,000 short commands four at a time without a false drop', async () => {
		let next = 0;
		const worker = async () => {
			while (next < 3000) {
				const index = next++;
				const result = await executor.run(`echo ${index}; exit ${index % 3}`);
				expect(result).toMatchObject({exitCode: index % 3, stdout: `${index}\n`});
			}
		};
		await Promise.all([worker(), worker(), worker(), worker()]);
	}, 600_000);
});

describe.skipIf(shouldSkipSshd())('against sshd with MaxSessions 2', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let executor: SshExecutor;
	let user: ReturnType<typeof addLoginUser>;

	beforeAll(async () => {
		server = await startSshd({settings: ['MaxSessions 2']});
		user = addLoginUser('mlsess2x');
		client = sshClientFor(server);
		executor = client.executor({endpoint: {host: '127.0.0.1', port: server.port, user: user.name, identityFiles: [server.userKeyPath]}});
	});
	afterAll(async () => {
		await executor?.close();
		server?.stop();
		user?.remove();
		client?.cleanup();
	});

	it.each([4, 12, 30, 60])('runs %i commands at once, each with its own output and exit code', async count => {
		expectEachOwnResult(await runAtOnce(executor, count));
	}, 180_000);

	it('still stops a command past its timeout while others wait for a place', async () => {
		const others = Array.from({length: 6}, (_, index) => executor.run(`sleep 0.5; echo other-${index}`));
		const slow = await executor.run('exec sleep 120', {timeoutMs: 1000});
		expect(slow).toMatchObject({exitCode: null, timedOut: true});
		(await Promise.all(others)).forEach((result, index) => expect(result.stdout).toBe(`other-${index}\n`));
	}, 120_000);
});
