/**
 * A detached job: a long command started on the target in its own session, so it keeps running
 * when the SSH link drops or the CLI dies. The handle is saved in the checkpoint store.
 */
export interface JobHandle {
	name: string;
	/** Directory on the target holding `log`, `exit` (the exit status, written at the end) and `pid`. */
	dir: string;
	/** The exact command the job runs. */
	command: string;
	startedAt: string;
}

export type JobState =
	| {kind: 'running'; pid: number}
	| {kind: 'exited'; exitCode: number}
	| {kind: 'lost'; reason: string};
