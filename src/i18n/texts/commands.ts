import {defineCatalog} from '../define-catalog.js';

/** The reports and errors of `status`, `logs`, `plan`, `lab`, `dashboard` and `demo` themselves. */
export const commandTexts = defineCatalog({
	statusColStep: {en: 'STEP', zh: '步骤'},
	statusColState: {en: 'STATE', zh: '状态'},
	statusColTries: {en: 'TRIES', zh: '尝试次数'},
	statusColStarted: {en: 'STARTED', zh: '开始'},
	statusColTook: {en: 'TOOK', zh: '耗时'},
	statusColNote: {en: 'NOTE', zh: '说明'},
	statusStep: {
		en: '{status, select, pending {pending} running {running} done {done} failed {failed} skipped {skipped} other {{status}}}',
		zh: '{status, select, pending {等待} running {运行中} done {完成} failed {失败} skipped {跳过} other {{status}}}',
	},
	statusRun: {
		en: '{outcome, select, running {running} completed {completed} stopped {stopped} failed {failed} other {{outcome}}}',
		zh: '{outcome, select, running {运行中} completed {已完成} stopped {已停止} failed {失败} other {{outcome}}}',
	},
	statusLab: {en: 'lab {labId}', zh: '实验环境 {labId}'},
	statusInUse: {en: 'in use by pid {pid}@{host}', zh: '正被 pid {pid}@{host} 使用'},
	statusJob: {en: 'job {name} @{bytes}', zh: '后台作业 {name} @{bytes}'},
	statusNoSteps: {
		en: 'No step of this lab has been recorded yet; `mesos-lab resume` starts from the beginning.',
		zh: '这个实验环境还没有记录任何步骤；`mesos-lab resume` 会从头开始。',
	},
	noSuchLab: {en: 'There is no lab "{labId}" under {home}.', zh: '{home} 下没有名为“{labId}”的实验环境。'},
	noLabsUnder: {en: 'There are no labs under {home}.', zh: '{home} 下还没有实验环境。'},
	noLabsUnderHint: {en: 'Start one with `mesos-lab init`, or point --home at the right folder.', zh: '用 `mesos-lab init` 安装一个，或者用 --home 指向正确的目录。'},
	severalLabs: {en: 'There are several labs under {home}: {labs}.', zh: '{home} 下有多个实验环境：{labs}。'},
	severalLabsHint: {en: 'Choose one with --lab-id.', zh: '用 --lab-id 选一个。'},
	labsHere: {en: 'Labs here: {labs}.', zh: '这里的实验环境：{labs}。'},
	startOne: {en: 'Start one with `mesos-lab init`.', zh: '用 `mesos-lab init` 安装一个。'},

	labWatchLive: {en: 'watch it live in another terminal: {command}', zh: '在另一个终端实时观看：{command}'},
	labStillRestoring: {en: '{signal}: still restoring what was stopped, please wait...', zh: '{signal}：正在恢复被停掉的服务，请稍候……'},
	labStopping: {en: '{signal}: stopping the experiment and starting what it stopped', zh: '{signal}：停止实验，先把停掉的服务启动起来'},
	labSimulatedClock: {
		en: "(On the simulated cluster Marathon's clock runs fast, so \"healed\" is shorter than on a real cluster; requests, failures and outage are measured in real time through HAProxy.)",
		zh: '（模拟集群里 Marathon 的时钟走得比真实时间快，所以“恢复用时”比真实集群短；请求数、失败数和中断时长都是经过 HAProxy 按真实时间测得的。）',
	},
	labKillThroughMarathon: {
		en: '(No saved lab, so no SSH to the agent: the task is ended through Marathon instead; pass --lab-id for a real docker kill.)',
		zh: '（没有已保存的实验环境，无法 SSH 到 agent，改为通过 Marathon 结束这个任务；用 --lab-id 可以真正地 docker kill。）',
	},
	labNoMesosLeader: {en: 'Marathon did not say where the Mesos leader is.', zh: 'Marathon 没有给出 Mesos 主节点的地址。'},
	labNoMesosLeaderHint: {en: 'Pass --mesos http://HOST:5050 or set MESOS_LAB_MESOS.', zh: '加上 --mesos http://HOST:5050，或者设置 MESOS_LAB_MESOS。'},
	labNoSuchExperiment: {en: 'There is no experiment "{name}".', zh: '没有名为“{name}”的实验。'},
	labNoSuchExperimentNear: {en: "There is no experiment \"{name}\" (did you mean ''{guess}''?).", zh: '没有名为“{name}”的实验（你是不是想输入“{guess}”？）。'},
	labExperimentsAre: {en: 'Experiments: {names}.', zh: '可用的实验：{names}。'},
	labNeedsLb: {en: "The {experiment} experiment needs marathon-lb's address.", zh: '{experiment} 实验需要 marathon-lb 的地址。'},
	labNeedsLbHint: {en: 'Pass --lb http://HOST:9090, or --lab-id to take it from a saved lab.', zh: '加上 --lb http://HOST:9090，或者用 --lab-id 从已保存的实验环境里读取。'},
	fileUnreadable: {en: '{flag}: cannot read {file} ({code}).', zh: '{flag}：无法读取 {file}（{code}）。'},
	fileUnreadableHint: {en: 'Check the path and that this user may read it.', zh: '检查路径，以及当前用户能否读取它。'},
	fileNotPrivate: {en: '{flag}: {file} can be read by other users (mode {mode}).', zh: '{flag}：{file} 其他用户也能读取（权限 {mode}）。'},
	fileNotPrivateHint: {en: 'Make it private: chmod 600 {file}', zh: '改为仅自己可读：chmod 600 {file}'},
	caUnreadableHint: {en: "Give the PEM file of the CA that signed the cluster's certificates.", zh: '给出签发集群证书的 CA 的 PEM 文件。'},
	caNotPem: {en: '--ca-file: {file} holds no PEM certificate.', zh: '--ca-file：{file} 里没有 PEM 证书。'},
	caNotPemHint: {en: 'The file should start with -----BEGIN CERTIFICATE-----.', zh: '文件应以 -----BEGIN CERTIFICATE----- 开头。'},
});
