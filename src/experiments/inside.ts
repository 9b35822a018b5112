import {request} from 'undici';
import {followDeployment} from '../apps/deploy-flow.js';
import type {MarathonApp} from '../cluster/marathon-api.js';
import type {Task} from '../cluster/snapshot.js';
import {shellCommand} from '../exec/quote.js';
import type {Localized} from '../steps/step.js';
import {mesosTasks} from './cluster-probes.js';
import type {Experiment, ExperimentContext} from './experiment.js';
import {shellAppExperiment} from './shell-app.js';
import {waitFor} from './wait-for.js';

/** The app a Mesos task belongs to: Marathon names tasks by the app's path with `/` as `_`, then `.`. */
function appOfTask(apps: readonly MarathonApp[], taskId: string): MarathonApp | undefined {
	return apps.find(app => taskId.startsWith(`${app.id.replace(/^\//, '').replaceAll('/', '_')}.`));
}

/** What the agent itself says about its flags and whether it is the simulation, from its /state. */
interface AgentFacts {
	flags: Record<string, string>;
	simulated: boolean;
}

async function agentFacts(endpoint: string, context: Pick<ExperimentContext, 'dispatcher'>): Promise<AgentFacts> {
	const url = `${/^https?:\/\//.test(endpoint) ? endpoint : `http://${endpoint}`}/state`;
	const response = await request(url, {dispatcher: context.dispatcher, headersTimeout: 5_000, bodyTimeout: 5_000});
	const state = await response.body.json() as {flags?: Record<string, string>; mesos_lab_simulation?: unknown};
	return {flags: state.flags ?? {}, simulated: response.headers['x-mesos-lab-simulation'] === 'true' || state.mesos_lab_simulation !== undefined};
}

const lessons: Localized[] = [
	{
		zh: '每个任务在 agent 上都有一个 executor 进程：没有 container 字段的任务由 mesos-executor（Command Executor）启动，它再通过 mesos-containerizer 把命令放进 namespace 和 cgroup；Docker 任务由 mesos-docker-executor 启动，它调用 docker run，容器名是 mesos- 加容器 ID。ps 和 docker ps 能看到它们。',
		en: 'Each task has an executor process on its agent: a task without a container field is started by mesos-executor (the Command Executor), which puts the command into namespaces and cgroups through mesos-containerizer; a Docker task is started by mesos-docker-executor, which calls docker run and names the container mesos- plus the container id. ps and docker ps show them.',
	},
	{
		zh: 'agent 的 --work_dir（这里是 /var/lib/mesos）存放每个任务的 sandbox：slaves/<agent>/frameworks/<framework>/executors/<executor>/runs/latest，里面有任务的 stdout 和 stderr；--log_dir 存放 mesos-agent 自己的日志（mesos-slave.INFO 等）。任务出问题先看 sandbox，agent 出问题看 log_dir。',
		en: 'The agent\'s --work_dir (here /var/lib/mesos) holds each task\'s sandbox, slaves/<agent>/frameworks/<framework>/executors/<executor>/runs/latest, with the task\'s stdout and stderr; --log_dir holds mesos-agent\'s own logs (mesos-slave.INFO and so on). A task in trouble: read its sandbox; the agent in trouble: read log_dir.',
	},
	{
		zh: 'agent 和 Marathon 都不写死主节点地址，而是用 --master=zk://zk1:2181,zk2:2181,zk3:2181/mesos：它们读 ZooKeeper 里 /mesos 下的节点，序号最小的那个记录着当前的主节点（leader）。主节点切换后 ZooKeeper 里的记录随之改变，它们自动连到新的主节点。Marathon 自己的 --zk zk://…/marathon 用来选出 Marathon 的主节点并保存应用状态。',
		en: 'Neither the agent nor Marathon is given a master\'s address; both get --master=zk://zk1:2181,zk2:2181,zk3:2181/mesos: they read the nodes under /mesos in ZooKeeper, and the one with the lowest sequence number names the current leader. When leadership moves the record changes and they follow the new leader. Marathon\'s own --zk zk://…/marathon elects Marathon\'s leader and keeps its app state.',
	},
	{
		zh: 'docker ps 里的 0.0.0.0:31xxx->80/tcp 是 hostPort：Mesos 从 agent 的 ports 资源（默认 31000-32000）里分给任务的随机端口。用户访问的是 servicePort：app 不指定（写 0）时，Marathon 从 10000-20000 里挑一个没被占用的端口，marathon-lb 在这个端口上监听并转发到各个 hostPort。',
		en: 'In docker ps, 0.0.0.0:31xxx->80/tcp is the hostPort: a random port Mesos gives the task from the agent\'s ports resource (31000-32000 by default). Users connect to the servicePort instead: when an app leaves it at 0, Marathon picks one no other app holds from 10000-20000, and marathon-lb listens there and forwards to each hostPort.',
	},
];

