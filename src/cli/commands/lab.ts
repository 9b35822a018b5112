import {request} from 'undici';
import {MarathonApi} from '../../apps/marathon-api.js';
import {ClusterError, UserInputError} from '../../errors.js';
import {openHostAsRoot} from '../../exec/open-host.js';
import {labAgentAccess, type AgentAccess, type OpenHost} from '../../experiments/agent-access.js';
import {experimentAliases, experiments, findExperiment, stopsDaemons} from '../../experiments/catalog.js';
import type {ExperimentContext, ExperimentId, TaskKiller} from '../../experiments/experiment.js';
import {labServices, simServices, type LabServices} from '../../experiments/lab-services.js';
import {dockerKillOnAgent, killThroughMarathon, killThroughSimControl} from '../../experiments/task-killers.js';
import type {Lab} from '../../lab/lab-schema.js';
import {assertHost, assertPort} from '../../lab/validate.js';
import type {CommandContext} from '../context.js';
import {hostAccess} from '../host-access.js';
import {nearest} from '../suggest.js';
import {marathonUrls} from './app.js';
import {cleanText} from '../../untrusted-text.js';
import {seconds, urlList} from './parse-flags.js';
import {savedLabFor} from './saved-lab.js';
import * as z from 'zod';
import {hostAccessOptions, word} from '../command-options.js';

/** `mesos-lab lab NAME`'s argument and flags. */
export const options = hostAccessOptions.extend({
	name: z.string(),
	labId: word,
	marathon: word,
	mesos: word,
	lb: word,
	serviceHost: word,
	servicePort: word,
	vhostPort: word,
	timeout: word,
});
export type LabOptions = z.output<typeof options>;

/** Marathon knows its Mesos leader; asking it spares the user one more flag. */
async function mesosFromMarathon(urls: string[]): Promise<string[]> {
	for (const url of urls) {
		try {
			const response = await request(`${url.replace(/\/+$/, '')}/v2/info`, {headersTimeout: 5_000, bodyTimeout: 5_000});
			const info = await response.body.json() as {marathon_config?: {mesos_leader_ui_url?: string}};
			const leader = info.marathon_config?.mesos_leader_ui_url;
			if (typeof leader === 'string' && /^https?:\/\//.test(leader)) {
				return [leader.replace(/\/+$/, '')];
			}
		} catch {
			// The next Marathon may know.
		}
	}
	throw new ClusterError('Marathon did not say where the Mesos leader is.', {hint: 'Pass --mesos http://HOST:5050 or set MESOS_LAB_MESOS.'});
}

function portFrom(flag: string, value: string | undefined, envValue: string | undefined, fallback: number): number {
	const text = value ?? envValue;
	return text === undefined ? fallback : assertPort(flag, text);
}

function chooseExperiment(name: string) {
	const known = [...Object.keys(experimentAliases), ...experiments.map(e => e.id)];
	if (!known.includes(name)) {
		const guess = nearest(name, known);
		throw new UserInputError(`There is no experiment "${name}"${guess ? ` (did you mean '${guess}'?)` : ''}.`, {hint: `Experiments: ${known.join(', ')}.`});
	}
	return findExperiment(name);
}

function openLabHost(ctx: CommandContext, options: LabOptions): OpenHost {
	const access = hostAccess(ctx, options);
	return host => openHostAsRoot(host, access);
}

/** The experiments that go through marathon-lb's HAProxy. */
const needsLb: ReadonlySet<string> = new Set<ExperimentId>(['nginx-docker', 'failover', 'virtual-host']);

/** Where the HA experiments stop and start daemons: the simulator's control surface, or the saved lab's units. */
function chooseServices(ctx: CommandContext, options: LabOptions, lab: Lab | undefined): LabServices | undefined {
	const simControl = ctx.env['MESOS_LAB_SIM_CONTROL'];
	if (simControl) {
		return simServices(simControl);
	}
	return lab === undefined ? undefined : labServices(lab, openLabHost(ctx, options));
}

interface Wiring {
	context: ExperimentContext;
	access?: AgentAccess;
}

function chooseKiller(ctx: CommandContext, options: LabOptions, lab: Lab | undefined, marathon: MarathonApi, print: (line: string) => void): {killTask: TaskKiller; access?: AgentAccess} {
	const simControl = ctx.env['MESOS_LAB_SIM_CONTROL'];
	if (simControl) {
		return {killTask: killThroughSimControl(simControl)};
	}
	if (lab !== undefined) {
		const access = labAgentAccess(lab, openLabHost(ctx, options));
		return {killTask: dockerKillOnAgent(host => access.executorFor(host)), access};
	}
	return {
		killTask: async task => {
			print(ctx.lang === 'zh'
				? '（没有已保存的实验环境，无法 SSH 到 agent，改为通过 Marathon 结束这个任务；用 --lab-id 可以真正地 docker kill。）'
				: '(No saved lab, so no SSH to the agent: the task is ended through Marathon instead; pass --lab-id for a real docker kill.)');
			return killThroughMarathon(marathon)(task);
		},
	};
}

