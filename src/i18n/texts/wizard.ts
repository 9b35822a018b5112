import {defineCatalog} from '../define-catalog.js';

/** `mesos-lab init` and the wizard: welcome, preflight report, interview, review, steps, failure, summary. */
export const wizardTexts = defineCatalog({
	preflightStopped: {
		en: 'Preflight failed ({count, plural, one {# check} other {# checks}}); no step was run:',
		zh: '预检未通过（{count, plural, other {# 项}}），没有执行任何步骤：',
	},
	preflightFailure: {en: '✗ {check} {title}: {detail}', zh: '✗ {check} {title}：未通过，{detail}'},
	preflightFix: {en: 'Fix: {fix}', zh: '修复：{fix}'},
	preflightWayPast: {
		en: 'Fix these and run again, or add {flags} to go on regardless.',
		zh: '修复后重新运行；确定要继续时可以加 {flags}。',
	},
	welcome: {
		en: 'mesos-lab builds the Mesos cluster of the tutorial step by step. Apache Mesos moved to the Apache Attic in 2025: it gets no more releases or fixes. This is a lab for learning, and for looking after legacy clusters, not a new production platform.',
		zh: 'mesos-lab 按教程一步一步搭建 Mesos 集群。Apache Mesos 已于 2025 年移入 Apache Attic（退役），不会再有新版本或修复。这是用来学习、以及维护遗留集群的实验环境，不适合作为新的生产平台。',
	},

	// Start and the saved answers.
	noTerminal: {en: 'No terminal to ask questions on, and no --config given.', zh: '没有可以提问的终端，也没有给出 --config。'},
	noTerminalHint: {
		en: 'Pass --config lab.yaml (and --yes to run without confirming), or run mesos-lab in a terminal.',
		zh: '请加上 --config lab.yaml（再加 --yes 可跳过确认），或在终端里运行 mesos-lab。',
	},
	answersSource: {en: 'the wizard answers', zh: '向导里的回答'},
	answersSaved: {en: 'Answers saved to {path}; replay them with --config {path}', zh: '回答已保存到 {path}；用 --config {path} 可以照此重来'},
	lastStop: {en: 'The last run stopped at {step}: {reason}', zh: '上次运行停在 {step}：{reason}'},
	lastStopFailed: {en: 'failed', zh: '失败'},
	lastStopJobRanOn: {
		en: 'the program ended while the detached job {job} ran on the target; it is re-attached if it still runs',
		zh: '程序退出时后台作业 {job} 仍在目标主机上运行；如果它还在运行，会重新接上',
	},
	lastStopEnded: {en: 'the program ended before the step finished; it runs again', zh: '程序在这一步完成前退出了；这一步会重新执行'},
	lastStopTheRun: {en: 'the run', zh: '本次运行'},

	// The interview's own keys.
	backChoice: {en: '← back', zh: '← 返回'},
	backChoiceHelp: {en: 'Return to the previous question', zh: '回到上一个问题'},
	inputBackHint: {en: '{message} ({token} to go back)', zh: '{message}（输入 {token} 返回）'},
	selectHelp: {en: '↑↓ choose · Enter confirm', zh: '↑↓ 选择 · Enter 确认'},

	// The interview.
	askLanguage: {en: 'Language', zh: '语言'},
	languageZh: {en: '中文', zh: '中文'},
	languageEn: {en: 'English', zh: 'English（英文）'},
	askTarget: {en: 'Where should the cluster go?', zh: '集群装在哪里？'},
	targetLocal: {en: 'This machine', zh: '本机'},
	targetSsh: {en: 'Another machine over SSH', zh: '通过 SSH 连接的另一台机器'},
	askSshHost: {en: 'SSH host', zh: 'SSH 主机'},
	askSshPort: {en: 'SSH port', zh: 'SSH 端口'},
	askSshUser: {en: 'SSH user', zh: 'SSH 用户'},
	invalidHost: {en: '"{value}" is not a host name or IP address.', zh: '“{value}”不是主机名或 IP 地址。'},
	invalidPort: {en: '"{value}" is not a port number.', zh: '“{value}”不是端口号。'},
	invalidUser: {en: '"{value}" is not a valid Linux user name.', zh: '“{value}”不是有效的 Linux 用户名。'},
	askAuth: {en: 'Authentication', zh: '认证方式'},
	authAgent: {en: 'SSH agent', zh: '使用 SSH agent'},
	authKeyFile: {en: 'Private key file', zh: '私钥文件'},
	authPassword: {en: 'Password, asked at each run (never saved)', zh: '密码，每次运行时询问（从不保存）'},
	askKeyFile: {en: 'Private key file', zh: '私钥文件'},
	keyFileNeeded: {en: 'Name the key file', zh: '请填写私钥文件'},
	connecting: {en: 'Connecting to {user}@{host}:{port}…', zh: '正在连接 {user}@{host}:{port}…'},
	connectedFingerprint: {en: '✓ Connected. Host key fingerprint: {fingerprint}', zh: '✓ 已连接。主机密钥指纹：{fingerprint}'},
	fingerprintLocal: {en: 'this machine (no SSH)', zh: '本机（不经 SSH）'},
	connectLocalFailed: {en: 'Cannot run commands on this machine.', zh: '无法在本机上执行命令。'},
	connectCommandFailed: {en: 'Connected, but a command failed there (exit {exit}).', zh: '已连接，但命令在那里执行失败（退出码 {exit}）。'},
	fingerprintKnown: {en: 'already in known_hosts', zh: '已在 known_hosts 中'},
	askFingerprint: {
		en: 'Does this fingerprint match the one the machine shows (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub)?',
		zh: '这个指纹和那台机器上显示的一致吗（ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）？',
	},
	trustYes: {en: 'Yes, trust it', zh: '一致，信任它'},
	trustNo: {en: 'No, enter the target again', zh: '不一致，重新填写目标主机'},
	addressDetected: {en: 'Detected primary address {ip} (hostname {hostname}).', zh: '检测到主地址 {ip}（主机名 {hostname}）。'},
	addressUnknown: {en: 'Could not detect the primary address; please enter it.', zh: '没能检测到主地址，请手动填写。'},
	hostnameTrap: {
		en: 'Mesos and Marathon tell each other, and your browser, where to find them by hostname. If HOSTNAME/advertise_ip resolves to 127.0.0.1 or to an address other machines cannot reach, the masters never form a quorum and the UI links lead nowhere: the most common trap when following the tutorial. Use the address other machines reach.',
		zh: 'Mesos 和 Marathon 通过主机名告诉彼此以及你的浏览器去哪里找它们。如果 HOSTNAME/advertise_ip 解析成 127.0.0.1，或解析成其他机器访问不到的地址，master 之间永远凑不齐法定人数，网页控制台里的链接也打不开：这是照着教程做时最常见的坑。请填写其他机器能访问到的地址。',
	},
	askAddress: {en: 'Address to advertise (advertise_ip and HOSTNAME)', zh: '对外公布的地址（advertise_ip 和 HOSTNAME）'},
	askTopology: {en: 'Topology', zh: '集群拓扑'},
	topologySingle: {en: 'One VM with every role, as the tutorial does', zh: '一台虚拟机承担所有角色，和教程一样'},
	topologyMulti: {en: 'Roles spread over several hosts', zh: '角色分布在多台主机上'},
	askOtherHosts: {en: 'Other hosts, comma-separated (same SSH user and port)', zh: '其他主机，用逗号分隔（SSH 用户和端口相同）'},
	otherHostsNeeded: {en: 'Name at least one more host, or go back and choose one VM.', zh: '请至少再填一台主机，或者返回选择单台虚拟机。'},
	askMirrors: {en: 'Package mirrors', zh: '软件包镜像源'},
	mirrorsChina: {en: 'China (Aliyun, Tsinghua, Huawei)', zh: '国内（阿里云、清华、华为）'},
	mirrorsGlobal: {en: 'Global (vault.centos.org, Apache, Docker)', zh: '国外（vault.centos.org、Apache、Docker）'},
	mirrorsCustom: {en: 'Your own CentOS vault URL (other mirrors global)', zh: '自己的 CentOS vault 地址（其余镜像源用国外的）'},
	askVaultUrl: {en: 'CentOS vault mirror URL', zh: 'CentOS vault 镜像源地址'},
	httpUrlInvalid: {en: 'An http(s):// URL without spaces or quotes', zh: '请填写 http(s):// 开头、不含空格和引号的地址'},
	probingMirror: {en: 'Probing the mirror…', zh: '正在探测镜像源…'},
	probeAnswered: {en: '{base} answered in {ms} ms', zh: '{base} 在 {ms} 毫秒内应答'},
	probeHttpStatus: {en: '{url} answered HTTP {status}', zh: '{url} 返回 HTTP {status}'},
	probeNotIndex: {en: '{url} answered, but not with a repository index', zh: '{url} 有应答，但返回的不是软件源索引'},
	probeNoAnswer: {en: '{url} did not answer: {error}', zh: '{url} 没有应答：{error}'},
	askMirrorBad: {en: 'The mirror did not answer as expected', zh: '镜像源的应答不符合预期'},
	mirrorAgain: {en: 'Choose another mirror', zh: '换一个镜像源'},
	mirrorKeep: {en: 'Keep it anyway', zh: '仍然使用它'},
	askMesos: {en: 'Mesos', zh: 'Mesos 的来源'},
	mesosBuild: {en: 'Build from source as the tutorial does (1-2 hours)', zh: '和教程一样从源码编译（1 到 2 小时）'},
	mesosPackage: {
		en: 'Install a prebuilt package you have: an .rpm or .tar.gz URL and its sha256 (minutes)',
		zh: '安装你手头已编译好的包：一个 .rpm 或 .tar.gz 地址及其 sha256（几分钟）',
	},
	mesosThirdParty: {
		en: 'Install from AVENTER\'s yum repo, a third party (minutes; its signing key expires 2026-09-28)',
		zh: '从第三方 AVENTER 的 yum 源安装（几分钟；它的签名密钥 2026-09-28 过期）',
	},
	askRepoUrl: {en: 'Third-party yum repo base URL', zh: '第三方 yum 源的基础地址'},
	askRepoKey: {en: 'The repo\'s signing key (yum checks every package against it)', zh: '该软件源的签名密钥（yum 用它校验每个软件包）'},
	httpsUrlInvalid: {
		en: 'An https:// URL without spaces, quotes or $ (write 7 and x86_64 for $releasever and $basearch)',
		zh: '请填写 https:// 开头、不含空格、引号和 $ 的地址（$releasever 和 $basearch 分别写成 7 和 x86_64）',
	},
	askPackageUrl: {
		en: 'URL of the Mesos package (.rpm, or .tar.gz unpacking into /usr/local; file:// for one already on the host)',
		zh: 'Mesos 软件包的地址（.rpm，或解压到 /usr/local 的 .tar.gz；已在主机上的用 file://）',
	},
	packageUrlInvalid: {en: 'An http(s):// or file:// URL ending in .rpm, .tar.gz or .tgz', zh: '请填写以 .rpm、.tar.gz 或 .tgz 结尾的 http(s):// 或 file:// 地址'},
	askSha256: {en: 'Its sha256 (sha256sum FILE prints it)', zh: '它的 sha256（sha256sum 文件名 可以算出）'},
	sha256Invalid: {en: '64 hexadecimal digits', zh: '64 位十六进制数字'},
	askMesosVersion: {en: 'Mesos version (pinned default known to work with the other pins)', zh: 'Mesos 版本（默认值已验证可与其他固定版本配合）'},
	versionInvalid: {en: 'A version such as 1.11.0', zh: '请填写形如 1.11.0 的版本号'},
	askRunMode: {en: 'How to run', zh: '运行方式'},
	runModeLearn: {en: 'Learn mode: pause before each step to read it', zh: '学习模式：每一步之前暂停，先读一读'},
	runModeThrough: {en: 'Run through without pausing', zh: '一路执行，不暂停'},

	// Durations, as short as the progress line needs.
	durationHours: {en: '{hours}h {minutes}m', zh: '{hours} 小时 {minutes} 分'},
	durationMinutes: {en: '{minutes}m {seconds}s', zh: '{minutes} 分 {seconds} 秒'},
	durationSeconds: {en: '{seconds}s', zh: '{seconds} 秒'},

	// The review.
	checkFailed: {en: 'could not check: {error}', zh: '无法检查：{error}'},
	planUnknownHost: {en: 'The plan names a host the lab does not have: {name}.', zh: '计划里的主机 {name} 不在实验环境中。'},
	reviewChecking: {en: 'Checking what is already in place…', zh: '正在检查哪些已经就绪…'},
	reviewStarting: {en: 'Starting…', zh: '正在开始…'},
	reviewTitle: {
		en: 'Plan: {steps} steps, {satisfied} already satisfied, about {duration}',
		zh: '计划：共 {steps} 步，{satisfied} 步已满足，约需 {duration}',
	},
	reviewAlreadySatisfied: {en: ' (already satisfied)', zh: '（已满足）'},
	reviewMoreSteps: {en: ' … and {count} more steps (mesos-lab plan lists them all)', zh: ' … 还有 {count} 步（mesos-lab plan 会全部列出）'},
	reviewDownloads: {en: 'Downloads', zh: '下载'},
	reviewKeys: {en: 'Enter or y: start · q: quit without changing anything', zh: 'Enter 或 y：开始 · q：退出（不做任何改动）'},
	downloadCentos: {en: 'CentOS 7 packages', zh: 'CentOS 7 软件包'},
	downloadPreset: {en: '{preset} mirror preset', zh: '{preset} 镜像源预设'},
	downloadFirstOf: {en: 'first answering of {count}: {urls}', zh: '{count} 个中第一个应答的：{urls}'},
	downloadThirdParty: {en: 'Mesos {version} (third party, not Apache)', zh: 'Mesos {version}（第三方，非 Apache）'},
	downloadSignedWith: {en: '{repo}, signed with {key}', zh: '{repo}，签名密钥 {key}'},
	downloadMesos: {
		en: 'Mesos {version} ({source, select, build {build} rpm {rpm} tarball {tarball} other {{source}}})',
		zh: 'Mesos {version}（{source, select, build {从源码编译} rpm {RPM 包} tarball {tar.gz 包} other {{source}}}）',
	},

	// Preflight on the review.
	preflightHeader: {
		en: 'Preflight: {count} failed. Fix, then c to check again; or i to ignore',
		zh: '预检有 {count} 项未通过：修复后按 c 重新检查，或按 i 忽略',
	},
	preflightIgnored: {en: ' (ignored by you)', zh: '（你已选择忽略）'},
	preflightFound: {en: 'Found: {detail}', zh: '发现：{detail}'},
	preflightChecking: {en: 'Checking again…', zh: '正在重新检查…'},
	preflightCannotStart: {en: 'Cannot start yet: fix or ignore {names} first.', zh: '还不能开始：请先修复或忽略 {names}。'},
	preflightBlockedKeys: {
		en: '↑↓ select · i: ignore selected · c: check again · q: quit, changing nothing',
		zh: '↑↓ 选择 · i：忽略选中项 · c：重新检查 · q：退出（不做改动）',
	},

	// A step at work.
	stepAttempt: {en: ' · attempt {attempt}', zh: ' · 第 {attempt} 次尝试'},
	stepReattached: {
		en: 'Re-attached to {job}: it kept running on {host} while mesos-lab was away.',
		zh: '已重新接上 {job}：mesos-lab 不在时，它一直在 {host} 上运行。',
	},
	stepStall: {en: 'No output for {duration}. The build may be stuck: ', zh: '已经 {duration} 没有输出，编译可能卡住了：'},
	stepStallRestart: {
		en: 'press x to stop it and run it again; make continues from the objects already compiled.',
		zh: '按 x 停止并重新运行；make 会从已编译好的目标文件接着编译。',
	},
	stepStallResume: {
		en: 'press Ctrl-C, then run `mesos-lab resume`; make continues from the objects already compiled.',
		zh: '按 Ctrl-C，再运行 `mesos-lab resume`；make 会从已编译好的目标文件接着编译。',
	},
	buildEtaEstimating: {en: 'ETA estimating…', zh: '剩余时间估算中…'},
	buildEta: {en: 'ETA {duration}', zh: '约剩 {duration}'},
	buildProgress: {en: '{percent}% ({done}/{total} objects) {eta}', zh: '{percent}%（{done}/{total} 个目标文件）{eta}'},

	// Learn mode.
	learnSkipped: {en: 'skipped in learn mode', zh: '在学习模式中跳过'},
	learnNoCommands: {en: 'This step runs no commands of its own.', zh: '这一步本身不执行任何命令。'},
	learnWillRun: {en: 'It will run:', zh: '它将执行：'},
	learnMore: {en: '… and {count} more (↑↓ scroll; all of them go to the step log)', zh: '… 还有 {count} 条（↑↓ 滚动；全部都会写进步骤日志）'},
	learnScrollBack: {en: '(↑ scrolls back)', zh: '（按 ↑ 往回滚）'},
	learnKeys: {
		en: 'Enter or r: run this step · s: skip it · n: run it and the rest without pausing · q: quit',
		zh: 'Enter 或 r：执行这一步 · s：跳过 · n：执行它并不再暂停 · q：退出',
	},

	// Steps that ended, above the live screen.
	stepApplied: {en: 'applied and verified', zh: '已执行并验证'},
	stepCommandEnded: {
		en: '`{command}` ended with {exit, select, none {no exit status (timed out or killed)} other {exit {exit}}}',
		zh: '`{command}` 已结束，{exit, select, none {没有退出码（超时或被终止）} other {退出码 {exit}}}',
	},
	finishedDone: {en: '{step} done in {duration}: {reason}', zh: '{step} 完成，用时 {duration}：{reason}'},
	finishedSkipped: {en: '{step} skipped in {duration}: {reason}', zh: '{step} 跳过，用时 {duration}：{reason}'},

	// The failure screen.
	failureTitle: {en: '✗ {title} failed on {host}', zh: '✗ {title} 在 {host} 上失败'},
	failureAttempt: {en: ' (attempt {attempt})', zh: '（第 {attempt} 次尝试）'},
	failureHint: {en: 'Hint: {hint}', zh: '提示：{hint}'},
	failureFullLog: {en: 'Full log: {path}', zh: '完整日志：{path}'},
	failureDependents: {en: 'Skipping leaves these without what they need: {steps}', zh: '跳过的话，这些步骤会缺少它们需要的东西：{steps}'},
	failureKeys: {
		en: 'r: retry · s: skip · l: full log · q: quit (state is saved; continue with `mesos-lab resume`)',
		zh: 'r：重试 · s：跳过 · l：完整日志 · q：退出（状态已保存；用 `mesos-lab resume` 继续）',
	},
	logTitle: {en: 'Log {path} (last {shown} of {total} lines)', zh: '日志 {path}（共 {total} 行，显示最后 {shown} 行）'},
	logBack: {en: 'Esc or l: back', zh: 'Esc 或 l：返回'},
	logUnreadable: {en: 'Could not read {path}: {error}', zh: '无法读取 {path}：{error}'},

	// The summary.
	summaryUp: {en: 'The cluster is up.', zh: '集群已经运行起来了。'},
	summaryUnfinished: {
		en: 'The run {outcome, select, stopped {stopped} other {failed}}; continue with `mesos-lab resume`.',
		zh: '本次运行{outcome, select, stopped {已停止} other {失败了}}；用 `mesos-lab resume` 继续。',
	},
	summaryMesosUi: {en: 'Mesos UI', zh: 'Mesos 网页控制台'},
	summaryMarathon: {en: 'Marathon', zh: 'Marathon 网页控制台'},
	summaryHaproxyStats: {en: 'HAProxy stats', zh: 'HAProxy 统计'},
	summaryMoreProven: {
		en: '… and {count} more proven (mesos-lab status lists every step)',
		zh: '… 另有 {count} 步已验证（mesos-lab status 列出每一步）',
	},
	summaryProven: {en: '{title}: {proof}', zh: '{title}：验证通过，{proof}'},
	summaryUnproven: {en: '{title}: {problem}', zh: '{title}：验证失败，{problem}'},
	summaryTryApps: {en: 'Try the tutorial\'s experiments: ', zh: '试试教程里的实验：'},
	summaryTryAvailability: {en: 'High availability: ', zh: '高可用实验：'},
	summaryThen: {en: '{first} (then {others})', zh: '{first}（然后是 {others}）'},
	summaryKeys: {en: 'd: open the dashboard · q: quit', zh: 'd：打开仪表盘 · q：退出'},
});
