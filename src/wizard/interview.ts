import {assertHost, assertPort, assertUser} from '../lab/validate.js';
import type {Language} from '../steps/step.js';
import type {InterviewEffects, MirrorPreset, Target} from '../install/target.js';
import {backToken, type PromptKit} from './prompt-kit.js';

/** Where Mesos comes from: built as the tutorial does, a package the user has, or a third party's yum repo. */
export type MesosChoice =
	| {source: 'build'}
	| {source: 'package'; url: string; sha256: string}
	| {source: 'third-party-repo'; repo: string; gpgKey: string};

/**
 * AVENTER's CentOS 7 repo, the only public el7 Mesos builds left: a third party, named as such
 * everywhere, whose packages yum checks against AVENTER's signing key (it expires on 2026-09-28).
 */
export const aventerRepo = 'https://rpm.aventer.biz/CentOS/7/x86_64/';
export const aventerKey = 'https://www.aventer.biz/CentOS/support_aventer.asc';

export interface InterviewAnswers {
	language: Language;
	target: Target;
	fingerprint: string | undefined;
	advertiseIp: string;
	hostname: string;
	topology: 'single' | 'multi';
	extraHosts: string[];
	mirrors: MirrorPreset;
	customMirror: string | undefined;
	mesos: MesosChoice;
	mesosVersion: string;
	learnMode: boolean;
}

export const defaultAnswers: InterviewAnswers = {
	language: 'zh',
	target: {kind: 'local'},
	fingerprint: undefined,
	advertiseIp: '127.0.0.1',
	hostname: 'localhost',
	topology: 'single',
	extraHosts: [],
	mirrors: 'global',
	customMirror: undefined,
	mesos: {source: 'build'},
	mesosVersion: '1.11.0',
	learnMode: true,
};

type Outcome = 'next' | 'back';
type Question = (draft: InterviewAnswers) => Promise<Outcome>;

/** Turns a validator that throws into the `true | message` inquirer wants. */
function check(assert: (value: string) => void): (value: string) => true | string {
	return value => {
		try {
			assert(value);
			return true;
		} catch (error) {
			return error instanceof Error ? error.message : String(error);
		}
	};
}

/**
 * Asks the install questions in order. Every question has a default, validates inline, and
 * `<` (or "← back") returns to the previous one. Answers start from `start`, so a partly known
 * lab only needs confirming.
 */
export async function runInterview(kit: PromptKit, effects: InterviewEffects, start: InterviewAnswers = defaultAnswers): Promise<InterviewAnswers> {
	const draft: InterviewAnswers = {...start, target: {...start.target}, extraHosts: [...start.extraHosts], mesos: {...start.mesos}};
	const questions = buildQuestions(kit, effects);
	let index = 0;
	while (index < questions.length) {
		const question = questions[index];
		if (question === undefined) {
			break;
		}

		const outcome = await question(draft);
		index = outcome === 'back' ? Math.max(0, index - 1) : index + 1;
	}

	return draft;
}

function buildQuestions(kit: PromptKit, effects: InterviewEffects): Question[] {
	return [
		async draft => {
			const language = await kit.select({
				message: 'Language / 语言',
				choices: [{name: '中文', value: 'zh'}, {name: 'English', value: 'en'}],
				default: draft.language,
			});
			if (language === backToken) {
				return 'back';
			}

			draft.language = language;
			return 'next';
		},
		async draft => askTarget(kit, effects, draft),
		async draft => askAddress(kit, effects, draft),
		async draft => {
			const topology = await kit.select({
				message: 'Topology',
				choices: [
					{name: 'One VM with every role, as the tutorial does', value: 'single'},
					{name: 'Roles spread over several hosts', value: 'multi'},
				],
				default: draft.topology,
			});
			if (topology === backToken) {
				return 'back';
			}

			draft.topology = topology;
			if (topology === 'single') {
				draft.extraHosts = [];
				return 'next';
			}

			const hosts = await kit.input({
				message: 'Other hosts, comma-separated (same SSH user and port)',
				default: draft.extraHosts.join(','),
				validate: check(value => {
					const list = value.split(',').map(item => item.trim()).filter(item => item !== '');
					if (list.length === 0) {
						throw new Error('Name at least one more host, or go back and choose one VM.');
					}

					list.forEach(item => assertHost('host', item));
				}),
			});
			if (hosts === backToken) {
				return 'back';
			}

			draft.extraHosts = hosts.split(',').map(item => item.trim()).filter(item => item !== '');
			return 'next';
		},
		async draft => askMirrors(kit, effects, draft),
		async draft => askMesos(kit, draft),
		async draft => {
			const version = await kit.input({
				message: 'Mesos version (pinned default known to work with the other pins)',
				default: draft.mesosVersion,
				validate: value => (/^\d+\.\d+\.\d+$/.test(value) ? true : 'A version such as 1.11.0'),
			});
			if (version === backToken) {
				return 'back';
			}

			draft.mesosVersion = version;
			return 'next';
		},
		async draft => {
			const mode = await kit.select({
				message: 'How to run',
				choices: [
					{name: 'Learn mode: pause before each step to read it', value: 'learn'},
					{name: 'Run through without pausing', value: 'run'},
				],
				default: draft.learnMode ? 'learn' : 'run',
			});
			if (mode === backToken) {
				return 'back';
			}

			draft.learnMode = mode === 'learn';
			return 'next';
		},
	];
}

