import {listText, localized, localizedBy} from '../i18n/localized.js';
import {t as text} from '../i18n/messages.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import {systemctl} from '../platform/centos7.js';
import type {Localized, Step, StepContext, VerifyResult} from './step.js';
import {checkBy, command, commonHints, confirmationStep, fetchChecked, output, script, zkFourLetter} from './step-kit.js';
import {myid, zooCfg} from './templates/zookeeper.js';
import {systemdUnit} from './templates/systemd-unit.js';
import {topology, type ZookeeperMember} from '../lab/topology.js';

export function zookeeperHome(lab: Lab): string {
	return lab.zookeeper.distribution === 'debian-package' ? lab.zookeeper.home : `${lab.root}/zookeeper/dist/zookeeper-${lab.versions.zookeeper}`;
}

export function zookeeperFiles(lab: Lab, member: ZookeeperMember): Array<{path: string; content: string}> {
	const ensemble = topology(lab).zookeeper;
	const files = [
		{path: `${member.dir}/conf/zoo.cfg`, content: zooCfg(member, ensemble)},
		{path: `${member.dir}/data/myid`, content: myid(member)},
	];
	if (lab.zookeeper.service === 'systemd') {
		files.push({
			path: `/etc/systemd/system/${member.unit}`,
			content: systemdUnit({
				description: `mesos-lab ZooKeeper member ${member.id}`,
				after: ['network-online.target'],
				environment: {ZOO_LOG_DIR: `${member.dir}/logs`},
				execStart: shellCommand([`${zookeeperHome(lab)}/bin/zkServer.sh`, 'start-foreground', `${member.dir}/conf/zoo.cfg`]),
			}),
		});
	}
	return files;
}

/** How a member is started when systemd is not used (also what the tests run). */
export function zookeeperStartCommand(lab: Lab, member: ZookeeperMember): string {
	return shellCommand(['env', `ZOO_LOG_DIR=${member.dir}/logs`, `${zookeeperHome(lab)}/bin/zkServer.sh`, 'start', `${member.dir}/conf/zoo.cfg`]);
}

export function zookeeperStopCommand(lab: Lab, member: ZookeeperMember): string {
	return lab.zookeeper.service === 'systemd' ? systemctl('stop', member.unit) : shellCommand(['env', `ZOO_LOG_DIR=${member.dir}/logs`, `${zookeeperHome(lab)}/bin/zkServer.sh`, 'stop', `${member.dir}/conf/zoo.cfg`]);
}

const whyEnsemble = localized('stepZookeeperEnsembleWhy');

/** Which member leads, read from `srvr` answers: the proof that the ensemble works. */
export async function zookeeperModes(ctx: StepContext, members: readonly ZookeeperMember[]): Promise<Array<{member: ZookeeperMember; mode: string | undefined}>> {
	return Promise.all(
		members.map(async (member) => {
			const answer = await output(ctx, zkFourLetter(member.host.address, member.clientPort, 'srvr'));
			return {member, mode: /^Mode: (\w+)/m.exec(answer.stdout)?.[1]};
		}),
	);
}

export async function verifyEnsemble(ctx: StepContext, members: readonly ZookeeperMember[]): Promise<VerifyResult> {
	const modes = await zookeeperModes(ctx, members);
	const silent = modes.filter((entry) => entry.mode === undefined);
	const leaders = modes.filter((entry) => entry.mode === 'leader');
	if (leaders.length !== 1) {
		return {ok: false, problem: localizedBy('stepReasonZookeeperNoLeader', (language) => [{
			leaders: leaders.length,
			silent: silent.length,
			members: silent.length === 0 ? text(language, 'stepReasonNone') : listText(language, silent.map((s) => `zk${s.member.id}`)),
		}])};
	}
	const leader = leaders[0]?.member;
	// Modes stay as srvr prints them (leader, follower); `down` marks a member that did not answer.
	return {ok: true, proof: localizedBy('stepReasonZookeeperLeader', (language) => [{
		id: leader?.id ?? 0,
		address: `${leader?.host.address}:${leader?.clientPort}`,
		modes: listText(language, modes.map((m) => `zk${m.member.id}=${m.mode ?? 'down'}`)),
	}])};
}

