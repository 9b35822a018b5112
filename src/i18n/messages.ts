import type {Language} from '../steps/step.js';

const en = {
	programSummary: 'From a bare CentOS 7 machine to a highly available Mesos + Marathon cluster, step by step, then watched live.',
	examples: 'Examples:',
	optLang: 'language of messages: zh or en (default: from the locale)',
	optHome: 'where labs, checkpoints and logs live (default: $MESOS_LAB_HOME or the per-user config folder)',
	optDebug: 'show stack traces of errors',
	optVersion: 'print the version',
	optHelp: 'show help for a command',
	optLabId: 'the lab to act on',
	optJson: 'print JSON instead of a table',
	optYes: 'answer yes to every confirmation',
	cmdInit: 'interview, preflight and install a lab, with checkpoints',
	cmdResume: 'continue an install where it stopped',
	cmdStatus: 'show every step of a lab with its state and timing',
	cmdPlan: 'show the steps and exact commands an install would run, without running them',
	cmdLogs: 'print the log of one step, or of all steps',
	cmdDashboard: 'watch a live Mesos/Marathon cluster in the terminal',
	cmdDemo: 'run the dashboard against a simulated cluster on this machine',
	cmdReset: "forget a lab's checkpoints; what was installed on the hosts stays",
	cmdApp: 'manage Marathon apps: list, deploy, scale, restart, versions, rollback, update, delete',
	cmdLab: 'run a guided experiment on the cluster',
	unknownCommand: 'unknown command',
	unknownOption: 'unknown option',
	missingSubcommand: 'a subcommand is needed',
	didYouMean: 'did you mean',
	runWithDebug: 'run again with --debug for details',
	hint: 'hint',
	noLabs: 'No labs yet. Start one with `mesos-lab init`.',
	noLog: 'This step has not written a log yet.',
	resetConfirm: 'Type the lab id to delete its checkpoints and logs',
	resetDone: 'Removed checkpoints and logs of',
	willDo: 'Would run',
	welcome: 'mesos-lab builds the tutorial\'s Mesos cluster step by step. Apache Mesos moved to the Apache Attic in 2025: it gets no more releases or fixes. This is a lab for learning, and for looking after legacy clusters, not a new production platform.',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
	programSummary: '从一台全新的 CentOS 7 机器到高可用的 Mesos + Marathon 集群，一步一步讲清楚，再实时观察。',
	examples: '示例：',
	optLang: '提示语言：zh 或 en（默认随系统语言）',
	optHome: '实验、检查点和日志的存放目录（默认：$MESOS_LAB_HOME 或用户配置目录）',
	optDebug: '出错时显示调用栈',
	optVersion: '显示版本号',
	optHelp: '显示命令帮助',
	optLabId: '要操作的实验',
	optJson: '输出 JSON 而不是表格',
	optYes: '所有确认都回答是',
	cmdInit: '问答、预检并安装一个实验集群，全程有检查点',
	cmdResume: '从中断处继续安装',
	cmdStatus: '列出实验的每一步及其状态和耗时',
	cmdPlan: '只列出安装将执行的步骤和命令，不执行',
	cmdLogs: '打印某一步（或全部步骤）的日志',
	cmdDashboard: '在终端里实时观察 Mesos/Marathon 集群',
	cmdDemo: '在本机对模拟集群运行仪表盘',
	cmdReset: '清除实验的检查点；目标机上已安装的内容保持不变',
	cmdApp: '管理 Marathon 应用：列出、部署、扩缩容、重启、版本、回滚、更新、删除',
	cmdLab: '在集群上做一个引导式实验',
	unknownCommand: '未知命令',
	unknownOption: '未知选项',
	missingSubcommand: '需要一个子命令',
	didYouMean: '你是不是想输入',
	runWithDebug: '加上 --debug 重新运行可查看详情',
	hint: '提示',
	noLabs: '还没有实验。用 `mesos-lab init` 开始一个。',
	noLog: '这一步还没有日志。',
	resetConfirm: '输入实验名以删除它的检查点和日志',
	resetDone: '已删除检查点和日志：',
	willDo: '将执行',
	welcome: 'mesos-lab 按教程一步一步搭建 Mesos 集群。Apache Mesos 已于 2025 年移入 Apache Attic（退役），不会再有新版本或修复。这是用来学习、以及维护遗留集群的实验环境，不适合作为新的生产平台。',
};

const catalogs: Record<Language, Record<MessageKey, string>> = {en, zh};

/** The message for `key` in `language`. */
export function t(language: Language, key: MessageKey): string {
	return catalogs[language][key];
}