async function askTarget(kit: PromptKit, effects: InterviewEffects, draft: InterviewAnswers): Promise<Outcome> {
	const kind = await kit.select({
		message: 'Where should the cluster go?',
		choices: [{name: 'This machine', value: 'local'}, {name: 'Another machine over SSH', value: 'ssh'}],
		default: draft.target.kind,
	});
	if (kind === backToken) {
		return 'back';
	}

	if (kind === 'local') {
		draft.target = {kind: 'local'};
		draft.fingerprint = undefined;
		return 'next';
	}

	const previous = draft.target.kind === 'ssh' ? draft.target : undefined;
	const host = await kit.input({message: 'SSH host', default: previous?.host ?? '', validate: check(value => assertHost('SSH host', value))});
	if (host === backToken) {
		return askTarget(kit, effects, draft);
	}

	const port = await kit.input({message: 'SSH port', default: String(previous?.port ?? 22), validate: check(value => assertPort('SSH port', value))});
	if (port === backToken) {
		return askTarget(kit, effects, draft);
	}

	const user = await kit.input({message: 'SSH user', default: previous?.user ?? 'root', validate: check(value => assertUser('SSH user', value))});
	if (user === backToken) {
		return askTarget(kit, effects, draft);
	}

	const auth = await kit.select({
		message: 'Authentication',
		choices: [
			{name: 'SSH agent', value: 'agent'},
			{name: 'Private key file', value: 'identity-file'},
			{name: 'Password, asked at each run (never saved)', value: 'password-prompt'},
		],
		default: previous?.auth ?? 'agent',
	});
	if (auth === backToken) {
		return askTarget(kit, effects, draft);
	}

	let identityFile: string | undefined;
	if (auth === 'identity-file') {
		const file = await kit.input({
			message: 'Private key file',
			default: previous?.identityFile ?? '~/.ssh/id_ed25519',
			validate: value => (value === '' ? 'Name the key file' : true),
		});
		if (file === backToken) {
			return askTarget(kit, effects, draft);
		}

		identityFile = file;
	}

	const target: Target = {kind: 'ssh', host, port: Number(port), user, auth, ...(identityFile === undefined ? {} : {identityFile})};
	kit.note(`Connecting to ${user}@${host}:${port}…`);
	const attempt = await effects.tryConnect(target);
	if (!attempt.ok) {
		kit.note(`✗ ${attempt.error}`);
		draft.target = target;
		return askTarget(kit, effects, draft);
	}

	kit.note(`✓ Connected. Host key fingerprint: ${attempt.fingerprint}`);
	const trust = await kit.select({
		message: 'Does this fingerprint match the one the machine shows (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub)?',
		choices: [{name: 'Yes, trust it', value: 'yes'}, {name: 'No, enter the target again', value: 'no'}],
		default: 'yes',
	});
	draft.target = target;
	if (trust === backToken || trust === 'no') {
		return askTarget(kit, effects, draft);
	}

	if (attempt.newKey !== undefined) {
		await effects.trustHostKey(attempt.newKey);
	}

	draft.fingerprint = attempt.fingerprint;
	return 'next';
}

/** Why the wizard insists on the address: the tutorial's most frequent failure, explained up front. */
export const hostnameTrapExplanation
	= 'Mesos and Marathon tell each other, and your browser, where to find them by hostname. If HOSTNAME/advertise_ip '
	+ 'resolves to 127.0.0.1 or to an address other machines cannot reach, the masters never form a quorum and the UI '
	+ 'links lead nowhere: the most common trap when following the tutorial. Use the address other machines reach.';

