import {shellCommand} from '../exec/quote.js';
import {UserInputError} from '../errors.js';
import {preflightCheckNames, type Lab, type LabHost, type PreflightCheckName} from '../lab/lab-schema.js';
import type {CheckResult, Localized, Step, StepContext, VerifyResult} from './step.js';
import {checkBy, command, output, script, text, verifyBy} from './step-kit.js';
import {hostsInUse, hostsNeedingMesos, portsOnHost, topology} from '../lab/topology.js';
import {pulledImages} from './docker.js';
import {registryProbeFunctions} from './registry-probe.js';
import {resolveMirrors} from '../lab/mirrors.js';

/** Docker Hub's registry, asked last, after the lab's mirrors. */
const dockerHub = 'https://registry-1.docker.io';

const imagesProbe = `images=$1; shift
${registryProbeFunctions}
for registry in "$@"; do
  if serves_images "$registry"; then echo "served-by $registry"; exit 0; fi
  echo "refused-by $registry: $refused"
done`;

/** `fix`: not as the lab needs it, and this check's own commands change it (SELinux enforcing). */
export type PreflightLevel = 'pass' | 'warn' | 'fix' | 'fail';

export interface PreflightFinding {
	level: PreflightLevel;
	detail: string;
	fix: Localized;
}

/** A verdict as the runner's check sees it: a FAIL or FIX means the step is needed (its fix runs). */
export function findingAsCheck(finding: PreflightFinding): CheckResult {
	return needsFixing(finding) ? {kind: 'needed', reason: `${finding.level.toUpperCase()} ${finding.detail}: ${finding.fix.en}`} : {kind: 'satisfied', reason: `${finding.level.toUpperCase()} ${finding.detail}`};
}

/** A verdict as the runner's verify sees it, after the fix ran. */
export function findingAsVerify(finding: PreflightFinding): VerifyResult {
	return needsFixing(finding) ? {ok: false, problem: `${finding.detail}. ${finding.fix.en}`} : {ok: true, proof: `${finding.level.toUpperCase()} ${finding.detail}`};
}

function needsFixing(finding: PreflightFinding): boolean {
	return finding.level === 'fail' || finding.level === 'fix';
}

/** A preflight step also reports PASS/WARN/FAIL with a fix; check and verify derive from it. */
export interface PreflightStep extends Step {
	checkName: PreflightCheckName;
	assess(ctx: StepContext): Promise<PreflightFinding>;
}

interface Probe {
	name: PreflightCheckName;
	title: Localized;
	why: Localized;
	probe: string;
	judge(stdout: string): PreflightFinding;
	fixCommands?: ReturnType<typeof command>[];
}

const gib = 1024 ** 3;
const nothingToDo = text('无需处理', 'Nothing to do');
const labUnitsMarker = '--- running lab services';

/**
 * Listening sockets, then the lab's own running services (units, or ZooKeeper pid files in script
 * mode). No `ss -H`: CentOS 7's iproute predates it, and the header line matches no port anyway.
 */
const portsProbe = `ss -ltn
echo "${labUnitsMarker}"
systemctl list-units --type=service --state=active --no-legend --plain "mesos-lab-*" 2>/dev/null | awk '{print $1}' || true
for pidfile in "$@"; do
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    n=\${pidfile%/data/zookeeper_server.pid}; echo "mesos-lab-zookeeper-\${n##*/zk}.service"
  fi
done`;

