import {describe, expect, it} from 'vitest';
import {dockerImageOf} from '../../src/sim/model/app-definition.js';
import type {ClusterModel} from '../../src/sim/model/cluster-model.js';
import {newModel, settle} from './model-fixture.js';

function webApp(image: string, strategy: {minimumHealthCapacity: number; maximumOverCapacity: number}) {
	return {
		id: '/web', instances: 4, cpus: 0.1, mem: 32,
		container: {type: 'DOCKER', docker: {image, network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort: 0}]}},
		healthChecks: [{protocol: 'HTTP', path: '/', maxConsecutiveFailures: 3}],
		upgradeStrategy: strategy,
	};
}

function healthyCount(model: ClusterModel): number {
	return model.liveTasks('/web').filter(t => model.isHealthy(t)).length;
}

function imagesRunning(model: ClusterModel): string[] {
	const app = model.apps.get('/web');
	return model.liveTasks('/web').map(t => dockerImageOf(app?.versions.find(v => v.version === t.version)?.definition ?? {}) ?? '').sort();
}

describe('a rolling upgrade respects the upgrade strategy', () => {
	for (const strategy of [
		{minimumHealthCapacity: 0.5, maximumOverCapacity: 0},
		{minimumHealthCapacity: 0.75, maximumOverCapacity: 0.25},
		{minimumHealthCapacity: 1, maximumOverCapacity: 0},
	]) {
		it(`keeps at least ${strategy.minimumHealthCapacity * 100}% healthy at every tick with ${strategy.maximumOverCapacity * 100}% over capacity`, () => {
			const model = newModel();
			model.createApp(webApp('nginx:1.24', strategy));
			settle(model);
			expect(healthyCount(model)).toBe(4);
			model.updateApp('/web', {container: {type: 'DOCKER', docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort: 0}]}}});
			const minHealthy = Math.ceil(4 * strategy.minimumHealthCapacity);
			const maxTasks = 4 + Math.max(1, Math.floor(4 * strategy.maximumOverCapacity));
			let ticks = 0;
			while (model.deployments.size > 0) {
				model.tick(1000);
				ticks++;
				expect(healthyCount(model)).toBeGreaterThanOrEqual(minHealthy);
				expect(model.liveTasks('/web').length).toBeLessThanOrEqual(maxTasks);
				expect(ticks).toBeLessThan(40);
			}
			expect(imagesRunning(model)).toEqual(['nginx:1.25', 'nginx:1.25', 'nginx:1.25', 'nginx:1.25']);
		});
	}

	it('rolls back to the previous image through PUT {version}', () => {
		const model = newModel();
		model.createApp(webApp('nginx:1.24', {minimumHealthCapacity: 0.5, maximumOverCapacity: 0.5}));
		settle(model);
		const first = model.currentVersion('/web').version;
		model.updateApp('/web', {container: {type: 'DOCKER', docker: {image: 'nginx:1.25', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort: 0}]}}});
		settle(model);
		expect(imagesRunning(model)[0]).toBe('nginx:1.25');
		const result = model.updateApp('/web', {version: first});
		expect(result.version).not.toBe(first);
		let ticks = 0;
		while (model.deployments.size > 0) {
			model.tick(1000);
			expect(healthyCount(model)).toBeGreaterThanOrEqual(2);
			expect(++ticks).toBeLessThan(40);
		}
		expect(imagesRunning(model)).toEqual(['nginx:1.24', 'nginx:1.24', 'nginx:1.24', 'nginx:1.24']);
		expect(model.apps.get('/web')?.versions).toHaveLength(3);
	});

	it('refuses a second deployment while one runs, unless forced', () => {
		const model = newModel();
		model.createApp(webApp('nginx:1.24', {minimumHealthCapacity: 1, maximumOverCapacity: 1}));
		expect(() => model.updateApp('/web', {instances: 2})).toThrow(/locked/);
		model.updateApp('/web', {instances: 2}, {force: true});
		settle(model);
		expect(model.liveTasks('/web')).toHaveLength(2);
	});

	it('scales down by killing the youngest tasks without touching the others', () => {
		const model = newModel();
		model.createApp(webApp('nginx:1.24', {minimumHealthCapacity: 1, maximumOverCapacity: 1}));
		settle(model);
		const oldest = model.liveTasks('/web').map(t => t.id);
		model.updateApp('/web', {instances: 2});
		settle(model);
		const left = model.liveTasks('/web').map(t => t.id);
		expect(left).toHaveLength(2);
		expect(left.every(id => oldest.includes(id))).toBe(true);
	});

	it('restarts every task of an app with a new version', () => {
		const model = newModel();
		model.createApp(webApp('nginx:1.24', {minimumHealthCapacity: 0.5, maximumOverCapacity: 0}));
		settle(model);
		const before = model.liveTasks('/web').map(t => t.id);
		model.restartApp('/web');
		settle(model);
		expect(model.liveTasks('/web').some(t => before.includes(t.id))).toBe(false);
		expect(model.liveTasks('/web')).toHaveLength(4);
	});
});