async function askAddress(kit: PromptKit, effects: InterviewEffects, draft: InterviewAnswers): Promise<Outcome> {
	const detected = await effects.detectAddress(draft.target);
	if (detected) {
		draft.advertiseIp = detected.ip;
		draft.hostname = detected.hostname;
		kit.note(`Detected primary address ${detected.ip} (hostname ${detected.hostname}).`);
	} else {
		kit.note('Could not detect the primary address; please enter it.');
	}

	kit.note(hostnameTrapExplanation);
	const ip = await kit.input({message: 'Address to advertise (advertise_ip and HOSTNAME)', default: draft.advertiseIp, validate: check(value => assertHost('address', value))});
	if (ip === backToken) {
		return 'back';
	}

	draft.advertiseIp = ip;
	return 'next';
}

async function askMirrors(kit: PromptKit, effects: InterviewEffects, draft: InterviewAnswers): Promise<Outcome> {
	const preset = await kit.select({
		message: 'Package mirrors',
		choices: [
			{name: 'China (Aliyun, Tsinghua, Huawei)', value: 'china'},
			{name: 'Global (vault.centos.org, Apache, Docker)', value: 'global'},
			{name: 'Your own CentOS vault URL (other mirrors global)', value: 'custom'},
		],
		default: draft.mirrors,
	});
	if (preset === backToken) {
		return 'back';
	}

	let customUrl: string | undefined;
	if (preset === 'custom') {
		const url = await kit.input({
			message: 'CentOS vault mirror URL',
			default: draft.customMirror ?? 'https://',
			validate: value => (/^https?:\/\/[^\s'"`$\\]+$/.test(value) ? true : 'An http(s):// URL without spaces or quotes'),
		});
		if (url === backToken) {
			return askMirrors(kit, effects, draft);
		}

		customUrl = url;
	}

	kit.note('Probing the mirror…');
	const probe = await effects.probeMirror(preset, customUrl);
	kit.note(`${probe.ok ? '✓' : '✗'} ${probe.detail}`);
	draft.mirrors = preset;
	draft.customMirror = customUrl;
	if (!probe.ok) {
		const next = await kit.select({
			message: 'The mirror did not answer as expected',
			choices: [{name: 'Choose another mirror', value: 'again'}, {name: 'Keep it anyway', value: 'keep'}],
			default: 'again',
		});
		if (next !== 'keep') {
			return askMirrors(kit, effects, draft);
		}
	}

	return 'next';
}

async function askMesos(kit: PromptKit, draft: InterviewAnswers): Promise<Outcome> {
	const source = await kit.select({
		message: 'Mesos',
		choices: [
			{name: 'Build from source as the tutorial does (1-2 hours)', value: 'build'},
			{name: 'Install a prebuilt package you have: an .rpm or .tar.gz URL and its sha256 (minutes)', value: 'package'},
			{name: 'Install from AVENTER\'s yum repo, a third party (minutes; its signing key expires 2026-09-28)', value: 'third-party-repo'},
		],
		default: draft.mesos.source,
	});
	if (source === backToken) {
		return 'back';
	}

	if (source === 'build') {
		draft.mesos = {source};
		return 'next';
	}

	if (source === 'third-party-repo') {
		const previous = draft.mesos.source === 'third-party-repo' ? draft.mesos : undefined;
		const https = (value: string) => (/^https:\/\/[^\s'"`$\\]+$/.test(value) ? true : 'An https:// URL without spaces, quotes or $ (write 7 and x86_64 for $releasever and $basearch)');
		const repo = await kit.input({message: 'Third-party yum repo base URL', default: previous?.repo ?? aventerRepo, validate: https});
		if (repo === backToken) {
			return askMesos(kit, draft);
		}

		const gpgKey = await kit.input({message: 'The repo\'s signing key (yum checks every package against it)', default: previous?.gpgKey ?? aventerKey, validate: https});
		if (gpgKey === backToken) {
			return askMesos(kit, draft);
		}

		draft.mesos = {source, repo, gpgKey};
		return 'next';
	}

	const previous = draft.mesos.source === 'package' ? draft.mesos : undefined;
	const url = await kit.input({
		message: 'URL of the Mesos package (.rpm, or .tar.gz unpacking into /usr/local; file:// for one already on the host)',
		default: previous?.url ?? '',
		validate: value => (/^(https?|file):\/\/[^\s'"`$\\]+\.(rpm|tar\.gz|tgz)$/.test(value) ? true : 'An http(s):// or file:// URL ending in .rpm, .tar.gz or .tgz'),
	});
	if (url === backToken) {
		return askMesos(kit, draft);
	}

	const sha256 = await kit.input({
		message: 'Its sha256 (sha256sum FILE prints it)',
		default: previous?.sha256 ?? '',
		validate: value => (/^[\da-fA-F]{64}$/.test(value) ? true : '64 hexadecimal digits'),
	});
	if (sha256 === backToken) {
		return askMesos(kit, draft);
	}

	draft.mesos = {source, url, sha256: sha256.toLowerCase()};
	return 'next';
}
