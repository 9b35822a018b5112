import {password} from '@inquirer/prompts';
import type {Lab} from '../lab/lab-schema.js';
import {dockerPasswordRequest, secretsFromEnv, type SecretSource} from '../steps/secrets.js';

/** Asks one hidden question; replaceable so the choice below is tested without a keyboard. */
export type AskHidden = (message: string) => Promise<string>;

export const askWithInquirer: AskHidden = async message => password({message, mask: '*'});

/**
 * Where the `docker login` step gets its password: the environment first (unattended runs), else one
 * hidden question before the run starts, while no other reader holds the keyboard. The answer lives in
 * this closure only; it is fed to one command's stdin and never reaches the journal or a log.
 */
export async function registryPasswordSource(lab: Lab, env: NodeJS.ProcessEnv, canAsk: boolean, ask: AskHidden = askWithInquirer): Promise<SecretSource> {
	const fromEnv = secretsFromEnv(env);
	const login = lab.docker.login;
	if (login === undefined || !canAsk) {
		return fromEnv;
	}

	const request = dockerPasswordRequest(login.registry, login.user);
	if (await fromEnv(request) !== undefined) {
		return fromEnv;
	}

	const answer = await ask(request.prompt[lab.language]);
	return async asked => (asked.id === request.id && answer !== '' ? answer : fromEnv(asked));
}
