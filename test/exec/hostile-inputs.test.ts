import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {MesosLabError, UserInputError} from '../../src/errors.js';
import {assertJobName, jobState, startJob, tailJob} from '../../src/exec/detached-job.js';
import {shellCommand} from '../../src/exec/quote.js';
import type {SshExecutor} from '../../src/exec/ssh-executor.js';
import {assertAbsolutePath, assertHost, assertPort, assertUser} from '../../src/lab/validate.js';
import {type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';
import {sshClientFor} from './ssh-fixture.js';

const scratch = mkdtempSync(join(tmpdir(), 'mesos-lab-hostile-'));
const marker = join(scratch, 'pwned');

const hostile = [
	`x; touch ${marker}`,
	`$(touch ${marker})`,
	`\`touch ${marker}\``,
	`'; touch ${marker}; '`,
	`"; touch ${marker}; "`,
	`x\ntouch ${marker}`,
	`-o ProxyCommand=touch ${marker}`,
	`x && touch ${marker}`,
	`x | touch ${marker}`,
	`$\{IFS}touch$\{IFS}${marker}`,
];

describe('hostile input in user-supplied fields', () => {
	it.each(hostile)('validators refuse %j with a message naming the field', value => {
		for (const check of [() => assertHost('Master host', value), () => assertUser('SSH user', value), () => assertPort('SSH port', value), () => assertAbsolutePath('Lab folder', value), () => assertJobName(value)]) {
			expect(check).toThrow(UserInputError);
		}
		expect(() => assertHost('Master host', value)).toThrow(/Master host/);
	});
});

describe.skipIf(shouldSkipSshd())('hostile input reaching the target', () => {
	let server: SshdServer;
	let client: ReturnType<typeof sshClientFor>;
	let exec: SshExecutor;

	beforeAll(async () => {
		server = await startSshd();
		client = sshClientFor(server);
		exec = client.executor();
	});
	afterAll(async () => {
		await exec.close();
		server.stop();
		client.cleanup();
		rmSync(scratch, {recursive: true, force: true});
	});

	it.each(hostile)('arrives as one literal argument: %j', async value => {
		const result = await exec.run(shellCommand(['printf', '%s', value]));
		expect(result.stdout).toBe(value);
		expect(existsSync(marker)).toBe(false);
	});

	it.each(hostile)('is refused or stored literally as an upload path: %j', async value => {
		const path = join(scratch, value);
		const outcome = await exec.upload(path, 'content\n').then(() => 'stored', (error: unknown) => error);
		if (outcome === 'stored') {
			expect((await exec.download(path)).content.toString()).toBe('content\n');
		} else {
			expect(outcome).toBeInstanceOf(MesosLabError);
		}
		expect(existsSync(marker)).toBe(false);
	});

	it('runs a job command exactly as given, with no second round of expansion', async () => {
		const command = shellCommand(['printf', '%s\n', ...hostile]);
		const handle = await startJob(exec, {name: 'hostile', command, baseDir: scratch});
		const deadline = Date.now() + 20_000;
		while ((await jobState(exec, handle)).kind === 'running' && Date.now() < deadline) {
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		expect(await jobState(exec, handle)).toEqual({kind: 'exited', exitCode: 0});
		expect((await tailJob(exec, handle, 0, {includePartialLine: true})).text).toBe(hostile.map(value => `${value}\n`).join(''));
		expect(existsSync(marker)).toBe(false);
	});
});
