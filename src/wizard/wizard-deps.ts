import {readFile} from 'node:fs/promises';
import {networkInterfaces} from 'node:os';
import {join} from 'node:path';
import type {CommandContext} from '../cli/context.js';
import {BugError} from '../errors.js';
import {jobState, startJob, tailJob} from '../exec/detached-job.js';
import type {Executor} from '../exec/executor.js';
import {recordHostKey} from '../exec/known-hosts.js';
import {LocalExecutor} from '../exec/local-executor.js';
import {connectSsh} from '../exec/ssh-executor.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Target} from './interview.js';
import {prepareLabRun} from './lab-run.js';
import {registryPasswordSource} from './registry-password.js';
import {sudoPasswordEnv, sudoPasswordSource} from './sudo-password.js';
import type {WizardDeps} from './run-wizard.js';
import {detectPrimaryAddress, probeVaultMirror} from './target-facts.js';
import {tryConnectTarget} from './try-connect.js';

export interface RealDepsOptions {
	labId: string;
	acceptNewHostKey?: boolean;
	/** Lines of a step log shown by the `l` key. */
	logLines?: number;
}

/** Whether an address is this machine, so the install runs here without SSH to itself. */
export function isThisMachine(address: string): boolean {
	if (address === 'localhost' || address.startsWith('127.')) {
		return true;
	}

	return Object.values(networkInterfaces()).some(list => list?.some(entry => entry.address === address) ?? false);
}

/** The wizard wired to this machine, SSH, the step catalog, the runner and the dashboard. */
export function realWizardDeps(ctx: CommandContext, options: RealDepsOptions): WizardDeps {
	const knownHostsPath = join(ctx.home, 'known_hosts');
	const executorFor = (target: Target, askSudoPassword = sudoPasswordSource(ctx.env, false, 'en')): Promise<Executor> => target.kind === 'local'
		? Promise.resolve(new LocalExecutor(askSudoPassword === undefined ? {} : {askSudoPassword}))
		: connectSsh({
			endpoint: {host: target.host, port: target.port, user: target.user, identityFiles: target.identityFile === undefined ? [] : [target.identityFile]},
			hostKeys: {knownHostsPath, acceptNewHostKey: options.acceptNewHostKey === true},
			...(target.identityFile === undefined ? {} : {identityFiles: [target.identityFile]}),
			...(askSudoPassword === undefined ? {} : {askSudoPassword}),
		});

	return {
		interview: {
			tryConnect: async target => tryConnectTarget(target, {knownHostsPath, scratchPath: join(ctx.home, 'known_hosts.trial')}),
			async trustHostKey(line) {
				recordHostKey(knownHostsPath, line);
			},
			async detectAddress(target) {
				const exec = await executorFor(target);
				try {
					return await detectPrimaryAddress(exec);
				} finally {
					await exec.close();
				}
			},
			probeMirror: async (preset, customUrl) => probeVaultMirror(preset, customUrl),
		},
		async prepareRun(lab: Lab, runOptions) {
			const open = new Map<string, Promise<Executor>>();
			const askSudoPassword = sudoPasswordSource(ctx.env, runOptions.canAsk, lab.language);
			const hostExecutor = async (name: string): Promise<Executor> => {
				const host = lab.hosts.find(candidate => candidate.name === name);
				if (!host) {
					throw new BugError(`The plan names a host the lab does not have: ${name}.`);
				}

				const existing = open.get(name);
				if (existing) {
					return existing;
				}

				const created = isThisMachine(host.address)
					? executorFor({kind: 'local'}, askSudoPassword)
					: executorFor({kind: 'ssh', host: host.address, port: host.port, user: host.user, auth: host.auth, ...(host.identityFile === undefined ? {} : {identityFile: host.identityFile})}, askSudoPassword);
				open.set(name, created);
				return created;
			};

			const closeAll = async () => {
				const executors = await Promise.allSettled(open.values());
				await Promise.allSettled(executors.map(async result => (result.status === 'fulfilled' ? result.value.close() : undefined)));
			};

			try {
				const {canAsk, ...choices} = runOptions;
				const secrets = await registryPasswordSource(lab, ctx.env, canAsk);
				if (canAsk && ctx.env[sudoPasswordEnv] === undefined) {
					// A sudo password is asked now, while no other reader holds the keyboard, not in the middle of a step.
					await Promise.all(lab.hosts.map(async host => (await hostExecutor(host.name)).run('true', {sudo: true})));
				}
				const prepared = await prepareLabRun({lab, home: ctx.home, labId: options.labId, executorFor: hostExecutor, jobs: {startJob, jobState, tailJob}, secrets, ...choices});
				return {...prepared, dispose: closeAll};
			} catch (error) {
				await closeAll();
				throw error;
			}
		},
		async openDashboard() {
			// The run saved its lab beside the journal: the dashboard takes every master, Marathon,
			// the load balancer and the ZooKeeper members from there.
			const dashboard = await import('../cli/commands/dashboard.js');
			await dashboard.run({labId: options.labId}, ctx);
		},
		async readLog(logPath) {
			const lines = (await readFile(logPath, 'utf8')).split('\n');
			return lines.slice(-(options.logLines ?? 500));
		},
	};
}
