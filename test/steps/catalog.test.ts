import {describe, expect, it} from 'vitest';
import {buildPlan} from '../../src/steps/catalog.js';
import {stepKey} from '../../src/steps/step.js';
import {exampleLabs} from './labs.js';
import {planningContext} from '../../src/steps/plan-script.js';
import type {Lab} from '../../src/lab/lab-schema.js';

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

	// Every optional branch of the catalog, so the walk sees steps the two examples leave out.
	const variants = (): Array<{name: string; lab: Lab}> => {
		const base = exampleLabs()[0]!.lab;
		const download = {url: 'https://files.internal/mesos-1.11.0.bin', checksum: {algorithm: 'sha256' as const, value: 'a'.repeat(64)}};
		return [
			{name: 'swap, login and offline images', lab: {...base, swapFile: {sizeGiB: 4, path: '/swapfile'}, docker: {login: {registry: 'docker.io', user: 'newcomer'}, offlineImages: ['/root/bundle/images.tar']}}},
			{name: 'a prebuilt RPM', lab: {...base, mesos: {source: 'rpm', download}}},
			{name: 'a prebuilt tarball and a Marathon tarball', lab: {...base, mesos: {source: 'tarball', download}, marathon: {source: 'tarball', download: {...download, url: 'https://files.internal/marathon-1.10.26.tgz'}}}},
			{name: 'a third-party repo', lab: {...base, mesos: {source: 'third-party-repo', thirdPartyRepo: 'https://rpm.aventer.biz/CentOS/7/x86_64/', thirdPartyGpgKey: 'https://www.aventer.biz/CentOS/support_aventer.asc'}}},
		];
	};

	for (const {name, lab} of variants()) {
		it(`explains and verifies every step of the lab with ${name}`, async () => {
			for (const step of buildPlan(lab)) {
				for (const language of ['zh', 'en'] as const) {
					expect(step.title[language].trim(), `${stepKey(step)} title ${language}`).not.toBe('');
					expect(step.why[language].length, `${stepKey(step)} why ${language}`).toBeGreaterThan(20);
				}
				expect(typeof step.verify, stepKey(step)).toBe('function');
				const plan = await step.plan(planningContext());
				expect(plan.commands.every((command) => command.command.length > 0), stepKey(step)).toBe(true);
			}
		});
	}

	it('shows a third-party repo as third-party in the title', () => {
		const lab = variants()[3]!.lab;
		const install = buildPlan(lab).find((step) => step.id === 'mesos-install')!;
		expect(install.title.en).toContain('third party: https://rpm.aventer.biz/CentOS/7/x86_64/');
		expect(install.why.en).toMatch(/not by Apache/);
		expect(install.why.en).toContain('2026-09-28');
	});

	it('adds the optional steps only when the lab asks for them', () => {
		const ids = (lab: Lab): string[] => buildPlan(lab).map((step) => step.id);
		expect(ids(variants()[0]!.lab)).toEqual(expect.arrayContaining(['swap-file', 'docker-login', 'docker-load-offline']));
		expect(ids(exampleLabs()[0]!.lab)).not.toEqual(expect.arrayContaining(['swap-file']));
		expect(ids(exampleLabs()[0]!.lab)).not.toContain('docker-login');
	});

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
		expect(find('14: curl#6 - "Could not resolve host: mirrorlist.centos.org; Unknown error"')).toBe('dead-mirror');
	});

	it('starts the Mesos build as a detached job', async () => {
		const build = buildPlan(exampleLabs()[0]!.lab).find((step) => step.id === 'mesos-build');
		const plan = await build!.plan(planningContext());
		expect(plan.commands.some((command) => command.detached?.name === 'mesos-build')).toBe(true);
		expect(plan.commands[0]?.command).toContain('--disable-python');
	});
});
