import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import stringWidth from 'string-width';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {t} from '../../src/i18n/messages.js';
import {startSimulatedCluster, type SimulatedCluster} from '../../src/sim/index.js';
import {Runner} from '../../src/runner/runner.js';
import {CheckpointStore} from '../../src/state/checkpoint-store.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {fakeStep} from '../runner/fake-steps.js';
import {builtCliMissing, runBuiltCli} from '../helpers/built-cli.js';
import {englishSentences} from '../helpers/no-english.js';

const why = builtCliMissing();
if (why && process.env.CI) {
	throw new Error(why);
}

/** A Chinese locale, and nothing else that names a language. */
const chinese = {LANG: 'zh_CN.UTF-8', LC_ALL: '', LC_MESSAGES: '', MESOS_LAB_LANG: ''};

async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{code: number | null; output: string}> {
	const run = runBuiltCli(args, {env: {...chinese, ...env}});
	const code = await run.exited;
	return {code, output: run.output()};
}

/** Each cell of each row starts at the display column its head starts at. */
function expectAligned(lines: string[]): void {
	const header = lines[0]!;
	const starts = [...header.matchAll(/ {2,}(?=\S)/g)].map(match => stringWidth(header.slice(0, match.index + match[0].length)));
	for (const row of lines.slice(1)) {
		const rowStarts = [...row.matchAll(/ {2,}(?=\S)/g)].map(match => stringWidth(row.slice(0, match.index + match[0].length)));
		expect(rowStarts.slice(0, starts.length), `${row}\nunder\n${header}`).toEqual(starts.slice(0, rowStarts.length));
	}
}

