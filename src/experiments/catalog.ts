import {UserInputError} from '../errors.js';
import type {Localized} from '../steps/step.js';
import type {Experiment, ExperimentId} from './experiment.js';
import {failoverExperiment} from './failover.js';
import {insideExperiment} from './inside.js';
import {nginxDockerExperiment} from './nginx-docker.js';
import {shellAppExperiment} from './shell-app.js';
import {virtualHostExperiment} from './virtual-host.js';

/** The guided experiments, in the order the tutorial runs them. */
export const experiments: readonly Experiment[] = [shellAppExperiment, nginxDockerExperiment, failoverExperiment, virtualHostExperiment, insideExperiment];

/** The short names `mesos-lab lab NAME` accepts beside the ids, as the tutorial's readers say them. */
export const experimentAliases: Readonly<Record<string, ExperimentId>> = {hello: 'shell-app', shell: 'shell-app', nginx: 'nginx-docker', vhost: 'virtual-host'};

/** The name each experiment goes by on the command line. */
export const shortNames: Partial<Record<ExperimentId, string>> = {'shell-app': 'hello', 'nginx-docker': 'nginx', failover: 'failover', 'virtual-host': 'vhost', inside: 'inside'};

export function findExperiment(name: string): Experiment {
	const found = experiments.find(e => e.id === (experimentAliases[name] ?? name));
	if (found === undefined) {
		throw new UserInputError(`There is no experiment "${name}".`, {hint: `Choose one of: ${experiments.map(e => e.id).join(', ')}`});
	}
	return found;
}

/** What to offer once a lab verifies: each experiment's title and the command that runs it on that lab. */
export function experimentOffers(labId: string): Array<{id: ExperimentId; title: Localized; command: string}> {
	return experiments.map(experiment => ({
		id: experiment.id,
		title: experiment.title,
		command: `mesos-lab lab ${shortNames[experiment.id] ?? experiment.id} --lab-id ${labId}`,
	}));
}

export type {ExperimentId};