function wire(options: LabOptions, ctx: CommandContext, experimentId: ExperimentId): Promise<Wiring> | Wiring {
	const saved = savedLabFor(options, ctx);
	const lab = saved?.lab;
	const fromLab = saved?.endpoints;
	const marathonText = options.marathon ?? (ctx.env['MESOS_LAB_MARATHON'] || fromLab?.marathon.join(','));
	const urls = marathonUrls(marathonText, {});
	const marathon = new MarathonApi({urls});
	const lbFlag = options.lb ?? ctx.env['MESOS_LAB_LB'];
	const lbText = lbFlag ?? fromLab?.lb;
	if (needsLb.has(experimentId) && lbText === undefined) {
		throw new UserInputError(`The ${experimentId} experiment needs marathon-lb's address.`, {hint: 'Pass --lb http://HOST:9090, or --lab-id to take it from a saved lab.'});
	}
	const lbUrl = lbText === undefined ? '' : urlList('--lb', lbText)[0] ?? '';
	const serviceHost = options.serviceHost !== undefined
		? assertHost('--service-host', options.serviceHost)
		: lbFlag === undefined && fromLab !== undefined ? fromLab.serviceHost : lbUrl === '' ? '' : new URL(lbUrl).hostname.replace(/^\[(.*)\]$/, '$1');
	const print = (line: string) => ctx.stdout.write(`${cleanText(line)}\n`);
	const killer = chooseKiller(ctx, options, lab, marathon, print);
	const services = stopsDaemons(experimentId) ? chooseServices(ctx, options, lab) : undefined;
	const access = killer.access;
	const build = (mesosUrls: string[]): Wiring => ({
		context: {
			marathon,
			mesosUrls,
			lbUrl,
			serviceHost,
			servicePort: portFrom('--service-port', options.servicePort, ctx.env['MESOS_LAB_SERVICE_PORT'], 0),
			vhostPort: portFrom('--vhost-port', options.vhostPort, ctx.env['MESOS_LAB_VHOST_PORT'], 80),
			killTask: killer.killTask,
			...(access ? {agentShell: (host: string) => access.executorFor(host)} : {}),
			lang: ctx.lang,
			print,
			timeoutMs: seconds('--timeout', options.timeout ?? '300') * 1000,
			pollMs: 100,
			...(services ? {services} : {}),
		},
		...(killer.access ? {access: killer.access} : {}),
	});
	const mesosText = options.mesos ?? ctx.env['MESOS_LAB_MESOS'];
	if (mesosText !== undefined) {
		return build(urlList('--mesos', mesosText));
	}
	if (fromLab !== undefined) {
		return build(fromLab.mesos);
	}
	return experimentId === 'shell-app' || experimentId === 'inside' ? mesosFromMarathon(urls).then(build) : build([]);
}

function dashboardCommand(context: ExperimentContext, labId: string | undefined): string {
	if (labId !== undefined) {
		// A saved lab's dashboard follows the leaders through ZooKeeper, as the failovers move them.
		return `mesos-lab dashboard --lab-id ${labId}`;
	}
	const flags = [
		...(context.mesosUrls.length > 0 ? ['--mesos', context.mesosUrls.join(',')] : []),
		'--marathon', context.marathon.urls.join(','),
		...(context.lbUrl === '' ? [] : ['--lb', context.lbUrl]),
	];
	return ['mesos-lab', 'dashboard', ...flags].join(' ');
}

/**
 * While an experiment has daemons stopped, Ctrl-C, a closed terminal or a TERM must not kill the
 * process before its `finally` starts them again: the signal aborts the experiment instead, which
 * then restores and exits with 130. Further signals during the restore only say it is under way.
 */
function interruptOnSignals(controller: AbortController, print: (line: string) => void, lang: CommandContext['lang']): () => void {
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	let firstAt = 0;
	const onSignal = (signal: NodeJS.Signals): void => {
		if (controller.signal.aborted) {
			// signal-exit (loaded by the prompt library) raises the same signal once more right away
			// when it counts only its own listeners; only a later signal is the user's.
			if (Date.now() - firstAt < 1_000) {
				return;
			}
			print(lang === 'zh' ? `${signal}：正在恢复被停掉的服务，请稍候……` : `${signal}: still restoring what was stopped, please wait...`);
			return;
		}
		print(lang === 'zh' ? `${signal}：停止实验，先把停掉的服务启动起来` : `${signal}: stopping the experiment and starting what it stopped`);
		firstAt = Date.now();
		controller.abort();
	};
	for (const signal of signals) process.on(signal, onSignal);
	return () => {
		for (const signal of signals) process.off(signal, onSignal);
	};
}

/** `mesos-lab lab NAME`: one guided experiment, explained, run and measured. */
export async function run(options: LabOptions, ctx: CommandContext): Promise<number> {
	const experiment = chooseExperiment(options.name);
	const wiring = await wire(options, ctx, experiment.id);
	const {access} = wiring;
	const print = wiring.context.print;
	const controller = new AbortController();
	const context: ExperimentContext = {...wiring.context, signal: controller.signal};
	// Only the experiments that stop daemons hold Ctrl-C back until they have started them again.
	const stopListening = stopsDaemons(experiment.id) ? interruptOnSignals(controller, print, ctx.lang) : undefined;
	try {
		print(`== ${experiment.title[ctx.lang]} ==`);
		for (const lesson of experiment.lessons) {
			print(`- ${lesson[ctx.lang]}`);
		}
		print(`${ctx.lang === 'zh' ? '在另一个终端实时观看：' : 'watch it live in another terminal: '}${dashboardCommand(context, options.labId)}`);
		const report = await experiment.run(context);
		for (const measurement of report.measurements) {
			print(`${measurement.name}: ${measurement.value} ${measurement.unit}`);
		}
		if (needsLb.has(experiment.id) && report.measurements.length > 0 && ctx.env['MESOS_LAB_SIM_CONTROL']) {
			print(ctx.lang === 'zh'
				? '（模拟集群里 Marathon 的时钟走得比真实时间快，所以“恢复用时”比真实集群短；请求数、失败数和中断时长都是经过 HAProxy 按真实时间测得的。）'
				: '(On the simulated cluster Marathon\'s clock runs fast, so "healed" is shorter than on a real cluster; requests, failures and outage are measured in real time through HAProxy.)');
		}
		return 0;
	} finally {
		stopListening?.();
		await context.services?.close();
		await access?.close();
	}
}