describe.skipIf(why !== undefined)('the command line in a Chinese terminal', () => {
	describe('help', () => {
		const commands = [
			[], ['init'], ['resume'], ['status'], ['plan'], ['logs'], ['dashboard'], ['demo'], ['reset'], ['lab'], ['app'],
			...['list', 'deploy', 'scale', 'restart', 'versions', 'rollback', 'update', 'delete'].map(action => ['app', action]),
		];

		it.each(commands.map(command => [command.join(' ') || 'mesos-lab', command]))('%s --help describes every option in Chinese, under Chinese headings', async (_name, command) => {
			const {code, output} = await cli([...command, '--help']);
			expect(code).toBe(0);
			expect(output).toContain(t('zh', 'helpTitleUsage'));
			expect(output).toContain(t('zh', 'helpTitleOptions'));
			expect(output).not.toMatch(/^(Usage|Options|Commands|Arguments):/m);
			expect(englishSentences(output), output).toEqual([]);
		});

		it('wraps Chinese descriptions between words, within the width commander lays help out in', async () => {
			const {output} = await cli(['dashboard', '--help'], {COLUMNS: '80'});
			for (const line of output.split('\n').filter(line => !line.trimStart().startsWith('$ '))) {
				expect(stringWidth(line), line).toBeLessThanOrEqual(80);
			}
			expect(output).toContain(t('zh', 'helpDefault', {value: '"2"'}));
		});
	});

	describe('plan and bad input', () => {
		it('plan shows the example lab\'s steps in Chinese', async () => {
			const {code, output} = await cli(['plan', '--config', 'examples/lab.yaml', '--lang', 'zh']);
			expect(code).toBe(0);
			expect(englishSentences(output)).toEqual([]);
		});

		it.each([
			['an unknown command', ['stauts'], t('zh', 'unknownCommandNear', {word: 'stauts', suggestion: 'status'})],
			['an unknown flag', ['status', '--jsn'], t('zh', 'unknownOptionNear', {word: '--jsn', suggestion: '--json'})],
			['a value outside a flag\'s choices', ['--lang', 'zh', '--lang', 'fr', 'status'], t('zh', 'invalidChoice', {flag: '--lang', value: 'fr', choices: 'zh、en'})],
			['a missing lab file', ['plan', '--config', 'no-such-lab.yaml'], 'no-such-lab.yaml'],
			['a misspelt experiment', ['lab', 'zk-qorum'], '可用的实验：hello、shell、nginx'],
		])('says what is wrong with %s in Chinese', async (_case, args, said) => {
			const {code, output} = await cli(args);
			expect(code).toBe(2);
			expect(output).toContain(said);
			expect(englishSentences(output), output).toEqual([]);
		});
	});

	describe('status', () => {
		let home: string;
		beforeEach(() => {
			home = mkdtempSync(join(tmpdir(), 'mesos-lab-zh-status-'));
		});
		afterEach(() => {
			rmSync(home, {recursive: true, force: true});
		});

		it('names the lab, the run and every step in Chinese, in columns measured by display width', async () => {
			const store = CheckpointStore.open(home, 'home-lab');
			store.savePlan(['docker@node1', 'zookeeper@node1', 'mesos@node1']);
			store.saveStep('docker@node1', {status: 'done', attempts: 1, startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:01:30.000Z'});
			store.saveStep('zookeeper@node1', {status: 'failed', attempts: 2, startedAt: '2026-03-01T10:01:30.000Z', finishedAt: '2026-03-01T10:01:35.000Z', lastError: '退出码 1'});
			store.saveRun({startedAt: '2026-03-01T10:00:00.000Z', outcome: 'failed'});

			const {code, output} = await cli(['status', '--home', home]);

			expect(code).toBe(0);
			const lines = output.trimEnd().split('\n');
			expect(lines[0]).toBe(`${t('zh', 'statusLab', {labId: 'home-lab'})} · ${t('zh', 'statusRun', {outcome: 'failed'})}`);
			expect(lines[1]).toContain(t('zh', 'statusColTries'));
			expect(lines[2]).toContain(t('zh', 'statusStep', {status: 'done'}));
			expect(lines[4]).toContain(t('zh', 'statusStep', {status: 'pending'}));
			expect(englishSentences(output)).toEqual([]);
			expectAligned(lines.slice(1));
		});

		it('tells why a step failed in the reader\'s language, whichever language the run that failed spoke', async () => {
			// The install ran in English; the person who looks afterwards reads Chinese.
			const exec = new FakeExecutor([{match: 'systemctl start zookeeper', exitCode: 1, stderr: 'Job for zookeeper.service failed.\n'}]);
			const store = CheckpointStore.open(home, 'home-lab');
			const runner = new Runner({labId: 'home-lab', language: 'en', steps: [fakeStep('zookeeper', {commands: [{command: 'systemctl start zookeeper'}]})], store, executorFor: () => exec});
			expect(await runner.run()).toBe('failed');

			const {code, output} = await cli(['status', '--home', home]);

			expect(code).toBe(0);
			const failed = t('zh', 'stepCommandEnded', {command: 'systemctl start zookeeper', exit: '1'});
			expect(output.split('\n').find(line => line.startsWith('zookeeper@node1'))).toContain(failed);
			expect(output).toContain(t('zh', 'runnerLastStopFailed', {step: 'zookeeper@node1', error: failed}));
			expect(englishSentences(output)).toEqual([]);

			const english = await cli(['status', '--home', home], {LANG: 'en_US.UTF-8'});
			expect(english.output).toContain(t('en', 'stepCommandEnded', {command: 'systemctl start zookeeper', exit: '1'}));
		});

		it('still reads a checkpoint an older build wrote, whose failure is one plain string', async () => {
			const store = CheckpointStore.open(home, 'home-lab');
			writeFileSync(store.file, JSON.stringify({
				schemaVersion: 1,
				labId: 'home-lab',
				order: ['zookeeper@node1'],
				steps: {'zookeeper@node1': {status: 'failed', attempts: 1, startedAt: '2026-03-01T10:01:30.000Z', finishedAt: '2026-03-01T10:01:35.000Z', lastError: '`systemctl start zookeeper` ended with exit 1', hint: 'look at journalctl -u zookeeper'}},
				run: {startedAt: '2026-03-01T10:00:00.000Z', outcome: 'failed', lastStop: 'zookeeper@node1 failed: `systemctl start zookeeper` ended with exit 1'},
			}));

			const {code, output} = await cli(['status', '--home', home]);

			expect(code).toBe(0);
			expect(output).toContain('`systemctl start zookeeper` ended with exit 1');
			const json = await cli(['status', '--home', home, '--json']);
			expect(JSON.parse(json.output)).toMatchObject({steps: [{key: 'zookeeper@node1', lastError: '`systemctl start zookeeper` ended with exit 1', hint: 'look at journalctl -u zookeeper'}]});
		});

		it('says in Chinese that a lab is missing, and which labs there are', async () => {
			CheckpointStore.open(home, 'home-lab');
			const {code, output} = await cli(['status', '--home', home, '--lab-id', 'nope']);
			expect(code).toBe(2);
			expect(output).toContain(t('zh', 'noSuchLab', {labId: 'nope', home}));
			expect(output).toContain(t('zh', 'labsHere', {labs: 'home-lab'}));
		});
	});

	describe('against a simulated cluster', () => {
		let sim: SimulatedCluster;
		beforeAll(async () => {
			sim = await startSimulatedCluster({});
		});
		afterAll(async () => {
			await sim.stop();
		});

		it('app list heads its columns in Chinese and lines them up by display width', async () => {
			const {code, output} = await cli(['app', 'list', '--marathon', sim.marathonUrls.join(',')]);
			expect(code).toBe(0);
			const lines = output.trimEnd().split('\n');
			for (const key of ['appColId', 'appColImage', 'appColInstances', 'appColRunning', 'appColHealthy', 'appColVersion', 'appColDeploying'] as const) {
				expect(lines[0]).toContain(t('zh', key));
			}
			expect(lines.some(line => line.startsWith('/nginx'))).toBe(true);
			// The shell app's command is English by nature; only mesos-lab's own words are checked.
			expect(englishSentences(output.replace(/while true; do echo hello; sleep 1; done/g, ''))).toEqual([]);
			expectAligned(lines);
		});

		it('lab points to the live dashboard in Chinese, and names a misspelt experiment in Chinese', async () => {
			const unknown = await cli(['lab', 'helo', '--marathon', sim.marathonUrls.join(',')]);
			expect(unknown.code).toBe(2);
			expect(unknown.output).toContain(t('zh', 'labNoSuchExperimentNear', {name: 'helo', guess: 'hello'}));
			expect(englishSentences(unknown.output)).toEqual([]);

			const run = runBuiltCli(['lab', 'hello', '--marathon', sim.marathonUrls.join(','), '--mesos', sim.mesosUrls.join(','), '--timeout', '120'], {env: chinese});
			const watch = t('zh', 'labWatchLive', {command: 'mesos-lab dashboard'});
			await run.waitFor(new RegExp(watch.slice(0, watch.indexOf('mesos-lab'))), 60_000);
			expect(await run.exited).toBe(0);
			expect(run.output()).toContain(`${watch} --mesos ${sim.mesosUrls.join(',')}`);
		}, 150_000);

		it('lab zk-quorum names the simulated members it stops and starts in Chinese', async () => {
			const run = runBuiltCli(['lab', 'zk-quorum', '--marathon', sim.marathonUrls.join(','), '--mesos', sim.mesosUrls.join(','), '--timeout', '120'], {env: {...chinese, MESOS_LAB_SIM_CONTROL: sim.controlUrl}});
			expect(await run.exited).toBe(0);
			const output = run.output();
			expect(output).toContain(t('zh', 'labZkQuorumTitle'));
			expect(output).toMatch(/^停止 ZooKeeper \d（模拟）$/m);
			expect(output).toMatch(/^启动 ZooKeeper \d（模拟）$/m);
			// srvr's own answer of a member without a quorum is quoted, in quotation marks, as ZooKeeper prints it.
			expect(englishSentences(output.replaceAll(/“[^”]*”|"[^"]*"/g, ''), ['srvr']), output).toEqual([]);
		}, 150_000);

		it('lab tells what the experiment observed in Chinese, quoting only what the task printed', async () => {
			const run = runBuiltCli(['lab', 'hello', '--marathon', sim.marathonUrls.join(','), '--mesos', sim.mesosUrls.join(','), '--timeout', '120'], {env: chinese});
			expect(await run.exited).toBe(0);
			const output = run.output();
			const observed = output.slice(output.indexOf(t('zh', 'labObservedHeading')));
			expect(observed).toContain(`- ${t('zh', 'labObsShellScaled', {running: 3})}`);
			// The shell loop has no health check: each task's health is unknown, said in Chinese.
			expect(observed).toContain(`- ${t('zh', 'labObsShellHealth', {health: `${t('zh', 'labShellAppHealthUnknown')}、${t('zh', 'labShellAppHealthUnknown')}`})}`);
			expect(englishSentences(output), output).toEqual([]);
		}, 150_000);
	});
});
