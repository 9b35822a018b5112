import {UserInputError} from '../../errors.js';
import {labEndpoints, type LabEndpoints} from '../../lab/lab-endpoints.js';
import type {Lab} from '../../lab/lab-schema.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import type {CommandContext} from '../context.js';
import {resolveLabId} from './status.js';

/**
 * The saved lab a cluster command takes its addresses from: the one named with --lab-id, or, when
 * no Marathon address was given at all, the only lab there is. Undefined when Marathon was given.
 */
export function savedLabFor(options: {labId?: string | undefined; marathon?: string | undefined}, ctx: CommandContext): {lab: Lab; endpoints: LabEndpoints} | undefined {
	const marathonGiven = options.marathon !== undefined || (ctx.env['MESOS_LAB_MARATHON'] ?? '').trim() !== '';
	if (options.labId === undefined && marathonGiven) {
		return undefined;
	}
	if (options.labId === undefined && CheckpointStore.list(ctx.home).length === 0) {
		throw new UserInputError('No Marathon address given, and there is no saved lab to take it from.', {
			hint: 'Pass --marathon http://HOST:8080, or install a lab first with `mesos-lab init`.',
		});
	}
	const labId = resolveLabId(ctx.home, options.labId);
	const saved = CheckpointStore.open(ctx.home, labId).journal().lab;
	if (saved === undefined) {
		throw new UserInputError(`Lab ${labId} has no saved configuration, so its addresses are unknown.`, {
			hint: 'Pass --marathon (and --lb for the experiments), or run `mesos-lab init` for this lab.',
		});
	}
	return {lab: saved, endpoints: labEndpoints(saved)};
}
