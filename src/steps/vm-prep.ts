import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import {yumInstall} from '../platform/centos7.js';
import type {Step} from './step.js';
import {command, commonHints, script, simpleStep, text} from './step-kit.js';
import {centosBaseRepo, epelRepo} from './templates/yum-repos.js';

/** Picks the first vault mirror that serves 7.9.2009 and writes the repo file pointing at it. */
const chooseVault = `set -e
for base in "$@"; do
  if curl -fsS --max-time 10 -o /dev/null "$base/7.9.2009/os/x86_64/repodata/repomd.xml"; then
    mkdir -p /etc/yum.repos.d/mesos-lab-disabled
    for f in /etc/yum.repos.d/CentOS-*.repo; do [ -e "$f" ] && [ "$f" != /etc/yum.repos.d/CentOS-Base.repo ] && mv -f "$f" /etc/yum.repos.d/mesos-lab-disabled/; done
    sed "s|@VAULT@|$base|g" /etc/yum.repos.d/CentOS-Base.repo.mesos-lab > /etc/yum.repos.d/CentOS-Base.repo
    yum clean all >/dev/null; echo "using $base"; exit 0
  fi
done
echo "no vault mirror answered: $*" >&2; exit 1`;

export function vmPrepFiles(lab: Lab): Array<{path: string; content: string}> {
	return [
		{path: '/etc/yum.repos.d/CentOS-Base.repo.mesos-lab', content: centosBaseRepo('@VAULT@')},
		{path: '/etc/yum.repos.d/epel.repo', content: epelRepo(resolveMirrors(lab).epelArchive)},
	];
}

export function vmPrepSteps(lab: Lab, host: LabHost): Step[] {
	const mirrors = resolveMirrors(lab);
	const on = host.name;
	const files = vmPrepFiles(lab);
	return [
		simpleStep({
			id: 'firewalld-off', phase: 'vm-prep', host: on,
			title: text('关闭 firewalld', 'Turn firewalld off'),
			why: text('firewalld 会在 Docker 写入端口映射规则后重载并清掉它们，容器的端口映射就失效了；实验环境里直接关掉，由网络边界负责防护。', 'firewalld reloads its rules over the ones Docker writes for port mappings, so mapped container ports stop working; in a lab it is turned off and the network edge does the filtering.'),
			done: '! systemctl is-active --quiet firewalld', proof: '! systemctl is-active --quiet firewalld',
			commands: [command(['systemctl', 'disable', '--now', 'firewalld'])],
		}),
		simpleStep({
			id: 'nic-onboot', phase: 'vm-prep', host: on,
			title: text('网卡开机自动启用', 'Bring the network card up at boot'),
			why: text('minimal 安装默认网卡 ONBOOT=no，重启后机器就断网了。', 'A minimal install leaves ONBOOT=no, so the machine is offline after every reboot.'),
			done: '! grep -l "^ONBOOT=no" /etc/sysconfig/network-scripts/ifcfg-* 2>/dev/null | grep -v ifcfg-lo',
			proof: '! grep -l "^ONBOOT=no" /etc/sysconfig/network-scripts/ifcfg-* 2>/dev/null | grep -v ifcfg-lo',
			commands: [script('for f in /etc/sysconfig/network-scripts/ifcfg-*; do [ "$f" = /etc/sysconfig/network-scripts/ifcfg-lo ] || sed -i "s/^ONBOOT=no/ONBOOT=yes/" "$f"; done')],
		}),
		simpleStep({
			id: 'yum-vault', phase: 'vm-prep', host: on,
			title: text('把 yum 源换成 CentOS 7.9.2009 归档（vault）镜像', 'Point yum at a CentOS 7.9.2009 vault mirror'),
			why: text('CentOS 7 已于 2024-06-30 停止维护，mirrorlist.centos.org 不再解析，普通镜像里的 centos/7 目录也被清空，只剩 vault 归档。这里逐个探测候选镜像，选第一个能用的。教程里"换成 163 源"的那一步今天已经不管用了。', 'CentOS 7 reached end of life on 2024-06-30: mirrorlist.centos.org no longer resolves and ordinary mirrors emptied centos/7; only the vault keeps it. The candidates are probed in order and the first that answers is used. The tutorial\'s "switch to the 163 mirror" step no longer works.'),
			done: 'grep -q "7.9.2009" /etc/yum.repos.d/CentOS-Base.repo && ! grep -q "^mirrorlist=" /etc/yum.repos.d/CentOS-*.repo',
			proof: shellCommand(['yum', '-q', 'makecache', 'fast']),
			files: files.filter((file) => file.path.endsWith('.mesos-lab')).map((file) => ({...file, sudo: true, mode: 0o644})),
			commands: [script(chooseVault, mirrors.centosVault, text('探测并选择镜像', 'Probe and choose a mirror'))],
			hints: [commonHints.deadMirror],
		}),
		simpleStep({
			id: 'time-and-certificates', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: text('同步时间并更新 CA 证书', 'Sync the clock and refresh CA certificates'),
			why: text('2017 年的安装镜像带的根证书早已过期（Let\'s Encrypt 旧根 2021 年失效），时钟不准也会让证书校验失败。所以在任何 https 下载之前先做这一步。', 'A 2017 install image carries root certificates that have since expired (the old Let\'s Encrypt root in 2021), and a wrong clock fails certificate checks too, so this comes before any https download.'),
			// check-update exits 0 only when neither package has an update waiting.
			done: 'systemctl is-active --quiet chronyd && yum -q check-update ca-certificates nss >/dev/null',
			proof: 'systemctl is-active --quiet chronyd',
			commands: [command(['yum', 'install', '-y', 'chrony']), command(['systemctl', 'enable', '--now', 'chronyd']), command(['yum', 'update', '-y', 'ca-certificates', 'nss'])],
			hints: [commonHints.deadMirror],
		}),
		simpleStep({
			id: 'epel-archive', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: text('启用 EPEL 7 归档源', 'Enable the EPEL 7 archive'),
			why: text('EPEL 7 在 2024 年被移到归档目录，原来的 metalink 已失效。', 'EPEL 7 moved to an archive in 2024 and its old metalink is dead.'),
			done: 'grep -q "archive" /etc/yum.repos.d/epel.repo', proof: shellCommand(['yum', '-q', 'repolist', 'epel']),
			files: files.filter((file) => file.path.endsWith('/epel.repo')).map((file) => ({...file, sudo: true, mode: 0o644})),
			commands: [command(['yum', 'clean', 'metadata'])],
			hints: [commonHints.deadMirror],
		}),
		simpleStep({
			id: 'yum-update', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: text('更新系统并安装常用工具', 'Update the system and install basic tools'),
			why: text('minimal 版缺少 ifconfig（net-tools）、killall（psmisc）和 vim；先 yum update，让后续编译用上修过的 nss 等库。', 'A minimal install lacks ifconfig (net-tools), killall (psmisc) and vim; yum update first so the build gets the fixed nss and friends.'),
			done: shellCommand(['rpm', '-q', 'net-tools', 'psmisc', 'vim-enhanced']), proof: shellCommand(['rpm', '-q', 'net-tools', 'psmisc', 'vim-enhanced']),
			commands: [command(['yum', 'update', '-y'], undefined, {timeoutMs: 3_600_000}), {command: yumInstall(['net-tools', 'psmisc', 'vim-enhanced', 'curl', 'tar']), sudo: true}],
			hints: [commonHints.deadMirror],
		}),
	];
}

