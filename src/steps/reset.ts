import {listText, localized, localizedBy} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import {labUnits} from './lifecycle.js';
import type {FailureHint, Localized, PlannedCommand, Step} from './step.js';
import {command, script, simpleStep} from './step-kit.js';
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
export const keptAfterReset: Localized = localized('stepResetKeptAfterReset');

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

// The tarball uninstall below when the archive it would read the file list from is gone.
const archiveGoneHint: FailureHint = {id: 'mesos-archive-gone', matches: /the archive \S+ is gone/, hint: localized('stepMesosArchiveGoneHint')};

function uninstallMesos(lab: Lab): {commands: PlannedCommand[]; done: string} {
	const version = lab.versions.mesos;
	const gone = shellCommand(['bash', '-c', '! command -v mesos-master >/dev/null && ! command -v mesos-agent >/dev/null']);
	switch (lab.mesos.source) {
		case 'build': {
			// Automake's uninstall removes exactly what `make install` put under /usr/local.
			const build = `${lab.root}/src/mesos-${version}/build`;
			return {done: gone, commands: [script('if [ -f "$1/Makefile" ]; then make -C "$1" uninstall; else echo "no build folder at $1: nothing of Mesos to uninstall from there"; fi', [build], localized('stepUninstallMesosDo'))]};
		}
		case 'rpm':
		case 'third-party-repo': {
			return {done: gone, commands: [script('if rpm -q mesos >/dev/null; then yum remove -y mesos; fi')]};
		}
		case 'tarball': {
			const archive = `${lab.root}/downloads/${lab.mesos.download?.url.split('/').at(-1) ?? ''}`;
			return {done: gone, commands: [script('if [ -f "$1" ]; then tar -tzf "$1" | grep -v "/$" | (cd /usr/local && xargs -r rm -f --); else echo "the archive $1 is gone: remove its files from /usr/local by hand" >&2; exit 1; fi', [archive], localized('stepUninstallMesosDo2'))]};
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
				title: localized('stepResetServicesTitle'),
				why: localized('stepResetServicesWhy'),
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
				title: localized('stepResetContainersTitle'),
				why: localized('stepResetContainersWhy'),
				done: shellCommand(['bash', '-c', containersGone, 'mesos-lab', ...images]), proof: shellCommand(['bash', '-c', containersGone, 'mesos-lab', ...images]),
				commands: [script(removeContainers, images)],
				hints: [],
				dependsOn: ['reset-services'],
			}),
			simpleStep({
				id: 'reset-mesos', phase: 'mesos-install', host: host.name,
				title: localized('stepResetMesosTitle', {mesos: lab.versions.mesos}),
				why: localized('stepResetMesosWhy'),
				done: mesos.done, proof: mesos.done,
				commands: [...mesos.commands, command(['rm', '-f', '/etc/ld.so.conf.d/mesos-lab.conf']), command(['ldconfig'])],
				hints: [archiveGoneHint],
				dependsOn: ['reset-services'],
			}),
			simpleStep({
				id: 'reset-files', phase: 'vm-prep', host: host.name,
				title: localized('stepResetFilesTitle'),
				why: localizedBy('stepResetFilesWhy', (language) => [{files: listText(language, [...labFiles, daemonJson.file])}]),
				done: shellCommand(['bash', '-c', `${missing}; ! rpm -q yum-plugin-post-transaction-actions >/dev/null 2>&1`, 'mesos-lab', ...labFiles, daemonJson.template, daemonJson.applied]),
				proof: shellCommand(['test', '!', '-e', repoScriptPath]),
				commands: [
					script('if [ -f "$3" ]; then rm -f "$1"; fi; rm -f "$2" "$3"', [daemonJson.file, daemonJson.template, daemonJson.applied], localized('stepResetFilesDo')),
					command(['rm', '-f', ...labFiles]),
					script('if rpm -q yum-plugin-post-transaction-actions >/dev/null; then yum remove -y yum-plugin-post-transaction-actions; fi'),
				],
				hints: [],
				dependsOn: ['reset-mesos'],
			}),
			simpleStep({
				id: 'reset-data', phase: 'zookeeper', host: host.name,
				title: localized('stepResetDataTitle', {root: lab.root, jobsDir}),
				why: localized('stepResetDataWhy'),
				done: noneOf([lab.root, jobsDir]), proof: noneOf([lab.root, jobsDir]),
				commands: [command(['rm', '-rf', '--one-file-system', lab.root, jobsDir])],
				hints: [],
				dependsOn: ['reset-services', 'reset-mesos'],
			}),
		];
	});
}
