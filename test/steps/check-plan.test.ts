import {spawn} from 'node:child_process';
import {copyFileSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildPlan} from '../../src/steps/catalog.js';
import {planningContext} from '../../src/steps/plan-script.js';
import {UserInputError} from '../../src/errors.js';
import {renderPlanScript} from '../../src/steps/plan-script.js';
import {assertIgnorablePreflight, preflightChecks, preflightSteps, type PreflightStep} from '../../src/steps/preflight.js';
import {secretsFromEnv, type SecretSource} from '../../src/steps/secrets.js';
import type {Step} from '../../src/steps/step.js';
import type {StepContext} from '../../src/steps/step.js';
import {stepKey} from '../../src/steps/step.js';
import {exampleLabs} from './labs.js';
import {FakeExecutor, type FakeCommand} from '../helpers/fake-executor.js';
import {localExecutor} from './local-exec.js';

const lab = exampleLabs()[0]!.lab;
// A probe the table does not answer fails, as a probe for something absent does on a real host.
const context = (script: readonly FakeCommand[]): StepContext & {exec: FakeExecutor} => ({exec: new FakeExecutor(script, 'node', {unmatched: {exitCode: 1}}), signal: new AbortController().signal});

// Steps whose check reads answers from the services rather than one exit status.
const answerReading = new Set(['zookeeper-ensemble', 'mesos-master-leader', 'marathon-leader']);

