import {expect, test} from 'vitest';
import type {PreflightCheckName} from '../../src/lab/lab-schema.js';
import type {PreflightFinding, PreflightStep} from '../../src/steps/preflight.js';
import {assessPreflight, blockingFailures} from '../../src/steps/preflight-findings.js';
import type {CheckResult, Step} from '../../src/steps/step.js';
import {FakeExecutor} from '../helpers/fake-executor.js';

const fix = {zh: '修复', en: 'fix it'};

function check(name: PreflightCheckName, finding: PreflightFinding, host = 'node1'): PreflightStep {
	return {
		id: `preflight-${name}`, phase: 'preflight', host, checkName: name, title: {zh: name, en: name}, why: {zh: '', en: ''},
		assess: async () => finding,
		check: async () => ({kind: 'satisfied', reason: {zh: '', en: ''}}),
		plan: async () => ({files: [], commands: []}),
		verify: async () => ({ok: true, proof: {zh: '', en: ''}}),
		hints: [],
	};
}

function swapFile(result: CheckResult): Step {
	return {
		id: 'swap-file', phase: 'preflight', host: 'node1', title: {zh: '', en: 'swap'}, why: {zh: '', en: ''},
		check: async () => result,
		plan: async () => ({files: [], commands: []}),
		verify: async () => ({ok: true, proof: {zh: '', en: ''}}),
		hints: [],
	};
}

const exec = new FakeExecutor([]);
const signal = new AbortController().signal;

test('every host\'s checks are judged before anything runs, and only a FAIL not ignored blocks the start', async () => {
	const steps = [
		check('os', {level: 'fail', detail: {zh: 'found debian 12', en: 'found debian 12'}, fix}),
		check('selinux', {level: 'fix', detail: {zh: 'Enforcing', en: 'Enforcing'}, fix}),
		check('disk', {level: 'fail', detail: {zh: '3 GB free', en: '3 GB free'}, fix}, 'node2'),
	];
	const outcomes = await assessPreflight(steps, () => exec, signal);
	expect(outcomes.map(outcome => `${outcome.name}@${outcome.host} ${outcome.finding.level}`)).toEqual(['os@node1 fail', 'selinux@node1 fix', 'disk@node2 fail']);
	expect(blockingFailures(outcomes, ['disk']).map(outcome => outcome.name)).toEqual(['os']);
});

test('checks after a swap file still to be made wait for the run, which judges them once the swap exists', async () => {
	const steps = [check('os', {level: 'pass', detail: {zh: 'CentOS 7', en: 'CentOS 7'}, fix}), swapFile({kind: 'needed', reason: {zh: 'no swap', en: 'no swap'}}), check('memory', {level: 'fail', detail: {zh: '1.0 GiB', en: '1.0 GiB'}, fix})];
	expect((await assessPreflight(steps, () => exec, signal)).map(outcome => outcome.name)).toEqual(['os']);

	const made = [steps[0]!, swapFile({kind: 'satisfied', reason: {zh: 'swap on', en: 'swap on'}}), steps[2]!];
	expect((await assessPreflight(made, () => exec, signal)).map(outcome => outcome.name)).toEqual(['os', 'memory']);
});

test('a host that cannot be reached fails each of its checks with the way to fix the connection', async () => {
	const outcomes = await assessPreflight([check('os', {level: 'pass', detail: {zh: '', en: ''}, fix})], () => {
		throw new Error('connect ECONNREFUSED 10.0.0.9:22');
	}, signal);
	expect(outcomes[0]?.finding).toMatchObject({level: 'fail', detail: {en: 'could not check: connect ECONNREFUSED 10.0.0.9:22', zh: '无法检查：connect ECONNREFUSED 10.0.0.9:22'}});
	expect(outcomes[0]?.finding.fix.en).toContain('can be reached');
});
