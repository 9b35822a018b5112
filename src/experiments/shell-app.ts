import {listText, localized, localizedBy} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import type {Language, Localized} from '../steps/step.js';
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
		const observations: Localized[] = [];
		const deployed = await context.marathon.deploy(app);
		await followDeployment(context.marathon, deployed, {appId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print, lang: context.lang});

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
		context.print(t(context.lang, 'labShellAppStdoutOf', {taskId: task.id}));
		for (const line of tail) {
			context.print(`  ${line}`);
		}
		observations.push(localized('labObsShellStdout', {lines: tail.join(' | ')}));

		const health = (await context.marathon.getApp(appId)).tasks?.map(task => (task.healthCheckResults?.length ? 'labShellAppHealthChecked' as const : 'labShellAppHealthUnknown' as const)) ?? [];
		const healthIn = (language: Language) => ({health: listText(language, health.map(key => t(language, key)))});
		observations.push(localizedBy('labObsShellHealth', language => [healthIn(language)]));
		context.print(t(context.lang, 'labShellAppHealth', healthIn(context.lang)));

		const instances = 3;
		const scaled = await context.marathon.scale(appId, instances);
		context.print(t(context.lang, 'labShellAppScaling', {appId, instances}));
		await followDeployment(context.marathon, scaled, {appId, timeoutMs: context.timeoutMs, pollMs: context.pollMs, print: context.print, lang: context.lang});
		const after = await context.marathon.getApp(appId);
		observations.push(localized('labObsShellScaled', {running: after.tasksRunning ?? 0}));
		context.print(t(context.lang, 'labShellAppNowRuns', {appId, running: after.tasksRunning ?? 0}));
		return {id: 'shell-app', appId, observations, measurements: []};
	},
};
