import {mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {StoreError} from '../../src/errors.js';
import {defaultLab} from '../../src/lab/lab-file.js';
import {CheckpointStore, withoutSecrets} from '../../src/state/checkpoint-store.js';
import {journalSchemaVersion} from '../../src/state/journal.js';

let home: string;
beforeEach(() => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-store-'));
});
afterEach(() => {
	rmSync(home, {recursive: true, force: true});
});

describe('checkpoint store', () => {
	it('keeps steps, run info and the lab snapshot across reopenings', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		store.savePlan(['docker@node1', 'zookeeper@node1']);
		store.saveStep('docker@node1', {status: 'done', attempts: 1, startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:00.000Z', reason: 'applied'});
		store.saveStep('zookeeper@node1', {status: 'running', attempts: 1, job: {name: 'build', dir: '/var/lib/mesos-lab/jobs/build', command: 'make', startedAt: 'x', readBytes: 42}});
		store.saveRun({startedAt: '2026-01-01T00:00:00.000Z', outcome: 'stopped', lastStop: 'link dropped'});

		const journal = CheckpointStore.open(home, 'home-lab').journal();
		expect(journal.schemaVersion).toBe(journalSchemaVersion);
		expect(journal.order).toEqual(['docker@node1', 'zookeeper@node1']);
		expect(journal.steps['docker@node1']?.status).toBe('done');
		expect(journal.steps['zookeeper@node1']).toMatchObject({status: 'running', job: {readBytes: 42}});
		expect(journal.run?.lastStop).toBe('link dropped');
		expect(store.file).toBe(join(home, 'labs', 'home-lab', 'checkpoints.json'));
	});

	it('never writes a secret of the lab configuration to disk', () => {
		expect(withoutSecrets({hosts: [{name: 'node1', address: '10.0.0.5', sudoPassword: 'hunter2', ssh: {passphrase: 'open-sesame', identityFile: '/root/.ssh/id'}}]}))
			.toEqual({hosts: [{name: 'node1', address: '10.0.0.5', ssh: {identityFile: '/root/.ssh/id'}}]});
		const store = CheckpointStore.open(home, 'home-lab');
		const lab = defaultLab({address: '10.0.0.5', identityFile: '/root/.ssh/id'});
		store.saveLab(lab);
		expect(readFileSync(store.file, 'utf8')).toContain('/root/.ssh/id');
		expect(CheckpointStore.open(home, 'home-lab').journal().lab).toEqual(lab);
	});

	it('holds each step in the shape of its status: a failure without its error is reported, a field from a later build is kept', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		writeFileSync(store.file, JSON.stringify({schemaVersion: 1, labId: 'home-lab', order: ['docker@node1'], steps: {'docker@node1': {status: 'failed', attempts: 1}}}));
		expect(() => store.journal()).toThrow(/steps\.docker@node1\.lastError/);

		writeFileSync(store.file, JSON.stringify({schemaVersion: 1, labId: 'home-lab', order: ['docker@node1'], steps: {'docker@node1': {status: 'done', attempts: 1, laterField: 'kept'}}}));
		store.saveRun({startedAt: '2026-01-01T00:00:00.000Z', outcome: 'completed'});
		expect(JSON.parse(readFileSync(store.file, 'utf8')).steps['docker@node1'].laterField).toBe('kept');
	});

	it('reports a corrupt file by name and leaves its bytes untouched', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		const broken = '{"schemaVersion": 1, "labId": "home-lab", "steps": {';
		writeFileSync(store.file, broken);

		expect(() => CheckpointStore.open(home, 'home-lab')).toThrow(StoreError);
		expect(() => store.journal()).toThrow(new RegExp(`${store.file.replaceAll('/', '\\/')}.*left untouched`));
		expect(() => store.saveStep('docker@node1', {status: 'done', attempts: 1})).toThrow(StoreError);
		expect(readFileSync(store.file, 'utf8')).toBe(broken);
	});

	it('refuses a file that holds no JSON object instead of starting a new journal over it', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		for (const text of ['[1, 2]\n', '"home-lab"\n', 'null\n', '42\n']) {
			writeFileSync(store.file, text);
			expect(() => CheckpointStore.open(home, 'home-lab')).toThrow(/does not hold a JSON object/);
			expect(readFileSync(store.file, 'utf8')).toBe(text);
		}
	});

	it('names the first damaged field and leaves the file as it was', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		const damaged = JSON.stringify({schemaVersion: 1, labId: 'home-lab', order: ['a@n1'], steps: {'a@n1': {status: 'finished', attempts: 1}}});
		writeFileSync(store.file, damaged);
		expect(() => CheckpointStore.open(home, 'home-lab')).toThrow(/is damaged \(steps\.a@n1\.status: /);
		expect(readFileSync(store.file, 'utf8')).toBe(damaged);
	});

	it('keeps fields it does not know when it saves the journal again', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		writeFileSync(store.file, JSON.stringify({schemaVersion: 1, labId: 'home-lab', steps: {'a@n1': {status: 'done', attempts: 1, note: 'kept'}}, extra: {kept: true}}));
		store.saveRun({startedAt: '2026-01-01T00:00:00.000Z', outcome: 'running'});
		const saved = JSON.parse(readFileSync(store.file, 'utf8'));
		expect(saved.extra).toEqual({kept: true});
		expect(saved.steps['a@n1'].note).toBe('kept');
		expect(saved.order).toEqual(['a@n1']);
	});

	it('refuses a file from a newer format instead of rewriting it', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		const future = JSON.stringify({schemaVersion: journalSchemaVersion + 1, labId: 'home-lab', steps: {}});
		writeFileSync(store.file, future);
		expect(() => CheckpointStore.open(home, 'home-lab')).toThrow(/newer mesos-lab/);
		expect(readFileSync(store.file, 'utf8')).toBe(future);
	});

	it('keeps step logs beside the journal and removes everything on reset', () => {
		const store = CheckpointStore.open(home, 'home-lab');
		store.appendLog('docker@node1', 'line one\n');
		store.appendLog('docker@node1', 'line two\n');
		expect(store.readLog('docker@node1')).toBe('line one\nline two\n');
		expect(store.logPath('docker@node1')).toBe(join(home, 'labs', 'home-lab', 'logs', 'docker@node1.log'));
		expect(CheckpointStore.list(home)).toEqual(['home-lab']);
		store.remove();
		expect(readdirSync(join(home, 'labs'))).toEqual([]);
	});

	it('rejects a lab id that is not a plain folder name', () => {
		expect(() => CheckpointStore.open(home, '../escape')).toThrow(/not a valid lab id/);
	});
});
