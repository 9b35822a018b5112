import {MesosLabError, UserInputError} from '../../errors.js';
import type {Executor} from '../../exec/executor.js';
import {createLineRenderer, wantsColor} from '../../runner/line-renderer.js';
import type {JobControl} from '../../runner/job-control.js';
import {runLab} from '../../runner/run-lab.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import type {Step} from '../../steps/step.js';
import type {CommandContext} from '../context.js';
import {resolveLabId} from './status.js';

export interface ResumeOptions {
	labId?: string;
	plain?: boolean;
	acceptNewHostKey?: boolean;
}

/** Connections to a lab's hosts, opened from its saved configuration. */
export interface LabExecutors {
	executorFor(host: string): Executor | Promise<Executor>;
	close(): Promise<void>;
}

/** Where resume gets its plan and its connections; replaceable so tests can use their own steps. */
export interface ResumeDeps {
	buildPlan(lab: Record<string, unknown>): Step[] | Promise<Step[]>;
	openExecutors(lab: Record<string, unknown>, ctx: CommandContext, options: ResumeOptions): Promise<LabExecutors>;
	jobs(): Promise<JobControl>;
}

export async function run(options: ResumeOptions, ctx: CommandContext, deps: ResumeDeps = defaultDeps): Promise<number> {
	const labId = resolveLabId(ctx.home, options.labId);
	const journal = CheckpointStore.open(ctx.home, labId).journal();
	if (!journal.lab) {
		throw new UserInputError(`Lab ${labId} has no saved configuration to resume from.`, {hint: 'Start it again with `mesos-lab init`.'});
	}
	const lab = journal.lab;
	const steps = await deps.buildPlan(lab);
	const executors = await deps.openExecutors(lab, ctx, options);
	try {
		const outcome = await runLab({
			home: ctx.home,
			labId,
			steps,
			executorFor: host => executors.executorFor(host),
			jobs: await deps.jobs(),
			resumed: true,
			listeners: [createLineRenderer({write: text => ctx.stdout.write(text), language: ctx.lang, color: wantsColor(ctx.isTTY, ctx.env)})],
			onLockTakenOver: lock => ctx.stderr.write(`took over the lock left by process ${lock.tookOver?.pid} (no longer running)\n`),
		});
		return outcome === 'completed' ? 0 : 1;
	} finally {
		await executors.close();
	}
}

// The step catalog and the lab connections live in modules that build on this one; they are
// looked up by name at run time so the CLI never depends on them at import.
const defaultDeps: ResumeDeps = {
	async buildPlan(lab) {
		const catalog = await importOptional<{buildPlan?: (lab: Record<string, unknown>) => Step[] | Promise<Step[]>}>('../../steps/catalog.js');
		if (!catalog?.buildPlan) {
			throw new MesosLabError('This build of mesos-lab cannot rebuild an install plan yet.', {hint: 'Upgrade mesos-lab, then run `mesos-lab resume` again; the journal is kept.'});
		}
		return catalog.buildPlan(lab);
	},
	async openExecutors(lab, ctx, options) {
		const connect = await importOptional<{openLabExecutors?: ResumeDeps['openExecutors']}>('../../exec/lab-executors.js');
		if (!connect?.openLabExecutors) {
			throw new MesosLabError('This build of mesos-lab cannot connect to lab hosts yet.', {hint: 'Upgrade mesos-lab, then run `mesos-lab resume` again; the journal is kept.'});
		}
		return connect.openLabExecutors(lab, ctx, options);
	},
	async jobs() {
		return import('../../exec/detached-job.js');
	},
};

async function importOptional<T>(specifier: string): Promise<T | undefined> {
	try {
		return (await import(specifier)) as T;
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(specifier.replace('../../', ''))) {
			return undefined;
		}
		throw error;
	}
}
