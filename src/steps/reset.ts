import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import {labUnits} from './lifecycle.js';
import type {Localized, PlannedCommand, Step} from './step.js';
import {command, script, simpleStep, text} from './step-kit.js';
import {hostsInUse, topology} from '../lab/topology.js';
import {repoScriptPath} from './templates/yum-repos.js';
import {zookeeperStopCommand} from './zookeeper.js';

/** Where detached jobs (the Mesos build) keep their pid and log on a host. */
const jobsDir = '/var/lib/mesos-lab';

/**
 * Files the install writes outside the lab root, which no package owns. /etc/maven/settings.xml is
 * not among them: the maven package ships it, and the install only pointed it at an https mirror.
 */
const labFiles = [
	'/etc/yum.repos.d/docker-ce.repo',
	'/etc/yum.repos.d/epel.repo',
	'/etc/yum.repos.d/mesos-third-party.repo',
	'/etc/yum.repos.d/CentOS-Base.repo.mesos-lab',
	'/etc/yum/post-actions/mesos-lab.action',
	repoScriptPath,
	'/etc/ld.so.conf.d/mesos-lab.conf',
];

/** The daemon.json the install made, known by the marker it writes beside it; someone else's is left alone. */
const daemonJson = {file: '/etc/docker/daemon.json', template: '/etc/docker/daemon.json.mesos-lab', applied: '/etc/docker/daemon.json.mesos-lab.applied'};

/** What stays on a host after a reset, said before it starts. */
export const keptAfterReset: Localized = text(
	'保留：已安装的软件包（docker-ce 和 chrony 及其服务、编译依赖、maven 及指向 https 镜像的 /etc/maven/settings.xml、EPEL 的包），yum 源的 vault 改写（CentOS-Base.repo 和 mesos-lab-disabled 目录：去掉它 yum 就又不能用了），docker-ce 的 yum versionlock（yum versionlock delete 可以解除），已关闭的 firewalld、网卡的 ONBOOT 设置和交换文件。软件包可以用 yum history undo 删除。',
	'Kept: installed packages (docker-ce and chrony with their services, the build dependencies, maven with its /etc/maven/settings.xml pointing at an https mirror, the EPEL packages), the yum vault rewrite (CentOS-Base.repo and the mesos-lab-disabled folder: without it yum breaks again), the yum versionlock on docker-ce (yum versionlock delete lifts it), firewalld left off, the network cards\' ONBOOT and any swap file. yum history undo removes the packages.',
);

const missing = 'for f in "$@"; do [ ! -e "$f" ] || exit 1; done';

function noneOf(paths: readonly string[]): string {
	return shellCommand(['bash', '-c', missing, 'mesos-lab', ...paths]);
}

// The lab's own containers (Marathon, marathon-lb) and those Mesos started for tasks (named mesos-<id>),
// then the lab's images; nothing to do where docker is not running.
const removeContainers = `
if ! command -v docker >/dev/null || ! docker info >/dev/null 2>&1; then echo "docker is not running here: no containers or images to remove"; exit 0; fi
docker ps -a --filter name=mesos- --format '{{.Names}}' | grep '^mesos-' | while read -r name; do docker rm -f "$name"; done
for image in "$@"; do if docker image inspect "$image" >/dev/null 2>&1; then docker rmi "$image"; fi; done`;

const containersGone = `
command -v docker >/dev/null && docker info >/dev/null 2>&1 || exit 0
[ -z "$(docker ps -a --filter name=mesos- --format '{{.Names}}' | grep '^mesos-')" ] || exit 1
for image in "$@"; do ! docker image inspect "$image" >/dev/null 2>&1 || exit 1; done`;

function uninstallMesos(lab: Lab): {commands: PlannedCommand[]; done: string} {
	const version = lab.versions.mesos;
	const gone = shellCommand(['bash', '-c', '! command -v mesos-master >/dev/null && ! command -v mesos-agent >/dev/null']);
	switch (lab.mesos.source) {
		case 'build': {
			// Automake's uninstall removes exactly what `make install` put under /usr/local.
			const build = `${lab.root}/src/mesos-${version}/build`;
			return {done: gone, commands: [script('if [ -f "$1/Makefile" ]; then make -C "$1" uninstall; else echo "no build folder at $1: nothing of Mesos to uninstall from there"; fi', [build], text('make uninstall', 'make uninstall'))]};
		}
		case 'rpm':
		case 'third-party-repo': {
			return {done: gone, commands: [script('if rpm -q mesos >/dev/null; then yum remove -y mesos; fi')]};
		}
		case 'tarball': {
			const archive = `${lab.root}/downloads/${lab.mesos.download?.url.split('/').at(-1) ?? ''}`;
			return {done: gone, commands: [script('if [ -f "$1" ]; then tar -tzf "$1" | grep -v "/$" | (cd /usr/local && xargs -r rm -f --); else echo "the archive $1 is gone: remove its files from /usr/local by hand" >&2; exit 1; fi', [archive], text('删除压缩包解到 /usr/local 的文件', 'Remove the files the tarball put under /usr/local'))]};
		}
	}
}

/**
 * Steps that take a host back to where the lab found it, as far as that can be known: the lab's
 * units, its containers and images, Mesos as it was installed, its data and log folders, and the
 * repo files, yum plugin and other files it wrote. What stays is `keptAfterReset`.
 */
