import type {JobHandle, JobState} from '../../src/exec/job.js';
import type {JobControl} from '../../src/runner/job-control.js';
import type {CheckResult, FailureHint, PhaseId, PlannedCommand, Step, VerifyResult} from '../../src/steps/step.js';

/** A step whose check, plan and verify are plain values or functions, for runner stories. */
export function fakeStep(id: string, parts: {
	host?: string;
	phase?: PhaseId;
	check?: () => CheckResult;
	commands?: PlannedCommand[];
	verify?: () => VerifyResult;
	hints?: FailureHint[];
	jobProgress?: Step['jobProgress'];
}): Step {
	return {
		id,
		phase: parts.phase ?? 'preflight',
		host: parts.host ?? 'node1',
		title: {zh: id, en: id},
		why: {zh: id, en: id},
		check: async () => parts.check?.() ?? {kind: 'needed', reason: {zh: 'not done yet', en: 'not done yet'}},
		plan: async () => ({files: [], commands: parts.commands ?? []}),
		verify: async () => parts.verify?.() ?? {ok: true, proof: {zh: 'fine', en: 'fine'}},
		hints: parts.hints ?? [],
		...(parts.jobProgress ? {jobProgress: parts.jobProgress} : {}),
	};
}

/**
 * Detached jobs held in memory: the test appends to a job's log and decides when it exits. A stop
 * ends the job with the status a TERM signal leaves (128 + 15), as the shell reports it.
 */
export class FakeJobs implements JobControl {
	readonly logs = new Map<string, string>();
	readonly exits = new Map<string, number>();
	readonly stopped: string[] = [];
	started = 0;

	async startJob(_exec: unknown, spec: {name: string; command: string; baseDir: string}): Promise<JobHandle> {
		this.started++;
		this.exits.delete(spec.name);
		this.logs.set(spec.name, '');
		return {name: spec.name, dir: `${spec.baseDir}/${spec.name}`, command: spec.command, startedAt: new Date().toISOString()};
	}

	async jobState(_exec: unknown, handle: JobHandle): Promise<JobState> {
		const exit = this.exits.get(handle.name);
		return exit === undefined ? {kind: 'running', pid: 4242} : {kind: 'exited', exitCode: exit};
	}

	async tailJob(_exec: unknown, handle: JobHandle, fromByte: number): Promise<{text: string; nextByte: number}> {
		const bytes = Buffer.from(this.logs.get(handle.name) ?? '');
		return {text: bytes.subarray(fromByte).toString(), nextByte: bytes.length};
	}

	async stopJob(_exec: unknown, handle: JobHandle): Promise<void> {
		this.stopped.push(handle.name);
		this.exits.set(handle.name, 143);
	}

	write(name: string, text: string): void {
		this.logs.set(name, (this.logs.get(name) ?? '') + text);
	}
}
