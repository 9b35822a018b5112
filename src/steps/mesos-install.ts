import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {command, commonHints, fetchChecked, script, simpleStep, text} from './step-kit.js';
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
	{id: 'maven-501', matches: /HTTPS Required|Return code is: 501|Could not transfer artifact/i, hint: text('Maven 中央仓库从 2020 年起拒绝 http（501）。确认 /etc/maven/settings.xml 的镜像源是 https 地址（mirrors.maven）。', 'Maven Central has refused http since 2020 (501). Make sure the mirror in /etc/maven/settings.xml is https (mirrors.maven).')},
	{id: 'cc1plus-killed', matches: /cc1plus|virtual memory exhausted|internal compiler error: Killed/i, hint: text('编译器因内存不足被杀。在 lab 文件里加上 swapFile: {sizeGiB: 4}（或给虚拟机加内存）后重跑：编译是增量的，会从中断处继续。', 'The compiler was killed for lack of memory. Add swapFile: {sizeGiB: 4} to the lab file (or give the VM more memory) and run again: the build is incremental and continues where it stopped.')},
	commonHints.deadMirror,
	commonHints.downloadFailed,
	commonHints.checksum,
];

export function mesosInstallFiles(lab: Lab): Array<{path: string; content: string}> {
	return lab.mesos.source === 'build' && buildsJava(lab) ? [{path: '/etc/maven/settings.xml', content: mavenSettings(resolveMirrors(lab).maven)}] : [];
}

const thirdPartyRepoScript = 'printf "[mesos-third-party]\\nname=Mesos (third party)\\nbaseurl=%s\\nenabled=1\\ngpgcheck=1\\ngpgkey=%s\\n" "$1" "$2" > /etc/yum.repos.d/mesos-third-party.repo';

const ldConfig = {path: '/etc/ld.so.conf.d/mesos-lab.conf', content: '/usr/local/lib\n', sudo: true, mode: 0o644};

