import {existsSync} from 'node:fs';
import {UserInputError} from '../../errors.js';
import {assertLabId} from '../../state/paths.js';
import {runWizard} from '../../wizard/run-wizard.js';
import {realWizardDeps} from '../../wizard/wizard-deps.js';
import type {CommandContext} from '../context.js';
import type {HostAccessFlags} from '../host-access.js';

export interface InitOptions extends HostAccessFlags {
	config?: string;
	yes?: boolean;
	plain?: boolean;
	learn?: boolean;
	ignorePreflight?: string[];
	labId?: string;
}

export async function run(options: InitOptions, ctx: CommandContext): Promise<number> {
	if (options.config !== undefined && !existsSync(options.config)) {
		throw new UserInputError(`The lab file ${options.config} does not exist.`, {hint: 'Check the path, or run `mesos-lab init` without --config for the interview.'});
	}
	if (options.yes && options.config === undefined) {
		throw new UserInputError('--yes needs a lab file: without one there is nobody to answer the interview.', {hint: 'mesos-lab init --config lab.yaml --yes'});
	}
	const labId = assertLabId(options.labId ?? 'default');
	return runWizard(ctx, {
		...(options.config === undefined ? {} : {config: options.config}),
		yes: options.yes === true,
		plain: options.plain === true,
		learn: options.learn === true,
		...(options.ignorePreflight === undefined ? {} : {ignorePreflight: options.ignorePreflight}),
	}, realWizardDeps(ctx, {labId, acceptNewHostKey: options.acceptNewHostKey === true, ...(options.sshConfig === undefined ? {} : {sshConfig: options.sshConfig})}));
}
