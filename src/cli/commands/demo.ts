import {colorWanted, connectCluster, runInteractive} from '../../dashboard/launch.js';
import {createServer} from 'node:net';
import {UserInputError} from '../../errors.js';
import {secondTerminalLines} from '../../experiments/second-terminal.js';
import {haproxyAvailable, startSimulatedCluster} from '../../sim/index.js';
import type {CommandContext} from '../context.js';
import type {Language} from '../../i18n/language.js';
import {t} from '../../i18n/messages.js';
import {seconds} from './parse-flags.js';
import * as z from 'zod';
import {flag, word} from '../command-options.js';

/** `mesos-lab demo`'s flags. */
export const options = z.object({
	refresh: word,
	readonly: flag,
	haproxy: flag,
});
export type DemoOptions = z.output<typeof options>;

/** Starts the simulated cluster on loopback and watches it with the dashboard. */
export async function run(options: DemoOptions, ctx: CommandContext): Promise<number> {
	const refreshMs = seconds('--refresh', options.refresh ?? '2') * 1000;
	if (options.haproxy && !haproxyAvailable()) {
		throw new UserInputError(t(ctx.lang, 'demoNeedsHaproxy'), {hint: t(ctx.lang, 'demoNeedsHaproxyHint')});
	}
	if (!ctx.isTTY) {
		throw new UserInputError(t(ctx.lang, 'demoNeedsTerminal'), {hint: t(ctx.lang, 'demoNeedsTerminalHint')});
	}
	const vhostPort = options.haproxy ? await freeLoopbackPort() : undefined;
	const sim = await startSimulatedCluster(options.haproxy ? {realHaproxy: {statsPort: await freeLoopbackPort(), vhostPort: vhostPort ?? null}} : {});
	// Closing the terminal (SIGHUP) or a kill (SIGTERM) must not leave the simulation's HAProxy
	// running: it would keep the service ports and answer for a cluster that is gone.
	const stopOnSignal = (signal: NodeJS.Signals) => {
		void sim.stop().finally(() => process.exit(signal === 'SIGHUP' ? 129 : 143));
	};
	const signals: NodeJS.Signals[] = ['SIGHUP', 'SIGTERM'];
	for (const signal of signals) {
		process.once(signal, stopOnSignal);
	}
	try {
		ctx.stderr.write(controlHelp(sim.controlUrl, ctx.lang));
		const cluster = connectCluster({mesos: sim.mesosUrls, marathon: sim.marathonUrls, lb: sim.lbUrl, zookeeper: []}, {refreshMs, simulated: true});
		cluster.ports.simKill = taskId => sim.control.killTask(taskId);
		await runInteractive(cluster, {
			clusterName: 'mesos-lab demo',
			language: ctx.lang,
			color: colorWanted(ctx.env),
			readonly: options.readonly === true,
			demo: true,
			controlUrl: sim.controlUrl,
			experiments: secondTerminalLines({
				marathon: sim.marathonUrls, lb: sim.lbUrl, simControl: sim.controlUrl, servesServicePorts: options.haproxy === true,
				...(vhostPort === undefined ? {} : {vhostPort}),
			}, ctx.lang),
		});
	} finally {
		for (const signal of signals) {
			process.removeListener(signal, stopOnSignal);
		}
		await sim.stop();
	}
	ctx.stdout.write(`${t(ctx.lang, 'demoStopped')}\n`);
	return 0;
}

function controlHelp(controlUrl: string, language: Language): string {
	return [
		t(language, 'demoIntro'),
		t(language, 'demoFromAnotherTerminal', {command: `curl -X POST ${controlUrl}/_sim/kill-task -d '{"taskId":"..."}'`}),
		t(language, 'demoControlPaths', {body: `'{"which":"all"}'`, overview: `${controlUrl}/_sim/overview`}),
		t(language, 'demoHighAvailability', {command: `MESOS_LAB_SIM_CONTROL=${controlUrl} mesos-lab lab zk-quorum`}),
		'',
	].join('\n');
}

/** HAProxy writes its stats port into its config, so it needs a number rather than port 0. */
function freeLoopbackPort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}
