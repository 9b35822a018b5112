import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Executor} from '../../src/exec/executor.js';
import {LocalExecutor} from '../../src/exec/local-executor.js';
import {shellCommand} from '../../src/exec/quote.js';
import {type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';
import {sshClientFor} from './ssh-fixture.js';
import {waitFor} from '../helpers/wait-for.js';

function contract(name: string, setup: () => Promise<{executor: Executor; teardown: () => Promise<void>}>): void {
	describe(`${name} executor`, () => {
		let executor: Executor;
		let teardown: () => Promise<void>;
		let scratch: string;

		beforeAll(async () => {
			({executor, teardown} = await setup());
			scratch = mkdtempSync(join(tmpdir(), 'mesos-lab-exec-'));
		});
		afterAll(async () => {
			await teardown();
			rmSync(scratch, {recursive: true, force: true});
		});

		it('hands each output line to the callbacks as it is printed', async () => {
			const seen: string[] = [];
			const result = await executor.run('echo one; sleep 0.2; echo two >&2; printf three', {
				onStdoutLine: line => seen.push(`out:${line}`),
				onStderrLine: line => seen.push(`err:${line}`),
			});
			expect(seen).toEqual(['out:one', 'err:two', 'out:three']);
			expect(result).toMatchObject({exitCode: 0, stdout: 'one\nthree', stderr: 'two\n'});
			expect(result.durationMs).toBeGreaterThan(0);
		});

		it('reports a failing command through its exit code instead of throwing', async () => {
			const result = await executor.run('echo nope >&2; exit 7');
			expect(result.exitCode).toBe(7);
			expect(result.stderr).toBe('nope\n');
		});

		it('feeds stdin to the command', async () => {
			const result = await executor.run('tr a-z A-Z', {stdin: 'hello\nworld\n'});
			expect(result.stdout).toBe('HELLO\nWORLD\n');
		});

		it('stops a command that runs past its timeout, children included', async () => {
			const pidFile = shellCommand([join(scratch, 'timeout-child.pid')]);
			const result = await executor.run(`sh -c 'echo $$ > ${pidFile}; exec sleep 30' & sleep 30`, {timeoutMs: 500});
			expect(result).toMatchObject({exitCode: null, timedOut: true});
			expect(result.durationMs).toBeLessThan(10_000);
			const child = (await executor.run(`cat ${pidFile}`)).stdout.trim();
			expect(child).toMatch(/^\d+$/);
			// A killed child may linger briefly as a zombie; it must be gone from /proc's live states.
			await waitFor(async () => (await executor.run(`state=$(awk '{print $3}' /proc/${child}/stat 2>/dev/null); [ -z "$state" ] || [ "$state" = Z ]`)).exitCode === 0);
		});

		it('stops a command when the caller cancels', async () => {
			const controller = new AbortController();
			const pending = executor.run('echo started; sleep 30', {
				signal: controller.signal,
				onStdoutLine: () => controller.abort(),
			});
			const result = await pending;
			expect(result).toMatchObject({exitCode: null, cancelled: true, stdout: 'started\n'});
		});

		it('uploads a file atomically and reads back the same bytes and mode', async () => {
			const path = join(scratch, 'payload.bin');
			const bytes = Buffer.from(Array.from({length: 4096}, (_, index) => (index * 7) % 256));
			await executor.upload(path, bytes, {mode: 0o640});
			const back = await executor.download(path);
			expect(back.content.equals(bytes)).toBe(true);
			expect(back.mode).toBe(0o640);
			const leftovers = await executor.run(shellCommand(['ls', '-A', scratch]));
			expect(leftovers.stdout.split('\n').filter(name => name.startsWith('.mesos-lab-upload'))).toEqual([]);
		});

		it('replaces an existing file and keeps the mode it is given', async () => {
			const path = join(scratch, 'script.sh');
			await executor.upload(path, 'old\n', {mode: 0o600});
			await executor.upload(path, '#!/bin/sh\necho new\n', {mode: 0o755});
			expect(await executor.run(shellCommand([path]))).toMatchObject({exitCode: 0, stdout: 'new\n'});
			expect((await executor.download(path)).mode).toBe(0o755);
		});

		it('runs root commands when asked for sudo', async () => {
			const result = await executor.run('id -u', {sudo: true});
			expect(result.stdout.trim()).toBe('0');
		});

		it('waits for a background predicate without sleeping blindly', async () => {
			const flag = join(scratch, 'flag');
			void executor.run(`sleep 0.2; touch ${shellCommand([flag])}`);
			await waitFor(async () => (await executor.run(shellCommand(['test', '-f', flag]))).exitCode === 0);
		});
	});
}

contract('local', async () => ({executor: new LocalExecutor({killGraceMs: 500}), teardown: async () => {}}));

describe.skipIf(shouldSkipSshd())('over ssh', () => {
	let server: SshdServer;
	contract('ssh', async () => {
		server = await startSshd();
		const client = sshClientFor(server);
		const executor = client.executor();
		return {
			executor,
			teardown: async () => {
				await executor.close();
				server.stop();
				client.cleanup();
			},
		};
	});
});