function probes(lab: Lab, host: LabHost): Probe[] {
	const ports = portsOnHost(lab, host.name);
	const builds = lab.mesos.source === 'build' && hostsNeedingMesos(lab).includes(host.name);
	const multiHost = hostsInUse(lab).length > 1;
	// An RPM makes /var/lib/mesos itself; only a by-hand install of the tutorial leaves it behind otherwise.
	const leftoverDirs = ['/root/mesos', '/root/marathon', ...(lab.mesos.source === 'rpm' || lab.mesos.source === 'third-party-repo' ? [] : ['/var/lib/mesos'])];
	const zookeeperPidFiles = topology(lab).zookeeper.filter((member) => member.host.name === host.name).map((member) => `${member.dir}/data/zookeeper_server.pid`);
	return [
		{
			name: 'os',
			title: text('确认系统是 CentOS 7', 'Confirm the system is CentOS 7'),
			why: text('所有命令（yum 源、docker-ce el7 包、Mesos 1.11 的编译依赖）都是为 CentOS 7 写的；在其他系统上执行会半途失败。', 'Every command here (yum repos, the el7 docker-ce packages, the Mesos 1.11 build dependencies) is written for CentOS 7; on another system it would fail half-way.'),
			probe: shellCommand(['cat', '/etc/os-release']),
			judge: (out) => {
				const id = /^ID="?([^"\n]*)"?/m.exec(out)?.[1];
				const version = /^VERSION_ID="?([^"\n]*)"?/m.exec(out)?.[1];
				return id === 'centos' && version === '7'
					? {level: 'pass', detail: 'CentOS 7', fix: nothingToDo}
					: {level: 'fail', detail: `found ${id ?? 'unknown'} ${version ?? ''}`.trim(), fix: text('仅支持 CentOS 7（7.x，建议 7.9.2009）。请换一台 CentOS 7 虚拟机。', 'Only CentOS 7 (7.x, ideally 7.9.2009) is supported. Use a CentOS 7 machine.')};
			},
		},
		{
			name: 'cpus',
			title: text('检查 CPU 数', 'Count CPUs'),
			why: text('编译 Mesos 和运行十几个进程都需要 CPU；2 核可以，但很慢。', 'Building Mesos and running a dozen processes need CPUs; 2 work, slowly.'),
			probe: shellCommand(['nproc']),
			judge: (out) => {
				const cpus = Number(out.trim());
				return cpus >= 2 ? {level: 'pass', detail: `${cpus} CPUs`, fix: nothingToDo} : {level: 'warn', detail: `${cpus} CPU`, fix: text('给虚拟机分配至少 2 个 CPU。', 'Give the VM at least 2 CPUs.')};
			},
		},
		{
			name: 'memory',
			title: text('检查内存+交换空间 ≥ 4 GiB', 'Check memory plus swap is at least 4 GiB'),
			why: text('链接 libmesos 需要约 4 GiB 内存；不够时编译器会被系统杀掉（cc1plus killed）。交换文件可以补足：lab 文件里写了 swapFile 时，本步骤之前就会创建它。', 'Linking libmesos needs about 4 GiB; with less the kernel kills the compiler (cc1plus killed). A swap file makes up the difference: with swapFile in the lab file one is made just before this check.'),
			probe: shellCommand(['cat', '/proc/meminfo']),
			judge: (out) => {
				const kib = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(out)?.[1] ?? 0);
				const total = (kib('MemTotal') + kib('SwapTotal')) * 1024;
				const detail = `${(total / gib).toFixed(1)} GiB of memory and swap`;
				if (total >= 4 * gib) {
					return {level: 'pass', detail, fix: nothingToDo};
				}
				const short = Math.ceil((4 * gib - total) / gib);
				return builds
					? {level: 'fail', detail, fix: text(`在 lab 文件中加入 swapFile: {sizeGiB: ${Math.max(short, 4)}}，然后重跑；也可以给虚拟机加内存。`, `Add swapFile: {sizeGiB: ${Math.max(short, 4)}} to the lab file and run again, or give the VM more memory.`)}
					: {level: 'warn', detail, fix: text('这台机器不编译 Mesos，但运行多个 Java 进程仍建议 4 GiB 以上。', 'This host does not build Mesos, but running several Java processes still wants 4 GiB or more.')};
			},
		},
		{
			name: 'disk',
			title: text('检查可用磁盘 ≥ 20 GB', 'Check at least 20 GB of free disk'),
			why: text('Mesos 源码、编译产物、Maven 依赖和 Docker 镜像加起来要十几 GB；教程建议磁盘 20G。', 'Mesos sources, the build tree, Maven dependencies and Docker images take well over 10 GB; the tutorial asks for a 20 GB disk.'),
			// The filesystem that will hold the lab root, found from its nearest existing folder.
			probe: shellCommand(['bash', '-c', 'd=$1; while [ ! -e "$d" ]; do d=$(dirname "$d"); done; df -Pk "$d"', 'mesos-lab', lab.root]),
			judge: (out) => {
				const free = Number(out.trim().split('\n').at(-1)?.split(/\s+/)[3] ?? 0) * 1024;
				return free >= 20e9 ? {level: 'pass', detail: `${(free / 1e9).toFixed(0)} GB free`, fix: nothingToDo} : {level: 'fail', detail: `${(free / 1e9).toFixed(0)} GB free`, fix: text('扩大虚拟机磁盘，或清理空间到至少 20 GB。', 'Grow the VM disk or free space to at least 20 GB.')};
			},
		},
		{
			name: 'clock',
			title: text('检查时钟', 'Check the clock'),
			why: text('时钟偏差大时 https 证书校验会失败（证书“已过期”或“尚未生效”）。', 'A clock that is far off makes https certificate checks fail ("expired" or "not yet valid").'),
			probe: shellCommand(['date', '-u', '+%s']),
			judge: (out) => {
				const skew = Math.abs(Number(out.trim()) - Date.now() / 1000);
				return skew < 300 ? {level: 'pass', detail: `skew ${skew.toFixed(0)} s`, fix: nothingToDo} : {level: 'warn', detail: `skew ${skew.toFixed(0)} s`, fix: text('系统准备阶段会启用 chronyd 同步时间。', 'The VM preparation phase turns on chronyd time sync.')};
			},
		},
		{
			name: 'hostname',
			title: text('检查主机名解析到本机网卡地址', 'Check the host name resolves to the host\'s network address'),
			why: text(
				'libmesos（Marathon 里也有一份）没有指定 LIBPROCESS_IP 时，会把主机名解析出的第一个 IPv4 地址当作自己的地址告诉别人。minimal 安装的主机名是 localhost.localdomain，/etc/hosts 把它指向 127.0.0.1；教程里的“127.0.0.1 vm”也是同一个陷阱。本实验环境给每个 master、agent 和 Marathon 都显式指定了地址，所以单台虚拟机上照样能用，只提示；多台机器时，别的机器上的组件一旦按主机名找过来，就只会找到它们自己，所以必须先修好。',
				'Without LIBPROCESS_IP, libmesos (Marathon carries a copy) tells others the first IPv4 address its host name resolves to. A minimal install is named localhost.localdomain, which /etc/hosts maps to 127.0.0.1; the tutorial\'s "127.0.0.1 vm" is the same trap. This lab gives every master, agent and Marathon its address explicitly, so a single VM still works and this only warns; with several machines, anything on another machine that finds this one by name reaches itself instead, so it must be fixed first.',
			),
			probe: 'h=$(hostname); echo "$h"; getent ahostsv4 "$h" | awk \'NR == 1 {print $1}\'',
			judge: (out) => {
				const [name = '', address = ''] = out.trim().split('\n').map((line) => line.trim());
				const fix = text(
					`把主机名改成可区分的名字（hostnamectl set-hostname ${host.name}），在 /etc/hosts 里加一行“${host.address} ${host.name}”，并确认 127.0.0.1 那一行里没有这个名字。`,
					`Give the host a name of its own (hostnamectl set-hostname ${host.name}), add "${host.address} ${host.name}" to /etc/hosts, and make sure the 127.0.0.1 line does not carry that name.`,
				);
				const problem = address === '' ? `${name} does not resolve` : address.startsWith('127.') ? `${name} resolves to loopback ${address}` : undefined;
				if (problem === undefined) {
					return {level: 'pass', detail: `${name} → ${address}`, fix: nothingToDo};
				}
				return {level: multiHost ? 'fail' : 'warn', detail: multiHost ? problem : `${problem} (one VM: every daemon is given ${host.address} explicitly)`, fix};
			},
		},
		{
			name: 'ports',
			title: text('检查所需端口空闲', 'Check the ports the lab needs are free'),
			why: text('三个 ZooKeeper、三个 master、agent、两个 Marathon 和 marathon-lb 都要监听各自的端口；被占用的端口会让进程启动失败。已经由本实验环境自己的服务占用的端口不算冲突，所以重跑安装时这一项照样通过。', 'Three ZooKeepers, three masters, the agent, two Marathons and marathon-lb each listen on their own port; a taken port stops a process from starting. A port held by the lab\'s own running service is no conflict, so a second install still passes.'),
			probe: shellCommand(['bash', '-c', portsProbe, 'mesos-lab', ...zookeeperPidFiles]),
			judge: (out) => {
				const [listening = '', running = ''] = out.split(`\n${labUnitsMarker}\n`);
				const ours = new Set(running.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
				const held = ports.filter(({port}) => new RegExp(`:${port}\\s`).test(`${listening}\n`));
				const taken = held.filter(({unit}) => !ours.has(unit));
				const own = held.length - taken.length;
				return taken.length === 0
					? {level: 'pass', detail: `${ports.length - own} ports free${own > 0 ? `, ${own} held by the lab's own services` : ''}`, fix: nothingToDo}
					: {level: 'fail', detail: `in use: ${taken.map((t) => `${t.port} (${t.owner})`).join(', ')}`, fix: text('停止占用端口的进程（ss -ltnp 查看），或修改 lab 文件的 ports。', 'Stop the process holding each port (see ss -ltnp) or change ports in the lab file.')};
			},
		},
		{
			name: 'selinux',
			title: text('检查 SELinux', 'Check SELinux'),
			why: text('SELinux enforcing 会阻止 Mesos 容器挂载目录；实验环境里设为 permissive 最省事。', 'SELinux in enforcing mode blocks Mesos containers from mounting their sandboxes; permissive is simplest for a lab.'),
			probe: 'getenforce 2>/dev/null || echo Disabled',
			// Enforcing is changed here, by init as by the exported script: both run the same commands.
			judge: (out) => (out.trim() === 'Enforcing' ? {level: 'fix', detail: 'Enforcing', fix: text('执行 setenforce 0，并在 /etc/selinux/config 中设 SELINUX=permissive（本步骤会做）。', 'Run setenforce 0 and set SELINUX=permissive in /etc/selinux/config (this step does).')} : {level: 'pass', detail: out.trim(), fix: nothingToDo}),
			fixCommands: [script('setenforce 0 || true; sed -i "s/^SELINUX=enforcing/SELINUX=permissive/" /etc/selinux/config', [], text('SELinux 设为 permissive', 'Set SELinux to permissive'))],
		},
		{
			name: 'images',
			title: text('确认能拉到所需的 Docker 镜像', 'Check the Docker images can be pulled'),
			why: text(
				'Marathon 和 marathon-lb 以镜像运行。镜像加速器能应答 /v2/ 不代表给得出这两个镜像（DaoCloud 只服务白名单里的镜像，其余返回 403），Docker Hub 在国内也常常连不上，而且未登录时每个 IP 每小时只能拉 10 次。所以在任何步骤开始之前，先向每个镜像加速器、最后向 Docker Hub 请求这两个镜像的 manifest；都拿不到时，提前告诉你改用离线镜像包。',
				'Marathon and marathon-lb run from images. A registry mirror that answers /v2/ may still not serve them (DaoCloud serves only its allow-list and answers 403 for the rest), Docker Hub is often unreachable from mainland China, and it allows 10 pulls an hour per address without a login. So before any step runs, each mirror, and Docker Hub last, is asked for the manifests of these images; where none serves them, you hear now that the offline archives are the way.',
			),
			probe: shellCommand(['bash', '-c', imagesProbe, 'mesos-lab', pulledImages(lab).join(' '), ...resolveMirrors(lab).registryMirrors, dockerHub]),
			judge: (out) => {
				const images = pulledImages(lab);
				if (images.length === 0) {
					return {level: 'pass', detail: 'images come from docker.offlineImages', fix: nothingToDo};
				}
				const served = /^served-by (\S+)/m.exec(out)?.[1];
				if (served !== undefined) {
					return {level: 'pass', detail: `${served} serves ${images.join(', ')}`, fix: nothingToDo};
				}
				const refusals = out.split('\n').filter((line) => line.startsWith('refused-by ')).map((line) => line.slice('refused-by '.length));
				return {
					level: 'warn',
					detail: `no registry serves ${images.join(', ')} (${refusals.join('; ') || 'no answer'})`,
					fix: text(
						`在能上网的机器上 docker pull 并 docker save -o 导出 ${images.join('、')}，拷到这台主机，把路径写进 lab 文件的 docker.offlineImages；或在 mirrors.registryMirrors 里换一个给得出这些镜像的镜像加速器。`,
						`On a machine with access, docker pull and docker save -o ${images.join(', ')}, copy the archives to this host and list them under docker.offlineImages in the lab file; or name a registry mirror in mirrors.registryMirrors that serves them.`,
					),
				};
			},
		},
		{
			name: 'leftovers',
			title: text('查找以前安装的残留', 'Look for leftovers of an earlier install'),
			why: text('按教程手工装过的 mesos 进程或 /root/mesos 下的 work_dir 会占用端口，还可能让新 master 读到旧的复制日志，出现奇怪的选举。', 'A mesos process or a work_dir under /root/mesos from a by-hand install of the tutorial holds ports, and can make a new master read a stale replicated log and elect strangely.'),
			// Processes of this lab (their flags name the lab root) are not leftovers.
			probe: shellCommand(['bash', '-c', 'root=$1; shift; for p in $(pgrep "mesos-(master|agent|slave)"); do tr "\\0" " " < "/proc/$p/cmdline" 2>/dev/null | grep -qF -- "$root" || echo "process $p $(cat "/proc/$p/comm" 2>/dev/null)"; done; ls -d "$@" 2>/dev/null || true', 'mesos-lab', lab.root, ...leftoverDirs]),
			judge: (out) => (out.trim() ? {level: 'warn', detail: out.trim().split('\n').join('; '), fix: text('确认不再需要后运行 mesos-lab reset，或手动停止并删除它们。', 'If unneeded, run mesos-lab reset or stop and delete them by hand.')} : {level: 'pass', detail: 'none', fix: nothingToDo}),
		},
	];
}

