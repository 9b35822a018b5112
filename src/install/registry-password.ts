import type {AskHidden} from '../exec/open-host.js';
import type {Lab} from '../lab/lab-schema.js';
import {dockerPasswordRequest, secretsFromEnv, type SecretSource} from '../steps/secrets.js';

/**
 * Where the `docker login` step gets its password: the environment first (unattended runs), else one
 * hidden question before the run starts, while no other reader holds the keyboard (`ask` is absent
 * where nobody can answer). The answer lives in this closure only; it is fed to one command's stdin
 * and never reaches the journal or a log.
 */
export async function registryPasswordSource(lab: Lab, env: NodeJS.ProcessEnv, ask: AskHidden | undefined): Promise<SecretSource> {
	const fromEnv = secretsFromEnv(env);
	const login = lab.docker.login;
	if (login === undefined || ask === undefined) {
		return fromEnv;
	}

	const request = dockerPasswordRequest(login.registry, login.user);
	if (await fromEnv(request) !== undefined) {
		return fromEnv;
	}

	const answer = await ask(request.prompt);
	return async asked => (asked.id === request.id && answer !== '' ? answer : fromEnv(asked));
}
