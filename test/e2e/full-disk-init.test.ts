import {spawn, type ChildProcess} from 'node:child_process';
import {closeSync, existsSync, openSync, readFileSync, rmSync, writeSync} from 'node:fs';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tethered} from '../helpers/tethered.js';
import {waitFor} from '../helpers/wait-for.js';
import {finished, unfinished} from './install-journal.js';
import {e2eLabId, labHostUnavailable, startLabHost, type CliRun, type LabHost} from './lab-host.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

const bin = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));
const installTimeoutMs = 240_000;

/**
 * A small tmpfs mounted over the lab's --home inside a private mount namespace, held open by a
 * process of its own: a disk that really fills, seen by no one else, gone when the holder dies.
 */
interface SmallDisk {
	holder: ChildProcess;
	/** The path of a file under --home as this process reaches it, through the holder's root. */
	seen(path: string): string;
	/** Runs the built CLI inside the namespace, where --home is the small disk. */
	cli(args: readonly string[], env: NodeJS.ProcessEnv): CliRun;
	/** Writes zeros until the disk refuses more. */
	fill(): void;
	free(): void;
}

async function smallDiskUnder(home: string): Promise<SmallDisk> {
	const seed = `${home}.seed`;
	const holder = spawn(...tethered('unshare', ['-m', '--propagation', 'private', 'sh', '-c',
		// The home's known_hosts is kept: copied aside, then back onto the new disk.
		`cp -a ${home} ${seed} && mount -t tmpfs -o size=4m,mode=0700 tmpfs ${home} && cp -a ${seed}/. ${home} && rm -rf ${seed} && echo mounted && exec sleep infinity`,
	]), {stdio: ['ignore', 'pipe', 'pipe']});
	let said = '';
	holder.stdout?.on('data', chunk => {
		said += String(chunk);
	});
	holder.stderr?.on('data', chunk => {
		said += String(chunk);
	});
	await waitFor(() => said.includes('mounted') || holder.exitCode !== null, 'the small disk to be mounted', {timeoutMs: 30_000});
	if (!said.includes('mounted')) {
		throw new Error(`could not mount a tmpfs over ${home}: ${said}`);
	}
	const seen = (path: string) => `/proc/${holder.pid}/root${path}`;
	const filler = join(home, 'filler');
	return {
		holder,
		seen,
		cli(args, env) {
			const child = spawn(...tethered('nsenter', [`--mount=/proc/${holder.pid}/ns/mnt`, process.execPath, bin, '--home', home, ...args]), {
				env: {...process.env, NO_COLOR: '1', LANG: 'C', ...env},
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let text = '';
			child.stdout?.on('data', chunk => {
				text += String(chunk);
			});
			child.stderr?.on('data', chunk => {
				text += String(chunk);
			});
			return {child, output: () => text, exited: new Promise(resolve => child.once('exit', code => resolve(code)))};
		},
		fill() {
			const fd = openSync(seen(filler), 'w');
			const block = Buffer.alloc(64 * 1024);
			try {
				for (;;) {
					writeSync(fd, block);
				}
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') {
					throw error;
				}
			} finally {
				closeSync(fd);
			}
		},
		free() {
			rmSync(seen(filler));
		},
	};
}

describe.skipIf(Boolean(unavailable))('mesos-lab init when the disk under --home fills up', () => {
	let lab: LabHost;
	let disk: SmallDisk | undefined;

	beforeAll(async () => {
		lab = await startLabHost({index: 9, buildSeconds: 4});
		disk = await smallDiskUnder(lab.home);
	}, 120_000);
	afterAll(async () => {
		disk?.holder.kill('SIGKILL');
		await lab?.stop();
	}, 120_000);

	it('stops with a clear message, keeps the last checkpoint and its previous copy whole, and resume completes once space is freed', async () => {
		const small = disk!;
		const checkpoints = small.seen(join(lab.home, 'labs', e2eLabId, 'checkpoints.json'));
		const previous = `${checkpoints}.prev`;
		const parsed = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as {order: string[]; steps: Record<string, {status: string}>};

		const init = small.cli(['init', '--config', lab.labPath, '--yes', '--plain', '--lang', 'zh'], lab.cliEnv);
		// Once a step has been saved as done (and the save before it kept as .prev), the disk fills.
		await waitFor(() => existsSync(previous) && Object.values(parsed(checkpoints).steps).some(step => step.status === 'done'), 'a step saved as done', {timeoutMs: installTimeoutMs, everyMs: 100, lastSeen: init.output});
		small.fill();
		const code = await finished(init, installTimeoutMs);

		expect(code, init.output()).not.toBe(0);
		expect(code, init.output()).not.toBeNull();
		expect(init.output()).toMatch(/磁盘已满/);
		expect(init.output()).toContain('腾出磁盘空间');
		expect(init.output()).toContain('mesos-lab resume');
		expect(init.output()).not.toMatch(/\n\s+at /);
		const kept = parsed(checkpoints);
		expect(Object.values(kept.steps).some(step => step.status === 'done')).toBe(true);
		expect(kept.order.length).toBeGreaterThan(0);
		expect(parsed(previous).order).toEqual(kept.order);

		small.free();
		const resume = small.cli(['resume', '--plain', '--lang', 'en'], lab.cliEnv);

		expect(await finished(resume, installTimeoutMs), resume.output()).toBe(0);
		expect(resume.output()).toMatch(/run completed/);
		expect(parsed(checkpoints).order).toEqual(kept.order);
		expect(unfinished({home: small.seen(lab.home)}), resume.output()).toEqual([]);
	}, 2 * installTimeoutMs + 60_000);
});
