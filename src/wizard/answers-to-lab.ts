import {t} from '../i18n/messages.js';
import {validateLab} from '../lab/lab-file.js';
import type {Lab, LabInput} from '../lab/lab-schema.js';
import {spreadRoles} from '../lab/roles.js';

type LabHostInput = LabInput['hosts'][number];
import type {InterviewAnswers, MesosChoice} from './interview.js';

/**
 * Turns interview answers into a lab. The first host is the target, reached at the address the
 * user confirmed; with several hosts the role table spreads the quorum roles round them, so each
 * member is on its own machine as far as the machines allow.
 */
export function answersToLab(answers: InterviewAnswers): Lab {
	const target = answers.target;
	// "This machine" is said once, here: the lab records it, and nothing later guesses it from an address.
	const first: LabHostInput = target.kind === 'ssh'
		? {name: 'node1', address: target.host, port: target.port, user: target.user, auth: target.auth, ...(target.identityFile === undefined ? {} : {identityFile: target.identityFile})}
		: {name: 'node1', address: answers.advertiseIp, local: true};
	// The other hosts are reached over SSH, as the target is (from this machine, as root, when the target is local).
	const reach: LabHostInput = target.kind === 'ssh' ? first : {name: 'node1', address: answers.advertiseIp};
	const others = answers.topology === 'multi'
		? answers.extraHosts.map((address, index): LabHostInput => ({...reach, name: `node${index + 2}`, address}))
		: [];
	const hosts = [first, ...others];
	const input: LabInput = {
		language: answers.language,
		hosts,
		roles: spreadRoles([first.name, ...others.map(host => host.name)]),
		versions: {mesos: answers.mesosVersion},
		// The interview asks only for the CentOS vault; the other mirrors stay on the global preset.
		mirrors: answers.mirrors === 'custom' && answers.customMirror !== undefined
			? {preset: 'global', centosVault: [answers.customMirror]}
			: {preset: answers.mirrors === 'custom' ? 'global' : answers.mirrors},
		mesos: mesosOf(answers.mesos),
	};
	return validateLab(input, t(answers.language, 'answersSource'));
}

function mesosOf(choice: MesosChoice): NonNullable<LabInput['mesos']> {
	switch (choice.source) {
		case 'build': {
			return {source: 'build'};
		}
		case 'third-party-repo': {
			return {source: 'third-party-repo', thirdPartyRepo: choice.repo, thirdPartyGpgKey: choice.gpgKey};
		}
		case 'package': {
			return {source: choice.url.endsWith('.rpm') ? 'rpm' : 'tarball', download: {url: choice.url, checksum: {algorithm: 'sha256', value: choice.sha256}}};
		}
	}
}