/** Refuses an ignore request that names no check, so a typo does not silently ignore nothing. */
export function assertIgnorablePreflight(names: readonly string[]): void {
	const unknown = names.filter((name) => !(preflightCheckNames as readonly string[]).includes(name));
	if (unknown.length > 0) {
		throw new UserInputError(`--ignore-preflight ${unknown.join(', ')}: no preflight check has that name.`, {
			hint: `Use one of: ${preflightCheckNames.join(', ')}.`,
		});
	}
}

/** Makes the swap file the lab asks for, before the memory check counts it. */
function swapFileStep(host: LabHost, swap: {sizeGiB: number; path: string}): Step {
	return {
		id: 'swap-file', phase: 'preflight', host: host.name,
		title: text(`创建 ${swap.sizeGiB} GiB 交换文件 ${swap.path}`, `Make a ${swap.sizeGiB} GiB swap file at ${swap.path}`),
		why: text('内存不足 4 GiB 时，编译 Mesos 的 C++ 编译器会被系统杀掉。交换文件比内存慢，但能让编译走完；它写进 /etc/fstab，重启后仍然生效。', 'With less than 4 GiB of memory the kernel kills the C++ compiler building Mesos. Swap is slower than memory but lets the build finish; it goes into /etc/fstab so it survives a reboot.'),
		check: checkBy(shellCommand(['bash', '-c', 'swapon --show=NAME --noheadings 2>/dev/null | grep -qxF -- "$1" || grep -q "^$1 " /proc/swaps', 'mesos-lab', swap.path]), `${swap.path} is in use as swap`, `${swap.path} is not in use as swap`),
		plan: async () => ({
			files: [],
			// dd, never fallocate: mkswap(8) says files with holes or preallocated extents are not valid
			// swap on XFS (CentOS 7's root filesystem) and ext4.
			commands: [script('set -euo pipefail\npath=$1 size=$2\nif [ ! -f "$path" ]; then dd if=/dev/zero of="$path.part" bs=1M count=$((size * 1024)); chmod 600 "$path.part"; mkswap "$path.part"; mv -f "$path.part" "$path"; fi\nswapon "$path" 2>/dev/null || grep -q "^$path " /proc/swaps\ngrep -q "^$path " /etc/fstab || echo "$path swap swap defaults 0 0" >> /etc/fstab', [swap.path, String(swap.sizeGiB)], text('用 dd 写满文件再创建并启用交换文件', 'Write the file out with dd, then make and enable the swap'))],
		}),
		verify: verifyBy(shellCommand(['bash', '-c', 'grep "^$1 " /proc/swaps', 'mesos-lab', swap.path]), `${swap.path} is in use as swap`, `${swap.path} is not in use as swap`),
		hints: [{id: 'swap-file-refused', matches: /fallocate failed|Operation not supported|Invalid argument|swapon failed/i, hint: text('这个文件系统不支持交换文件（例如 btrfs 或容器里）：换一个 swapFile.path，或给虚拟机加内存。', 'This filesystem cannot hold a swap file (btrfs, or inside a container): choose another swapFile.path or give the VM more memory.')}],
	};
}

