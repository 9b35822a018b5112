import {listText, localized, localizedBy} from '../i18n/localized.js';
import {t as text} from '../i18n/messages.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Step, StepContext, VerifyResult} from './step.js';
import {command, commonHints, confirmationStep, fetchChecked, output, script, simpleStep} from './step-kit.js';
import {systemdUnit} from './templates/systemd-unit.js';
import {mesosPaths} from './mesos-paths.js';
import {topology, type MarathonInstance} from '../lab/topology.js';

export const libmesosHint = {
	id: 'marathon-libmesos',
	matches: /MESOS_NATIVE_JAVA_LIBRARY|libmesos|UnsatisfiedLinkError/,
	hint: localized('stepMarathonLibmesosHint'),
};

export function marathonUnit(lab: Lab, instance: MarathonInstance): {path: string; content: string} {
	const t = topology(lab);
	const flags = ['--master', t.mesosZk, '--zk', t.marathonZk, '--hostname', instance.host.address, '--http_port', String(instance.port)];
	const name = instance.unit.replace(/\.service$/, '');
	// Without LIBPROCESS_IP, libmesos advertises what the host name resolves to: 127.0.0.1 on a
	// minimal install, which a master on another host cannot answer (libprocess process.cpp).
	const libprocessIp = instance.host.address;
	return {
		path: `/etc/systemd/system/${name}.service`,
		content: systemdUnit({
			description: `mesos-lab Marathon ${instance.index}`,
			after: ['network-online.target', 'docker.service'],
			execStartPre: [shellCommand(['-/usr/bin/docker', 'rm', '-f', name])],
			execStart: lab.marathon.source === 'image'
				? shellCommand(['/usr/bin/docker', 'run', '--rm', '--name', name, '--net=host', '-e', `LIBPROCESS_IP=${libprocessIp}`, '--', lab.versions.marathonImage, ...flags])
				: shellCommand([`${lab.root}/marathon/bin/marathon`, ...flags]),
			...(lab.marathon.source === 'image' ? {execStop: shellCommand(['/usr/bin/docker', 'stop', name])} : {environment: {MESOS_NATIVE_JAVA_LIBRARY: mesosPaths(lab).libmesos, LIBPROCESS_IP: libprocessIp}}),
		}),
	};
}

/** A user-supplied Marathon tarball, checked and unpacked into <root>/marathon (the download hosts are gone). */
function tarballCommands(lab: Lab): ReturnType<typeof command>[] {
	const download = lab.marathon.download;
	if (lab.marathon.source !== 'tarball' || download === undefined) {
		return [];
	}
	const archive = `${lab.root}/downloads/marathon.tgz`;
	return [
		command(['yum', 'install', '-y', 'java-1.8.0-openjdk-headless']),
		script(fetchChecked, [download.url, archive, download.checksum.algorithm, download.checksum.value ?? '', download.localFile ?? ''], localized('stepMarathonDownloadDo')),
		command(['mkdir', '-p', `${lab.root}/marathon`]),
		command(['tar', '-xzf', archive, '-C', `${lab.root}/marathon`, '--strip-components=1']),
	];
}

async function verifyMarathons(ctx: StepContext, instances: readonly MarathonInstance[]): Promise<VerifyResult> {
	const leaders = await Promise.all(instances.map(async (i) => {
		const answer = await output(ctx, shellCommand(['curl', '-fsS', '--max-time', '5', `http://${i.host.address}:${i.port}/v2/info`]));
		try {
			return (JSON.parse(answer.stdout) as {leader?: string}).leader;
		} catch {
			return undefined;
		}
	}));
	const distinct = new Set(leaders);
	return distinct.size === 1 && leaders[0] !== undefined
		? {ok: true, proof: localized('stepReasonMarathonsAgree', {leader: leaders[0]})}
		: {ok: false, problem: localizedBy('stepReasonMarathonsDisagree', (language) => [{answers: listText(language, leaders.map((l) => l ?? text(language, 'stepReasonNoAnswer')))}])};
}

export function marathonSteps(lab: Lab): Step[] {
	const t = topology(lab);
	const steps: Step[] = t.marathon.map((instance) => {
		const unit = marathonUnit(lab, instance);
		return simpleStep({
			id: `marathon-${instance.index}`, phase: 'marathon', host: instance.host.name,
			title: localized('stepMarathonTitle', {index: instance.index, port: instance.port}),
			why: localized('stepMarathonWhy'),
			done: shellCommand(['systemctl', 'is-active', '--quiet', instance.unit]),
			proof: shellCommand(['curl', '-fsS', '--max-time', '5', `http://${instance.host.address}:${instance.port}/v2/info`]),
			files: [{...unit, sudo: true, mode: 0o644}],
			commands: [
				...(lab.marathon.source === 'image' && lab.docker.offlineImages.length === 0 ? [command(['docker', 'pull', '--', lab.versions.marathonImage])] : []),
				...tarballCommands(lab),
				command(['systemctl', 'daemon-reload']),
				command(['systemctl', 'enable', '--now', instance.unit]),
			],
			hints: [libmesosHint, commonHints.masterNoZk, commonHints.portInUse, commonHints.registryRateLimit, commonHints.registryUnreachable, commonHints.downloadFailed, commonHints.checksum, commonHints.noDigest],
			dependsOn: ['mesos-master-leader', 'docker-install'],
		});
	});
	const first = t.marathon[0];
	if (first !== undefined) {
		steps.push(confirmationStep({
			id: 'marathon-leader', phase: 'marathon', host: first.host.name,
			title: localized('stepMarathonLeaderTitle'),
			why: localized('stepMarathonLeaderWhy'),
			verify: (ctx) => verifyMarathons(ctx, t.marathon),
			hints: [libmesosHint, commonHints.zkNoQuorum],
			dependsOn: t.marathon.map((i) => `marathon-${i.index}`),
		}));
	}
	return steps;
}
