import {localized} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {command, commonHints, fetchChecked, script, simpleStep} from './step-kit.js';
import {mavenSettings} from './templates/maven-settings.js';
import {buildProgressLine, lastBuildProgress} from './build-progress-line.js';
import {linkMesosCommand, mesosInstalledProbe, mesosPaths} from './mesos-paths.js';

const commonBuildDependencies = ['tar', 'wget', 'git', 'which', 'gcc', 'gcc-c++', 'make', 'patch', 'python-devel', 'python-six', 'python-virtualenv', 'zlib-devel', 'libcurl-devel', 'openssl-devel', 'cyrus-sasl-devel', 'cyrus-sasl-md5', 'apr-devel', 'subversion-devel', 'apr-util-devel'];
const javaBuildDependencies = ['java-1.8.0-openjdk-devel', 'maven'];

/**
 * The Java bindings (and Maven's downloads) serve only a Marathon run from its tarball on this
 * host's libmesos; the Marathon image carries its own libmesos.
 */
export function buildsJava(lab: Lab): boolean {
	return lab.marathon.source === 'tarball';
}

export function buildDependencies(lab: Lab): string[] {
	return buildsJava(lab) ? [...commonBuildDependencies, ...javaBuildDependencies] : commonBuildDependencies;
}

/**
 * Configure once (a marker records that it finished), then make with jobs chosen from memory.
 * Nothing is ever wiped, so a rerun after an interruption compiles only what is missing. A
 * background loop reports compiled libtool objects against the total the Makefile names.
 */
export const mesosBuildScript = `set -euo pipefail
src=$1; shift
cd "$src"
mkdir -p build && cd build
if [ ! -f .mesos-lab-configured ]; then
  ../configure --disable-python --disable-werror "$@"
  touch .mesos-lab-configured
fi
total=$({ grep -oE '[[:alnum:]_+./-]+\\.lo\\b' src/Makefile 2>/dev/null || true; } | sort -u | wc -l)
report() { echo "${buildProgressLine('$(find src -name "*.lo" 2>/dev/null | wc -l)', '$total')}"; }
( nap=""; trap 'kill "$nap" 2>/dev/null; exit 0' TERM; while :; do sleep 30 & nap=$!; wait "$nap"; report; done ) &
reporter=$!
trap 'kill "$reporter" 2>/dev/null || true' EXIT
# Jobs come from RAM alone (about 2 GiB per compiler); swap only keeps a peak from killing one.
mem_mib=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo)
jobs=$(( mem_mib / 2048 )); cpus=$(nproc); [ "$jobs" -gt "$cpus" ] && jobs=$cpus; [ "$jobs" -lt 1 ] && jobs=1
echo "make -j $jobs: $mem_mib MiB of memory at about 2 GiB per compiler, $cpus CPUs"
report
make -j "$jobs" V=0
report
make install`;

export const mesosHints = [
	{id: 'maven-501', matches: /HTTPS Required|Return code is: 501|Could not transfer artifact/i, hint: localized('stepMaven501Hint')},
	{id: 'cc1plus-killed', matches: /cc1plus|virtual memory exhausted|internal compiler error: Killed/i, hint: localized('stepCc1plusKilledHint', {setting: 'swapFile: {sizeGiB: 4}'})},
	commonHints.deadMirror,
	commonHints.downloadFailed,
	commonHints.checksum,
	commonHints.noDigest,
	// linkMesosScript (mesos-paths.ts) when the install left a program in none of the folders it searches.
	{id: 'mesos-not-found', matches: /\bis in none of: /, hint: localized('stepMesosNotFoundHint')},
];

export function mesosInstallFiles(lab: Lab): Array<{path: string; content: string}> {
	return lab.mesos.source === 'build' && buildsJava(lab) ? [{path: '/etc/maven/settings.xml', content: mavenSettings(resolveMirrors(lab).maven)}] : [];
}

const thirdPartyRepoScript = 'printf "[mesos-third-party]\\nname=Mesos (third party)\\nbaseurl=%s\\nenabled=1\\ngpgcheck=1\\ngpgkey=%s\\n" "$1" "$2" > /etc/yum.repos.d/mesos-third-party.repo';

const ldConfig = {path: '/etc/ld.so.conf.d/mesos-lab.conf', content: '/usr/local/lib\n', sudo: true, mode: 0o644};

const thirdPartyKeyHint = {
	id: 'third-party-key',
	matches: /GPG key retrieval failed|NOKEY|signature.*(could not be verified|is not valid|BAD)|Public key for .* is not installed|expired/i,
	hint: localized('stepThirdPartyKeyHint'),
};

