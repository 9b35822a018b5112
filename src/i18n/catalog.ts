import type {MessageParams} from './message-params.js';

interface Pair {
	en: string;
	zh: string;
}

type SameParams<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Each pair as it is when both languages take the same parameters; otherwise a type it cannot match, naming the problem. */
type Checked<Catalog extends Record<string, Pair>> = {
	[Key in keyof Catalog]: SameParams<MessageParams<Catalog[Key]['en']>, MessageParams<Catalog[Key]['zh']>> extends true
		? Catalog[Key]
		: {en: Catalog[Key]['en']; zh: Catalog[Key]['zh']; problem: 'the Chinese and the English take different parameters'};
};

/** The catalog as written, refused by the compiler at the key whose languages disagree on parameters. */
export function defineCatalog<const Catalog extends Record<string, Pair>>(catalog: Catalog & Checked<Catalog>): Catalog {
	return catalog;
}

/**
 * Every CLI text in both languages, side by side, in ICU MessageFormat: `{name}` is a parameter,
 * `{n, plural, one {…} other {…}}` a plural, and `''` a literal apostrophe next to a brace.
 * Terms follow docs/glossary.md. `t` in messages.ts formats them.
 */
export const messages = defineCatalog({
	programSummary: {
		en: 'From a bare CentOS 7 machine to a highly available Mesos + Marathon cluster, step by step, then watched live.',
		zh: '从一台全新的 CentOS 7 机器到高可用的 Mesos + Marathon 集群，一步一步讲清楚，再实时观察。',
	},
	examples: {en: 'Examples:', zh: '示例：'},
	optLang: {en: 'language of messages: zh or en (default: MESOS_LAB_LANG, the lab file, then the locale)', zh: '界面语言：zh 或 en（默认依次取 MESOS_LAB_LANG、lab 文件、系统语言）'},
	optHome: {
		en: 'where labs, checkpoints and logs live (default: $MESOS_LAB_HOME or the per-user config folder)',
		zh: '实验环境、检查点和日志的存放目录（默认：$MESOS_LAB_HOME 或用户配置目录）',
	},
	optDebug: {en: 'show stack traces of errors', zh: '出错时显示调用栈'},
	optVersion: {en: 'print the version', zh: '显示版本号'},
	optHelp: {en: 'show help for a command', zh: '显示命令帮助'},
	optLabId: {en: 'the lab to act on', zh: '要操作的实验环境'},
	optJson: {en: 'print JSON instead of a table', zh: '输出 JSON 而不是表格'},
	optYes: {en: 'answer yes to every confirmation', zh: '所有确认都回答“是”'},
	cmdInit: {en: 'interview, preflight and install a lab, with checkpoints', zh: '问答、预检并安装一个实验环境，全程有检查点'},
	cmdResume: {en: 'continue an install where it stopped', zh: '从中断处继续安装'},
	cmdStatus: {en: 'show every step of a lab with its state and timing', zh: '列出实验环境的每一步及其状态和耗时'},
	cmdPlan: {en: 'show the steps and exact commands an install would run, without running them', zh: '只列出安装将执行的步骤和命令，不执行'},
	cmdLogs: {en: 'print the log of one step, or of all steps', zh: '打印某一步（或全部步骤）的日志'},
	cmdDashboard: {en: 'watch a live Mesos/Marathon cluster in the terminal', zh: '在终端里实时观察 Mesos/Marathon 集群'},
	cmdDemo: {en: 'run the dashboard against a simulated cluster on this machine', zh: '在本机启动一个模拟集群，用仪表盘观察它'},
	cmdReset: {en: "forget a lab's checkpoints; with --hosts, first remove what it installed on the hosts", zh: '清除实验环境的检查点；加上 --hosts 时先从主机上删除它安装的内容'},
	optResetHosts: {
		en: 'also stop and remove what the lab installed on its hosts: units, containers, images, Mesos, data and log folders, repo files and the yum plugin',
		zh: '同时停止并删除实验环境在主机上安装的内容：服务单元、容器、镜像、Mesos、数据和日志目录、yum 源文件和 yum 插件',
	},
	cmdApp: {
		en: 'manage Marathon apps: list, deploy, scale, restart, versions, rollback, update, delete',
		zh: '管理 Marathon 应用：列出、部署、扩缩容、重启、版本、回滚、更新、删除',
	},
	cmdLab: {en: 'run a guided experiment on the cluster', zh: '在集群上做一个引导式实验'},
	missingSubcommand: {en: '{command}: a subcommand is needed', zh: '{command}：需要一个子命令'},
	unknownCommand: {en: "unknown command ''{word}''", zh: "未知命令 ''{word}''"},
	unknownCommandNear: {en: "unknown command ''{word}'' (did you mean ''{suggestion}''?)", zh: "未知命令 ''{word}''（你是不是想输入 ''{suggestion}''？）"},
	unknownOption: {en: "unknown option ''{word}''", zh: "未知选项 ''{word}''"},
	unknownOptionNear: {en: "unknown option ''{word}'' (did you mean ''{suggestion}''?)", zh: "未知选项 ''{word}''（你是不是想输入 ''{suggestion}''？）"},
	langUnknown: {en: '{setting} is not a language mesos-lab speaks.', zh: '{setting} 不是 mesos-lab 支持的语言。'},
	langUnknownHint: {en: 'Use zh or en.', zh: '请用 zh 或 en。'},
	withHint: {en: 'hint: {hint}', zh: '提示：{hint}'},
	runWithDebug: {en: '{message} (run again with --debug for details)', zh: '{message}（加上 --debug 重新运行可查看详情）'},
	noLabs: {en: 'No labs yet. Start one with `mesos-lab init`.', zh: '还没有实验环境。用 `mesos-lab init` 安装一个。'},
	noLog: {en: 'This step has not written a log yet.', zh: '这一步还没有日志。'},
	resetConfirm: {
		en: 'Type the lab id to delete its checkpoints and logs ({labId}): ',
		zh: '输入实验环境名以删除它的检查点和日志（{labId}）：',
	},
	resetDone: {en: 'Removed checkpoints and logs of {labId} ({dir})', zh: '已删除 {labId} 的检查点和日志（{dir}）'},
	resetHostsIntro: {en: 'On the hosts of this lab, reset --hosts runs:', zh: 'reset --hosts 会在这个实验环境的主机上执行：'},
	resetHostsConfirm: {
		en: 'Type the lab id to remove all of the above from its hosts, then its checkpoints and logs ({labId}): ',
		zh: '输入实验环境名，从主机上删除以上全部内容，再删除它的检查点和日志（{labId}）：',
	},
	resetRemoved: {en: 'removed', zh: '已删除'},
	resetAlreadyGone: {en: 'already gone', zh: '本来就没有'},
	resetFailed: {en: 'could not remove: {why}', zh: '无法删除：{why}'},
	resetNotTried: {en: 'not tried: {why}', zh: '未执行：{why}'},
	resetIncomplete: {
		en: 'Not everything could be removed (see above). The checkpoints and logs are kept, so `mesos-lab reset --hosts` can try again once it is fixed.',
		zh: '有些内容没能删除（见上文）。检查点和日志已保留，问题解决后可以再运行 `mesos-lab reset --hosts`。',
	},
	willDo: {en: 'Would run', zh: '将执行'},
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
	appAskScaleToZero: {en: 'Scale {id} to 0 and stop all its instances?', zh: '把 {id} 缩容到 0，停止它的所有实例？'},
	appAskRestart: {en: 'Restart every instance of {id}?', zh: '重启 {id} 的每一个实例？'},
	appAskRollback: {en: 'Roll {id} back to {target}, replacing its running instances?', zh: '把 {id} 回滚到 {target}，替换正在运行的实例？'},
	appPreviousVersion: {en: 'the previous version', zh: '上一个版本'},
	appAskForceUpdate: {en: 'Force the update of {id}, cancelling the deployment in progress?', zh: '强制更新 {id}，取消它正在进行的部署？'},
	appAskDelete: {en: 'Delete {id} and stop all its instances?', zh: '删除 {id} 并停止它的所有实例？'},
	appNeedsYes: {en: '{question} Nobody can answer here, so this needs --yes.', zh: '{question}这里无人能回答，需要加上 --yes。'},
	appNeedsYesHint: {en: 'Pass --yes: {command} --yes', zh: '加上 --yes：{command} --yes'},
	appNothingChanged: {en: 'nothing changed', zh: '未做任何更改'},
});

export type Messages = typeof messages;
export type MessageKey = keyof Messages;

/** The parameters `key` takes; the same in both languages (defineCatalog sees to it). */
export type ParamsOf<Key extends MessageKey> = MessageParams<Messages[Key]['en']>;
