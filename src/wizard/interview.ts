import {t, type MessageKey, type ParamsArgument} from '../i18n/messages.js';
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

/** Turns a validator that throws into the `true | message` inquirer wants, saying what is wrong in the interview's language. */
function check(assert: (value: string) => void, problem: (value: string) => string): (value: string) => true | string {
	return value => {
		try {
			assert(value);
			return true;
		} catch {
			return problem(value);
		}
	};
}

/** The interview's words in the language chosen so far: the first answer switches every later question. */
function sayer(draft: InterviewAnswers) {
	return <Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>): string => t(draft.language, key, ...params);
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
			const say = sayer(draft);
			const language = await kit.select({
				language: draft.language,
				message: say('askLanguage'),
				choices: [{name: say('languageZh'), value: 'zh'}, {name: say('languageEn'), value: 'en'}],
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
			const say = sayer(draft);
			const topology = await kit.select({
				language: draft.language,
				message: say('askTopology'),
				choices: [
					{name: say('topologySingle'), value: 'single'},
					{name: say('topologyMulti'), value: 'multi'},
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

			const hostList = (value: string) => value.split(',').map(item => item.trim()).filter(item => item !== '');
			const hosts = await kit.input({
				language: draft.language,
				message: say('askOtherHosts'),
				default: draft.extraHosts.join(','),
				validate(value) {
					const list = hostList(value);
					if (list.length === 0) {
						return say('otherHostsNeeded');
					}

					const wrong = list.find(item => check(host => assertHost('host', host), () => 'wrong')(item) !== true);
					return wrong === undefined ? true : say('invalidHost', {value: wrong});
				},
			});
			if (hosts === backToken) {
				return 'back';
			}

			draft.extraHosts = hostList(hosts);
			return 'next';
		},
		async draft => askMirrors(kit, effects, draft),
		async draft => askMesos(kit, draft),
		async draft => {
			const say = sayer(draft);
			const version = await kit.input({
				language: draft.language,
				message: say('askMesosVersion'),
				default: draft.mesosVersion,
				validate: value => (/^\d+\.\d+\.\d+$/.test(value) ? true : say('versionInvalid')),
			});
			if (version === backToken) {
				return 'back';
			}

			draft.mesosVersion = version;
			return 'next';
		},
		async draft => {
			const say = sayer(draft);
			const mode = await kit.select({
				language: draft.language,
				message: say('askRunMode'),
				choices: [
					{name: say('runModeLearn'), value: 'learn'},
					{name: say('runModeThrough'), value: 'run'},
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
	const say = sayer(draft);
	const {language} = draft;
	const kind = await kit.select({
		language,
		message: say('askTarget'),
		choices: [{name: say('targetLocal'), value: 'local'}, {name: say('targetSsh'), value: 'ssh'}],
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
	const host = await kit.input({language, message: say('askSshHost'), default: previous?.host ?? '', validate: check(value => assertHost('SSH host', value), value => say('invalidHost', {value}))});
	if (host === backToken) {
		return askTarget(kit, effects, draft);
	}

	const port = await kit.input({language, message: say('askSshPort'), default: String(previous?.port ?? 22), validate: check(value => assertPort('SSH port', value), value => say('invalidPort', {value}))});
	if (port === backToken) {
		return askTarget(kit, effects, draft);
	}

	const user = await kit.input({language, message: say('askSshUser'), default: previous?.user ?? 'root', validate: check(value => assertUser('SSH user', value), value => say('invalidUser', {value}))});
	if (user === backToken) {
		return askTarget(kit, effects, draft);
	}

	const auth = await kit.select({
		language,
		message: say('askAuth'),
		choices: [
			{name: say('authAgent'), value: 'agent'},
			{name: say('authKeyFile'), value: 'identity-file'},
			{name: say('authPassword'), value: 'password-prompt'},
		],
		default: previous?.auth ?? 'agent',
	});
	if (auth === backToken) {
		return askTarget(kit, effects, draft);
	}

	let identityFile: string | undefined;
	if (auth === 'identity-file') {
		const file = await kit.input({
			language,
			message: say('askKeyFile'),
			default: previous?.identityFile ?? '~/.ssh/id_ed25519',
			validate: value => (value === '' ? say('keyFileNeeded') : true),
		});
		if (file === backToken) {
			return askTarget(kit, effects, draft);
		}

		identityFile = file;
	}

	const target: Target = {kind: 'ssh', host, port: Number(port), user, auth, ...(identityFile === undefined ? {} : {identityFile})};
	kit.note(say('connecting', {user, host, port}));
	const attempt = await effects.tryConnect(target, language);
	if (!attempt.ok) {
		kit.note(`✗ ${attempt.error}`);
		draft.target = target;
		return askTarget(kit, effects, draft);
	}

	kit.note(say('connectedFingerprint', {fingerprint: attempt.fingerprint}));
	const trust = await kit.select({
		language,
		message: say('askFingerprint'),
		choices: [{name: say('trustYes'), value: 'yes'}, {name: say('trustNo'), value: 'no'}],
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

async function askAddress(kit: PromptKit, effects: InterviewEffects, draft: InterviewAnswers): Promise<Outcome> {
	const say = sayer(draft);
	const detected = await effects.detectAddress(draft.target);
	if (detected) {
		draft.advertiseIp = detected.ip;
		draft.hostname = detected.hostname;
		kit.note(say('addressDetected', {ip: detected.ip, hostname: detected.hostname}));
	} else {
		kit.note(say('addressUnknown'));
	}

	// Why the wizard insists on the address: the tutorial's most frequent failure, explained up front.
	kit.note(say('hostnameTrap'));
	const ip = await kit.input({
		language: draft.language,
		message: say('askAddress'),
		default: draft.advertiseIp,
		validate: check(value => assertHost('address', value), value => say('invalidHost', {value})),
	});
	if (ip === backToken) {
		return 'back';
	}

	draft.advertiseIp = ip;
	return 'next';
}

async function askMirrors(kit: PromptKit, effects: InterviewEffects, draft: InterviewAnswers): Promise<Outcome> {
	const say = sayer(draft);
	const {language} = draft;
	const preset = await kit.select({
		language,
		message: say('askMirrors'),
		choices: [
			{name: say('mirrorsChina'), value: 'china'},
			{name: say('mirrorsGlobal'), value: 'global'},
			{name: say('mirrorsCustom'), value: 'custom'},
		],
		default: draft.mirrors,
	});
	if (preset === backToken) {
		return 'back';
	}

	let customUrl: string | undefined;
	if (preset === 'custom') {
		const url = await kit.input({
			language,
			message: say('askVaultUrl'),
			default: draft.customMirror ?? 'https://',
			validate: value => (/^https?:\/\/[^\s'"`$\\]+$/.test(value) ? true : say('httpUrlInvalid')),
		});
		if (url === backToken) {
			return askMirrors(kit, effects, draft);
		}

		customUrl = url;
	}

	kit.note(say('probingMirror'));
	const probe = await effects.probeMirror(preset, customUrl, language);
	kit.note(`${probe.ok ? '✓' : '✗'} ${probe.detail}`);
	draft.mirrors = preset;
	draft.customMirror = customUrl;
	if (!probe.ok) {
		const next = await kit.select({
			language,
			message: say('askMirrorBad'),
			choices: [{name: say('mirrorAgain'), value: 'again'}, {name: say('mirrorKeep'), value: 'keep'}],
			default: 'again',
		});
		if (next !== 'keep') {
			return askMirrors(kit, effects, draft);
		}
	}

	return 'next';
}

async function askMesos(kit: PromptKit, draft: InterviewAnswers): Promise<Outcome> {
	const say = sayer(draft);
	const {language} = draft;
	const source = await kit.select({
		language,
		message: say('askMesos'),
		choices: [
			{name: say('mesosBuild'), value: 'build'},
			{name: say('mesosPackage'), value: 'package'},
			{name: say('mesosThirdParty'), value: 'third-party-repo'},
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
		const https = (value: string) => (/^https:\/\/[^\s'"`$\\]+$/.test(value) ? true : say('httpsUrlInvalid'));
		const repo = await kit.input({language, message: say('askRepoUrl'), default: previous?.repo ?? aventerRepo, validate: https});
		if (repo === backToken) {
			return askMesos(kit, draft);
		}

		const gpgKey = await kit.input({language, message: say('askRepoKey'), default: previous?.gpgKey ?? aventerKey, validate: https});
		if (gpgKey === backToken) {
			return askMesos(kit, draft);
		}

		draft.mesos = {source, repo, gpgKey};
		return 'next';
	}

	const previous = draft.mesos.source === 'package' ? draft.mesos : undefined;
	const url = await kit.input({
		language,
		message: say('askPackageUrl'),
		default: previous?.url ?? '',
		validate: value => (/^(https?|file):\/\/[^\s'"`$\\]+\.(rpm|tar\.gz|tgz)$/.test(value) ? true : say('packageUrlInvalid')),
	});
	if (url === backToken) {
		return askMesos(kit, draft);
	}

	const sha256 = await kit.input({
		language,
		message: say('askSha256'),
		default: previous?.sha256 ?? '',
		validate: value => (/^[\da-fA-F]{64}$/.test(value) ? true : say('sha256Invalid')),
	});
	if (sha256 === backToken) {
		return askMesos(kit, draft);
	}

	draft.mesos = {source, url, sha256: sha256.toLowerCase()};
	return 'next';
}
