import {describe, expect, it} from 'vitest';
import {buildPlan} from '../../src/steps/catalog.js';
import {planningContext} from '../../src/steps/plan-script.js';
import {preflightSteps, type PreflightStep} from '../../src/steps/preflight.js';
import type {StepContext} from '../../src/steps/step.js';
import {stepKey} from '../../src/steps/step.js';
import {exampleLabs} from './labs.js';
import {fakeExecutor, type Scripted} from './fake-exec.js';

const lab = exampleLabs()[0]!.lab;
const context = (script: readonly Scripted[]): StepContext & {exec: ReturnType<typeof fakeExecutor>} => ({exec: fakeExecutor(script), signal: new AbortController().signal});

// Steps whose check reads answers from the services rather than one exit status.
const answerReading = new Set(['zookeeper-ensemble', 'mesos-master-leader', 'marathon-leader']);

describe('check and plan of every install step', () => {
	const steps = buildPlan(lab).filter((step) => step.phase !== 'preflight' && !answerReading.has(step.id) && !step.id.startsWith('zookeeper-member-'));

	it.each(steps.map((step) => [stepKey(step), step] as const))('%s is satisfied when its probe succeeds and needed when it fails', async (_key, step) => {
		expect((await step.check(context([{when: /.*/, stdout: 'ok'}]))).kind).toBe('satisfied');
		expect((await step.check(context([]))).kind).toBe('needed');
	});

	it.each(steps.map((step) => [stepKey(step), step] as const))('%s plans something to write or run, without probing', async (_key, step) => {
		const plan = await step.plan(planningContext());
		expect(plan.files.length + plan.commands.length).toBeGreaterThan(0);
	});
});

describe('ZooKeeper member and ensemble checks', () => {
	const steps = buildPlan(lab);
	const member = steps.find((step) => step.id === 'zookeeper-member-2')!;
	const ensemble = steps.find((step) => step.id === 'zookeeper-ensemble')!;
	const srvr = (port: number, mode: string): Scripted => ({when: new RegExp(`zk-4lw 192\\.168\\.56\\.10 ${port} srvr`), stdout: `Zookeeper version: 3.4.14\nMode: ${mode}\n`});

	it.each([
		['already running with myid 2', [srvr(2182, 'follower'), {when: /cat .*zk2\/data\/myid/, stdout: '2\n'}], 'satisfied'],
		['running but with another myid', [srvr(2182, 'follower'), {when: /myid/, stdout: '3\n'}], 'needed'],
		['not answering', [{when: /myid/, stdout: '2\n'}], 'needed'],
	] as const)('member 2 %s → %s', async (_case, script, kind) => {
		expect((await member.check(context(script))).kind).toBe(kind);
	});

	it.each([
		['one leader, two followers', [srvr(2181, 'follower'), srvr(2182, 'leader'), srvr(2183, 'follower')], true, /zk2 .* leads/],
		['no quorum: every member silent', [], false, /found 0.*3 member/],
		['two members claim to lead', [srvr(2181, 'leader'), srvr(2182, 'leader'), srvr(2183, 'follower')], false, /found 2/],
		['one member down, leader elected', [srvr(2181, 'leader'), srvr(2183, 'follower')], true, /zk2=down/],
	] as const)('ensemble with %s', async (_case, script, ok, pattern) => {
		const result = await ensemble.verify(context(script));
		expect(result.ok).toBe(ok);
		expect(result.ok ? result.proof : result.problem).toMatch(pattern);
	});
});

