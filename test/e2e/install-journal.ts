// What an end-to-end test reads back after `mesos-lab init`: the journal, and how a run ended.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {e2eLabId, type CliRun, type LabHost} from './lab-host.js';

interface StepView {
	status: string;
	reason?: string;
	skippedBy?: string;
	job?: {name: string};
}

export interface JournalView {
	/** Step keys in plan order (the checkpoint file's `order`). */
	order: string[];
	steps: Record<string, StepView>;
}

export function journal(lab: Pick<LabHost, 'home'>): JournalView {
	const file = join(lab.home, 'labs', e2eLabId, 'checkpoints.json');
	return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) as JournalView : {order: [], steps: {}};
}

/** Steps that neither ran to done nor were found already in place by their own check. */
export function unfinished(lab: Pick<LabHost, 'home'>): string[] {
	const {order, steps} = journal(lab);
	return order.filter(key => !(steps[key]?.status === 'done' || (steps[key]?.status === 'skipped' && steps[key]?.skippedBy === 'check')));
}

/** The exit code, or null when the run had to be killed for taking too long. */
export async function finished(run: CliRun, timeoutMs: number): Promise<number | null> {
	const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
	try {
		return await run.exited;
	} finally {
		clearTimeout(timer);
	}
}

/** Plan steps the run's output (in English or Chinese) reports as found already satisfied by their check. */
export function reportedSatisfied(lab: Pick<LabHost, 'home'>, output: string): string[] {
	const lines = output.split('\n');
	return journal(lab).order.filter(key => lines.some(line => line.includes(`] ${key} `) && (line.includes(' already satisfied: ') || line.includes(' 已满足：'))));
}

/** Stand-in calls that change a host: installs, service changes, pulls and containers. */
export function changingCalls(calls: readonly string[]): string[] {
	return calls.filter(call => /^(yum (install|update|downgrade)|systemctl (enable|start|restart|disable)|docker (pull|run))/.test(call));
}
