import {spawnSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {cliPath} from '../helpers/hostile-http.js';

// A mount and network namespace of the test's own: the home is a read-only mount, and the only
// network is a loopback that is down, so any attempt to reach a host fails at once and shows.
const canIsolate = spawnSync('unshare', ['-m', '-n', '--propagation', 'private', 'true']).status === 0;

let outside: string;
beforeEach(() => {
	outside = mkdtempSync(join(tmpdir(), 'mesos-lab-ro-home-'));
});
afterEach(() => {
	rmSync(outside, {recursive: true, force: true});
});

function inReadOnlyHome(args: string): {code: string; stderr: string} {
	const home = join(outside, 'home');
	const story = [
		`mount --bind ${home} ${home}`,
		`mount -o remount,bind,ro ${home}`,
		`${process.execPath} ${cliPath} --home ${home} ${args} > ${outside}/out 2> ${outside}/err; echo $? > ${outside}/code`,
	].join('\n');
	const result = spawnSync('unshare', ['-m', '-n', '--propagation', 'private', 'sh', '-c', story], {encoding: 'utf8', timeout: 120_000});
	expect(result.status, result.stderr).toBe(0);
	return {code: readFileSync(join(outside, 'code'), 'utf8').trim(), stderr: readFileSync(join(outside, 'err'), 'utf8')};
}

const lab = 'hosts:\n  - name: node1\n    address: 10.200.0.5\n';

describe.skipIf(!canIsolate)('a read-only --home', () => {
	it('stops init before any host is contacted, saying why', () => {
		mkdirSync(join(outside, 'home'));
		writeFileSync(join(outside, 'lab.yaml'), lab);
		const run = inReadOnlyHome(`init --config ${join(outside, 'lab.yaml')} --yes --plain`);
		expect(run.code).toBe('1');
		expect(run.stderr).toMatch(/home .* cannot be written \(its file system is read-only\); nothing was run on any host/);
		expect(run.stderr).not.toMatch(/ENETUNREACH|connect|Fix the JSON/i);
	});

	it('stops resume the same way, in Chinese too', () => {
		const labDir = join(outside, 'home', 'labs', 'default');
		mkdirSync(labDir, {recursive: true});
		writeFileSync(join(labDir, 'checkpoints.json'), JSON.stringify({schemaVersion: 1, labId: 'default', order: [], steps: {}, lab: {hosts: [{name: 'node1', address: '10.200.0.5'}]}}));
		const run = inReadOnlyHome('--lang zh resume --plain');
		expect(run.code).toBe('1');
		expect(run.stderr).toMatch(/无法写入（所在文件系统是只读的）；没有在任何主机上执行命令/);
	});
});
