import {localized} from '../i18n/localized.js';
import {parseAppDefinition} from '../apps/app-definition.js';
import {followDeployment} from '../apps/deploy-flow.js';
import {mesosTasks, readSandboxFile} from './cluster-probes.js';
import type {Experiment} from './experiment.js';
import {waitFor} from './wait-for.js';

const appId = '/hello-shell';

/** A shell loop under the Mesos containerizer: the smallest thing Marathon can keep alive. */
export const shellAppExperiment: Experiment = {
	id: 'shell-app',
	title: localized('labShellAppTitle'),
	lessons: [
		localized('labShellAppLessons'),
		localized('labShellAppLessons2'),
		localized('labShellAppLessons3'),
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

		const task = await waitFor(localized('labWaitHelloShellTask'), async () => {
			const ids = new Set((await context.marathon.getApp(appId)).tasks?.map(t => t.id) ?? []);
			const tasks = await mesosTasks(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
			return tasks.find(t => t.state === 'TASK_RUNNING' && ids.has(t.id) && t.sandbox !== undefined);
		}, context);
		const stdout = await waitFor(localized('labWaitHelloInStdout'), async () => {
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
