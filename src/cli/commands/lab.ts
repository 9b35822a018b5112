import {request} from 'undici';
import {parseCount} from '../../apps/app-actions.js';
import {MarathonWriter} from '../../apps/marathon-writer.js';
import {experiments, findExperiment} from '../../experiments/catalog.js';
import type {ExperimentContext} from '../../experiments/experiment.js';
import {killThroughMarathon, killThroughSimControl} from '../../experiments/task-killers.js';
import {ClusterError, UserInputError} from '../../errors.js';
import type {CommandContext} from '../context.js';
import {nearest} from '../suggest.js';
import {marathonUrls} from './app.js';
import {urlList} from './parse-flags.js';

export interface LabOptions {
	name: string;
	marathon?: string;
	mesos?: string;
	lb?: string;
	serviceHost?: string;
	servicePort?: string;
	vhostPort?: string;
	timeout?: string;
}

/** Short names the tutorial's readers use, beside the experiments' ids. */
const aliases: Record<string, string> = {hello: 'shell-app', shell: 'shell-app', nginx: 'nginx-docker', vhost: 'virtual-host'};

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

function numberFrom(flag: string, value: string | undefined, envValue: string | undefined, fallback: number): number {
	const text = value ?? envValue;
	return text === undefined ? fallback : parseCount(flag, text);
}

function chooseExperiment(name: string) {
	const known = [...Object.keys(aliases), ...experiments.map(e => e.id)];
	if (!known.includes(name)) {
		const guess = nearest(name, known);
		throw new UserInputError(`There is no experiment "${name}"${guess ? ` (did you mean '${guess}'?)` : ''}.`, {hint: `Experiments: ${known.join(', ')}.`});
	}
	return findExperiment(aliases[name] ?? name);
}

/** `mesos-lab lab NAME`: one guided experiment, explained, run and measured. */
export async function run(options: LabOptions, ctx: CommandContext): Promise<number> {
	const experiment = chooseExperiment(options.name);
	const urls = marathonUrls(options.marathon, ctx.env);
	const marathon = new MarathonWriter({urls});
	const lbText = options.lb ?? ctx.env['MESOS_LAB_LB'];
	if (experiment.id !== 'shell-app' && lbText === undefined) {
		throw new UserInputError(`The ${experiment.id} experiment needs marathon-lb's address.`, {hint: 'Pass --lb http://HOST:9090'});
	}
	const lbUrl = lbText === undefined ? '' : urlList('--lb', lbText)[0] ?? '';
	const mesosText = options.mesos ?? ctx.env['MESOS_LAB_MESOS'];
	const mesosUrls = mesosText !== undefined
		? urlList('--mesos', mesosText)
		: experiment.id === 'shell-app' ? await mesosFromMarathon(urls) : [];
	const print = (line: string) => ctx.stdout.write(`${line}\n`);
	const context: ExperimentContext = {
		marathon,
		mesosUrls,
		lbUrl,
		serviceHost: options.serviceHost ?? (lbUrl === '' ? '' : new URL(lbUrl).hostname),
		servicePort: numberFrom('--service-port', options.servicePort, ctx.env['MESOS_LAB_SERVICE_PORT'], 10_000),
		vhostPort: numberFrom('--vhost-port', options.vhostPort, ctx.env['MESOS_LAB_VHOST_PORT'], 80),
		// On the simulated cluster the simulator crashes the task; elsewhere Marathon kills it without scaling down.
		killTask: ctx.env['MESOS_LAB_SIM_CONTROL'] ? killThroughSimControl(ctx.env['MESOS_LAB_SIM_CONTROL']) : killThroughMarathon(marathon),
		lang: ctx.lang,
		print,
		timeoutMs: numberFrom('--timeout', options.timeout, undefined, 300) * 1000,
		pollMs: 100,
	};
	print(`== ${experiment.title[ctx.lang]} ==`);
	for (const lesson of experiment.lessons) {
		print(`- ${lesson[ctx.lang]}`);
	}
	const report = await experiment.run(context);
	for (const measurement of report.measurements) {
		print(`${measurement.name}: ${measurement.value} ${measurement.unit}`);
	}
	return 0;
}