describe('Mesos masters and Marathon agree on their leaders', () => {
	const steps = buildPlan(lab);
	const masters = steps.find((step) => step.id === 'mesos-master-leader')!;
	const marathon = steps.find((step) => step.id === 'marathon-leader')!;
	const redirect = (port: number, to: string): Scripted => ({when: new RegExp(`:${port}/master/redirect`), stdout: `307 http://${to}/`});

	it('accepts three masters that all redirect to one of them', async () => {
		const leader = '192.168.56.10:5051';
		const result = await masters.verify(context([redirect(5050, leader), redirect(5051, leader), redirect(5052, leader)]));
		expect(result).toEqual({ok: true, proof: `master 2 (${leader}) leads; the others redirect to it`});
	});

	it('refuses masters that name different leaders', async () => {
		const result = await masters.verify(context([redirect(5050, '192.168.56.10:5050'), redirect(5051, '192.168.56.10:5051'), redirect(5052, '192.168.56.10:5050')]));
		expect(result.ok).toBe(false);
	});

	it('refuses while a master does not answer', async () => {
		const result = await masters.verify(context([redirect(5050, '192.168.56.10:5050'), redirect(5051, '192.168.56.10:5050')]));
		expect(result.ok ? '' : result.problem).toMatch(/not redirecting: master 3/);
	});

	it('needs both Marathons to answer with the same leader', async () => {
		const info = (port: number, leader: string): Scripted => ({when: new RegExp(`:${port}/v2/info`), stdout: JSON.stringify({leader})});
		expect((await marathon.check(context([info(8080, '192.168.56.10:8081'), info(8081, '192.168.56.10:8081')]))).kind).toBe('satisfied');
		expect((await marathon.check(context([info(8080, '192.168.56.10:8081')]))).kind).toBe('needed');
	});
});

describe('preflight findings', () => {
	const host = lab.hosts[0]!;
	const find = (name: string, ignore: string[] = []): PreflightStep => preflightSteps({...lab, ignorePreflight: ignore}, host).find((step) => step.checkName === name)!;
	const meminfo = (memKib: number, swapKib: number): string => `MemTotal: ${memKib} kB\nSwapTotal: ${swapKib} kB\n`;

	it.each([
		['os', 'ID="centos"\nVERSION_ID="7"\n', 'pass'],
		['os', 'ID=rocky\nVERSION_ID="9.3"\n', 'fail'],
		['memory', meminfo(2 * 1024 * 1024, 2 * 1024 * 1024), 'pass'],
		['memory', meminfo(2 * 1024 * 1024, 0), 'fail'],
		['disk', 'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 41943040 4000000 37943040 10% /\n', 'pass'],
		['disk', 'Filesystem 1024-blocks Used Available Capacity Mounted on\n/dev/sda1 8388608 4000000 4388608 50% /\n', 'fail'],
		['ports', 'LISTEN 0 128 0.0.0.0:22 0.0.0.0:*\n', 'pass'],
		['ports', 'LISTEN 0 128 0.0.0.0:8080 0.0.0.0:*\n', 'fail'],
		['selinux', 'Enforcing\n', 'warn'],
		['cpus', '1\n', 'warn'],
	] as const)('%s with probe output %j is %s', async (name, stdout, level) => {
		const finding = await find(name).assess(context([{when: /.*/, stdout}]));
		expect(finding.level).toBe(level);
		expect(finding.fix.en.length).toBeGreaterThan(0);
	});

	it('names what is supported when the system is not CentOS 7', async () => {
		const result = await find('os').verify(context([{when: /os-release/, stdout: 'ID=ubuntu\nVERSION_ID="22.04"\n'}]));
		expect(result.ok ? '' : result.problem).toMatch(/Only CentOS 7/);
	});

	it('turns a failure the user chose to ignore into a warning', async () => {
		const finding = await find('memory', ['memory']).assess(context([{when: /meminfo/, stdout: meminfo(1024 * 1024, 0)}]));
		expect(finding.level).toBe('warn');
		expect((await find('memory', ['memory']).check(context([{when: /meminfo/, stdout: meminfo(1024 * 1024, 0)}]))).kind).toBe('satisfied');
	});

	it('offers a swap file when memory is short', async () => {
		const plan = await find('memory').plan(planningContext());
		expect(plan.commands[0]?.command).toContain('/swapfile');
	});
});
