import type {RunnerEvent, StepRef} from '../../src/runner/events.js';

/** A step reference as the runner would send it, for the plan of a one-VM lab. */
export function stepRef(id: string, index: number, overrides: Partial<StepRef> = {}): StepRef {
	const host = overrides.host ?? 'node1';
	return {key: `${id}@${host}`, id, host, phase: 'docker', index, total: 3, ...overrides};
}

export const planSteps: StepRef[] = [
	stepRef('install-docker', 0),
	stepRef('build-mesos', 1, {phase: 'mesos-install'}),
	stepRef('start-marathon', 2, {phase: 'marathon'}),
];

export const at = '2026-01-10T08:00:00.000Z';

export function started(step: StepRef, attempt = 1): RunnerEvent {
	return {type: 'step-started', step, at, attempt};
}
