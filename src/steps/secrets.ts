import {localized} from '../i18n/localized.js';
import type {Localized} from './step.js';

/** A secret a step needs at run time. It is asked for, fed to one command's stdin, and forgotten. */
export interface SecretRequest {
	id: 'docker-password';
	prompt: Localized;
	/** The environment variable that answers the request in unattended runs (`init --yes`). */
	env: string;
}

/** Answers a secret request, or undefined when nobody can (the command then asks on its own terminal). */
export type SecretSource = (request: SecretRequest) => Promise<string | undefined>;

export function dockerPasswordRequest(registry: string, user: string): SecretRequest {
	return {
		id: 'docker-password',
		prompt: localized('stepDockerPasswordPrompt', {user, registry}),
		env: 'MESOS_LAB_DOCKER_PASSWORD',
	};
}

/** Reads secrets from an environment the caller hands over; empty values count as absent. */
export function secretsFromEnv(env: Readonly<Record<string, string | undefined>>): SecretSource {
	return async (request) => {
		const value = env[request.env];
		return value === undefined || value === '' ? undefined : value;
	};
}
