import {UserInputError} from '../../errors.js';
import {labEndpoints, type LabEndpoints} from '../../lab/lab-endpoints.js';
import {localized} from '../../i18n/localized.js';
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
		throw new UserInputError(localized('cmdNoMarathonNoLab'), {hint: localized('cmdNoMarathonNoLabHint')});
	}
	const labId = resolveLabId(ctx.home, options.labId);
	const saved = CheckpointStore.open(ctx.home, labId).journal().lab;
	if (saved === undefined) {
		throw new UserInputError(localized('cmdLabAddressesUnknown', {labId}), {hint: localized('cmdLabAddressesUnknownHint')});
	}
	return {lab: saved, endpoints: labEndpoints(saved)};
}
