import {listText, localized, localizedBy, verbatim} from '../i18n/localized.js';
import {t as text} from '../i18n/messages.js';
import {shellCommand} from '../exec/quote.js';
import {UserInputError} from '../errors.js';
import {preflightCheckNames, type Lab, type LabHost, type PreflightCheckName} from '../lab/lab-schema.js';
import type {CheckResult, Localized, Step, StepContext, VerifyResult} from './step.js';
import {checkBy, command, output, script, verifyBy} from './step-kit.js';
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
	detail: Localized;
	fix: Localized;
}

/** A verdict as the runner's check sees it: a FAIL or FIX means the step is needed (its fix runs). */
export function findingAsCheck(finding: PreflightFinding): CheckResult {
	const level = finding.level.toUpperCase();
	return needsFixing(finding)
		? {kind: 'needed', reason: {zh: `${level} ${finding.detail.zh}：${finding.fix.zh}`, en: `${level} ${finding.detail.en}: ${finding.fix.en}`}}
		: {kind: 'satisfied', reason: {zh: `${level} ${finding.detail.zh}`, en: `${level} ${finding.detail.en}`}};
}

/** A verdict as the runner's verify sees it, after the fix ran. */
export function findingAsVerify(finding: PreflightFinding): VerifyResult {
	const level = finding.level.toUpperCase();
	return needsFixing(finding)
		? {ok: false, problem: {zh: `${finding.detail.zh}。${finding.fix.zh}`, en: `${finding.detail.en}. ${finding.fix.en}`}}
		: {ok: true, proof: {zh: `${level} ${finding.detail.zh}`, en: `${level} ${finding.detail.en}`}};
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
const nothingToDo = localized('stepPreflightNothingToDo');
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
			title: localized('stepOsTitle'),
			why: localized('stepOsWhy'),
			probe: shellCommand(['cat', '/etc/os-release']),
			judge: (out) => {
				const id = /^ID="?([^"\n]*)"?/m.exec(out)?.[1];
				const version = /^VERSION_ID="?([^"\n]*)"?/m.exec(out)?.[1];
				return id === 'centos' && version === '7'
					? {level: 'pass', detail: verbatim('CentOS 7'), fix: nothingToDo}
					: {level: 'fail', detail: localizedBy('stepPreflightFound', (language) => [{system: id === undefined ? text(language, 'stepPreflightUnknownSystem') : `${id} ${version ?? ''}`.trim()}]), fix: localized('stepOsFix')};
			},
		},
		{
			name: 'cpus',
			title: localized('stepCpusTitle'),
			why: localized('stepCpusWhy'),
			probe: shellCommand(['nproc']),
			judge: (out) => {
				const cpus = Number(out.trim());
				return cpus >= 2 ? {level: 'pass', detail: localized('stepPreflightCpus', {cpus}), fix: nothingToDo} : {level: 'warn', detail: localized('stepPreflightCpus', {cpus}), fix: localized('stepCpusFix')};
			},
		},
		{
			name: 'memory',
			title: localized('stepMemoryTitle'),
			why: localized('stepMemoryWhy'),
			probe: shellCommand(['cat', '/proc/meminfo']),
			judge: (out) => {
				const kib = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(out)?.[1] ?? 0);
				const total = (kib('MemTotal') + kib('SwapTotal')) * 1024;
				const detail = localized('stepPreflightMemory', {gib: (total / gib).toFixed(1)});
				if (total >= 4 * gib) {
					return {level: 'pass', detail, fix: nothingToDo};
				}
				const short = Math.ceil((4 * gib - total) / gib);
				return builds
					? {level: 'fail', detail, fix: localized('stepMemoryBuildFix', {setting: `swapFile: {sizeGiB: ${Math.max(short, 4)}}`})}
					: {level: 'warn', detail, fix: localized('stepMemoryFix')};
			},
		},
		{
			name: 'disk',
			title: localized('stepDiskTitle'),
			why: localized('stepDiskWhy'),
			// The filesystem that will hold the lab root, found from its nearest existing folder.
			probe: shellCommand(['bash', '-c', 'd=$1; while [ ! -e "$d" ]; do d=$(dirname "$d"); done; df -Pk "$d"', 'mesos-lab', lab.root]),
			judge: (out) => {
				const free = Number(out.trim().split('\n').at(-1)?.split(/\s+/)[3] ?? 0) * 1024;
				return free >= 20e9 ? {level: 'pass', detail: localized('stepPreflightDiskFree', {gb: (free / 1e9).toFixed(0)}), fix: nothingToDo} : {level: 'fail', detail: localized('stepPreflightDiskFree', {gb: (free / 1e9).toFixed(0)}), fix: localized('stepDiskFix')};
			},
		},
		{
			name: 'clock',
			title: localized('stepClockTitle'),
			why: localized('stepClockWhy'),
			probe: shellCommand(['date', '-u', '+%s']),
			judge: (out) => {
				const skew = Math.abs(Number(out.trim()) - Date.now() / 1000);
				return skew < 300 ? {level: 'pass', detail: localized('stepPreflightClockSkew', {seconds: skew.toFixed(0)}), fix: nothingToDo} : {level: 'warn', detail: localized('stepPreflightClockSkew', {seconds: skew.toFixed(0)}), fix: localized('stepClockFix')};
			},
		},
		{
			name: 'hostname',
			title: localized('stepHostnameTitle'),
			why: localized('stepHostnameWhy'),
			probe: 'h=$(hostname); echo "$h"; getent ahostsv4 "$h" | awk \'NR == 1 {print $1}\'',
			judge: (out) => {
				const [name = '', address = ''] = out.trim().split('\n').map((line) => line.trim());
				const fix = localized('stepHostnameFix', {name: host.name, address: host.address});
				const problem = address === '' ? localized('stepPreflightHostnameUnresolved', {name}) : address.startsWith('127.') ? localized('stepPreflightHostnameLoopback', {name, address}) : undefined;
				if (problem === undefined) {
					return {level: 'pass', detail: verbatim(`${name} → ${address}`), fix: nothingToDo};
				}
				return {level: multiHost ? 'fail' : 'warn', detail: multiHost ? problem : localizedBy('stepPreflightOneVm', (language) => [{problem: problem[language], address: host.address}]), fix};
			},
		},
		{
			name: 'ports',
			title: localized('stepPortsTitle'),
			why: localized('stepPortsWhy'),
			probe: shellCommand(['bash', '-c', portsProbe, 'mesos-lab', ...zookeeperPidFiles]),
			judge: (out) => {
				const [listening = '', running = ''] = out.split(`\n${labUnitsMarker}\n`);
				const ours = new Set(running.split('\n').map((line) => line.trim()).filter((line) => line !== ''));
				const held = ports.filter(({port}) => new RegExp(`:${port}\\s`).test(`${listening}\n`));
				const taken = held.filter(({unit}) => !ours.has(unit));
				const own = held.length - taken.length;
				return taken.length === 0
					? {level: 'pass', detail: localized('stepPreflightPortsFree', {free: ports.length - own, own}), fix: nothingToDo}
					: {level: 'fail', detail: localizedBy('stepPreflightPortsInUse', (language) => [{ports: listText(language, taken.map((t) => `${t.port} (${t.owner})`))}]), fix: localized('stepPortsFix')};
			},
		},
		{
			name: 'selinux',
			title: localized('stepSelinuxTitle'),
			why: localized('stepSelinuxWhy'),
			probe: 'getenforce 2>/dev/null || echo Disabled',
			// Enforcing is changed here, by init as by the exported script: both run the same commands.
			judge: (out) => (out.trim() === 'Enforcing' ? {level: 'fix', detail: verbatim('Enforcing'), fix: localized('stepSelinuxFix')} : {level: 'pass', detail: verbatim(out.trim()), fix: nothingToDo}),
			fixCommands: [script('setenforce 0 || true; sed -i "s/^SELINUX=enforcing/SELINUX=permissive/" /etc/selinux/config', [], localized('stepSelinuxDo'))],
		},
		{
			name: 'images',
			title: localized('stepImagesTitle'),
			why: localized('stepImagesWhy'),
			probe: shellCommand(['bash', '-c', imagesProbe, 'mesos-lab', pulledImages(lab).join(' '), ...resolveMirrors(lab).registryMirrors, dockerHub]),
			judge: (out) => {
				const images = pulledImages(lab);
				if (images.length === 0) {
					return {level: 'pass', detail: localized('stepPreflightImagesOffline'), fix: nothingToDo};
				}
				const served = /^served-by (\S+)/m.exec(out)?.[1];
				if (served !== undefined) {
					return {level: 'pass', detail: localizedBy('stepPreflightImagesServed', (language) => [{registry: served, images: listText(language, images)}]), fix: nothingToDo};
				}
				const refusals = out.split('\n').filter((line) => line.startsWith('refused-by ')).map((line) => line.slice('refused-by '.length));
				return {
					level: 'warn',
					detail: localizedBy('stepPreflightImagesRefused', (language) => [{images: listText(language, images), refusals: refusals.length === 0 ? text(language, 'stepReasonNoAnswer') : refusals.join('; ')}]),
					fix: localizedBy('stepImagesFix', (language) => [{images: listText(language, images)}]),

				};
			},
		},
		{
			name: 'leftovers',
			title: localized('stepLeftoversTitle'),
			why: localized('stepLeftoversWhy'),
			// Processes of this lab (their flags name the lab root) are not leftovers.
			probe: shellCommand(['bash', '-c', 'root=$1; shift; for p in $(pgrep "mesos-(master|agent|slave)"); do tr "\\0" " " < "/proc/$p/cmdline" 2>/dev/null | grep -qF -- "$root" || echo "process $p $(cat "/proc/$p/comm" 2>/dev/null)"; done; ls -d "$@" 2>/dev/null || true', 'mesos-lab', lab.root, ...leftoverDirs]),
			judge: (out) => (out.trim() ? {level: 'warn', detail: verbatim(out.trim().split('\n').join('; ')), fix: localized('stepLeftoversFix')} : {level: 'pass', detail: localized('stepReasonNone'), fix: nothingToDo}),
		},
	];
}

