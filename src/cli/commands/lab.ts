import {request, type Dispatcher} from 'undici';
import {MarathonApi} from '../../apps/marathon-api.js';
import {ClusterError, UserInputError} from '../../errors.js';
import {openHostAsRoot, sshLoginCommand} from '../../exec/open-host.js';
import {labAgentAccess, type AgentAccess, type OpenHost} from '../../experiments/agent-access.js';
import {experimentAliases, experiments, findExperiment, stopsDaemons} from '../../experiments/catalog.js';
import type {ExperimentContext, ExperimentId, TaskKiller} from '../../experiments/experiment.js';
import {labServices, simServices, type LabServices} from '../../experiments/lab-services.js';
import {dockerKillOnAgent, killThroughMarathon, killThroughSimControl} from '../../experiments/task-killers.js';
import type {Lab} from '../../lab/lab-schema.js';
import {assertHost, assertPort} from '../../lab/validate.js';
import type {CommandContext} from '../context.js';
import type {Language} from '../../i18n/language.js';
import {listText} from '../../i18n/localized.js';
import {t} from '../../i18n/messages.js';
import {hostAccess} from '../host-access.js';
import {nearest} from '../suggest.js';
import {marathonUrls} from './app.js';
import {clusterAccess, type ClusterAccess} from './cluster-access.js';
import {cleanText} from '../../untrusted-text.js';
import {seconds, urlList} from './parse-flags.js';
import {savedLabFor} from './saved-lab.js';
import * as z from 'zod';
import {clusterAccessOptions, hostAccessOptions, word} from '../command-options.js';

/** `mesos-lab lab NAME`'s argument and flags. */
export const options = hostAccessOptions.extend(clusterAccessOptions.shape).extend({
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
async function mesosFromMarathon(urls: string[], access: ClusterAccess): Promise<string[]> {
	const dispatcher: Dispatcher | undefined = access.dispatcher;
	const authorization = access.authorization.marathon;
	for (const url of urls) {
		try {
			const response = await request(`${url.replace(/\/+$/, '')}/v2/info`, {...(dispatcher === undefined ? {} : {dispatcher}), headers: authorization === undefined ? {} : {authorization}, headersTimeout: 5_000, bodyTimeout: 5_000});
			const info = await response.body.json() as {marathon_config?: {mesos_leader_ui_url?: string}};
			const leader = info.marathon_config?.mesos_leader_ui_url;
			if (typeof leader === 'string' && /^https?:\/\//.test(leader)) {
				return [leader.replace(/\/+$/, '')];
			}
		} catch {
			// The next Marathon may know.
		}
	}
	throw new ClusterError(t('en', 'labNoMesosLeader'), {hint: t('en', 'labNoMesosLeaderHint'), zh: {message: t('zh', 'labNoMesosLeader'), hint: t('zh', 'labNoMesosLeaderHint')}});
}

function portFrom(flag: string, value: string | undefined, envValue: string | undefined, fallback: number): number {
	const text = value ?? envValue;
	return text === undefined ? fallback : assertPort(flag, text);
}

function chooseExperiment(name: string) {
	const known = [...Object.keys(experimentAliases), ...experiments.map(e => e.id)];
	if (!known.includes(name)) {
		const guess = nearest(name, known);
		const say = (language: Language) => (guess ? t(language, 'labNoSuchExperimentNear', {name, guess}) : t(language, 'labNoSuchExperiment', {name}));
		throw new UserInputError(say('en'), {hint: t('en', 'labExperimentsAre', {names: listText('en', known)}), zh: {message: say('zh'), hint: t('zh', 'labExperimentsAre', {names: listText('zh', known)})}});
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
	return lab === undefined ? undefined : labServices(lab, openLabHost(ctx, options), host => sshLoginCommand(host, hostAccess(ctx, options)));
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
			print(t(ctx.lang, 'labKillThroughMarathon'));
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
	const access = clusterAccess(options, ctx.env);
	const marathon = new MarathonApi({
		urls,
		...(access.dispatcher ? {dispatcher: access.dispatcher} : {}),
		...(access.authorization.marathon === undefined ? {} : {authorization: access.authorization.marathon}),
	});
	const lbFlag = options.lb ?? ctx.env['MESOS_LAB_LB'];
	const lbText = lbFlag ?? fromLab?.lb;
	if (needsLb.has(experimentId) && lbText === undefined) {
		throw new UserInputError(t('en', 'labNeedsLb', {experiment: experimentId}), {
			hint: t('en', 'labNeedsLbHint'),
			zh: {message: t('zh', 'labNeedsLb', {experiment: experimentId}), hint: t('zh', 'labNeedsLbHint')},
		});
	}
	const lbUrl = lbText === undefined ? '' : urlList('--lb', lbText)[0] ?? '';
	const serviceHost = options.serviceHost !== undefined
		? assertHost('--service-host', options.serviceHost)
		: lbFlag === undefined && fromLab !== undefined ? fromLab.serviceHost : lbUrl === '' ? '' : new URL(lbUrl).hostname.replace(/^\[(.*)\]$/, '$1');
	const print = (line: string) => ctx.stdout.write(`${cleanText(line)}\n`);
	const killer = chooseKiller(ctx, options, lab, marathon, print);
	const services = stopsDaemons(experimentId) ? chooseServices(ctx, options, lab) : undefined;
	const agentAccess = killer.access;
	const build = (mesosUrls: string[]): Wiring => ({
		context: {
			marathon,
			mesosUrls,
			lbUrl,
			serviceHost,
			servicePort: portFrom('--service-port', options.servicePort, ctx.env['MESOS_LAB_SERVICE_PORT'], 0),
			vhostPort: portFrom('--vhost-port', options.vhostPort, ctx.env['MESOS_LAB_VHOST_PORT'], 80),
			killTask: killer.killTask,
			...(agentAccess ? {agentShell: (host: string) => agentAccess.executorFor(host)} : {}),
			...(access.dispatcher ? {dispatcher: access.dispatcher} : {}),
			authorization: access.authorization,
			lang: ctx.lang,
			print,
			timeoutMs: seconds('--timeout', options.timeout ?? '300') * 1000,
			pollMs: 100,
			...(services ? {services} : {}),
		},
		...(agentAccess ? {access: agentAccess} : {}),
	});
	const mesosText = options.mesos ?? ctx.env['MESOS_LAB_MESOS'];
	if (mesosText !== undefined) {
		return build(urlList('--mesos', mesosText));
	}
	if (fromLab !== undefined) {
		return build(fromLab.mesos);
	}
	return experimentId === 'shell-app' || experimentId === 'inside' ? mesosFromMarathon(urls, access).then(build) : build([]);
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
			print(t(lang, 'labStillRestoring', {signal}));
			return;
		}
		print(t(lang, 'labStopping', {signal}));
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
		print(t(ctx.lang, 'labWatchLive', {command: dashboardCommand(context, options.labId)}));
		const report = await experiment.run(context);
		if (report.observations.length > 0) {
			print(t(ctx.lang, 'labObservedHeading'));
			for (const observation of report.observations) {
				print(`- ${observation[ctx.lang]}`);
			}
		}
		for (const measurement of report.measurements) {
			print(`${measurement.name}: ${measurement.value} ${measurement.unit}`);
		}
		if (needsLb.has(experiment.id) && report.measurements.length > 0 && ctx.env['MESOS_LAB_SIM_CONTROL']) {
			print(t(ctx.lang, 'labSimulatedClock'));
		}
		return 0;
	} finally {
		stopListening?.();
		await context.services?.close();
		await access?.close();
	}
}
