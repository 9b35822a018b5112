import {parseAppDefinition} from '../apps/app-definition.js';
import {followDeployment} from '../apps/deploy-flow.js';
import {mesosTasks, readSandboxFile} from './cluster-probes.js';
import type {Experiment} from './experiment.js';
import {waitFor} from './wait-for.js';

const appId = '/hello-shell';

/** A shell loop under the Mesos containerizer: the smallest thing Marathon can keep alive. */
export const shellAppExperiment: Experiment = {
	id: 'shell-app',
	title: {zh: '实验一：用 Mesos 容器化器运行一个 shell 死循环', en: 'Experiment 1: a shell loop in a Mesos container'},
	lessons: [
		{
			zh: '没有 container 字段的应用由 agent 上的 mesos-executor 启动，用 Linux namespace 和 cgroup 隔离。每个实例分到 0.1 个 CPU、32 MB 内存和 100 MB 磁盘。',
			en: 'An app without a container field is started by the mesos-executor on the agent and isolated with Linux namespaces and cgroups. Each instance gets 0.1 CPU, 32 MB of memory and 100 MB of disk.',
		},
		{
			zh: 'Marathon 的职责是让实例数一直等于 instances。如果命令一启动就退出，Marathon 会认为实例没了，马上再起一个，于是你会看到实例不停地启动、结束、再启动。所以这里的命令是一个永不结束的循环。',
			en: 'Marathon\'s job is to keep the number of running instances equal to `instances`. A command that exits at once looks like a lost instance, so Marathon starts another, forever: you see instances start, finish and start again. That is why this command is a loop that never ends.',
		},
		{
			zh: '这个命令不监听端口，我们也没有配置健康检查。Marathon 只知道进程在运行，不知道它是否正常工作，所以健康状态显示为 unknown（未知），而不是 healthy。',
			en: 'The command listens on no port and has no health check. Marathon knows the process runs but not whether it works, so its health shows as unknown rather than healthy.',
		},
	],
	app: () => parseAppDefinition({
		id: appId,
		cmd: 'while true; do echo hello; sleep 1; done',
		cpus: 0.1,
		mem: 32,
		disk: 100,
		instances: 2,
	}, 'shell-app experiment'),
	async run(context) {
		const app = shellAppExperiment.app(context);
		const observations: string[] = [];
		const deployed = await context.marathon.deploy(app);
		await followDeployment(context.marathon, deployed, {appId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print});

		const task = await waitFor('a running hello-shell task in Mesos', async () => {
			const ids = new Set((await context.marathon.getApp(appId)).tasks?.map(t => t.id) ?? []);
			const tasks = await mesosTasks(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
			return tasks.find(t => t.state === 'TASK_RUNNING' && ids.has(t.id) && t.sandbox !== undefined);
		}, context);
		const stdout = await waitFor('"hello" in the task\'s stdout', async () => {
			const text = await readSandboxFile(task, 'stdout', context.dispatcher, context.authorization?.mesos);
			return text.includes('hello') ? text : undefined;
		}, context);
		const tail = stdout.trimEnd().split('\n').slice(-3);
		context.print(`stdout of ${task.id} (from the Mesos sandbox):`);
		for (const line of tail) {
			context.print(`  ${line}`);
		}
		observations.push(`stdout: ${tail.join(' | ')}`);

		const health = (await context.marathon.getApp(appId)).tasks?.map(t => (t.healthCheckResults?.length ? 'checked' : 'unknown')) ?? [];
		observations.push(`health: ${health.join(', ')}`);
		context.print(`health of the tasks: ${health.join(', ')} (no health check configured)`);

		const scaled = await context.marathon.scale(appId, 3);
		context.print(`scaling ${appId} to 3 instances`);
		await followDeployment(context.marathon, scaled, {appId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print});
		const after = await context.marathon.getApp(appId);
		observations.push(`running after scale: ${after.tasksRunning ?? 0}`);
		context.print(`${appId} now runs ${after.tasksRunning ?? 0} instances`);
		return {id: 'shell-app', appId, observations, measurements: []};
	},
};