export function preflightSteps(lab: Lab, host: LabHost): Step[] {
	assertIgnorablePreflight(lab.ignorePreflight);
	const checks = preflightChecks(lab, host);
	if (lab.swapFile === undefined) {
		return checks;
	}
	const memory = checks.findIndex((step) => step.checkName === 'memory');
	return [...checks.slice(0, memory), swapFileStep(host, lab.swapFile), ...checks.slice(memory)];
}

export function preflightChecks(lab: Lab, host: LabHost): PreflightStep[] {
	return probes(lab, host).map((probe) => {
		const assess = async (ctx: StepContext): Promise<PreflightFinding> => {
			const result = await output(ctx, probe.probe);
			const finding = probe.judge(result.stdout);
			return needsFixing(finding) && lab.ignorePreflight.includes(probe.name) ? {...finding, level: 'warn', detail: `${finding.detail} (ignored by request)`} : finding;
		};
		return {
			id: `preflight-${probe.name}`,
			phase: 'preflight',
			host: host.name,
			checkName: probe.name,
			title: probe.title,
			why: probe.why,
			assess,
			check: async (ctx) => findingAsCheck(await assess(ctx)),
			plan: async () => ({files: [], commands: probe.fixCommands ?? []}),
			verify: async (ctx) => findingAsVerify(await assess(ctx)),
			hints: [],
		};
	});
}
