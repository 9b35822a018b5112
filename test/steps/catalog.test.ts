import {describe, expect, it} from 'vitest';
import {buildPlan} from '../../src/steps/catalog.js';
import {stepKey} from '../../src/steps/step.js';
import {exampleLabs} from './labs.js';

describe('the step catalog', () => {
	for (const {name, lab} of exampleLabs()) {
		const steps = buildPlan(lab);

		it(`explains every step of the ${name} lab in both languages`, () => {
			for (const step of steps) {
				for (const language of ['zh', 'en'] as const) {
					expect(step.title[language].trim(), `${stepKey(step)} title ${language}`).not.toBe('');
					expect(step.why[language].length, `${stepKey(step)} why ${language}`).toBeGreaterThan(20);
				}
				expect(typeof step.verify, stepKey(step)).toBe('function');
			}
		});

		it(`gives known-failure hints wherever something is installed or started in the ${name} lab`, () => {
			const quiet = steps.filter((step) => step.phase !== 'preflight' && !['firewalld-off', 'nic-onboot', 'docker-login', 'docker-load-offline'].includes(step.id) && step.hints.length === 0);
			expect(quiet.map(stepKey)).toEqual([]);
		});

		it(`has one key per step and only depends on steps that exist in the ${name} lab`, () => {
			const keys = steps.map(stepKey);
			expect(new Set(keys).size).toBe(keys.length);
			const ids = new Set(steps.map((step) => step.id));
			for (const step of steps) {
				for (const dependency of step.dependsOn ?? []) {
					expect(ids.has(dependency), `${stepKey(step)} depends on ${dependency}`).toBe(true);
				}
			}
		});
	}

	it('covers the failures a newcomer meets in 2026', () => {
		const hintIds = new Set(exampleLabs().flatMap(({lab}) => buildPlan(lab).flatMap((step) => step.hints.map((hint) => hint.id))));
		for (const id of ['dead-mirror', 'maven-501', 'cc1plus-killed', 'port-in-use', 'zookeeper-no-quorum', 'master-cannot-reach-zookeeper', 'marathon-libmesos', 'docker-container-config', 'checksum-mismatch']) {
			expect(hintIds.has(id), id).toBe(true);
		}
	});

	it('matches the hint to the error text the user sees', () => {
		const hints = buildPlan(exampleLabs()[0]!.lab).flatMap((step) => step.hints);
		const find = (output: string): string | undefined => hints.find((hint) => hint.matches.test(output))?.id;
		expect(find("Failed to retrieve ... [ERROR] Failed to execute goal: 501 HTTPS Required")).toBe('maven-501');
		expect(find('c++: internal compiler error: Killed (program cc1plus)')).toBe('cc1plus-killed');
		expect(find("Unable to find 'ContainerConfig.Entrypoint' in docker inspect")).toBe('docker-container-config');
		expect(find('Could not resolve host: mirrorlist.centos.org')).toBe('dead-mirror');
	});

	it('starts the Mesos build as a detached job', async () => {
		const build = buildPlan(exampleLabs()[0]!.lab).find((step) => step.id === 'mesos-build');
		const {planningContext} = await import('../../src/steps/plan-script.js');
		const plan = await build!.plan(planningContext());
		expect(plan.commands.some((command) => command.detached?.name === 'mesos-build')).toBe(true);
		expect(plan.commands[0]?.command).toContain('--disable-python');
	});
});
