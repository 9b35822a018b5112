import {readFileSync} from 'node:fs';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, test, vi} from 'vitest';
import {LocalExecutor} from '../../src/exec/local-executor.js';
import {shellCommand} from '../../src/exec/quote.js';
import {startJob, stopJob} from '../../src/exec/detached-job.js';

let baseDir: string;
const exec = new LocalExecutor();
beforeEach(async () => {
	baseDir = await mkdtemp(join(tmpdir(), 'mesos-lab-stop-job-'));
});
afterEach(async () => {
	await rm(baseDir, {recursive: true, force: true});
});

/** Whether a process still runs; a killed one may linger as a zombie until it is reaped. */
function alive(pid: number): boolean {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
	} catch {
		return false;
	}
}

test('stopping a detached job ends the processes it started, not only its shell', async () => {
	const childFile = join(baseDir, 'child');
	const handle = await startJob(exec, {name: 'silent-build', baseDir, command: `sleep 300 & echo $! > ${shellCommand([childFile])}; wait`});
	await vi.waitFor(async () => {
		expect((await readFile(childFile, 'utf8')).trim()).toMatch(/^\d+$/);
	});
	const child = Number((await readFile(childFile, 'utf8')).trim());
	const shell = Number((await readFile(join(handle.dir, 'pid'), 'utf8')).trim());
	expect([alive(shell), alive(child)]).toEqual([true, true]);

	await stopJob(exec, handle);

	await vi.waitFor(() => {
		expect([alive(shell), alive(child)]).toEqual([false, false]);
	});
});