/** Refuses an ignore request that names no check, so a typo does not silently ignore nothing. */
export function assertIgnorablePreflight(names: readonly string[]): void {
	const unknown = names.filter((name) => !(preflightCheckNames as readonly string[]).includes(name));
	if (unknown.length > 0) {
		throw new UserInputError(localized('errIgnorePreflightNoPreflightCheckHas', {unknown: unknown.join(', ')}), {
			hint: localized('errIgnorePreflightNoPreflightCheckHasHint', {preflightCheckNames: preflightCheckNames.join(', ')}),
		});
	}
}

/** Makes the swap file the lab asks for, before the memory check counts it. */
function swapFileStep(host: LabHost, swap: {sizeGiB: number; path: string}): Step {
	return {
		id: 'swap-file', phase: 'preflight', host: host.name,
		title: localized('stepSwapFileTitle', {sizeGiB: swap.sizeGiB, path: swap.path}),
		why: localized('stepSwapFileWhy'),
		check: checkBy(shellCommand(['bash', '-c', 'swapon --show=NAME --noheadings 2>/dev/null | grep -qxF -- "$1" || grep -q "^$1 " /proc/swaps', 'mesos-lab', swap.path]), localized('stepReasonSwapInUse', {path: swap.path}), localized('stepReasonSwapNotInUse', {path: swap.path})),
		plan: async () => ({
			files: [],
			// dd, never fallocate: mkswap(8) says files with holes or preallocated extents are not valid
			// swap on XFS (CentOS 7's root filesystem) and ext4.
			commands: [script('set -euo pipefail\npath=$1 size=$2\nif [ ! -f "$path" ]; then dd if=/dev/zero of="$path.part" bs=1M count=$((size * 1024)); chmod 600 "$path.part"; mkswap "$path.part"; mv -f "$path.part" "$path"; fi\nswapon "$path" 2>/dev/null || grep -q "^$path " /proc/swaps\ngrep -q "^$path " /etc/fstab || echo "$path swap swap defaults 0 0" >> /etc/fstab', [swap.path, String(swap.sizeGiB)], localized('stepSwapFileDo'))],
		}),
		verify: verifyBy(shellCommand(['bash', '-c', 'grep "^$1 " /proc/swaps', 'mesos-lab', swap.path]), localized('stepReasonSwapInUse', {path: swap.path}), localized('stepReasonSwapNotInUse', {path: swap.path})),
		hints: [{id: 'swap-file-refused', matches: /fallocate failed|Operation not supported|Invalid argument|swapon failed/i, hint: localized('stepSwapFileRefusedHint')}],
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
			return needsFixing(finding) && lab.ignorePreflight.includes(probe.name) ? {...finding, level: 'warn', detail: localizedBy('stepPreflightIgnored', (language) => [{detail: finding.detail[language]}])} : finding;
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
