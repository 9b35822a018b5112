import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Step, StepContext, VerifyResult} from './step.js';
import {command, commonHints, confirmationStep, fetchChecked, output, script, simpleStep, text} from './step-kit.js';
import {systemdUnit} from './templates/systemd-unit.js';
import {mesosPaths} from './mesos-paths.js';
import {topology, type MarathonInstance} from '../lab/topology.js';

export const libmesosHint = {
	id: 'marathon-libmesos',
	matches: /MESOS_NATIVE_JAVA_LIBRARY|libmesos|UnsatisfiedLinkError/,
	hint: text('Marathon 找不到 libmesos：用镜像时镜像自带；用 tarball 时 unit 把 MESOS_NATIVE_JAVA_LIBRARY 指向实验环境目录下 lib/libmesos.so 这个链接，确认它指向一个存在的文件，并且 Mesos 编译时带了 Java 绑定（marathon.source: tarball 时会带）。', 'Marathon cannot find libmesos: the image carries its own; with a tarball the unit points MESOS_NATIVE_JAVA_LIBRARY at the lib/libmesos.so link under the lab root: check that it leads to a file, and that Mesos was built with its Java bindings (it is when marathon.source is tarball).'),
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
		script(fetchChecked, [download.url, archive, download.checksum.algorithm, download.checksum.value ?? '', download.localFile ?? ''], text('下载并校验 Marathon', 'Download and verify Marathon')),
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
	return distinct.size === 1 && leaders[0] !== undefined ? {ok: true, proof: `both Marathons answer /v2/info; leader ${leaders[0]}`} : {ok: false, problem: `Marathons disagree or do not answer: ${leaders.map((l) => l ?? 'no answer').join(', ')}`};
}

export function marathonSteps(lab: Lab): Step[] {
	const t = topology(lab);
	const steps: Step[] = t.marathon.map((instance) => {
		const unit = marathonUnit(lab, instance);
		return simpleStep({
			id: `marathon-${instance.index}`, phase: 'marathon', host: instance.host.name,
			title: text(`启动 Marathon ${instance.index}（端口 ${instance.port}）`, `Start Marathon ${instance.index} (port ${instance.port})`),
			why: text(
				'Mesos 只管资源；要用起来需要 framework。framework 由 scheduler 和 executor 组成：Marathon 就是 scheduler，executor 用 agent 自带的 mesos-executor 和 mesos-docker-executor。两个 Marathon 通过 ZooKeeper 的 /marathon 选主，这和 Mesos master 的选举是各自独立的。教程的 tarball 下载站已不存在（NXDOMAIN），所以用 mesosphere/marathon 镜像以 host 网络运行。LIBPROCESS_IP 设为本机网卡地址：不设时 Marathon 里的 libmesos 会把主机名解析出的地址告诉 master，minimal 安装上那是 127.0.0.1，另一台机器上的 master 就回不了话，应用永远部署不上。',
				'Mesos only manages resources; a framework puts them to use. A framework has a scheduler and executors: Marathon is the scheduler, and the agent\'s built-in mesos-executor and mesos-docker-executor run the tasks. The two Marathons elect their leader under /marathon in ZooKeeper, independently of the Mesos masters\' election. The tutorial\'s tarball host is gone (NXDOMAIN), so the mesosphere/marathon image runs with host networking. LIBPROCESS_IP is set to the host\'s network address: without it the libmesos inside Marathon tells the master whatever the host name resolves to, 127.0.0.1 on a minimal install, which a master on another machine cannot answer, and apps never deploy.',
			),
			done: shellCommand(['systemctl', 'is-active', '--quiet', instance.unit]),
			proof: shellCommand(['curl', '-fsS', '--max-time', '5', `http://${instance.host.address}:${instance.port}/v2/info`]),
			files: [{...unit, sudo: true, mode: 0o644}],
			commands: [
				...(lab.marathon.source === 'image' && lab.docker.offlineImages.length === 0 ? [command(['docker', 'pull', '--', lab.versions.marathonImage])] : []),
				...tarballCommands(lab),
				command(['systemctl', 'daemon-reload']),
				command(['systemctl', 'enable', '--now', instance.unit]),
			],
			hints: [libmesosHint, commonHints.masterNoZk, commonHints.portInUse, commonHints.registryRateLimit, commonHints.registryUnreachable, commonHints.downloadFailed, commonHints.checksum],
			dependsOn: ['mesos-master-leader', 'docker-install'],
		});
	});
	const first = t.marathon[0];
	if (first !== undefined) {
		steps.push(confirmationStep({
			id: 'marathon-leader', phase: 'marathon', host: first.host.name,
			title: text('确认两个 Marathon 认同同一个主节点', 'Confirm both Marathons agree on the leader'),
			why: text('不是主节点的 Marathon 会把请求转给主节点；两者报告相同的主节点，说明高可用生效。', 'A standby Marathon forwards requests to the leader; both naming the same leader shows the pair is highly available.'),
			verify: (ctx) => verifyMarathons(ctx, t.marathon),
			hints: [libmesosHint, commonHints.zkNoQuorum],
			dependsOn: t.marathon.map((i) => `marathon-${i.index}`),
		}));
	}
	return steps;
}
