import {colorWanted, connectCluster, printOnce, runInteractive} from '../../dashboard/launch.js';
import {UserInputError} from '../../errors.js';
import type {CommandContext} from '../context.js';
import {hostPortList, seconds, urlList} from './parse-flags.js';

export interface DashboardOptions {
	mesos?: string;
	marathon?: string;
	lb?: string;
	zk?: string;
	refresh?: string;
	once?: boolean;
	json?: boolean;
	readonly?: boolean;
}

export async function run(options: DashboardOptions, ctx: CommandContext): Promise<number> {
	if (options.mesos === undefined && options.marathon === undefined) {
		throw new UserInputError('The dashboard needs at least one of --mesos or --marathon.', {hint: 'mesos-lab dashboard --mesos http://10.0.0.11:5050 --marathon http://10.0.0.11:8080, or try `mesos-lab demo`.'});
	}
	if (options.json && !options.once) {
		throw new UserInputError('--json prints one snapshot, so it needs --once.', {hint: 'mesos-lab dashboard --mesos URL --once --json'});
	}
	const lb = options.lb === undefined ? [] : urlList('--lb', options.lb);
	const endpoints = {
		mesos: options.mesos === undefined ? [] : urlList('--mesos', options.mesos),
		marathon: options.marathon === undefined ? [] : urlList('--marathon', options.marathon),
		lb: lb[0],
		zookeeper: options.zk === undefined ? [] : hostPortList('--zk', options.zk).map(member => `${member.host}:${member.port}`),
	};
	const refreshMs = seconds('--refresh', options.refresh ?? '2') * 1000;
	const cluster = connectCluster(endpoints, {refreshMs, simulated: false});
	if (options.once) {
		await printOnce(cluster, options.json === true, ctx.stdout, 160);
		return 0;
	}
	if (!ctx.isTTY) {
		throw new UserInputError('The live dashboard needs a terminal.', {hint: 'Use --once (or --once --json) when writing to a pipe or a file.'});
	}
	const name = new URL(endpoints.mesos[0] ?? endpoints.marathon[0] ?? 'http://cluster').host;
	await runInteractive(cluster, {clusterName: name, color: colorWanted(ctx.env), readonly: options.readonly === true, demo: false});
	return 0;
}
