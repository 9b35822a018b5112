import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {shellCommand} from '../../src/exec/quote.js';
import {lastBuildProgress, parseBuildProgress} from '../../src/steps/build-progress-line.js';
import {mesosBuildScript} from '../../src/steps/mesos-install.js';
import {localExecutor} from './local-exec.js';

// A stand-in source tree: its configure counts its runs and writes Makefiles naming three libtool
// objects; make compiles one, then fails while BREAK is set, as an interrupted build would.
const configure = `#!/bin/bash
echo run >> "$(dirname "$0")/configure-runs"
mkdir -p src
printf 'am_objects = a.lo b.lo c.lo\\n' > src/Makefile
printf 'all:\\n\\tmkdir -p src\\n\\ttest -f src/a.lo || touch src/a.lo\\n\\tif [ -n "$$BREAK" ]; then exit 1; fi\\n\\ttouch src/b.lo src/c.lo\\ninstall:\\n\\t@echo installed\\n' > Makefile
`;

describe('the Mesos build script', () => {
	let src: string;
	const exec = localExecutor();

	beforeEach(() => {
		src = mkdtempSync(join(tmpdir(), 'mesos-src-'));
		writeFileSync(join(src, 'configure'), configure);
		chmodSync(join(src, 'configure'), 0o755);
	});

	afterEach(() => rmSync(src, {recursive: true, force: true}));

	const build = (env: string[] = []) => exec.run(shellCommand(['env', ...env, 'bash', '-c', mesosBuildScript, 'mesos-lab', src]));

	it('continues an interrupted build without configuring again or wiping what was compiled', async () => {
		const broken = await build(['BREAK=1']);
		expect(broken.exitCode).not.toBe(0);
		const firstObject = statSync(join(src, 'build', 'src', 'a.lo')).mtimeMs;
		expect(existsSync(join(src, 'build', 'src', 'b.lo'))).toBe(false);

		const resumed = await build();
		expect(resumed.exitCode, resumed.stderr).toBe(0);
		expect(readFileSync(join(src, 'configure-runs'), 'utf8')).toBe('run\n');
		expect(statSync(join(src, 'build', 'src', 'a.lo')).mtimeMs).toBe(firstObject);
		expect(resumed.stdout).toContain('installed');
	});

	it('reports compiled objects against the total the Makefile names', async () => {
		const result = await build();
		expect(result.exitCode, result.stderr).toBe(0);
		expect(lastBuildProgress(result.stdout)).toEqual({done: 3, total: 3});
		expect(result.stdout).toMatch(/^make -j \d+: \d+ MiB of memory at about 2 GiB per compiler, \d+ CPUs$/m);
	});

	it('configures again when configure was cut off before it finished', async () => {
		mkdirSync(join(src, 'build'));
		writeFileSync(join(src, 'build', 'Makefile'), 'half written by an interrupted configure\n');
		const result = await build();
		expect(result.exitCode, result.stderr).toBe(0);
		expect(readFileSync(join(src, 'configure-runs'), 'utf8')).toBe('run\n');
	});
});

describe('progress lines in the build log', () => {
	it.each([
		['mesos-lab build progress: 812/1450 objects', {done: 812, total: 1450}],
		['  mesos-lab build progress: 3/3 objects  ', {done: 3, total: 3}],
		['mesos-lab build progress: 9/4 objects', {done: 4, total: 4}],
		['mesos-lab build progress: 0/0 objects', undefined],
		['  CXX      libmesos_no_3rdparty_la-master.lo', undefined],
	] as const)('%j reads as %j', (line, expected) => {
		expect(parseBuildProgress(line)).toEqual(expected);
	});

	it('takes the last report of a chunk of log', () => {
		expect(lastBuildProgress('mesos-lab build progress: 1/10 objects\n  CXX x.lo\nmesos-lab build progress: 2/10 objects\n')).toEqual({done: 2, total: 10});
	});
});
