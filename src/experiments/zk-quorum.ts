import {localized} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {ClusterError} from '../errors.js';
import type {Localized} from '../steps/step.js';
import type {Experiment, Measurement} from './experiment.js';
import {marathonLeader, mesosLeader, requireServices, since, waitOrNote} from './ha-probes.js';
import type {ZkMemberMode} from './lab-services.js';
import {shellAppExperiment} from './shell-app.js';
import {StoppedServices} from './stopped-services.js';
import {waitFor} from './wait-for.js';

/** How long a real master or Marathon may take to notice that ZooKeeper is gone: their session timeouts are 10 s, plus a restart. */
const leaderLossMs = 90_000;

function modesText(modes: readonly ZkMemberMode[]): string {
	return modes.map(m => `zk${m.id}=${m.mode}`).join(', ');
}

function leaderOf(modes: readonly ZkMemberMode[]): ZkMemberMode | undefined {
	return modes.find(m => m.mode === 'leader');
}

/** Stop the ZooKeeper leader, then a second member, and watch who still leads anything. */
export const zkQuorumExperiment: Experiment = {
	id: 'zk-quorum',
	title: localized('labZkQuorumTitle'),
	lessons: [
		localized('labZkQuorumLessons'),
		localized('labZkQuorumLessons2'),
		localized('labZkQuorumLessons3'),
	],
	app: shellAppExperiment.app,
	async run(context) {
		const services = requireServices(context, 'zk-quorum');
		const guard = new StoppedServices(services, context.print, context.lang);
		const print = context.print;
		const observations: Localized[] = [];
		const measurements: Measurement[] = [];
		const mesosNow = () => mesosLeader(context.mesosUrls, context.dispatcher, context.authorization?.mesos);
		const marathonNow = () => marathonLeader(context.marathon.urls, context.dispatcher, context.authorization?.marathon);

		const start = await waitFor(localized('labWaitZkLeaderAllServing'), async () => {
			const modes = await services.zookeeperModes();
			return leaderOf(modes) && modes.every(m => m.mode === 'leader' || m.mode === 'follower') ? modes : undefined;
		}, context);
		print(`ZooKeeper: ${modesText(start)}`);
		const mesosBefore = context.mesosUrls.length > 0 ? await mesosNow() : undefined;
		const marathonBefore = await marathonNow();
		print(mesosBefore ? (t(context.lang, 'labZkMesosLeader', {mesosBefore})) : t(context.lang, 'labZkMesosSilent'));
		print(marathonBefore ? (t(context.lang, 'labZkMarathonLeader', {marathonBefore})) : t(context.lang, 'labZkMarathonSilent'));

		const oldLeader = leaderOf(start) as ZkMemberMode;
		try {
			// 1. One member down: the two left are a majority and elect.
			const stoppedAt = await guard.stop({kind: 'zookeeper', id: oldLeader.id});
			// A real ensemble names its new leader while the other member is still syncing with it
			// (not serving); only once that member follows is there a follower to stop next.
			const afterOne = await waitFor(localized('labWaitZkAnotherLeader'), async () => {
				const modes = await services.zookeeperModes();
				const leader = leaderOf(modes);
				const settled = modes.every(m => m.id === oldLeader.id || m.mode === 'leader' || m.mode === 'follower');
				return leader && leader.id !== oldLeader.id && settled ? modes : undefined;
			}, context);
			const electionMs = since(stoppedAt);
			const newLeader = leaderOf(afterOne) as ZkMemberMode;
			measurements.push({name: 'zk-leader-election', value: electionMs, unit: 'ms'});
			observations.push(localized('labObsZkNewLeader', {oldId: oldLeader.id, newId: newLeader.id, modes: modesText(afterOne)}));
			print(t(context.lang, 'labZkNewLeader', {id: newLeader.id, electionMs, modesText: modesText(afterOne)}));
			if (mesosBefore) {
				const leader = await mesosNow();
				print(leader ? t(context.lang, 'labZkMesosLeaderNow', {leader}) : t(context.lang, 'labZkMesosNoLeader'));
			}

			// 2. A second member down: one of three is no majority.
			const follower = afterOne.find(m => m.mode === 'follower');
			if (follower === undefined) throw new ClusterError(localized('errNoZooKeeperFollowerIsLeft'));
			const secondAt = await guard.stop({kind: 'zookeeper', id: follower.id});
			const refused = await waitFor(localized('labWaitZkLastStops'), async () => {
				const modes = await services.zookeeperModes();
				const running = modes.filter(m => m.mode !== 'down');
				return running.length > 0 && running.every(m => m.mode === 'not-serving') ? modes : undefined;
			}, context);
			measurements.push({name: 'zk-service-lost', value: since(secondAt), unit: 'ms'});
			observations.push(localized('labObsZkNoQuorum', {modes: modesText(refused)}));
			print(t(context.lang, 'labZkNoQuorum', {modesText: modesText(refused)}));
			// A real master or Marathon notices only when its ZooKeeper session times out.
			const watchLoss = async (who: 'Mesos' | 'Marathon', name: string, leaderNow: () => Promise<string | undefined>): Promise<void> => {
				const lost = await waitOrNote(localized('labWaitLeaderGone', {who}), async () => ((await leaderNow()) === undefined ? since(secondAt) : undefined), context, leaderLossMs);
				if (lost === undefined) {
					observations.push(localized('labObsZkLeaderKept', {who, seconds: leaderLossMs / 1000}));
					return;
				}
				measurements.push({name, value: lost, unit: 'ms'});
				print(t(context.lang, 'labZkLeaderLost', {who, lost}));
			};
			if (mesosBefore) await watchLoss('Mesos', 'mesos-leader-lost', mesosNow);
			if (marathonBefore) await watchLoss('Marathon', 'marathon-leader-lost', marathonNow);

			// 3. Both back: quorum, then the leaders that depend on it.
			const restartedAt = await guard.start({kind: 'zookeeper', id: follower.id});
			await guard.start({kind: 'zookeeper', id: oldLeader.id});
			const back = await waitFor(localized('labWaitZkServesAgain'), async () => {
				const modes = await services.zookeeperModes();
				return leaderOf(modes) && modes.every(m => m.mode === 'leader' || m.mode === 'follower') ? modes : undefined;
			}, context);
			const recoveredMs = since(restartedAt);
			measurements.push({name: 'zk-recovered', value: recoveredMs, unit: 'ms'});
			print(t(context.lang, 'labZkServesAgain', {recoveredMs, modesText: modesText(back)}));
			observations.push(localized('labObsZkRecovered', {modes: modesText(back)}));
			if (mesosBefore) {
				const leader = await waitFor(localized('labWaitMesosLeaderAgain'), mesosNow, context);
				const backMs = since(restartedAt);
				measurements.push({name: 'mesos-leader-recovered', value: backMs, unit: 'ms'});
				print(t(context.lang, 'labZkMesosBack', {leader, backMs}));
			}
			if (marathonBefore) {
				const leader = await waitFor(localized('labWaitMarathonLeaderAgain'), marathonNow, context);
				const backMs = since(restartedAt);
				measurements.push({name: 'marathon-leader-recovered', value: backMs, unit: 'ms'});
				print(t(context.lang, 'labZkMarathonBack', {leader, backMs}));
			}
		} finally {
			await guard.restore();
		}
		return {id: 'zk-quorum', appId: '', observations, measurements};
	},
};
