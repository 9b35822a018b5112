import {describe, expect, it} from 'vitest';
import type {ClusterModel} from '../../src/sim/model/cluster-model.js';
import {newModel, settle} from './model-fixture.js';

function placedBy(model: ClusterModel, appId: string, field: 'dc' | 'hostname'): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const task of model.liveTasks(appId)) {
		const agent = model.agentOf(task);
		const key = field === 'hostname' ? agent?.hostname ?? '' : agent?.attributes.dc ?? '';
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return counts;
}

function deploy(model: ClusterModel, instances: number, constraints: string[][]): void {
	model.createApp({id: '/spread', cmd: 'sleep 1000', cpus: 0.1, mem: 16, instances, constraints});
	settle(model);
}

describe('constraints place instances across agents and data centres', () => {
	it('GROUP_BY dc spreads six instances three and three over bj and sh', () => {
		const model = newModel();
		deploy(model, 6, [['dc', 'GROUP_BY', '2']]);
		expect(placedBy(model, '/spread', 'dc')).toEqual({bj: 3, sh: 3});
	});

	it('GROUP_BY dc keeps the spread even when an agent is lost', () => {
		const model = newModel();
		deploy(model, 4, [['dc', 'GROUP_BY', '2']]);
		const lost = model.agents.find(a => a.attributes.dc === 'sh');
		model.killAgent(lost?.id ?? '');
		model.tick(1000);
		model.tick(1000);
		expect(placedBy(model, '/spread', 'dc')).toEqual({bj: 2, sh: 2});
	});

	it('UNIQUE hostname puts at most one instance per agent and leaves the rest waiting', () => {
		const model = newModel();
		deploy(model, 5, [['hostname', 'UNIQUE']]);
		expect(Object.values(placedBy(model, '/spread', 'hostname'))).toEqual([1, 1, 1, 1]);
		expect(model.deployments.size).toBe(1);
	});

	it('CLUSTER dc:sh keeps every instance in Shanghai', () => {
		const model = newModel();
		deploy(model, 3, [['dc', 'CLUSTER', 'sh']]);
		expect(placedBy(model, '/spread', 'dc')).toEqual({sh: 3});
	});

	it('LIKE and UNLIKE match the whole attribute value as a regular expression', () => {
		const model = newModel();
		deploy(model, 2, [['dc', 'LIKE', 'b.'], ['rack', 'UNLIKE', 'r2']]);
		const hosts = placedBy(model, '/spread', 'hostname');
		expect(hosts).toEqual({'127.0.1.1': 2});
	});

	it('MAX_PER dc:1 stops at one instance per data centre', () => {
		const model = newModel();
		deploy(model, 3, [['dc', 'MAX_PER', '1']]);
		expect(placedBy(model, '/spread', 'dc')).toEqual({bj: 1, sh: 1});
	});

	it('gives every task a distinct host port from 31000-32000 and a new one to a replacement', () => {
		const model = newModel();
		deploy(model, 4, []);
		const first = model.liveTasks('/spread')[0];
		const before = new Set(model.liveTasks('/spread').map(t => t.hostPorts[0]));
		expect(before.size).toBe(4);
		model.killTask(first?.id ?? '');
		model.tick(1000);
		const replacement = model.liveTasks('/spread').find(t => !before.has(t.hostPorts[0]));
		expect(replacement?.hostPorts[0]).toBeGreaterThanOrEqual(31000);
		expect(replacement?.hostPorts[0]).toBeLessThanOrEqual(32000);
	});
});

describe('the same seed replays the same cluster', () => {
	it('gives identical task ids, agents and ports for identical histories', () => {
		const run = (): string[] => {
			const model = newModel(42);
			deploy(model, 4, [['dc', 'GROUP_BY']]);
			model.killTask(model.liveTasks('/spread')[0]?.id ?? '');
			model.tick(1000);
			return model.liveTasks('/spread').map(t => `${t.id}@${t.agentId}:${t.hostPorts.join(',')}`);
		};
		expect(run()).toEqual(run());
	});
});
