import {UserInputError} from '../errors.js';
import type {Experiment, ExperimentId} from './experiment.js';
import {failoverExperiment} from './failover.js';
import {nginxDockerExperiment} from './nginx-docker.js';
import {shellAppExperiment} from './shell-app.js';
import {virtualHostExperiment} from './virtual-host.js';

/** The guided experiments, in the order the tutorial runs them. */
export const experiments: readonly Experiment[] = [shellAppExperiment, nginxDockerExperiment, failoverExperiment, virtualHostExperiment];

export function findExperiment(name: string): Experiment {
	const found = experiments.find(e => e.id === name);
	if (found === undefined) {
		throw new UserInputError(`There is no experiment "${name}".`, {hint: `Choose one of: ${experiments.map(e => e.id).join(', ')}`});
	}
	return found;
}

export type {ExperimentId};
