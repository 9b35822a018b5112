import {spawnSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

// Every row runs the built CLI the way a user would, with one thing wrong. Whatever the mistake,
// the answer is a message and a hint on stderr, exit 1 or 2, no stack, and every checkpoint file
// and step log under --home byte for byte as it was.

const bin = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));
const isRoot = process.getuid?.() === 0;
// Root reads and writes past permission bits. Without those two capabilities it is held to the owner
// bits of its own files, as any user is: enough to meet a folder or file it may not use, while the
// repository and Node.js stay readable wherever they were installed.
const withoutPermissionBypass = ['--inh-caps=-dac_override,-dac_read_search', '--bounding-set=-dac_override,-dac_read_search'];

const healthyJournal = JSON.stringify({
	schemaVersion: 1,
	labId: 'home-lab',
	order: ['docker@node1', 'zookeeper@node1'],
	steps: {
		'docker@node1': {status: 'done', attempts: 1, startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:01:00.000Z'},
		'zookeeper@node1': {status: 'failed', attempts: 1, startedAt: '2026-03-01T10:01:00.000Z', finishedAt: '2026-03-01T10:01:05.000Z', lastError: 'exit 1'},
	},
	run: {startedAt: '2026-03-01T10:00:00.000Z', outcome: 'failed'},
	lab: {hosts: [{name: 'node1', address: '10.0.0.5'}]},
}, null, '\t');

interface Row {
	name: string;
	args: (home: string, files: string) => string[];
	/** Extra files in the home or next to it, made before the run. */
	setup?: (home: string, files: string) => void;
	exitCode: 1 | 2;
	stderr: RegExp;
	/** Unknown commands and flags answer on one line, with the nearest valid word instead of a hint. */
	oneLine?: boolean;
	input?: string;
	/** A path to take permissions from for the run; as root the CLI then runs without its permission bypass. */
	deny?: {path: (home: string) => string; mode: number};
}

function addLab(home: string, labId: string, text: string): void {
	mkdirSync(join(home, 'labs', labId), {recursive: true});
	writeFileSync(join(home, 'labs', labId, 'checkpoints.json'), text);
}

const rows: Row[] = [
	{name: 'a lab file that is not YAML', setup: (_, files) => writeFileSync(join(files, 'broken.yaml'), 'hosts: [\n  - node1\n'), args: (home, files) => ['--home', home, 'plan', '--config', join(files, 'broken.yaml')], exitCode: 2, stderr: /broken\.yaml is not valid YAML/},
	{name: 'a lab file whose host address carries a command', setup: (_, files) => writeFileSync(join(files, 'hostile.yaml'), 'hosts:\n  - name: node1\n    address: "10.0.0.5; reboot"\n'), args: (home, files) => ['--home', home, 'plan', '--config', join(files, 'hostile.yaml')], exitCode: 2, stderr: /hostile\.yaml has/},
	{name: 'a lab file that does not exist, for plan', args: (home, files) => ['--home', home, 'plan', '--config', join(files, 'missing.yaml')], exitCode: 2, stderr: /Cannot read the lab file .*missing\.yaml/},
	{name: 'a lab file that does not exist, for init', args: (home, files) => ['--home', home, 'init', '--config', join(files, 'missing.yaml'), '--yes', '--plain'], exitCode: 2, stderr: /missing\.yaml does not exist/},
	{name: 'a malformed lab file, for init', setup: (_, files) => writeFileSync(join(files, 'broken.yaml'), 'hosts: [\n  - node1\n'), args: (home, files) => ['--home', home, 'init', '--config', join(files, 'broken.yaml'), '--yes', '--plain'], exitCode: 2, stderr: /broken\.yaml is not valid YAML/},
	{name: '--home naming a file', setup: (_, files) => writeFileSync(join(files, 'plain-file'), ''), args: (_, files) => ['--home', join(files, 'plain-file'), 'status'], exitCode: 2, stderr: /plain-file is a file, not a folder/},
	{name: '--home below a file', setup: (_, files) => writeFileSync(join(files, 'plain-file'), ''), args: (_, files) => ['--home', join(files, 'plain-file', 'home'), 'status'], exitCode: 2, stderr: /lies inside a file/},
	{name: 'MESOS_LAB_HOME naming a file', setup: (_, files) => writeFileSync(join(files, 'plain-file'), ''), args: () => ['status'], exitCode: 2, stderr: /MESOS_LAB_HOME .*plain-file is a file/},
	{name: '--home this user may not read', deny: {path: home => home, mode: 0o000}, args: home => ['--home', home, 'status'], exitCode: 1, stderr: /cannot be read by this user \(EACCES\)/},
	{name: 'a lab folder this user may not write, for reset', deny: {path: home => join(home, 'labs', 'home-lab'), mode: 0o555}, args: home => ['--home', home, 'reset', '--lab-id', 'home-lab', '--yes'], exitCode: 1, stderr: /Could not create the lock/},
	{name: 'a checkpoint file this user may not read', deny: {path: home => join(home, 'labs', 'home-lab', 'checkpoints.json'), mode: 0o000}, args: home => ['--home', home, 'status', '--lab-id', 'home-lab'], exitCode: 1, stderr: /checkpoints\.json cannot be read \(EACCES/},
	...['status', 'logs', 'resume', 'reset --yes'].map((command): Row => ({
		name: `a truncated checkpoint file, for ${command}`,
		setup: home => addLab(home, 'torn', healthyJournal.slice(0, 120)),
		args: home => ['--home', home, ...command.split(' '), '--lab-id', 'torn'],
		exitCode: 1,
		stderr: /torn\/checkpoints\.json cannot be read .*left untouched/,
	})),
	{name: 'a checkpoint file holding a JSON array', setup: home => addLab(home, 'listed', '[1, 2]\n'), args: home => ['--home', home, 'status', '--lab-id', 'listed'], exitCode: 1, stderr: /does not hold a JSON object/},
	{name: 'a checkpoint file with a step of the wrong shape', setup: home => addLab(home, 'odd', JSON.stringify({schemaVersion: 1, labId: 'odd', steps: {'a@b': 'done'}})), args: home => ['--home', home, 'status', '--lab-id', 'odd'], exitCode: 1, stderr: /is damaged \(steps\.a@b: /},
	{name: 'a checkpoint file with a number for a time', setup: home => addLab(home, 'odd', JSON.stringify({schemaVersion: 1, labId: 'odd', order: ['a@b'], steps: {'a@b': {status: 'done', attempts: 1, startedAt: 5}}})), args: home => ['--home', home, 'status', '--lab-id', 'odd'], exitCode: 1, stderr: /is damaged \(steps\.a@b\.startedAt: /},
	{name: 'a checkpoint file from a newer mesos-lab', setup: home => addLab(home, 'future', JSON.stringify({schemaVersion: 99, labId: 'future', steps: {}})), args: home => ['--home', home, 'logs', '--lab-id', 'future'], exitCode: 1, stderr: /written by a newer mesos-lab/},
	...['status', 'logs', 'resume', 'reset --yes'].map((command): Row => ({
		name: `an unknown lab id, for ${command}`,
		args: home => ['--home', home, ...command.split(' '), '--lab-id', 'ghost'],
		exitCode: 2,
		stderr: /There is no lab "ghost"/,
	})),
	{name: 'a lab id that tries to leave the home folder', args: home => ['--home', home, 'status', '--lab-id', '../../etc'], exitCode: 2, stderr: /is not a valid lab id/},
	{name: 'a step that does not exist', args: home => ['--home', home, 'logs', 'zookeper@node1'], exitCode: 2, stderr: /No step "zookeper@node1"/},
	{name: 'a reset confirmation that does not match', input: 'home\n', args: home => ['--home', home, 'reset'], exitCode: 2, stderr: /does not match home-lab; nothing was removed/},
	{name: 'a dashboard URL that is not a URL', args: home => ['--home', home, 'dashboard', '--mesos', 'not a url', '--once'], exitCode: 2, stderr: /--mesos: "not a url" is not a URL/},
	{name: 'a dashboard URL with another scheme', args: home => ['--home', home, 'dashboard', '--marathon', 'javascript:alert(1)', '--once'], exitCode: 2, stderr: /--marathon: .* is not an http\(s\) URL/},
	{name: 'a marathon-lb URL with a space', args: home => ['--home', home, 'dashboard', '--mesos', 'http://127.0.0.1:1', '--lb', 'http://a b', '--once'], exitCode: 2, stderr: /--lb: /},
	{name: 'a ZooKeeper member with a shell character', args: home => ['--home', home, 'dashboard', '--mesos', 'http://127.0.0.1:1', '--zk', 'zk1;reboot:2181', '--once'], exitCode: 2, stderr: /--zk "zk1;reboot" is not a host name/},
	{name: 'a state limit that is no size', args: home => ['--home', home, 'dashboard', '--mesos', 'http://127.0.0.1:1', '--max-state-mb', 'lots'], exitCode: 2, stderr: /--max-state-mb takes a size in MB between 1 and 4096, not "lots"/},
	{name: 'a refresh that is not a number', args: home => ['--home', home, 'dashboard', '--mesos', 'http://127.0.0.1:1', '--refresh', 'soon'], exitCode: 2, stderr: /--refresh "soon" is not a number of seconds/},
	{name: 'an app file that is not JSON', setup: (_, files) => writeFileSync(join(files, 'app.json'), '{"id": "/web", "cmd": '), args: (home, files) => ['--home', home, 'app', 'deploy', join(files, 'app.json'), '--marathon', 'http://127.0.0.1:1'], exitCode: 2, stderr: /app\.json is not valid JSON/},
	{name: 'an app file that does not exist', args: (home, files) => ['--home', home, 'app', 'deploy', join(files, 'missing.json'), '--marathon', 'http://127.0.0.1:1'], exitCode: 2, stderr: /Cannot read app file .*missing\.json/},
	{name: 'a lab image that is an option for docker run', setup: (_, files) => writeFileSync(join(files, 'option.yaml'), 'hosts:\n  - name: node1\n    address: 10.0.0.5\nversions:\n  marathonLbImage: "-v/:/host"\n'), args: (home, files) => ['--home', home, 'plan', '--config', join(files, 'option.yaml')], exitCode: 2, stderr: /versions\.marathonLbImage: a Docker image reference/},
	{name: 'a mirror URL carrying user:password', setup: (_, files) => writeFileSync(join(files, 'mirror.yaml'), 'hosts:\n  - name: node1\n    address: 10.0.0.5\nmirrors:\n  preset: custom\n  centosVault: ["http://mirror:s3cret@vault.example/centos"]\n'), args: (home, files) => ['--home', home, 'plan', '--config', join(files, 'mirror.yaml')], exitCode: 2, stderr: /mirrors\.centosVault\.0: a URL without user:password@(?![\s\S]*s3cret)/},
	{name: 'an app image that is an option, for deploy', args: home => ['--home', home, 'app', 'deploy', '--id', '/web', '--image', '--privileged', '--marathon', 'http://127.0.0.1:1'], exitCode: 2, stderr: /container\.docker\.image: a Docker image reference/},
	{name: 'an app image that is an option, for update', args: home => ['--home', home, 'app', 'update', '/web', '--image=-v/:/host', '--marathon', 'http://127.0.0.1:1'], exitCode: 2, stderr: /--image "-v\/:\/host" is not a Docker image reference/},
	{name: 'an app id with a shell character', args: home => ['--home', home, 'app', 'scale', '/web;reboot', '--instances', '2', '--marathon', 'http://127.0.0.1:1'], exitCode: 2, stderr: /App id "\/web;reboot"/},
	{name: 'an experiment that does not exist', args: home => ['--home', home, 'lab', 'failovr'], exitCode: 2, stderr: /There is no experiment "failovr" \(did you mean 'failover'\?\)/},
	{name: 'a missing argument', args: home => ['--home', home, 'lab'], exitCode: 2, stderr: /missing required argument 'name'/},
	{name: 'a flag without its value', args: home => ['--home', home, 'status', '--lab-id'], exitCode: 2, stderr: /'--lab-id <id>' argument missing/},
	{name: 'a language mesos-lab does not speak', args: home => ['--home', home, '--lang', 'fr', 'status'], exitCode: 2, stderr: /--lang fr is not a language/},
	{name: 'an unknown command', oneLine: true, args: home => ['--home', home, 'staus'], exitCode: 2, stderr: /^unknown command 'staus' \(did you mean 'status'\?\)\n$/},
	{name: 'an unknown command after help', oneLine: true, args: home => ['--home', home, 'help', 'rest'], exitCode: 2, stderr: /^unknown command 'rest' \(did you mean 'reset'\?\)\n$/},
	{name: 'an unknown flag', oneLine: true, args: home => ['--home', home, 'logs', '--lab', 'home-lab'], exitCode: 2, stderr: /^unknown option '--lab' \(did you mean '--lab-id'\?\)\n$/},
];

/** Every checkpoint file and step log under `home`, by relative path. */
function savedState(home: string): Map<string, string> {
	const state = new Map<string, string>();
	for (const name of readdirSync(home, {recursive: true, encoding: 'utf8'})) {
		const path = join(home, name);
		if (statSync(path).isFile() && (name.endsWith('checkpoints.json') || name.endsWith('.log'))) {
			state.set(relative(home, path), readFileSync(path, 'utf8'));
		}
	}
	return state;
}

let scratch: string;
beforeAll(() => {
	if (!existsSync(fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url)))) {
		throw new Error('dist/ is missing: run `npm run build` before these tests (npm test does).');
	}
	scratch = mkdtempSync(join(tmpdir(), 'mesos-lab-bad-input-'));
	// The unprivileged rows need to reach their folders through this one.
	chmodSync(scratch, 0o755);
});
afterAll(() => {
	rmSync(scratch, {recursive: true, force: true});
});

describe('bad input never prints a stack and never loses saved state', () => {
	it.each(rows)('$name', row => {
		const caseDir = mkdtempSync(join(scratch, 'case-'));
		chmodSync(caseDir, 0o755);
		const home = join(caseDir, 'home');
		const files = join(caseDir, 'files');
		mkdirSync(files);
		addLab(home, 'home-lab', healthyJournal);
		mkdirSync(join(home, 'labs', 'home-lab', 'logs'));
		writeFileSync(join(home, 'labs', 'home-lab', 'logs', 'docker@node1.log'), '$ yum -y install docker-ce\nComplete!\n');
		for (const dir of [home, join(home, 'labs'), join(home, 'labs', 'home-lab'), join(home, 'labs', 'home-lab', 'logs')]) {
			chmodSync(dir, 0o755);
		}
		row.setup?.(home, files);
		const before = savedState(home);

		const dropBypass = row.deny !== undefined && isRoot;
		const denied = row.deny?.path(home);
		const mode = denied === undefined ? 0 : statSync(denied).mode & 0o777;
		if (denied !== undefined) {
			chmodSync(denied, row.deny!.mode);
		}
		const command = [process.execPath, bin, ...row.args(home, files)];
		const result = spawnSync(dropBypass ? 'setpriv' : process.execPath, dropBypass ? [...withoutPermissionBypass, ...command] : command.slice(1), {
			encoding: 'utf8',
			input: row.input ?? '',
			env: {PATH: process.env['PATH'] ?? '/usr/bin:/bin', LANG: 'C', MESOS_LAB_HOME: join(files, 'plain-file')},
			timeout: 30_000,
		});
		if (denied !== undefined) {
			chmodSync(denied, mode);
		}

		expect(result.status).toBe(row.exitCode);
		expect(result.stderr).toMatch(row.stderr);
		expect(`${result.stdout}${result.stderr}`).not.toMatch(/^\s+at /m);
		if (row.oneLine) {
			expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
		} else {
			expect(result.stderr).toMatch(/\nhint: \S/);
		}
		expect(savedState(home)).toEqual(before);
	});
});