export function zookeeperSteps(lab: Lab): Step[] {
	const t = topology(lab);
	const steps: Step[] = [];
	const hostsWithMembers = [...new Set(t.zookeeper.map((member) => member.host.name))];
	if (lab.zookeeper.distribution === 'tarball') {
		const version = lab.versions.zookeeper;
		const download = lab.zookeeper.download ?? {
			url: `${resolveMirrors(lab).apache}/zookeeper/zookeeper-${version}/zookeeper-${version}.tar.gz`,
			checksum: {algorithm: 'sha512' as const},
		};
		const archive = `${lab.root}/downloads/zookeeper-${version}.tar.gz`;
		for (const host of hostsWithMembers) {
			steps.push({
				id: 'zookeeper-download',
				phase: 'zookeeper',
				host,
				title: localized('stepZookeeperDownloadTitle', {version}),
				why: localized('stepZookeeperDownloadWhy'),
				check: checkBy(shellCommand(['test', '-x', `${zookeeperHome(lab)}/bin/zkServer.sh`]), localized('stepReasonZookeeperUnpacked'), localized('stepReasonZookeeperNotUnpacked')),
				plan: async () => ({
					files: [],
					commands: [
						command(['yum', 'install', '-y', 'java-1.8.0-openjdk-headless'], localized('stepZookeeperDownloadDo')),
						script(fetchChecked, [download.url, archive, download.checksum.algorithm, download.checksum.value ?? '', download.localFile ?? ''], localized('stepZookeeperDownloadDo2')),
						command(['mkdir', '-p', `${lab.root}/zookeeper/dist`]),
						command(['tar', '-xzf', archive, '-C', `${lab.root}/zookeeper/dist`], localized('stepZookeeperDownloadDo3')),
					],
				}),
				// zkServer.sh is unpacked and the Java it needs runs.
				verify: checkVerify(`${shellCommand(['test', '-x', `${zookeeperHome(lab)}/bin/zkServer.sh`])} && java -version`, localized('stepReasonZookeeperRuns'), localized('stepReasonZookeeperCannotRun')),
				hints: [commonHints.downloadFailed, commonHints.checksum, commonHints.noDigest],
			});
		}
	}
	for (const member of t.zookeeper) {
		const files = zookeeperFiles(lab, member);
		const started =
			lab.zookeeper.service === 'systemd'
				? [command(['systemctl', 'daemon-reload']), command(['systemctl', 'enable', '--now', member.unit], localized('stepDockerInstallDo2'))]
				: [{command: zookeeperStartCommand(lab, member), describe: localized('stepZookeeperStartDo'), sudo: true}];
		steps.push({
			id: `zookeeper-member-${member.id}`,
			phase: 'zookeeper',
			host: member.host.name,
			title: localized('stepZookeeperStepsTitle', {id: member.id, clientPort: member.clientPort}),
			why: localized('stepZookeeperStepsWhy', {id: member.id}),
			check: async (ctx) => {
				const answer = await output(ctx, zkFourLetter(member.host.address, member.clientPort, 'srvr'));
				const id = await output(ctx, shellCommand(['cat', `${member.dir}/data/myid`]));
				return answer.ok && /Mode:/.test(answer.stdout) && id.stdout.trim() === String(member.id)
					? {kind: 'satisfied', reason: localized('stepReasonMemberServing', {id: member.id, port: member.clientPort})}
					: {kind: 'needed', reason: localized('stepReasonMemberNotServing', {id: member.id})};
			},
			plan: async () => ({
				files: files.map((file) => ({...file, sudo: true, mode: 0o644})),
				commands: [command(['mkdir', '-p', `${member.dir}/data`, `${member.dir}/logs`]), ...started],
			}),
			verify: async (ctx) => {
				const answer = await output(ctx, zkFourLetter(member.host.address, member.clientPort, 'srvr'));
				const mode = /^Mode: (\w+)/m.exec(answer.stdout)?.[1];
				// The first member started cannot serve until a second one joins it; that it answers at all
				// proves it runs with this configuration. The ensemble step then demands a leader.
				if (mode === undefined && /not currently serving requests/.test(answer.stdout)) {
					return {ok: true, proof: localized('stepReasonMemberAwaitsQuorum', {id: member.id, port: member.clientPort})};
				}
				return mode === undefined
					? {ok: false, problem: localized('stepReasonMemberSilent', {id: member.id, port: member.clientPort})}
					: {ok: true, proof: localized('stepReasonMemberMode', {id: member.id, mode})};
			},
			hints: [commonHints.portInUse, commonHints.zkNoQuorum],
			dependsOn: lab.zookeeper.distribution === 'tarball' ? ['zookeeper-download'] : [],
		});
	}
	const first = t.zookeeper[0];
	if (first !== undefined) {
		steps.push(confirmationStep({
			id: 'zookeeper-ensemble',
			phase: 'zookeeper',
			host: first.host.name,
			title: localized('stepZookeeperEnsembleTitle'),
			why: whyEnsemble,
			verify: (ctx) => verifyEnsemble(ctx, t.zookeeper),
			hints: [commonHints.zkNoQuorum],
			dependsOn: t.zookeeper.map((member) => `zookeeper-member-${member.id}`),
		}));
	}
	return steps;
}

function checkVerify(probe: string, proof: Localized, problem: Localized): Step['verify'] {
	return async (ctx) => ((await output(ctx, probe)).ok ? {ok: true, proof} : {ok: false, problem});
}
