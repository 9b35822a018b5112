import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import type {CommandContext} from '../cli/context.js';
import {hostAccess, type HostAccessFlags} from '../cli/host-access.js';
import {BugError} from '../errors.js';
import {t} from '../i18n/messages.js';
import {jobState, startJob, stopJob, tailJob} from '../exec/detached-job.js';
import type {Executor} from '../exec/executor.js';
import {recordHostKey} from '../exec/known-hosts.js';
import {openHost, openHostAsRoot, type HostAddress} from '../exec/open-host.js';
import type {Lab} from '../lab/lab-schema.js';
import {hostsInUse} from '../lab/topology.js';
import {prepareLabRun} from './lab-run.js';
import type {PreparedRun, RunChoices} from './prepared-run.js';
import {registryPasswordSource} from './registry-password.js';
import {sudoPasswordFromEnv} from './sudo-password.js';
import {detectPrimaryAddress, probeVaultMirror} from './target-facts.js';
import type {InterviewEffects, Target} from './target.js';
import {tryConnectTarget} from './try-connect.js';

/** What an install needs from this machine and the network; the wizard renders it, tests replace it. */
export interface InstallDeps {
	interview: InterviewEffects;
	prepareRun(lab: Lab, options: RunChoices): Promise<PreparedRun>;
	openDashboard(lab: Lab): Promise<void>;
	readLog(logPath: string): Promise<string[]>;
}

export interface RealDepsOptions extends HostAccessFlags {
	labId: string;
	/** Lines of a step log shown by the `l` key. */
	logLines?: number;
	/** Opens the live dashboard on the finished lab; the command layer supplies it, so installing never loads it. */
	openDashboard(): Promise<void>;
}

/** The interview's target as a lab host: "this machine" is the explicit local choice. */
function targetHost(target: Target): HostAddress {
	return target.kind === 'local'
		? {address: 'localhost', local: true}
		: {address: target.host, port: target.port, user: target.user, auth: target.auth, ...(target.identityFile === undefined ? {} : {identityFile: target.identityFile})};
}

/** An install wired to this machine, SSH, the step catalog and the runner. */
export function realInstallDeps(ctx: CommandContext, options: RealDepsOptions): InstallDeps {
	// An unattended run may give the sudo password in the environment; otherwise the connection asks at the terminal.
	const sudoFromEnv = sudoPasswordFromEnv(ctx.env);
	const access = {...hostAccess(ctx, options), ...(sudoFromEnv === undefined ? {} : {askSudoPassword: sudoFromEnv})};
	const {knownHostsPath} = access;
	const executorFor = (target: Target): Promise<Executor> => openHost(targetHost(target), access);

	return {
		interview: {
			tryConnect: async (target, language) => tryConnectTarget(target, {knownHostsPath, scratchPath: join(ctx.home, 'known_hosts.trial'), language}),
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
			probeMirror: async (preset, customUrl, language) => probeVaultMirror(preset, customUrl, {language}),
		},
		async prepareRun(lab: Lab, runOptions) {
			const open = new Map<string, Promise<Executor>>();
			const hostExecutor = async (name: string): Promise<Executor> => {
				const host = lab.hosts.find(candidate => candidate.name === name);
				if (!host) {
					throw new BugError(t(lab.language, 'planUnknownHost', {name}));
				}

				const existing = open.get(name);
				if (existing) {
					return existing;
				}

				const created = openHostAsRoot(host, access);
				open.set(name, created);
				return created;
			};

			const closeAll = async () => {
				const executors = await Promise.allSettled(open.values());
				await Promise.allSettled(executors.map(async result => (result.status === 'fulfilled' ? result.value.close() : undefined)));
			};

			try {
				// Every host is reached (and every password asked) one after another, before any step runs.
				for (const name of hostsInUse(lab).map(host => host.name)) {
					await hostExecutor(name);
				}
				const {canAsk, ...choices} = runOptions;
				const secrets = await registryPasswordSource(lab, ctx.env, canAsk ? access.ask : undefined);
				const prepared = await prepareLabRun({lab, home: ctx.home, labId: options.labId, executorFor: hostExecutor, jobs: {startJob, jobState, tailJob, stopJob}, secrets, ...choices});
				return {...prepared, dispose: closeAll};
			} catch (error) {
				await closeAll();
				throw error;
			}
		},
		openDashboard: async () => options.openDashboard(),
		async readLog(logPath) {
			const lines = (await readFile(logPath, 'utf8')).split('\n');
			return lines.slice(-(options.logLines ?? 500));
		},
	};
}