const thirdPartyKeyHint = {
	id: 'third-party-key',
	matches: /GPG key retrieval failed|NOKEY|signature.*(could not be verified|is not valid|BAD)|Public key for .* is not installed|expired/i,
	hint: text('第三方包的签名校验没有通过：公钥可能已过期或已更换。向厂商要当前的公钥，更新 mesos.thirdPartyGpgKey 后重试；不要关闭 gpgcheck。', 'The third-party package failed its signature check: the key may have expired or been replaced. Get the current key from the vendor, update mesos.thirdPartyGpgKey and retry; do not turn gpgcheck off.'),
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
			title: text(`从第三方软件源安装 Mesos ${version}（第三方：${repo}）`, `Install Mesos ${version} from a third-party repo (third party: ${repo})`),
			why: text(
				`Mesosphere 和 Bintray 的官方软件源都已关闭；这是第三方维护的软件源，不是 Apache 发布的，请自行判断是否信任。这个软件源只用 https，yum 用厂商的公钥（${lab.mesos.thirdPartyGpgKey ?? ''}）校验每个包的签名，版本固定为 ${version}。已知情况：有报告说 AVENTER 的 apt 公钥在 2026-09-28 过期；RPM 公钥是否同一把、是否已续期无法确认，CentOS 7 的 rpm 是否拒绝过期公钥也无法确认。签名校验失败时请向厂商要新公钥，不要关掉 gpgcheck。`,
				`The Mesosphere and Bintray repos are closed; this repo is run by a third party, not by Apache, so decide whether you trust it. The repo is reached over https only, yum checks every package's signature against the vendor's key (${lab.mesos.thirdPartyGpgKey ?? ''}), and the version is pinned to ${version}. What is known: AVENTER's apt key was reported to expire on 2026-09-28; whether the RPM key is the same one or was renewed is not known, nor whether CentOS 7's rpm refuses an expired key. If the signature check fails, ask the vendor for a current key rather than turning gpgcheck off.`,
			),
			done: installed, proof,
			commands: [script(thirdPartyRepoScript, [repo, lab.mesos.thirdPartyGpgKey ?? ''], text('写入第三方软件源（https，校验签名）', 'Write the third-party repo (https, signatures checked)')), command(['yum', 'install', '-y', `mesos-${version}`]), link],
			hints: [...mesosHints, thirdPartyKeyHint],
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
			done: installed, proof, commands: [fetch, command(['yum', 'install', '-y', archive]), link], hints: mesosHints,
		})];
	}
	if (lab.mesos.source === 'tarball') {
		return [simpleStep({
			id: 'mesos-install', phase: 'mesos-install', host: host.name,
			title: text('解压预编译的 Mesos 包', 'Unpack a prebuilt Mesos tarball'),
			why: text('编译要 1-2 小时；预编译包（带校验值）解压到 /usr/local 即可。', 'Building takes 1-2 hours; a prebuilt tarball with a checksum unpacks into /usr/local.'),
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
			title: text('安装编译依赖并配置 Maven 的 https 镜像源', 'Install build dependencies and an https Maven mirror'),
			why: buildsJava(lab)
				? text('依赖用 CentOS 自带的 subversion 和 maven 就够了，不再需要教程里已失效的 WANdisco 和 fedorapeople 源。marathon.source 是 tarball，这个 Marathon 要通过本机 libmesos 里的 JNI 与 Mesos 通信，所以编译 Java 绑定，需要 Java、Maven 和一个 https 的 Maven 镜像源。', 'Stock subversion and maven are enough; the WANdisco and fedorapeople repos from the tutorial are not needed. marathon.source is tarball: that Marathon talks to Mesos through the JNI in this host\'s libmesos, so the Java bindings are built, which needs Java, Maven and an https Maven mirror.')
				: text('依赖用 CentOS 自带的 subversion 就够了，不再需要教程里已失效的 WANdisco 源。Marathon 镜像自带 libmesos，用不到本机编译的 Java 绑定，所以用 --disable-java 跳过它们：不装 Java 和 Maven，也不从 Maven 仓库下载任何东西，少一个会失败的环节。', 'Stock subversion is enough; the tutorial\'s WANdisco repo is not needed. The Marathon image carries its own libmesos and never uses Java bindings built here, so --disable-java skips them: no Java, no Maven, no downloads from a Maven repository, one less thing to fail.'),
			done: shellCommand(['rpm', '-q', ...buildDependencies(lab).filter((name) => name !== 'which')]),
			// With Java: Maven runs, and the https mirror serves the parent POM the Mesos jar build asks for first.
			proof: buildsJava(lab)
				? shellCommand(['bash', '-c', 'mvn -v >/dev/null && curl -fsS --max-time 20 -o /dev/null "$1/org/apache/apache/11/apache-11.pom" && echo "$1 serves org.apache:apache:11"', 'mesos-lab', resolveMirrors(lab).maven])
				: shellCommand(['rpm', '-q', 'gcc-c++', 'subversion-devel']),
			files: mesosInstallFiles(lab).map((file) => ({...file, sudo: true, mode: 0o644})),
			commands: [command(['yum', 'install', '-y', ...buildDependencies(lab)], undefined, {timeoutMs: 3_600_000})],
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
			why: text(
				`编译在后台作业里运行，断线也不会中断；重跑时 make 只编译没完成的部分。并行数按内存算（每个编译进程约 2 GiB），避免 cc1plus 被杀。--disable-python 省掉需要 Python 2 和 PyPI 的绑定${buildsJava(lab) ? '' : '；--disable-java 省掉 Marathon 镜像用不到的 Java 绑定'}。装好后把 mesos-master 和 mesos-agent 链接到 ${lab.root}/bin，unit 和检查都用这个绝对路径。`,
				`The build runs as a detached job that survives a dropped link; a rerun of make compiles only what is missing. Jobs are chosen from memory (about 2 GiB each) so cc1plus is not killed. --disable-python skips bindings that need Python 2 and PyPI${buildsJava(lab) ? '' : '; --disable-java skips the Java bindings the Marathon image never uses'}. Once installed, mesos-master and mesos-agent are linked under ${lab.root}/bin, the absolute path the units and checks use.`,
			),
			done: installed, proof,
			// libmesos lands in /usr/local/lib, which CentOS does not search by default.
			files: [ldConfig],
			commands: [{...script(mesosBuildScript, [src, ...(buildsJava(lab) ? [] : ['--disable-java'])], text('configure、make、make install', 'configure, make, make install')), detached: {name: 'mesos-build'}}, command(['ldconfig']), link],
			hints: mesosHints,
			dependsOn: ['mesos-build-deps', 'mesos-source'],
			jobProgress: lastBuildProgress,
		}),
	];
}
