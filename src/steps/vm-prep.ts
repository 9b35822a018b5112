import {localized} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import {yumInstall} from '../platform/centos7.js';
import type {Step} from './step.js';
import {command, commonHints, script, simpleStep} from './step-kit.js';
import {centosBaseRepo, releaseAction, repoRewriteScript, repoScriptPath} from './templates/yum-repos.js';

export function vmPrepFiles(lab: Lab): Array<{path: string; content: string; mode: number}> {
	const mirrors = resolveMirrors(lab);
	return [
		{path: '/etc/yum.repos.d/CentOS-Base.repo.mesos-lab', content: centosBaseRepo('@VAULT@'), mode: 0o644},
		{path: repoScriptPath, content: repoRewriteScript(mirrors.centosVault, mirrors.epelArchive), mode: 0o755},
		{path: '/etc/yum/post-actions/mesos-lab.action', content: releaseAction(), mode: 0o644},
	];
}

export function vmPrepSteps(lab: Lab, host: LabHost): Step[] {
	const on = host.name;
	const files = vmPrepFiles(lab);
	const mirrors = resolveMirrors(lab);
	const httpsAnswers = [mirrors.maven, mirrors.dockerCe, mirrors.apache].find((url) => url.startsWith('https://'));
	return [
		simpleStep({
			id: 'firewalld-off', phase: 'vm-prep', host: on,
			title: localized('stepFirewalldOffTitle'),
			why: localized('stepFirewalldOffWhy'),
			done: '! systemctl is-active --quiet firewalld', proof: '! systemctl is-active --quiet firewalld',
			// Cloud images have no firewalld at all: nothing to turn off there, and no reason to stop.
			commands: [script('systemctl disable --now firewalld 2>/dev/null || ! systemctl is-active --quiet firewalld', [], localized('stepFirewalldOffDo'))],
		}),
		simpleStep({
			id: 'nic-onboot', phase: 'vm-prep', host: on,
			title: localized('stepNicOnbootTitle'),
			why: localized('stepNicOnbootWhy'),
			done: '! grep -l "^ONBOOT=no" /etc/sysconfig/network-scripts/ifcfg-* 2>/dev/null | grep -v ifcfg-lo',
			proof: '! grep -l "^ONBOOT=no" /etc/sysconfig/network-scripts/ifcfg-* 2>/dev/null | grep -v ifcfg-lo',
			commands: [script('for f in /etc/sysconfig/network-scripts/ifcfg-*; do [ "$f" = /etc/sysconfig/network-scripts/ifcfg-lo ] || sed -i "s/^ONBOOT=no/ONBOOT=yes/" "$f"; done')],
		}),
		simpleStep({
			id: 'yum-vault', phase: 'vm-prep', host: on,
			title: localized('stepYumVaultTitle'),
			why: localized('stepYumVaultWhy'),
			done: shellCommand(['bash', '-c', 'grep -q "7.9.2009" /etc/yum.repos.d/CentOS-Base.repo && ! grep -qs "^mirrorlist=" /etc/yum.repos.d/*.repo && [ -x "$1" ] && rpm -q yum-plugin-post-transaction-actions >/dev/null', 'mesos-lab', repoScriptPath]),
			// Proof: yum reads the metadata, and the answer names the mirror in use.
			proof: shellCommand(['bash', '-c', 'yum -q makecache fast >/dev/null && sed -n "s/^baseurl=//p" /etc/yum.repos.d/CentOS-Base.repo | head -n 1']),
			files: files.map((file) => ({...file, sudo: true})),
			commands: [
				command([repoScriptPath], localized('stepYumVaultDo')),
				command(['yum', 'install', '-y', 'yum-plugin-post-transaction-actions'], localized('stepYumVaultDo2')),
			],
			hints: [commonHints.noVaultMirror, commonHints.deadMirror],
		}),
		simpleStep({
			id: 'time-and-certificates', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: localized('stepTimeAndCertificatesTitle'),
			why: localized('stepTimeAndCertificatesWhy'),
			// check-update exits 0 only when neither package has an update waiting.
			done: 'systemctl is-active --quiet chronyd && yum -q check-update ca-certificates nss >/dev/null',
			// Proof: the clock is kept, and an https handshake with a lab mirror succeeds (any HTTP status will do).
			// It prints only the address that answered: the proof's own words, in the reader's language, come before it.
			proof: httpsAnswers === undefined
				? 'systemctl is-active --quiet chronyd'
				: shellCommand(['bash', '-c', 'systemctl is-active --quiet chronyd && curl -sS --max-time 15 -o /dev/null "$1" && echo "$1"', 'mesos-lab', httpsAnswers]),
			commands: [command(['yum', 'install', '-y', 'chrony']), command(['systemctl', 'enable', '--now', 'chronyd']), command(['yum', 'update', '-y', 'ca-certificates', 'nss'])],
			hints: [commonHints.deadMirror],
		}),
		simpleStep({
			id: 'yum-update', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: localized('stepYumUpdateTitle'),
			why: localized('stepYumUpdateWhy'),
			done: shellCommand(['rpm', '-q', 'net-tools', 'psmisc', 'vim-enhanced']), proof: shellCommand(['rpm', '-q', 'net-tools', 'psmisc', 'vim-enhanced']),
			commands: [
				command(['yum', 'update', '-y'], undefined, {timeoutMs: 3_600_000}),
				// An updated centos-release restores the stock repo files; the rewrite runs again either way.
				command([repoScriptPath], localized('stepYumUpdateDo')),
				{command: yumInstall(['net-tools', 'psmisc', 'vim-enhanced', 'curl', 'tar']), sudo: true},
			],
			hints: [commonHints.noVaultMirror, commonHints.deadMirror],
		}),
	];
}

