import {describe, expect, it} from 'vitest';
import {localized} from '../../src/i18n/localized.js';
import {runUndo} from '../../src/runner/undo-run.js';
import {simpleStep} from '../../src/steps/step-kit.js';
import type {Step} from '../../src/steps/step.js';
import {FakeExecutor} from '../helpers/fake-executor.js';

function step(id: string, dependsOn: string[] = []): Step {
	return simpleStep({
		id, phase: 'zookeeper', host: 'node1', title: {zh: id, en: id}, why: {zh: id, en: id},
		done: `gone ${id}`, proof: `gone ${id}`, commands: [{command: `remove ${id}`}], hints: [],
		...(dependsOn.length === 0 ? {} : {dependsOn}),
	});
}

describe('cleaning up a host', () => {
	it('goes on past a failure, leaves out what depends on it, and says which is which', async () => {
		const exec = new FakeExecutor([
			{match: 'gone units', exitCode: 1, times: 1},
			{match: 'remove units'},
			{match: 'gone units'},
			{match: 'gone mesos', exitCode: 1},
			{match: 'remove mesos', exitCode: 2, stderr: 'make: *** No rule to make target \'uninstall\''},
			{match: 'gone files'},
		]);
		const results = await runUndo([step('units'), step('mesos', ['units']), step('data', ['mesos']), step('files', ['units'])], async () => exec);

		expect(results.map(({step: done, outcome}) => [done.id, outcome.kind])).toEqual([['units', 'removed'], ['mesos', 'failed'], ['data', 'not-tried'], ['files', 'already-gone']]);
		// The command's own output is quoted as it came, after our words in each language.
		expect(results[1]?.outcome).toMatchObject({why: {
			en: expect.stringContaining("No rule to make target 'uninstall'"),
			zh: expect.stringContaining("No rule to make target 'uninstall'"),
		}});
		expect(results[1]?.outcome).toMatchObject({why: {zh: expect.stringContaining('退出码 2')}});
		expect(results[2]?.outcome).toEqual({kind: 'not-tried', why: localized('runnerUndoBlocked', {blocker: 'mesos@node1'})});
	});
});
