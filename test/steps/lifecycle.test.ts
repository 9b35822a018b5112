import {describe, expect, it} from 'vitest';
import {lifecycleCommands} from '../../src/steps/lifecycle.js';
import {buildResetPlan} from '../../src/steps/reset.js';
import {planningContext} from '../../src/steps/plan-script.js';
import {FakeExecutor} from '../helpers/fake-executor.js';
import {exampleLabs} from './labs.js';

const [single, spread] = exampleLabs();

describe('starting, stopping and resetting the lab', () => {
	it('starts ZooKeeper first and marathon-lb last, and stops in the reverse order', () => {
		const start = lifecycleCommands(single!.lab, 'start').map((entry) => entry.command.command);
		expect(start[0]).toBe('systemctl start mesos-lab-zookeeper-1.service');
		expect(start.at(-1)).toBe('systemctl start mesos-lab-marathon-lb.service');
		const stop = lifecycleCommands(single!.lab, 'stop').map((entry) => entry.command.command);
		expect(stop[0]).toBe('systemctl stop mesos-lab-marathon-lb.service');
		expect(stop.at(-1)).toBe('systemctl stop mesos-lab-zookeeper-1.service');
	});

	it('sends each start to the host that runs the unit', () => {
		const hosts = lifecycleCommands(spread!.lab, 'start').filter((entry) => entry.command.command.includes('marathon-lb')).map((entry) => entry.host);
		expect(hosts).toEqual(['node3']);
	});

	it('removes the units and the lab directory on every host', async () => {
		const steps = buildResetPlan(spread!.lab);
		expect(steps.map((step) => `${step.id}@${step.host}`)).toEqual(['node1', 'node2', 'node3'].flatMap((host) => ['reset-services', 'reset-containers', 'reset-mesos', 'reset-files', 'reset-data'].map((id) => `${id}@${host}`)));
		const plan = await steps[0]!.plan(planningContext());
		expect(plan.commands.map((command) => command.command)).toContain('rm -f /etc/systemd/system/mesos-lab-zookeeper-1.service /etc/systemd/system/mesos-lab-master-1.service /etc/systemd/system/mesos-lab-agent.service /etc/systemd/system/mesos-lab-marathon-1.service');
	});

	it('reports a reset as already done when nothing is left', async () => {
		const step = buildResetPlan(single!.lab).find((candidate) => candidate.id === 'reset-data')!;
		const nothingLeft = {exec: new FakeExecutor([{match: /\/opt\/mesos-lab \/var\/lib\/mesos-lab$/}], 'node', {unmatched: {exitCode: 1}}), signal: new AbortController().signal};
		expect((await step.check(nothingLeft)).kind).toBe('satisfied');
		const leftovers = {exec: new FakeExecutor([], 'node', {unmatched: {exitCode: 1}}), signal: new AbortController().signal};
		expect((await step.check(leftovers)).kind).toBe('needed');
	});
});
