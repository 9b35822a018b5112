import type {Localized} from './step.js';
import {text} from './step-kit.js';

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
		prompt: text(`${registry} 上用户 ${user} 的密码或访问令牌（不会保存）`, `Password or access token of ${user} on ${registry} (not saved)`),
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
