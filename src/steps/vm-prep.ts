import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import {yumInstall} from '../platform/centos7.js';
import type {Step} from './step.js';
import {command, commonHints, script, simpleStep, text} from './step-kit.js';
import {centosBaseRepo, releaseAction, repoRewriteScript, repoScriptPath} from './templates/yum-repos.js';

export function vmPrepFiles(lab: Lab): Array<{path: string; content: string; mode: number}> {
	const mirrors = resolveMirrors(lab);
	return [
		{path: '/etc/yum.repos.d/CentOS-Base.repo.mesos-lab', content: centosBaseRepo('@VAULT@'), mode: 0o644},
		{path: repoScriptPath, content: repoRewriteScript(mirrors.centosVault, mirrors.epelArchive), mode: 0o755},
		{path: '/etc/yum/post-actions/mesos-lab.action', content: releaseAction(), mode: 0o644},
	];
}

export function vmPrepSteps(lab: Lab, host: LabHost): Step[] {
	const on = host.name;
	const files = vmPrepFiles(lab);
	const mirrors = resolveMirrors(lab);
	const httpsAnswers = [mirrors.maven, mirrors.dockerCe, mirrors.apache].find((url) => url.startsWith('https://'));
	return [
		simpleStep({
			id: 'firewalld-off', phase: 'vm-prep', host: on,
			title: text('关闭 firewalld', 'Turn firewalld off'),
			why: text('firewalld 会在 Docker 写入端口映射规则后重载并清掉它们，容器的端口映射就失效了；实验环境里直接关掉，由网络边界负责防护。', 'firewalld reloads its rules over the ones Docker writes for port mappings, so mapped container ports stop working; in a lab it is turned off and the network edge does the filtering.'),
			done: '! systemctl is-active --quiet firewalld', proof: '! systemctl is-active --quiet firewalld',
			// Cloud images have no firewalld at all: nothing to turn off there, and no reason to stop.
			commands: [script('systemctl disable --now firewalld 2>/dev/null || ! systemctl is-active --quiet firewalld', [], text('停止并禁用 firewalld（没有则跳过）', 'Stop and disable firewalld (skipped where it is absent)'))],
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
			title: text('把 yum 源换成 CentOS 7.9.2009 的 vault 归档镜像源', 'Point yum at a CentOS 7.9.2009 vault mirror'),
			why: text(
				'CentOS 7 已于 2024-06-30 停止维护，mirrorlist.centos.org 不再解析，普通镜像源里的 centos/7 目录也被清空，只剩 vault 归档。这里逐个探测候选镜像源，选第一个能用的并显示出来。教程里“换成 163 源”的那一步今天已经不管用了。安装任何 *-release 包（例如 epel-release、centos-release-scl）都会带回指向失效地址的 repo 文件，所以改写脚本留在机器上，并由 yum 的 post-transaction-actions 插件在这类包安装或更新后自动重跑。这个脚本自己从不调用 yum：它运行时外层的 yum 还持有 /var/run/yum.pid 锁，再启动一个 yum 只会互相等待、永远卡住。本实验环境用到的软件包都不来自 EPEL，所以不再启用 EPEL；机器上已有的 epel.repo 只会被指回归档地址。',
				'CentOS 7 reached end of life on 2024-06-30: mirrorlist.centos.org no longer resolves and ordinary mirrors emptied centos/7; only the vault keeps it. The candidates are probed in order and the first that answers is used and shown. The tutorial\'s "switch to the 163 mirror" step no longer works. Installing any *-release package (epel-release, centos-release-scl) brings back repo files naming dead hosts, so the rewrite stays on the machine as a script that yum\'s post-transaction-actions plugin runs again after such a package is installed or updated. The script never calls yum itself: while it runs, the yum around it still holds /var/run/yum.pid, and a second yum would wait for it for ever. No package this lab installs comes from EPEL, so EPEL is not enabled; an epel.repo already on the machine is only pointed back at the archive.',
			),
			done: shellCommand(['bash', '-c', 'grep -q "7.9.2009" /etc/yum.repos.d/CentOS-Base.repo && ! grep -qs "^mirrorlist=" /etc/yum.repos.d/*.repo && [ -x "$1" ] && rpm -q yum-plugin-post-transaction-actions >/dev/null', 'mesos-lab', repoScriptPath]),
			// Proof: yum reads the metadata, and the answer names the mirror in use.
			proof: shellCommand(['bash', '-c', 'yum -q makecache fast >/dev/null && sed -n "s/^baseurl=//p" /etc/yum.repos.d/CentOS-Base.repo | head -n 1']),
			files: files.map((file) => ({...file, sudo: true})),
			commands: [
				command([repoScriptPath], text('探测并选择镜像源', 'Probe and choose a mirror')),
				command(['yum', 'install', '-y', 'yum-plugin-post-transaction-actions'], text('安装后自动重跑改写', 'Rerun the rewrite after release packages')),
			],
			hints: [commonHints.deadMirror],
		}),
		simpleStep({
			id: 'time-and-certificates', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: text('同步时间并更新 CA 证书', 'Sync the clock and refresh CA certificates'),
			why: text('2017 年的安装 ISO 带的根证书早已过期（Let\'s Encrypt 旧根 2021 年失效），时钟不准也会让证书校验失败。所以在任何 https 下载之前先做这一步。', 'A 2017 install image carries root certificates that have since expired (the old Let\'s Encrypt root in 2021), and a wrong clock fails certificate checks too, so this comes before any https download.'),
			// check-update exits 0 only when neither package has an update waiting.
			done: 'systemctl is-active --quiet chronyd && yum -q check-update ca-certificates nss >/dev/null',
			// Proof: the clock is kept, and an https handshake with a lab mirror succeeds (any HTTP status will do).
			proof: httpsAnswers === undefined
				? 'systemctl is-active --quiet chronyd'
				: shellCommand(['bash', '-c', 'systemctl is-active --quiet chronyd && curl -sS --max-time 15 -o /dev/null "$1" && echo "https to $1 works"', 'mesos-lab', httpsAnswers]),
			commands: [command(['yum', 'install', '-y', 'chrony']), command(['systemctl', 'enable', '--now', 'chronyd']), command(['yum', 'update', '-y', 'ca-certificates', 'nss'])],
			hints: [commonHints.deadMirror],
		}),
		simpleStep({
			id: 'yum-update', phase: 'vm-prep', host: on, dependsOn: ['yum-vault'],
			title: text('更新系统并安装常用工具', 'Update the system and install basic tools'),
			why: text('minimal 版缺少 ifconfig（net-tools）、killall（psmisc）和 vim；先 yum update，让后续编译用上修过的 nss 等库。', 'A minimal install lacks ifconfig (net-tools), killall (psmisc) and vim; yum update first so the build gets the fixed nss and friends.'),
			done: shellCommand(['rpm', '-q', 'net-tools', 'psmisc', 'vim-enhanced']), proof: shellCommand(['rpm', '-q', 'net-tools', 'psmisc', 'vim-enhanced']),
			commands: [
				command(['yum', 'update', '-y'], undefined, {timeoutMs: 3_600_000}),
				// An updated centos-release restores the stock repo files; the rewrite runs again either way.
				command([repoScriptPath], text('重新改写 yum 源', 'Rewrite the yum repos again')),
				{command: yumInstall(['net-tools', 'psmisc', 'vim-enhanced', 'curl', 'tar']), sudo: true},
			],
			hints: [commonHints.deadMirror],
		}),
	];
}