/** What runs behind the apps, looked at on the agent: executors, containerizers, containers, sandboxes. */
export const insideExperiment: Experiment = {
	id: 'inside',
	title: {zh: '实验五：看看 agent 上实际跑着什么', en: 'Experiment 5: what actually runs on the agent'},
	lessons,
	app: shellAppExperiment.app,
	async run(context) {
		const say = (zh: string, en: string) => context.print(context.lang === 'zh' ? zh : en);
		// Something must run to be looked at: the hello loop needs nothing but Marathon and an agent.
		let apps = await context.marathon.listApps();
		if (!apps.some(app => (app.tasksRunning ?? 0) > 0)) {
			const app = shellAppExperiment.app(context);
			say(`还没有运行中的 app，先部署 ${app.id}。`, `No app runs yet, so ${app.id} is deployed first.`);
			const deployed = await context.marathon.deploy(app);
			await followDeployment(context.marathon, deployed, {appId: app.id, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print});
			apps = await context.marathon.listApps();
		}
		const tasks = await waitFor('running tasks in Mesos with their sandboxes', async () => {
			const running = (await mesosTasks(context.mesosUrls, context.dispatcher)).filter(task => task.state === 'TASK_RUNNING' && task.sandbox !== undefined);
			return running.length > 0 ? running : undefined;
		}, context);
		const observations: string[] = [];
		const byAgent = new Map<string, Task[]>();
		for (const task of tasks) {
			const endpoint = task.sandbox!.agentEndpoint;
			byAgent.set(endpoint, [...byAgent.get(endpoint) ?? [], task]);
		}
		for (const [endpoint, onAgent] of byAgent) {
			const facts = await agentFacts(endpoint, context);
			const host = onAgent[0]!.host;
			context.print('');
			context.print(`== agent ${host} (${endpoint}) ==`);
			const flag = (name: string) => facts.flags[name] ?? (context.lang === 'zh' ? '（agent 未报告）' : '(not reported by the agent)');
			context.print(`--master=${flag('master')}  --work_dir=${flag('work_dir')}  --log_dir=${flag('log_dir')}`);
			const shell = facts.simulated ? undefined : await context.agentShell?.(host);
			if (shell !== undefined) {
				say(`在 ${host} 上通过 SSH 运行：`, `Run on ${host} over SSH:`);
				const ps = await shell.run(`ps -eo pid,args | grep -E ${shellCommand(['[m]esos-(executor|containerizer|docker-executor)'])} | cut -c1-200`, {sudo: true, timeoutMs: 15_000});
				context.print('$ ps -eo pid,args | grep -E \'mesos-(executor|containerizer|docker-executor)\'');
				for (const line of ps.stdout.trimEnd().split('\n').filter(Boolean)) {
					context.print(`  ${line}`);
					observations.push(`ps ${host}: ${line.trim()}`);
				}
				const docker = await shell.run(shellCommand(['docker', 'ps', '--format', '{{.ID}}  {{.Image}}  {{.Ports}}  {{.Names}}']), {sudo: true, timeoutMs: 15_000});
				context.print('$ docker ps --format \'{{.ID}}  {{.Image}}  {{.Ports}}  {{.Names}}\'');
				for (const line of (docker.exitCode === 0 ? docker.stdout : docker.stderr).trimEnd().split('\n').filter(Boolean)) {
					context.print(`  ${line}`);
					observations.push(`docker ${host}: ${line.trim()}`);
				}
			} else {
				// Without a shell on the agent, what its API says stands in for ps and docker ps, and says so.
				context.print(facts.simulated
					? (context.lang === 'zh' ? 'SIMULATED（模拟集群）：没有真实进程和容器，下面是 agent 的 /state 所描述的、真实 agent 上对应的进程：' : 'SIMULATED: there are no real processes or containers; this is what the agent\'s /state describes, as the processes a real agent would show:')
					: (context.lang === 'zh' ? '没有到 agent 的 SSH（用 --lab-id 指定已保存的 lab），下面来自 agent 的 /state 接口：' : 'No SSH to the agent (name a saved lab with --lab-id); this comes from the agent\'s /state API:'));
				for (const task of onAgent) {
					const app = appOfTask(apps, task.id);
					const mapping = app?.container?.portMappings?.[0] ?? app?.container?.docker?.portMappings?.[0];
					const line = app?.container?.type === 'DOCKER'
						? `mesos-docker-executor --container=mesos-… --docker=docker …  (docker run -p ${task.ports[0] ?? '?'}:${mapping?.containerPort ?? '?'} ${app.container.docker?.image ?? '?'})`
						: `mesos-executor --launcher_dir=/usr/local/libexec/mesos …  → mesos-containerizer launch (${app?.id ?? task.name})`;
					context.print(`  ${line}`);
					observations.push(`${facts.simulated ? 'simulated ' : ''}executor ${task.id}: ${line}`);
				}
			}
			for (const task of onAgent) {
				say(`  ${task.id} 的 sandbox：${task.sandbox!.directory}`, `  sandbox of ${task.id}: ${task.sandbox!.directory}`);
			}
		}
		return {id: 'inside', appId: '', observations, measurements: []};
	},
};
