import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {UserInputError} from '../../src/errors.js';
import {jobState, startJob, tailJob} from '../../src/exec/detached-job.js';
import type {Executor} from '../../src/exec/executor.js';
import type {JobHandle} from '../../src/exec/job.js';
import {type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';
import {sshClientFor} from './ssh-fixture.js';
import {waitFor} from '../helpers/wait-for.js';

// Every command logs in afresh through the user's shell; on a busy machine with a heavy shell
// start-up file that alone can take seconds, so the waits here are generous.
const patienceMs = 90_000;

/** Reads every new complete line, the way a re-attaching runner does, remembering the byte offset. */
async function readNew(exec: Executor, handle: JobHandle, offset: {next: number}, sink: string[], final = false): Promise<void> {
	const chunk = await tailJob(exec, handle, offset.next, {includePartialLine: final});
	offset.next = chunk.nextByte;
	sink.push(...chunk.text.split('\n').filter(line => line !== ''));
}

describe('detached job names', () => {
	it.each(['../etc', 'a b', 'x;reboot', '-rf', '', '$(id)'])('refuses %j as a job name', async name => {
		await expect(startJob({} as Executor, {name, command: 'true', baseDir: '/tmp'})).rejects.toThrow(UserInputError);
	});
});

describe.skipIf(shouldSkipSshd())('a detached job on the target', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let baseDir: string;

	beforeAll(async () => {
		server = await startSshd();
		client = sshClientFor(server);
		baseDir = mkdtempSync(join(tmpdir(), 'mesos-lab-jobs-'));
	});
	afterAll(() => {
		server.stop();
		client.cleanup();
		rmSync(baseDir, {recursive: true, force: true});
	});

	it('survives the sshd serving it being killed, and a new connection reads every line once', async () => {
		const first = client.executor();
		const gate = join(baseDir, 'gate');
		// Prints lines 1-5, waits for the test to open the gate, prints 6-10, exits 3.
		const command = `for i in 1 2 3 4 5; do echo "line $i"; done; while [ ! -f ${gate} ]; do sleep 0.05; done; for i in 6 7 8 9 10; do echo "line $i"; done; exit 3`;
		const handle = await startJob(first, {name: 'build-mesos', command, baseDir});
		expect(await jobState(first, handle)).toMatchObject({kind: 'running'});

		const seen: string[] = [];
		const offset = {next: 0};
		await waitFor(async () => {
			await readNew(first, handle, offset, seen);
			return seen.length === 5;
		}, 'the first five lines', {timeoutMs: patienceMs});

		server.killSessionChildren();
		await first.close();

		const second = client.executor();
		expect(await jobState(second, handle)).toMatchObject({kind: 'running'});
		await second.run(`touch ${gate}`);
		const end = await waitFor(async () => {
			const state = await jobState(second, handle);
			return state.kind !== 'running' && state;
		}, 'the job to end', {timeoutMs: patienceMs});
		await readNew(second, handle, offset, seen, true);
		await second.close();

		expect(end).toEqual({kind: 'exited', exitCode: 3});
		expect(seen).toEqual(Array.from({length: 10}, (_, index) => `line ${index + 1}`));
	}, 2 * patienceMs);

	it('holds back a line until its newline arrives', async () => {
		const exec = client.executor();
		const gate = join(baseDir, 'gate2');
		const handle = await startJob(exec, {name: 'partial', command: `printf 'whole\\nhal'; while [ ! -f ${gate} ]; do sleep 0.05; done; printf 'f\\n'`, baseDir});
		const firstRead = await waitFor(async () => {
			const chunk = await tailJob(exec, handle, 0);
			return chunk.text !== '' && chunk;
		}, 'the first output', {timeoutMs: patienceMs});
		expect(firstRead).toEqual({text: 'whole\n', nextByte: 6});
		await exec.run(`touch ${gate}`);
		await waitFor(async () => (await jobState(exec, handle)).kind === 'exited', 'the job to exit', {timeoutMs: patienceMs});
		expect(await tailJob(exec, handle, firstRead.nextByte)).toEqual({text: 'half\n', nextByte: 11});
		await exec.close();
	}, 2 * patienceMs);

	it('reports a job whose folder vanished as lost', async () => {
		const exec = client.executor();
		const state = await jobState(exec, {name: 'ghost', dir: join(baseDir, 'ghost'), command: 'true', startedAt: new Date().toISOString()});
		expect(state.kind).toBe('lost');
		await exec.close();
	}, 2 * patienceMs);
});
