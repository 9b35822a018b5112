import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {absoluteAppId} from '../../src/apps/app-definition.js';
import {main} from '../../src/cli/main.js';
import {MesosLabError, UserInputError} from '../../src/errors.js';
import {assertJobName, jobState, startJob, tailJob} from '../../src/exec/detached-job.js';
import {shellCommand} from '../../src/exec/quote.js';
import type {SshExecutor} from '../../src/exec/ssh-executor.js';
import {parseLab} from '../../src/lab/lab-file.js';
import {assertAbsolutePath, assertHost, assertPort, assertUser} from '../../src/lab/validate.js';
import {assertLabId} from '../../src/state/paths.js';
import {Capture} from '../cli/capture.js';
import {type SshdServer, shouldSkipSshd, startSshd} from '../helpers/sshd.js';
import {sshClientFor} from './ssh-fixture.js';
import {waitFor} from '../helpers/wait-for.js';

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

// Every field of a lab file that ends up on the target, with where the hostile value goes.
/** A lab file as plain data, before validation. */
type LabDraft = {hosts: Array<Record<string, unknown>>} & Record<string, unknown>;
const draft = (): LabDraft => ({hosts: [{name: 'node1', address: '10.0.0.5'}]});

const labFields: Array<{path: string; set: (lab: LabDraft, value: string) => void}> = [
	{path: 'hosts.0.name', set: (lab, value) => { lab.hosts[0]!.name = value; }},
	{path: 'hosts.0.address', set: (lab, value) => { lab.hosts[0]!.address = value; }},
	{path: 'hosts.0.user', set: (lab, value) => { lab.hosts[0]!.user = value; }},
	{path: 'hosts.0.port', set: (lab, value) => { lab.hosts[0]!.port = value; }},
	{path: 'hosts.0.attributes.dc', set: (lab, value) => { lab.hosts[0]!.attributes = {dc: value}; }},
	{path: 'root', set: (lab, value) => { lab['root'] = `/opt/${value}`; }},
	{path: 'zookeeper.home', set: (lab, value) => { lab['zookeeper'] = {home: `/usr/${value}`}; }},
	{path: 'swapFile.path', set: (lab, value) => { lab['swapFile'] = {path: `/${value}`}; }},
	{path: 'docker.offlineImages.0', set: (lab, value) => { lab['docker'] = {offlineImages: [`/srv/${value}`]}; }},
	{path: 'versions.mesos', set: (lab, value) => { lab['versions'] = {mesos: value}; }},
	{path: 'versions.marathonImage', set: (lab, value) => { lab['versions'] = {marathonImage: `mesosphere/marathon:${value}`}; }},
	{path: 'mirrors.apache', set: (lab, value) => { lab['mirrors'] = {apache: `https://mirror.example/${value}`}; }},
	{path: 'mirrors.registryMirrors.0', set: (lab, value) => { lab['mirrors'] = {registryMirrors: [`https://${value}`]}; }},
	{path: 'roles.marathonLb', set: (lab, value) => { lab['roles'] = {zookeeper: ['node1', 'node1', 'node1'], masters: ['node1', 'node1', 'node1'], agents: ['node1'], marathon: ['node1', 'node1'], marathonLb: value}; }},
];

describe('hostile input in a lab file', () => {
	const cases = labFields.flatMap(field => hostile.map(value => ({field: field.path, value, set: field.set})));
	it.each(cases)('$field = $value is refused, naming the field', ({field, value, set}) => {
		const lab = draft();
		set(lab, value);
		// JSON is YAML, and it keeps every hostile character exactly as written.
		expect(() => parseLab(JSON.stringify(lab), 'lab.yaml')).toThrow(UserInputError);
		expect(() => parseLab(JSON.stringify(lab), 'lab.yaml')).toThrow(new RegExp(`${field.replaceAll('.', '\\.')}: `));
	});

	it('accepts the same lab with plain values, so the refusals above are about the values', () => {
		const lab = draft();
		for (const field of labFields) {
			field.set(lab, 'plain1');
		}
		lab.hosts[0]!.port = 2222;
		// Roles name hosts, so the host keeps a name the roles use.
		lab.hosts[0]!.name = 'plain1';
		(lab['roles'] as Record<string, unknown>)['zookeeper'] = ['plain1', 'plain1', 'plain1'];
		(lab['roles'] as Record<string, unknown>)['masters'] = ['plain1', 'plain1', 'plain1'];
		(lab['roles'] as Record<string, unknown>)['agents'] = ['plain1'];
		(lab['roles'] as Record<string, unknown>)['marathon'] = ['plain1', 'plain1'];
		expect(parseLab(JSON.stringify(lab), 'lab.yaml').hosts[0]).toMatchObject({name: 'plain1', user: 'plain1', port: 2222});
	});
});

describe('hostile lab and app ids', () => {
	it.each(hostile)('a lab id %j is refused before it names a folder', value => {
		expect(() => assertLabId(value)).toThrow(UserInputError);
	});

	it.each(hostile)('an app id %j is refused before it reaches Marathon', value => {
		expect(() => absoluteAppId(`/${value}`)).toThrow(UserInputError);
	});

	it('refuses a hostile lab id on the command line with exit 2 and creates nothing', async () => {
		const home = mkdtempSync(join(tmpdir(), 'mesos-lab-hostile-home-'));
		try {
			for (const value of hostile) {
				const stderr = new Capture();
				expect(await main(['--home', home, 'status', '--lab-id', value], {stdout: new Capture(), stderr, env: {}, isTTY: false})).toBe(2);
				expect(stderr.text).toMatch(/is not a valid lab id/);
			}
			expect(readdirSync(home)).toEqual([]);
			expect(existsSync(marker)).toBe(false);
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
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
		await waitFor(async () => (await jobState(exec, handle)).kind !== 'running', 'the job to end', {timeoutMs: 20_000});
		expect(await jobState(exec, handle)).toEqual({kind: 'exited', exitCode: 0});
		expect((await tailJob(exec, handle, 0, {includePartialLine: true})).text).toBe(hostile.map(value => `${value}\n`).join(''));
		expect(existsSync(marker)).toBe(false);
	});
});
