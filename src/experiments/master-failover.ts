import {listText, localized, localizedBy} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {ClusterError} from '../errors.js';
import type {Localized} from '../steps/step.js';
import type {Experiment, Measurement} from './experiment.js';
import {ensureWitnessApp, holdsFor, mesosLeader, positionOf, requireServices, runningPicture, since} from './ha-probes.js';
import {shellAppExperiment} from './shell-app.js';
import {StoppedServices} from './stopped-services.js';
import {waitFor} from './wait-for.js';

/** How long the experiment watches the cluster with one master left, to show that nobody takes the lead. */
const noQuorumWatchMs = 5_000;

/** Stop the leading master, then a second one, and watch the two elections. */
export const masterFailoverExperiment: Experiment = {
	id: 'master-failover',
	title: localized('labMasterFailoverTitle'),
	lessons: [
		localized('labMasterFailoverLessons'),
		localized('labMasterFailoverLessons2'),
		localized('labMasterFailoverLessons3'),
	],
	app: shellAppExperiment.app,
	async run(context) {
		const services = requireServices(context, 'master-failover');
		if (context.mesosUrls.length < 3) {
			throw new ClusterError(localized('errMasterFailoverNeedsTheLabSThree', {length: context.mesosUrls.length}), {hint: localized('errMasterFailoverNeedsTheLabSThreeHint')});
		}
		const guard = new StoppedServices(services, context.print, context.lang);
		const print = context.print;
		const observations: Localized[] = [];
		const measurements: Measurement[] = [];
		const leaderNow = () => mesosLeader(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
		const position = (hostPort: string): number => {
			const found = positionOf(context.mesosUrls, hostPort);
			if (found === undefined) throw new ClusterError(localized('errTheLeadingMasterIsNot', {hostPort, mesosUrls: context.mesosUrls.join(', ')}), {hint: localized('errTheLeadingMasterIsNotHint')});
			return found;
		};

		const witness = await ensureWitnessApp(context);
		const firstLeader = await waitFor(localized('labWaitMesosLeader'), leaderNow, context);
		const before = await runningPicture(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
		print(t(context.lang, 'labMasterFailoverBefore', {firstLeader, agents: before.agents.size, tasks: before.tasks.size, id: witness.id}));
		const first = position(firstLeader);
		try {
			// 1. The leader stops: ZooKeeper's election picks a standby, the log still has a quorum.
			const stoppedAt = await guard.stop({kind: 'master', index: first});
			const secondLeader = await waitFor(localized('labWaitStandbyElected'), async () => {
				const leader = await leaderNow();
				return leader !== undefined && leader !== firstLeader ? leader : undefined;
			}, context);
			const gapMs = since(stoppedAt);
			measurements.push({name: 'mesos-failover-gap', value: gapMs, unit: 'ms'});
			print(t(context.lang, 'labMasterFailoverNewLeader', {secondLeader, gapMs}));
			const reregistered = await waitFor(localized('labWaitAgentsReregister'), async () => {
				const now = await runningPicture(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
				return [...before.agents].every(id => now.agents.has(id)) ? now : undefined;
			}, context);
			const reregisteredMs = since(stoppedAt);
			measurements.push({name: 'agents-reregistered', value: reregisteredMs, unit: 'ms'});
			print(t(context.lang, 'labMasterFailoverReregistered', {agents: before.agents.size, reregisteredMs}));
			const lost = [...before.tasks].filter(id => !reregistered.tasks.has(id));
			measurements.push({name: 'tasks-lost', value: lost.length, unit: 'count'});
			const kept = {running: before.tasks.size - lost.length, tasks: before.tasks.size};
			observations.push(lost.length === 0
				? localized('labObsMasterTasksAfterFailover', kept)
				: localizedBy('labObsMasterTasksMissing', language => [{...kept, missing: listText(language, lost)}]));
			print(t(context.lang, 'labMasterFailoverTasksRunning', {running: before.tasks.size - lost.length, tasks: before.tasks.size}));

			// 2. The new leader stops too: one master left, below --quorum=2.
			const second = position(secondLeader);
			const secondAt = await guard.stop({kind: 'master', index: second});
			const someone = await holdsFor(leaderNow, noQuorumWatchMs, context);
			if (someone !== undefined) {
				const stillLeader = localized('labMasterFailoverStillLeader', {someone});
				observations.push(stillLeader);
				print(stillLeader[context.lang]);
			} else {
				const leaderlessMs = since(secondAt);
				measurements.push({name: 'no-leader-watched', value: leaderlessMs, unit: 'ms'});
				const leaderless = localized('labMasterFailoverLeaderless', {leaderlessMs});
				observations.push(leaderless);
				print(leaderless[context.lang]);
			}

			// 3. Both back: quorum again, a leader again, and the tasks are still there.
			const restartedAt = await guard.start({kind: 'master', index: first});
			await guard.start({kind: 'master', index: second});
			const thirdLeader = await waitFor(localized('labWaitLeaderQuorumBack'), leaderNow, context);
			const recoveredMs = since(restartedAt);
			measurements.push({name: 'mesos-leader-recovered', value: recoveredMs, unit: 'ms'});
			print(t(context.lang, 'labMasterFailoverQuorumBack', {thirdLeader, recoveredMs}));
			const after = await waitFor(localized('labWaitTasksReported'), async () => {
				const now = await runningPicture(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
				return [...before.agents].every(id => now.agents.has(id)) ? now : undefined;
			}, context);
			const lostAtEnd = [...before.tasks].filter(id => !after.tasks.has(id));
			measurements.push({name: 'tasks-lost-at-end', value: lostAtEnd.length, unit: 'count'});
			observations.push(localized('labObsMasterTasksAtEnd', {running: before.tasks.size - lostAtEnd.length, tasks: before.tasks.size}));
		} finally {
			await guard.restore();
		}
		return {id: 'master-failover', appId: witness.id, observations, measurements};
	},
};