export function buildResetPlan(lab: Lab): Step[] {
	const units = labUnits(lab);
	const images = lab.marathon.source === 'image' ? [lab.versions.marathonImage, lab.versions.marathonLbImage] : [lab.versions.marathonLbImage];
	return hostsInUse(lab).flatMap((host) => {
		const own = units.filter((entry) => entry.host === host.name);
		const unitFiles = own.map((entry) => `/etc/systemd/system/${entry.unit}`);
		const scripted = lab.zookeeper.service === 'script' ? topology(lab).zookeeper.filter((member) => member.host.name === host.name) : [];
		const mesos = uninstallMesos(lab);
		return [
			simpleStep({
				id: 'reset-services', phase: own[own.length - 1]?.phase ?? 'zookeeper', host: host.name,
				title: text('停止并删除实验环境的服务', 'Stop and remove the lab\'s services'),
				why: text('先按相反顺序停止服务（marathon-lb、Marathon、agent、master、ZooKeeper），再删除单元文件，机器重启后也不会再拉起它们。', 'Services stop in reverse order (marathon-lb, Marathon, agent, masters, ZooKeeper), then their unit files go, so a reboot does not bring them back.'),
				done: noneOf(unitFiles), proof: noneOf(unitFiles),
				commands: [
					...[...own].reverse().map((entry) => command(['systemctl', 'disable', '--now', entry.unit], undefined, {timeoutMs: 120_000})),
					...scripted.map((member) => ({command: `${zookeeperStopCommand(lab, member)} || true`, sudo: true})),
					...(unitFiles.length === 0 ? [] : [command(['rm', '-f', ...unitFiles])]),
					command(['systemctl', 'daemon-reload']),
				],
				hints: [],
			}),
			simpleStep({
				id: 'reset-containers', phase: 'marathon', host: host.name,
				title: text('删除实验环境的容器和镜像', 'Remove the lab\'s containers and images'),
				why: text('Marathon、marathon-lb 的容器和 Mesos 为任务启动的容器（名字以 mesos- 开头）都删除，再删除 Marathon 和 marathon-lb 的镜像。', 'The Marathon and marathon-lb containers and those Mesos started for tasks (named mesos-…) go, then the Marathon and marathon-lb images.'),
				done: shellCommand(['bash', '-c', containersGone, 'mesos-lab', ...images]), proof: shellCommand(['bash', '-c', containersGone, 'mesos-lab', ...images]),
				commands: [script(removeContainers, images)],
				hints: [],
				dependsOn: ['reset-services'],
			}),
			simpleStep({
				id: 'reset-mesos', phase: 'mesos-install', host: host.name,
				title: text(`卸载 Mesos ${lab.versions.mesos}`, `Uninstall Mesos ${lab.versions.mesos}`),
				why: text('按安装的方式卸载：编译安装的用 make uninstall，RPM 用 yum remove，压缩包按其中的文件列表删除。', 'Uninstalled the way it was installed: make uninstall for a build, yum remove for an RPM, the archive\'s own file list for a tarball.'),
				done: mesos.done, proof: mesos.done,
				commands: [...mesos.commands, command(['rm', '-f', '/etc/ld.so.conf.d/mesos-lab.conf']), command(['ldconfig'])],
				hints: [],
				dependsOn: ['reset-services'],
			}),
			simpleStep({
				id: 'reset-files', phase: 'vm-prep', host: host.name,
				title: text('删除实验环境写入的 yum 源、yum 插件和配置文件', 'Remove the repo files, yum plugin and settings the lab wrote'),
				why: text(`删除 ${[...labFiles, daemonJson.file].join('、')}（daemon.json 只在是实验环境写的时候删除），并卸载 yum-plugin-post-transaction-actions。`, `Removes ${[...labFiles, daemonJson.file].join(', ')} (daemon.json only when the lab wrote it), and removes yum-plugin-post-transaction-actions.`),
				done: shellCommand(['bash', '-c', `${missing}; ! rpm -q yum-plugin-post-transaction-actions >/dev/null 2>&1`, 'mesos-lab', ...labFiles, daemonJson.template, daemonJson.applied]),
				proof: shellCommand(['test', '!', '-e', repoScriptPath]),
				commands: [
					script('if [ -f "$3" ]; then rm -f "$1"; fi; rm -f "$2" "$3"', [daemonJson.file, daemonJson.template, daemonJson.applied], text('只删除实验环境写的 daemon.json', 'Remove daemon.json only when the lab wrote it')),
					command(['rm', '-f', ...labFiles]),
					script('if rpm -q yum-plugin-post-transaction-actions >/dev/null; then yum remove -y yum-plugin-post-transaction-actions; fi'),
				],
				hints: [],
				dependsOn: ['reset-mesos'],
			}),
			simpleStep({
				id: 'reset-data', phase: 'zookeeper', host: host.name,
				title: text(`删除实验环境目录 ${lab.root} 和 ${jobsDir}`, `Delete the lab folders ${lab.root} and ${jobsDir}`),
				why: text('删除 ZooKeeper 数据、master 的复制日志、agent 的工作目录、各服务的日志、下载和源码，以及后台作业的记录，下次安装从干净的状态开始。', 'Deletes the ZooKeeper data, the masters\' replicated log, the agent\'s work folder, every service\'s logs, the downloads and sources, and the background jobs\' records, so the next install starts clean.'),
				done: noneOf([lab.root, jobsDir]), proof: noneOf([lab.root, jobsDir]),
				commands: [command(['rm', '-rf', '--one-file-system', lab.root, jobsDir])],
				hints: [],
				dependsOn: ['reset-services', 'reset-mesos'],
			}),
		];
	});
}
