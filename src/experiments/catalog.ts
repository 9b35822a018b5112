import {listText, localized, localizedBy} from '../i18n/localized.js';
import {UserInputError} from '../errors.js';
import type {Localized} from '../steps/step.js';
import type {Experiment, ExperimentId} from './experiment.js';
import {failoverExperiment} from './failover.js';
import {insideExperiment} from './inside.js';
import {marathonFailoverExperiment} from './marathon-failover.js';
import {masterFailoverExperiment} from './master-failover.js';
import {nginxDockerExperiment} from './nginx-docker.js';
import {shellAppExperiment} from './shell-app.js';
import {virtualHostExperiment} from './virtual-host.js';
import {zkQuorumExperiment} from './zk-quorum.js';

/** The guided experiments, in the order the tutorial runs them. */
export const experiments: readonly Experiment[] = [
	shellAppExperiment, nginxDockerExperiment, failoverExperiment, virtualHostExperiment, insideExperiment,
	zkQuorumExperiment, masterFailoverExperiment, marathonFailoverExperiment,
];

/** The short names `mesos-lab lab NAME` accepts beside the ids, as the tutorial's readers say them. */
export const experimentAliases: Readonly<Record<string, ExperimentId>> = {hello: 'shell-app', shell: 'shell-app', nginx: 'nginx-docker', vhost: 'virtual-host'};

/** The name each experiment goes by on the command line. */
export const shortNames: Record<ExperimentId, string> = {
	'shell-app': 'hello', 'nginx-docker': 'nginx', failover: 'failover', 'virtual-host': 'vhost', inside: 'inside',
	'zk-quorum': 'zk-quorum', 'master-failover': 'master-failover', 'marathon-failover': 'marathon-failover',
};

export function findExperiment(name: string): Experiment {
	const found = experiments.find(e => e.id === (experimentAliases[name] ?? name));
	if (found === undefined) {
		throw new UserInputError(localized('errThereIsNoExperiment', {name}), {hint: localizedBy('errThereIsNoExperimentHint', language => [{map: listText(language, experiments.map(e => e.id))}])});
	}
	return found;
}

/** What an experiment is about: running apps behind marathon-lb, or surviving the loss of a leader. */
export type ExperimentTopic = 'apps' | 'availability';

const availability: ReadonlySet<ExperimentId> = new Set(['zk-quorum', 'master-failover', 'marathon-failover']);

/** The experiments that stop and start the lab's daemons, and must start them again whatever happens. */
export function stopsDaemons(id: ExperimentId): boolean {
	return availability.has(id);
}

/** What to offer once a lab verifies: each experiment's title, topic and the command that runs it on that lab. */
export function experimentOffers(labId: string): Array<{id: ExperimentId; title: Localized; topic: ExperimentTopic; command: string}> {
	return experiments.map(experiment => ({
		id: experiment.id,
		title: experiment.title,
		topic: availability.has(experiment.id) ? 'availability' : 'apps',
		command: `mesos-lab lab ${shortNames[experiment.id]} --lab-id ${labId}`,
	}));
}

/** The offers' commands, one group per topic in the tutorial's order: one summary line each. */
export function experimentCommandsByTopic(labId: string): Array<{topic: ExperimentTopic; commands: string[]}> {
	const offers = experimentOffers(labId);
	return (['apps', 'availability'] as const)
		.map(topic => ({topic, commands: offers.filter(offer => offer.topic === topic).map(offer => offer.command)}))
		.filter(group => group.commands.length > 0);
}

export type {ExperimentId};
