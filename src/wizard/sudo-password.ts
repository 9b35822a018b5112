import type {AskSudoPassword} from '../exec/sudo.js';
import type {Language} from '../steps/step.js';
import {t} from '../i18n/messages.js';
import {type AskHidden, askWithInquirer} from './registry-password.js';

/** The environment variable that answers sudo's password question in unattended runs (`init --yes`). */
export const sudoPasswordEnv = 'MESOS_LAB_SUDO_PASSWORD';

/**
 * Where a connection gets the sudo password when the login user's sudo asks for one: the
 * environment first, else one hidden question when someone is at the keyboard. The answer stays
 * in the connection's memory (see SudoAccess) and reaches the host only on sudo's stdin.
 */
export function sudoPasswordSource(env: NodeJS.ProcessEnv, canAsk: boolean, language: Language, ask: AskHidden = askWithInquirer): AskSudoPassword | undefined {
	const fromEnv = env[sudoPasswordEnv];
	if (fromEnv !== undefined && fromEnv !== '') {
		return async () => fromEnv;
	}
	return canAsk ? async label => ask(t(language, 'sudoPasswordPrompt', {label})) : undefined;
}
