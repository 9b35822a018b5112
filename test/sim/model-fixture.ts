import {ClusterModel} from '../../src/sim/model/cluster-model.js';
import {seedAgents} from '../../src/sim/model/seed.js';

/** A model alone, no servers: four agents in dc:bj and dc:sh, time moved only by the test. */
export function newModel(seed = 11): ClusterModel {
	return new ClusterModel({
		seed, startTime: Date.UTC(2026, 0, 1),
		agents: seedAgents(),
		masters: [1, 2, 3].map(port => ({hostname: '127.0.0.1', port})),
		marathons: [1, 2].map(port => ({hostname: '127.0.0.1', port})),
	});
}

export function settle(model: ClusterModel, maxTicks = 30): number {
	let ticks = 0;
	while (model.deployments.size > 0 && ticks < maxTicks) {
		model.tick(1000);
		ticks++;
	}
	return ticks;
}