describe('check and plan of every install step', () => {
	const steps = buildPlan(lab).filter((step) => step.phase !== 'preflight' && !answerReading.has(step.id) && !step.id.startsWith('zookeeper-member-'));

	it.each(steps.map((step) => [stepKey(step), step] as const))('%s is satisfied when its probe succeeds and needed when it fails', async (_key, step) => {
		expect((await step.check(context([{match: /.*/, stdout: 'ok'}]))).kind).toBe('satisfied');
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
	const srvr = (port: number, mode: string): FakeCommand => ({match: new RegExp(`zk-4lw 192\\.168\\.56\\.10 ${port} srvr`), stdout: `Zookeeper version: 3.4.14\nMode: ${mode}\n`});

	it.each([
		['already running with myid 2', [srvr(2182, 'follower'), {match: /cat .*zk2\/data\/myid/, stdout: '2\n'}], 'satisfied'],
		['running but with another myid', [srvr(2182, 'follower'), {match: /myid/, stdout: '3\n'}], 'needed'],
		['not answering', [{match: /myid/, stdout: '2\n'}], 'needed'],
	] as const)('member 2 %s → %s', async (_case, script, kind) => {
		expect((await member.check(context(script))).kind).toBe(kind);
	});

	it.each([
		['leading', [srvr(2182, 'leader')], true, /answers srvr \(leader\)/],
		['started first, waiting for a second member', [{match: /zk-4lw 192\.168\.56\.10 2182 srvr/, stdout: 'This ZooKeeper instance is not currently serving requests\n'}], true, /waits for a quorum/],
		['not answering', [], false, /does not answer srvr on 2182/],
	] as const)('member 2 verifies when %s', async (_case, script, ok, pattern) => {
		const result = await member.verify(context(script));
		expect(result.ok).toBe(ok);
		expect(result.ok ? result.proof.en : result.problem.en).toMatch(pattern);
	});

	it.each([
		['one leader, two followers', [srvr(2181, 'follower'), srvr(2182, 'leader'), srvr(2183, 'follower')], true, /zk2 .* leads/],
		['no quorum: every member silent', [], false, /found 0.*3 member/],
		['two members claim to lead', [srvr(2181, 'leader'), srvr(2182, 'leader'), srvr(2183, 'follower')], false, /found 2/],
		['one member down, leader elected', [srvr(2181, 'leader'), srvr(2183, 'follower')], true, /zk2=down/],
	] as const)('ensemble with %s', async (_case, script, ok, pattern) => {
		const result = await ensemble.verify(context(script));
		expect(result.ok).toBe(ok);
		expect(result.ok ? result.proof.en : result.problem.en).toMatch(pattern);
	});

	it('tells a Chinese reader which members are silent when no leader is elected', async () => {
		const result = await ensemble.verify(context([]));
		expect(result.ok ? '' : result.problem.zh).toBe('应有且只有一个 ZooKeeper 主节点，实际有 0 个；3 个成员未在服务（zk1、zk2、zk3）');
	});
});

describe('Mesos masters and Marathon agree on their leaders', () => {
	const steps = buildPlan(lab);
	const masters = steps.find((step) => step.id === 'mesos-master-leader')!;
	const marathon = steps.find((step) => step.id === 'marathon-leader')!;
	const redirect = (port: number, to: string): FakeCommand => ({match: new RegExp(`:${port}/master/redirect`), stdout: `307 http://${to}/`});

	it('accepts three masters that all redirect to one of them', async () => {
		const leader = '192.168.56.10:5051';
		const result = await masters.verify(context([redirect(5050, leader), redirect(5051, leader), redirect(5052, leader)]));
		expect(result).toEqual({ok: true, proof: {en: `master 2 (${leader}) leads; the others redirect to it`, zh: `master 2（${leader}）是主节点，其余 master 都重定向到它`}});
	});

	it('refuses masters that name different leaders', async () => {
		const result = await masters.verify(context([redirect(5050, '192.168.56.10:5050'), redirect(5051, '192.168.56.10:5051'), redirect(5052, '192.168.56.10:5050')]));
		expect(result.ok).toBe(false);
	});

	it('refuses while a master does not answer', async () => {
		const result = await masters.verify(context([redirect(5050, '192.168.56.10:5050'), redirect(5051, '192.168.56.10:5050')]));
		expect(result.ok ? '' : result.problem.en).toMatch(/not redirecting: master 3/);
		expect(result.ok ? '' : result.problem.zh).toMatch(/没有重定向的：master 3/);
	});

	it('needs both Marathons to answer with the same leader', async () => {
		const info = (port: number, leader: string): FakeCommand => ({match: new RegExp(`:${port}/v2/info`), stdout: JSON.stringify({leader})});
		expect((await marathon.check(context([info(8080, '192.168.56.10:8081'), info(8081, '192.168.56.10:8081')]))).kind).toBe('satisfied');
		expect((await marathon.check(context([info(8080, '192.168.56.10:8081')]))).kind).toBe('needed');
	});
});

describe('preflight findings', () => {
	const host = lab.hosts[0]!;
	const find = (name: string, ignore: string[] = []): PreflightStep => preflightChecks({...lab, ignorePreflight: ignore}, host).find((step) => step.checkName === name)!;
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
		// Enforcing is fixed by the check's own commands, in init as in the exported script.
		['selinux', 'Enforcing\n', 'fix'],
		['cpus', '1\n', 'warn'],
	] as const)('%s with probe output %j is %s', async (name, stdout, level) => {
		const finding = await find(name).assess(context([{match: /.*/, stdout}]));
		expect(finding.level).toBe(level);
		expect(finding.fix.en.length).toBeGreaterThan(0);
	});

	describe('the host name, the trap the interview warns about', () => {
		const threeHosts = exampleLabs()[1]!.lab;
		const node2 = threeHosts.hosts[1]!;
		const hostnameOn = (onLab: typeof lab, onHost: typeof host) => preflightChecks(onLab, onHost).find((step) => step.checkName === 'hostname')!;

		it.each([
			['"127.0.0.1 vm" in /etc/hosts', 'vm\n127.0.0.1\n'],
			['a minimal install\'s localhost.localdomain', 'localhost.localdomain\n127.0.0.1\n'],
			['a name that does not resolve', 'vm\n'],
		])('fails on a lab of several hosts for %s, with the fix', async (_case, stdout) => {
			const check = hostnameOn(threeHosts, node2);
			const finding = await check.assess(context([{match: /hostname/, stdout}]));
			expect(finding.level).toBe('fail');
			expect(finding.fix.en).toContain(`add "${node2.address} ${node2.name}" to /etc/hosts`);
			expect(finding.fix.zh).toContain(`${node2.address} ${node2.name}`);
			expect((await check.verify(context([{match: /hostname/, stdout}]))).ok).toBe(false);
		});

		it('only warns on one VM, where every daemon is given its address, and says why', async () => {
			const finding = await hostnameOn(lab, host).assess(context([{match: /hostname/, stdout: 'vm\n127.0.0.1\n'}]));
			expect(finding.level).toBe('warn');
			expect(finding.detail.en).toMatch(/vm resolves to loopback 127\.0\.0\.1 \(one VM: every daemon is given .* explicitly\)/);
			expect(finding.detail.zh).toMatch(/vm 解析到回环地址 127\.0\.0\.1（单机实验：每个守护进程都显式指定了 .*）/);
			expect(finding.fix.en).toContain('/etc/hosts');
		});

		it('passes a name that resolves to the host\'s network address', async () => {
			const finding = await hostnameOn(threeHosts, node2).assess(context([{match: /hostname/, stdout: `node2\n${node2.address}\n`}]));
			expect(finding.level).toBe('pass');
		});
	});

	it('says before any step runs that no registry serves the images, and offers the offline archives', async () => {
		const stdout = 'refused-by https://docker.m.daocloud.io: mesosphere/marathon:v1.10.26 (403)\nrefused-by https://registry-1.docker.io: mesosphere/marathon:v1.10.26 (no reply)\n';
		const finding = await find('images').assess(context([{match: /manifests/, stdout}]));
		expect(finding.level).toBe('warn');
		expect(finding.detail.en).toContain('docker.m.daocloud.io: mesosphere/marathon:v1.10.26 (403)');
		expect(finding.fix.en).toContain('docker.offlineImages');
		expect(finding.fix.zh).toContain('docker.offlineImages');
		const served = await find('images').assess(context([{match: /manifests/, stdout: 'served-by https://registry-1.docker.io\n'}]));
		expect(served.level).toBe('pass');
	});

	it('names what is supported when the system is not CentOS 7', async () => {
		const result = await find('os').verify(context([{match: /os-release/, stdout: 'ID=ubuntu\nVERSION_ID="22.04"\n'}]));
		expect(result.ok ? '' : result.problem.en).toMatch(/Only CentOS 7/);
	});

	it('turns a failure the user chose to ignore into a warning', async () => {
		const finding = await find('memory', ['memory']).assess(context([{match: /meminfo/, stdout: meminfo(1024 * 1024, 0)}]));
		expect(finding.level).toBe('warn');
		expect((await find('memory', ['memory']).check(context([{match: /meminfo/, stdout: meminfo(1024 * 1024, 0)}]))).kind).toBe('satisfied');
	});

	it('names the swap file setting in the fix when memory is short on a host that builds Mesos', async () => {
		const finding = await find('memory').assess(context([{match: /meminfo/, stdout: meminfo(2 * 1024 * 1024, 0)}]));
		expect(finding.fix.en).toMatch(/swapFile: \{sizeGiB: 4\}/);
	});

	it('only warns about memory on a host that does not build Mesos', async () => {
		const prebuilt = {...lab, mesos: {source: 'rpm' as const, download: {url: 'https://rpm.internal/mesos.rpm', checksum: {algorithm: 'sha256' as const}}}};
		const memory = preflightChecks(prebuilt, host).find((step) => step.checkName === 'memory')!;
		expect((await memory.assess(context([{match: /meminfo/, stdout: meminfo(2 * 1024 * 1024, 0)}]))).level).toBe('warn');
	});

	it('makes the swap file the lab asks for just before the memory check, and only then', async () => {
		const withSwap = {...lab, swapFile: {sizeGiB: 6, path: '/swapfile'}};
		const ids = preflightSteps(withSwap, host).map((step) => step.id);
		expect(ids.indexOf('swap-file')).toBe(ids.indexOf('preflight-memory') - 1);
		expect(preflightSteps(lab, host).map((step) => step.id)).not.toContain('swap-file');
		const swap = preflightSteps(withSwap, host).find((step) => step.id === 'swap-file')!;
		expect((await swap.check(context([{match: /swapon --show/, exitCode: 0}]))).kind).toBe('satisfied');
		expect((await swap.check(context([]))).kind).toBe('needed');
		const plan = await swap.plan(planningContext());
		expect(plan.commands[0]?.command).toMatch(/mkswap[\s\S]*\/etc\/fstab[\s\S]*' mesos-lab \/swapfile 6$/);
	});

	it.each([
		['a port held by the lab\'s own running unit', 'LISTEN 0 50 192.168.56.10:2181 0.0.0.0:*\n--- running lab services\nmesos-lab-zookeeper-1.service\n', 'pass', /1 held by the lab's own services/],
		['a port held by something else', 'LISTEN 0 50 0.0.0.0:2181 0.0.0.0:*\n--- running lab services\nmesos-lab-zookeeper-2.service\n', 'fail', /2181 \(zookeeper 1\)/],
		['ZooKeeper started from its script (no unit)', 'LISTEN 0 50 0.0.0.0:2182 0.0.0.0:*\n--- running lab services\nmesos-lab-zookeeper-2.service\n', 'pass', /held by the lab's own/],
	] as const)('ports: %s is %s', async (_case, stdout, level, detail) => {
		const finding = await find('ports').assess(context([{match: /ss -ltn/, stdout}]));
		expect(finding.level).toBe(level);
		expect(finding.detail.en).toMatch(detail);
	});

	it('reports a mesos-master left from another install, but not one of this lab', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'leftovers-'));
		const binary = join(dir, 'mesos-master');
		copyFileSync('/bin/sleep', binary);
		const ours = spawn(binary, ['300', `--work_dir=${lab.root}/mesos/master1/work`], {stdio: 'ignore'});
		const stranger = spawn(binary, ['301'], {stdio: 'ignore'});
		try {
			const finding = await find('leftovers').assess({exec: localExecutor(), signal: new AbortController().signal});
			expect(finding.level).toBe('warn');
			expect(finding.detail.en).toContain(`process ${stranger.pid} mesos-master`);
			expect(finding.detail.en).not.toContain(`process ${ours.pid} `);
		} finally {
			ours.kill('SIGKILL');
			stranger.kill('SIGKILL');
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('refuses to ignore a check that does not exist, naming the ones that do', () => {
		expect(() => preflightSteps({...lab, ignorePreflight: ['memroy']}, host)).toThrow(/memroy: no preflight check has that name/);
		try {
			assertIgnorablePreflight(['memroy']);
		} catch (error) {
			expect((error as UserInputError).hint).toContain('os, cpus, memory, disk, clock, hostname, ports, selinux, leftovers');
		}
	});
});

describe('docker login', () => {
	const withLogin = {...lab, docker: {...lab.docker, login: {registry: 'docker.io', user: 'newcomer'}}};
	const loginStep = (secrets?: SecretSource): Step => buildPlan(withLogin, secrets === undefined ? {} : {secrets}).find((step) => step.id === 'docker-login')!;

	it('hands the password to docker on stdin, never on the command line', async () => {
		const asked: string[] = [];
		const plan = await loginStep(async (request) => {
			asked.push(request.id);
			return 's3cret-token';
		}).plan(planningContext());
		expect(asked).toEqual(['docker-password']);
		expect(plan.commands).toHaveLength(1);
		expect(plan.commands[0]?.command).toBe('docker login --username newcomer --password-stdin docker.io');
		expect(plan.commands[0]?.stdin).toBe('s3cret-token\n');
		expect(JSON.stringify(plan.files)).not.toContain('s3cret');
	});

	it('lets docker ask on its own terminal when no password source is given, as in the plan script', async () => {
		const plan = await loginStep().plan(planningContext());
		expect(plan.commands[0]?.command).toBe('docker login --username newcomer docker.io');
		expect(plan.commands[0]?.stdin).toBeUndefined();
		expect(await renderPlanScript(withLogin, 'en')).toContain('docker login --username newcomer docker.io');
	});

	it('reads the password from MESOS_LAB_DOCKER_PASSWORD in unattended runs', async () => {
		const plan = await loginStep(secretsFromEnv({MESOS_LAB_DOCKER_PASSWORD: 'from-env'})).plan(planningContext());
		expect(plan.commands[0]?.stdin).toBe('from-env\n');
		expect((await loginStep(secretsFromEnv({MESOS_LAB_DOCKER_PASSWORD: ''})).plan(planningContext())).commands[0]?.stdin).toBeUndefined();
	});

	it('is already done when docker holds a login for the registry', async () => {
		expect((await loginStep().check(context([{match: /grep -qF "\$1" \/root\/.docker\/config.json' mesos-lab docker.io/}]))).kind).toBe('satisfied');
		expect((await loginStep().check(context([]))).kind).toBe('needed');
	});
});
