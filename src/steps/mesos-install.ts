import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {command, commonHints, fetchChecked, script, simpleStep, text} from './step-kit.js';
import {mavenSettings} from './templates/maven-settings.js';
import {buildProgressLine} from './build-progress-line.js';

export const buildDependencies = ['tar', 'wget', 'git', 'which', 'gcc', 'gcc-c++', 'make', 'patch', 'python-devel', 'python-six', 'python-virtualenv', 'java-1.8.0-openjdk-devel', 'maven', 'zlib-devel', 'libcurl-devel', 'openssl-devel', 'cyrus-sasl-devel', 'cyrus-sasl-md5', 'apr-devel', 'subversion-devel', 'apr-util-devel'];

/**
 * Configure once (a marker records that it finished), then make with jobs chosen from memory.
 * Nothing is ever wiped, so a rerun after an interruption compiles only what is missing. A
 * background loop reports compiled libtool objects against the total the Makefile names.
 */
export const mesosBuildScript = `set -euo pipefail
src=$1
cd "$src"
mkdir -p build && cd build
if [ ! -f .mesos-lab-configured ]; then
  ../configure --disable-python --disable-werror
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
	{id: 'maven-501', matches: /HTTPS Required|Return code is: 501|Could not transfer artifact/i, hint: text('Maven 中央仓库从 2020 年起拒绝 http（501）。确认 /etc/maven/settings.xml 的镜像是 https 地址（mirrors.maven）。', 'Maven Central has refused http since 2020 (501). Make sure the mirror in /etc/maven/settings.xml is https (mirrors.maven).')},
	{id: 'cc1plus-killed', matches: /cc1plus|virtual memory exhausted|internal compiler error: Killed/i, hint: text('编译器因内存不足被杀。在 lab 文件里加上 swapFile: {sizeGiB: 4}（或给虚拟机加内存）后重跑：编译是增量的，会从中断处继续。', 'The compiler was killed for lack of memory. Add swapFile: {sizeGiB: 4} to the lab file (or give the VM more memory) and run again: the build is incremental and continues where it stopped.')},
	commonHints.deadMirror,
	commonHints.downloadFailed,
	commonHints.checksum,
];

export function mesosInstallFiles(lab: Lab): Array<{path: string; content: string}> {
	return lab.mesos.source === 'build' ? [{path: '/etc/maven/settings.xml', content: mavenSettings(resolveMirrors(lab).maven)}] : [];
}

export function mesosInstallSteps(lab: Lab, host: LabHost): Step[] {
	const version = lab.versions.mesos;
	const installed = shellCommand(['bash', '-c', 'command -v mesos-master >/dev/null && mesos-master --version | grep -qF "$1"', 'mesos-lab', version]);
	const proof = shellCommand(['mesos-master', '--version']);
	if (lab.mesos.source === 'third-party-repo') {
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: text(`从第三方源安装 Mesos（${lab.mesos.thirdPartyRepo ?? ''}）`, `Install Mesos from a third-party repo (${lab.mesos.thirdPartyRepo ?? ''})`),
			why: text('Mesosphere 和 Bintray 的官方包源都已关闭；这是第三方维护的包源，不是 Apache 发布的，请自行判断是否信任。', 'The Mesosphere and Bintray repos are closed; this repo is run by a third party, not by Apache, so decide whether you trust it.'),
			done: installed, proof,
			commands: [script('printf "[mesos-third-party]\\nname=Mesos (third party)\\nbaseurl=%s\\nenabled=1\\ngpgcheck=0\\n" "$1" > /etc/yum.repos.d/mesos-third-party.repo', [lab.mesos.thirdPartyRepo ?? '']), command(['yum', 'install', '-y', 'mesos'])],
			hints: mesosHints,
		})];
	}
	const download = lab.mesos.download ?? {url: `${resolveMirrors(lab).apache}/mesos/${version}/mesos-${version}.tar.gz`, checksum: {algorithm: 'sha512' as const}};
	const archive = `${lab.root}/downloads/${download.url.split('/').at(-1) ?? `mesos-${version}`}`;
	const fetch = script(fetchChecked, [download.url, archive, download.checksum.algorithm, download.checksum.value ?? '', download.localFile ?? ''], text('下载并校验', 'Download and verify'));
	if (lab.mesos.source === 'rpm') {
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: text('安装预编译的 Mesos RPM', 'Install a prebuilt Mesos RPM'),
			why: text('编译要 1-2 小时；若你有可信的 RPM（带校验值），可以直接安装。', 'Building takes 1-2 hours; a trusted RPM with a checksum installs in minutes.'),
			done: installed, proof, commands: [fetch, command(['yum', 'install', '-y', archive])], hints: mesosHints,
		})];
	}
	if (lab.mesos.source === 'tarball') {
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: text('解压预编译的 Mesos 包', 'Unpack a prebuilt Mesos tarball'),
			why: text('编译要 1-2 小时；预编译包（带校验值）解压到 /usr/local 即可。', 'Building takes 1-2 hours; a prebuilt tarball with a checksum unpacks into /usr/local.'),
			done: installed, proof, commands: [fetch, command(['tar', '-xzf', archive, '-C', '/usr/local']), command(['ldconfig'])], hints: mesosHints,
		})];
	}
	const src = `${lab.root}/src/mesos-${version}`;
	return [
		simpleStep({
			id: 'mesos-build-deps', phase: 'mesos-install', host: host.name,
			title: text('安装编译依赖并配置 Maven 的 https 镜像', 'Install build dependencies and an https Maven mirror'),
			why: text('依赖用 CentOS 自带的 subversion 和 maven 就够了，不再需要教程里已失效的 WANdisco 和 fedorapeople 源。Java 必须保留：Marathon 通过 libmesos 里的 JNI 与 Mesos 通信。', 'Stock subversion and maven are enough; the WANdisco and fedorapeople repos from the tutorial are not needed. Java stays on: Marathon talks to Mesos through the JNI inside libmesos.'),
			done: shellCommand(['rpm', '-q', ...buildDependencies.filter((name) => name !== 'which')]),
			// Maven runs, and the https mirror serves the parent POM the Mesos jar build asks for first.
			proof: shellCommand(['bash', '-c', 'mvn -v >/dev/null && curl -fsS --max-time 20 -o /dev/null "$1/org/apache/apache/11/apache-11.pom" && echo "$1 serves org.apache:apache:11"', 'mesos-lab', resolveMirrors(lab).maven]),
			files: mesosInstallFiles(lab).map((file) => ({...file, sudo: true, mode: 0o644})),
			commands: [command(['yum', 'install', '-y', ...buildDependencies], undefined, {timeoutMs: 3_600_000})],
			hints: mesosHints,
			dependsOn: ['yum-update'],
		}),
		simpleStep({
			id: 'mesos-source', phase: 'mesos-install', host: host.name,
			title: text(`下载并校验 Mesos ${version} 源码`, `Download and check the Mesos ${version} sources`),
			why: text('源码包约 72 MB；核对 .sha512 后再解压。', 'The source archive is about 72 MB; it is checked against .sha512 before unpacking.'),
			// The marker is written only after tar finished, so a half-unpacked tree is unpacked again.
			done: shellCommand(['test', '-f', `${src}/.mesos-lab-unpacked`]), proof: shellCommand(['test', '-x', `${src}/configure`]),
			commands: [fetch, command(['mkdir', '-p', `${lab.root}/src`]), command(['tar', '-xzf', archive, '-C', `${lab.root}/src`]), command(['touch', `${src}/.mesos-lab-unpacked`])],
			hints: mesosHints,
		}),
		simpleStep({
			id: 'mesos-build', phase: 'mesos-install', host: host.name,
			title: text(`编译并安装 Mesos ${version}（约 1-2 小时）`, `Build and install Mesos ${version} (about 1-2 hours)`),
			why: text('编译在后台作业里运行，断线也不会中断；重跑时 make 只编译没完成的部分。并行数按内存算（每个任务约 2 GiB），避免 cc1plus 被杀。--disable-python 省掉需要 Python 2 和 PyPI 的绑定。', 'The build runs as a detached job that survives a dropped link; a rerun of make compiles only what is missing. Jobs are chosen from memory (about 2 GiB each) so cc1plus is not killed. --disable-python skips bindings that need Python 2 and PyPI.'),
			done: installed, proof,
			// libmesos lands in /usr/local/lib, which CentOS does not search by default.
			files: [{path: '/etc/ld.so.conf.d/mesos-lab.conf', content: '/usr/local/lib\n', sudo: true, mode: 0o644}],
			commands: [{...script(mesosBuildScript, [src], text('configure、make、make install', 'configure, make, make install')), detached: {name: 'mesos-build'}}, command(['ldconfig'])],
			hints: mesosHints,
			dependsOn: ['mesos-build-deps', 'mesos-source'],
		}),
	];
}
