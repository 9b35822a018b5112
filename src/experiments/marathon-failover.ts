import {listText, localized, localizedBy} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {ClusterError, problemIn} from '../errors.js';
import type {Localized} from '../steps/step.js';
import type {Experiment, Measurement} from './experiment.js';
import {ensureWitnessApp, hostPortOf, marathonLeader, positionOf, requireServices, since} from './ha-probes.js';
import {shellAppExperiment} from './shell-app.js';
import {StoppedServices} from './stopped-services.js';
import {waitFor} from './wait-for.js';

/** Stop the leading Marathon and keep working with the other. */
export const marathonFailoverExperiment: Experiment = {
	id: 'marathon-failover',
	title: localized('labMarathonFailoverTitle'),
	lessons: [
		localized('labMarathonFailoverLessons'),
		localized('labMarathonFailoverLessons2'),
	],
	app: shellAppExperiment.app,
	async run(context) {
		const services = requireServices(context, 'marathon-failover');
		const urls = context.marathon.urls;
		if (urls.length < 2) {
			throw new ClusterError(localized('errMarathonFailoverNeedsBothOfThe', {length: urls.length}), {hint: localized('errMarathonFailoverNeedsBothOfTheHint')});
		}
		const guard = new StoppedServices(services, context.print, context.lang);
		const print = context.print;
		const observations: Localized[] = [];
		const measurements: Measurement[] = [];

		const witness = await ensureWitnessApp(context);
		const firstLeader = await waitFor(localized('labWaitMarathonLeader'), () => marathonLeader(urls, context.dispatcher, context.authorization?.marathon), context);
		const first = positionOf(urls, firstLeader);
		if (first === undefined) {
			throw new ClusterError(localized('errV2LeaderNamesWhichIsNot', {firstLeader, urls: urls.join(', ')}), {hint: localized('errV2LeaderNamesWhichIsNotHint')});
		}
		const others = urls.filter(url => hostPortOf(url) !== firstLeader);
		const tasksOf = async (): Promise<Map<string, string[]>> => new Map((await context.marathon.listApps()).map(app => [app.id, (app.tasks ?? []).map(t => t.id).sort()]));
		const before = await tasksOf();
		print(t(context.lang, 'labMarathonFailoverBefore', {firstLeader, apps: before.size}));
		let scaledTo: number | undefined;
		try {
			const stoppedAt = await guard.stop({kind: 'marathon', index: first});
			const secondLeader = await waitFor(localized('labWaitOtherMarathonNamed'), async () => {
				const leader = await marathonLeader(others, context.dispatcher, context.authorization?.marathon);
				return leader !== undefined && leader !== firstLeader ? leader : undefined;
			}, context);
			const gapMs = since(stoppedAt);
			measurements.push({name: 'marathon-failover-gap', value: gapMs, unit: 'ms'});
			print(t(context.lang, 'labMarathonFailoverNewLeader', {secondLeader, gapMs}));

			const after = await waitFor(localized('labWaitNewLeaderApps'), async () => {
				const now = await tasksOf();
				return now.size >= before.size ? now : undefined;
			}, context);
			const changed = [...before].filter(([id, tasks]) => (after.get(id) ?? []).join(',') !== tasks.join(','));
			measurements.push({name: 'apps-changed', value: changed.length, unit: 'count'});
			const tasksKept = changed.length === 0
				? localized('labMarathonFailoverTasksKept', {apps: before.size})
				: localizedBy('labMarathonFailoverTasksChanged', language => [{apps: listText(language, changed.map(([id]) => id))}]);
			observations.push(tasksKept);
			print(tasksKept[context.lang]);

			const scaleAt = Date.now();
			scaledTo = witness.instances + 1;
			await context.marathon.scale(witness.id, scaledTo);
			await waitFor(localized('labWaitScaledUnderNewLeader', {app: witness.id, instances: scaledTo}), async () => {
				const app = await context.marathon.getApp(witness.id);
				return (app.tasksRunning ?? 0) >= (scaledTo ?? 0) ? true : undefined;
			}, context);
			const scaleMs = since(scaleAt);
			measurements.push({name: 'scale-on-new-leader', value: scaleMs, unit: 'ms'});
			print(t(context.lang, 'labMarathonFailoverScaled', {id: witness.id, scaledTo, scaleMs}));
			await context.marathon.scale(witness.id, witness.instances);
			scaledTo = undefined;
			await waitFor(localized('labWaitBackToInstances', {app: witness.id, instances: witness.instances}), async () => {
				const app = await context.marathon.getApp(witness.id);
				return (app.tasks ?? []).length <= witness.instances && (app.deployments ?? []).length === 0 ? true : undefined;
			}, context);

			const restartedAt = await guard.start({kind: 'marathon', index: first});
			const oldUrl = urls[first - 1] ?? '';
			const named = await waitFor(localized('labWaitRestartedStandby'), () => marathonLeader([oldUrl], context.dispatcher, context.authorization?.marathon), context);
			const rejoinedMs = since(restartedAt);
			measurements.push({name: 'marathon-rejoined', value: rejoinedMs, unit: 'ms'});
			observations.push(localized('labObsMarathonRejoined', {firstLeader, named}));
			print(t(context.lang, 'labMarathonFailoverRejoined', {firstLeader, rejoinedMs, named}));
		} finally {
			await guard.restore();
			if (scaledTo !== undefined) {
				// The scale-up may still be deploying; the way back must not wait behind it.
				await context.marathon.scale(witness.id, witness.instances, {force: true}).catch((error: unknown) => print(t(context.lang, 'labMarathonFailoverScaleBackFailed', {id: witness.id, instances: witness.instances, message: problemIn(error)[context.lang]})));
			}
		}
		return {id: 'marathon-failover', appId: witness.id, observations, measurements};
	},
};
