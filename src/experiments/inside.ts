import {localized} from '../i18n/localized.js';
import {t, type MessageKey, type ParamsArgument} from '../i18n/messages.js';
import {request} from 'undici';
import {followDeployment} from '../apps/deploy-flow.js';
import type {MarathonApp} from '../apps/marathon-api.js';
import type {Task} from '../cluster/snapshot.js';
import {shellCommand} from '../exec/quote.js';
import type {Localized} from '../steps/step.js';
import {mesosHeaders, mesosTasks} from './cluster-probes.js';
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

async function agentFacts(endpoint: string, context: Pick<ExperimentContext, 'dispatcher' | 'authorization'>): Promise<AgentFacts> {
	const url = `${/^https?:\/\//.test(endpoint) ? endpoint : `http://${endpoint}`}/state`;
	const response = await request(url, {...(context.dispatcher === undefined ? {} : {dispatcher: context.dispatcher}), headers: mesosHeaders(context.authorization?.mesos), headersTimeout: 5_000, bodyTimeout: 5_000});
	const state = await response.body.json() as {flags?: Record<string, string>; mesos_lab_simulation?: unknown};
	return {flags: state.flags ?? {}, simulated: response.headers['x-mesos-lab-simulation'] === 'true' || state.mesos_lab_simulation !== undefined};
}

const lessons: Localized[] = [
	localized('labInsideLessonExecutor'),
	localized('labInsideLessonSandbox'),
	localized('labInsideLessonDiscovery'),
	localized('labInsideLessonPorts'),
];

/** What runs behind the apps, looked at on the agent: executors, containerizers, containers, sandboxes. */
export const insideExperiment: Experiment = {
	id: 'inside',
	title: localized('labInsideTitle'),
	lessons,
	app: shellAppExperiment.app,
	async run(context) {
		const say = <Key extends MessageKey>(key: Key, ...params: ParamsArgument<Key>) => context.print(t(context.lang, key, ...params));
		// Something must run to be looked at: the hello loop needs nothing but Marathon and an agent.
		let apps = await context.marathon.listApps();
		if (!apps.some(app => (app.tasksRunning ?? 0) > 0)) {
			const app = shellAppExperiment.app(context);
			say('labInsideDeployFirst', {id: app.id});
			const deployed = await context.marathon.deploy(app);
			await followDeployment(context.marathon, deployed, {appId: app.id, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print, lang: context.lang});
			apps = await context.marathon.listApps();
		}
		const tasks = await waitFor(localized('labWaitTasksWithSandboxes'), async () => {
			const running = (await mesosTasks(context.mesosUrls, context.dispatcher, context.authorization?.mesos)).filter(task => task.state === 'TASK_RUNNING' && task.sandbox !== undefined);
			return running.length > 0 ? running : undefined;
		}, context);
		const observations: Localized[] = [];
		const byAgent = new Map<string, Task[]>();
		for (const task of tasks) {
			const endpoint = task.sandbox!.agentEndpoint;
			byAgent.set(endpoint, [...byAgent.get(endpoint) ?? [], task]);
		}
		for (const [endpoint, onAgent] of byAgent) {
			const facts = await agentFacts(endpoint, context);
			const host = onAgent[0]!.host;
			context.print('');
			say('labInsideAgentHeading', {host, endpoint});
			const flag = (name: string) => facts.flags[name] ?? (t(context.lang, 'labInsideFlagMissing'));
			context.print(`--master=${flag('master')}  --work_dir=${flag('work_dir')}  --log_dir=${flag('log_dir')}`);
			const shell = facts.simulated ? undefined : await context.agentShell?.(host);
			if (shell !== undefined) {
				say('labInsideRunOverSsh', {host});
				const ps = await shell.run(`ps -eo pid,args | grep -E ${shellCommand(['[m]esos-(executor|containerizer|docker-executor)'])} | cut -c1-200`, {sudo: true, timeoutMs: 15_000});
				context.print('$ ps -eo pid,args | grep -E \'mesos-(executor|containerizer|docker-executor)\'');
				for (const line of ps.stdout.trimEnd().split('\n').filter(Boolean)) {
					context.print(`  ${line}`);
					observations.push(localized('labObsPs', {host, line: line.trim()}));
				}
				const docker = await shell.run(shellCommand(['docker', 'ps', '--format', '{{.ID}}  {{.Image}}  {{.Ports}}  {{.Names}}']), {sudo: true, timeoutMs: 15_000});
				context.print('$ docker ps --format \'{{.ID}}  {{.Image}}  {{.Ports}}  {{.Names}}\'');
				for (const line of (docker.exitCode === 0 ? docker.stdout : docker.stderr).trimEnd().split('\n').filter(Boolean)) {
					context.print(`  ${line}`);
					observations.push(localized('labObsDockerPs', {host, line: line.trim()}));
				}
			} else {
				// Without a shell on the agent, what its API says stands in for ps and docker ps, and says so.
				context.print(facts.simulated
					? (t(context.lang, 'labInsideSimulated'))
					: (t(context.lang, 'labInsideNoSsh')));
				for (const task of onAgent) {
					const app = appOfTask(apps, task.id);
					const mapping = app?.container?.portMappings?.[0] ?? app?.container?.docker?.portMappings?.[0];
					const line = app?.container?.type === 'DOCKER'
						? `mesos-docker-executor --container=mesos-… --docker=docker …  (docker run -p ${task.ports[0] ?? '?'}:${mapping?.containerPort ?? '?'} ${app.container.docker?.image ?? '?'})`
						: `mesos-executor --launcher_dir=/usr/local/libexec/mesos …  → mesos-containerizer launch (${app?.id ?? task.name})`;
					context.print(`  ${line}`);
					observations.push(localized(facts.simulated ? 'labObsSimulatedExecutor' : 'labObsExecutor', {taskId: task.id, line}));
				}
			}
			for (const task of onAgent) {
				say('labInsideSandbox', {id: task.id, directory: task.sandbox!.directory});
			}
		}
		return {id: 'inside', appId: '', observations, measurements: []};
	},
};
