import type {AskSudoPassword} from '../exec/sudo.js';

/** The environment variable that answers sudo's password question in unattended runs (`init --yes`). */
export const sudoPasswordEnv = 'MESOS_LAB_SUDO_PASSWORD';

/**
 * The sudo password an unattended run gives in the environment. At a terminal the connection asks
 * itself (see openHost); the answer stays in the connection's memory and reaches the host only on
 * sudo's stdin.
 */
export function sudoPasswordFromEnv(env: NodeJS.ProcessEnv): AskSudoPassword | undefined {
	const fromEnv = env[sudoPasswordEnv];
	return fromEnv === undefined || fromEnv === '' ? undefined : async () => fromEnv;
}
