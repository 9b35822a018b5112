import {describe, expect, test} from 'vitest';
import {parseLab, serializeLab} from '../../src/lab/lab-file.js';
import {buildPlan} from '../../src/steps/catalog.js';
import {answersToLab} from '../../src/wizard/answers-to-lab.js';
import type {InterviewEffects} from '../../src/install/target.js';
import {aventerKey, aventerRepo, runInterview} from '../../src/wizard/interview.js';
import {scriptedPrompts} from './scripted-prompts.js';

const effects: InterviewEffects = {
	tryConnect: async () => ({ok: true, fingerprint: 'SHA256:abc123'}),
	detectAddress: async () => ({ip: '192.168.56.10', hostname: 'node1.lab'}),
	probeMirror: async () => ({ok: true, detail: 'answered'}),
	trustHostKey: async () => undefined,
};

const sha256 = 'ab'.repeat(32);

/** Every answer each question can take, as the keys a user would press (undefined: the default). */
const choices = {
	language: {zh: ['zh'], en: ['en']},
	target: {
		'this machine': ['local'],
		'ssh with the agent': ['ssh', '10.0.0.5', '22', 'root', 'agent', 'yes'],
		'ssh with a key file': ['ssh', '10.0.0.5', '2222', 'centos', 'identity-file', '~/.ssh/id_ed25519', 'yes'],
		'ssh with a password': ['ssh', 'vm.lab', '22', 'centos', 'password-prompt', 'yes'],
	},
	address: {detected: [undefined]},
	topology: {'one VM': ['single'], 'two more hosts': ['multi', '10.0.0.6,10.0.0.7'], 'one more host': ['multi', '10.0.0.6']},
	mirrors: {china: ['china'], global: ['global'], custom: ['custom', 'https://mirror.example.org/vault']},
	mesos: {
		build: ['build'],
		'a prebuilt rpm': ['package', 'https://packages.example.org/mesos-1.11.0-1.el7.x86_64.rpm', sha256],
		'a prebuilt tarball on the host': ['package', 'file:///root/mesos-1.11.0-bin.tar.gz', sha256],
		'the third-party repo': ['third-party-repo', undefined, undefined],
	},
	version: {pinned: [undefined]},
	mode: {learn: ['learn'], 'run through': ['run']},
} satisfies Record<string, Record<string, Array<string | undefined>>>;

type Path = {name: string; keys: Array<string | undefined>};

/** Every combination of the answers above, in question order. */
function paths(): Path[] {
	return Object.values(choices).reduce<Path[]>((done, question) => done.flatMap(path => Object.entries(question).map(([name, keys]) => ({
		name: path.name === '' ? name : `${path.name}, ${name}`,
		keys: [...path.keys, ...keys],
	}))), [{name: '', keys: []}]);
}

describe('every path through the interview', () => {
	const all = paths();

	test('covers each answer of each question', () => {
		expect(all).toHaveLength(2 * 4 * 3 * 3 * 4 * 2);
	});

	test.each(all.map(path => [path.name, path.keys] as const))('%s: builds a lab that validates and plans', async (_name, keys) => {
		const {kit, rejected} = scriptedPrompts([...keys]);
		const answers = await runInterview(kit, effects);
		const lab = answersToLab(answers);

		expect(rejected).toEqual([]);
		expect(parseLab(serializeLab(lab), 'lab.yaml')).toEqual(lab);
		expect(buildPlan(lab).length).toBeGreaterThan(0);
		expect(lab.hosts[0]?.local === true).toBe(answers.target.kind === 'local');
	});

	test('a prebuilt rpm is installed from its URL, checked against its sha256', async () => {
		const {kit} = scriptedPrompts(['en', 'local', undefined, 'single', 'global', ...choices.mesos['a prebuilt rpm'], undefined, 'run']);
		const lab = answersToLab(await runInterview(kit, effects));
		expect(lab.mesos).toEqual({source: 'rpm', download: {url: 'https://packages.example.org/mesos-1.11.0-1.el7.x86_64.rpm', checksum: {algorithm: 'sha256', value: sha256}}});
	});

	test('the third-party repo defaults to AVENTER\'s CentOS 7 repo and its signing key', async () => {
		const {kit} = scriptedPrompts(['en', 'local', undefined, 'single', 'global', ...choices.mesos['the third-party repo'], undefined, 'run']);
		const lab = answersToLab(await runInterview(kit, effects));
		expect(lab.mesos).toEqual({source: 'third-party-repo', thirdPartyRepo: aventerRepo, thirdPartyGpgKey: aventerKey});
	});

	test('a package URL that is not an rpm or tarball is refused inline', async () => {
		const {kit, rejected} = scriptedPrompts(['en', 'local', undefined, 'single', 'global', 'package', 'https://example.org/mesos.zip', 'https://example.org/mesos.rpm', 'nothex', sha256, undefined, 'run']);
		await runInterview(kit, effects);
		expect(rejected).toEqual(['An http(s):// or file:// URL ending in .rpm, .tar.gz or .tgz', '64 hexadecimal digits']);
	});
});