export function mesosInstallSteps(lab: Lab, host: LabHost): Step[] {
	const version = lab.versions.mesos;
	// Absolute paths: a sudo user's PATH is CentOS's secure_path, without /usr/local/sbin.
	const installed = mesosInstalledProbe(lab);
	const proof = shellCommand([mesosPaths(lab).master, '--version']);
	const link = linkMesosCommand(lab);
	if (lab.mesos.source === 'third-party-repo') {
		const repo = lab.mesos.thirdPartyRepo ?? '';
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: localized('stepMesosInstallTitle', {version, repo}),
			why: localized('stepMesosInstallWhy', {value: lab.mesos.thirdPartyGpgKey ?? '', version}),
			done: installed, proof,
			commands: [script(thirdPartyRepoScript, [repo, lab.mesos.thirdPartyGpgKey ?? ''], localized('stepMesosInstallDo')), command(['yum', 'install', '-y', `mesos-${version}`]), link],
			hints: [...mesosHints, thirdPartyKeyHint],
		})];
	}
	const download = lab.mesos.download ?? {url: `${resolveMirrors(lab).apache}/mesos/${version}/mesos-${version}.tar.gz`, checksum: {algorithm: 'sha512' as const}};
	const archive = `${lab.root}/downloads/${download.url.split('/').at(-1) ?? `mesos-${version}`}`;
	const fetch = script(fetchChecked, [download.url, archive, download.checksum.algorithm, download.checksum.value ?? '', download.localFile ?? ''], localized('stepFetchDo'));
	if (lab.mesos.source === 'rpm') {
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: localized('stepMesosInstallTitle2'),
			why: localized('stepMesosInstallWhy2'),
			done: installed, proof, commands: [fetch, command(['yum', 'install', '-y', archive]), link], hints: mesosHints,
		})];
	}
	if (lab.mesos.source === 'tarball') {
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: localized('stepMesosInstallTitle3'),
			why: localized('stepMesosInstallWhy3'),
			done: installed, proof,
			// libmesos lands in /usr/local/lib, which CentOS does not search by default.
			files: [ldConfig],
			commands: [fetch, command(['tar', '-xzf', archive, '-C', '/usr/local']), command(['ldconfig']), link], hints: mesosHints,
		})];
	}
	const src = `${lab.root}/src/mesos-${version}`;
	return [
		simpleStep({
			id: 'mesos-build-deps', phase: 'mesos-install', host: host.name,
			title: localized('stepMesosBuildDepsTitle'),
			why: buildsJava(lab)
				? localized('stepMesosBuildDepsWhy')
				: localized('stepMesosBuildDepsWhyNoJava'),
			done: shellCommand(['rpm', '-q', ...buildDependencies(lab).filter((name) => name !== 'which')]),
			// With Java: Maven runs, and the https mirror serves the parent POM the Mesos jar build asks for first.
			// The proof prints the POM's address, after the proof's own words in the reader's language.
			proof: buildsJava(lab)
				? shellCommand(['bash', '-c', 'mvn -v >/dev/null && curl -fsS --max-time 20 -o /dev/null "$1/org/apache/apache/11/apache-11.pom" && echo "$1/org/apache/apache/11/apache-11.pom"', 'mesos-lab', resolveMirrors(lab).maven])
				: shellCommand(['rpm', '-q', 'gcc-c++', 'subversion-devel']),
			files: mesosInstallFiles(lab).map((file) => ({...file, sudo: true, mode: 0o644})),
			commands: [command(['yum', 'install', '-y', ...buildDependencies(lab)], undefined, {timeoutMs: 3_600_000})],
			hints: mesosHints,
			dependsOn: ['yum-update'],
		}),
		simpleStep({
			id: 'mesos-source', phase: 'mesos-install', host: host.name,
			title: localized('stepMesosSourceTitle', {version}),
			why: localized('stepMesosSourceWhy'),
			// The marker is written only after tar finished, so a half-unpacked tree is unpacked again.
			done: shellCommand(['test', '-f', `${src}/.mesos-lab-unpacked`]), proof: shellCommand(['test', '-x', `${src}/configure`]),
			commands: [fetch, command(['mkdir', '-p', `${lab.root}/src`]), command(['tar', '-xzf', archive, '-C', `${lab.root}/src`]), command(['touch', `${src}/.mesos-lab-unpacked`])],
			hints: mesosHints,
		}),
		simpleStep({
			id: 'mesos-build', phase: 'mesos-install', host: host.name,
			title: localized('stepMesosBuildTitle', {version}),
			why: localized('stepMesosBuildWhy', {java: buildsJava(lab) ? 'built' : 'skipped', root: lab.root}),
			done: installed, proof,
			// libmesos lands in /usr/local/lib, which CentOS does not search by default.
			files: [ldConfig],
			commands: [{...script(mesosBuildScript, [src, ...(buildsJava(lab) ? [] : ['--disable-java'])], localized('stepMesosBuildDo')), detached: {name: 'mesos-build'}}, command(['ldconfig']), link],
			hints: mesosHints,
			dependsOn: ['mesos-build-deps', 'mesos-source'],
			jobProgress: lastBuildProgress,
		}),
	];
}
