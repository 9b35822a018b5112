import {localized} from '../i18n/localized.js';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {UserInputError} from '../errors.js';

const labIdPattern = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The per-user folder mesos-lab keeps labs in when neither --home nor MESOS_LAB_HOME says otherwise. */
export function defaultHome(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): string {
	const home = env['HOME'] ?? homedir();
	if (platform === 'darwin') {
		return join(home, 'Library', 'Preferences', 'mesos-lab');
	}
	if (platform === 'win32') {
		return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), 'mesos-lab', 'Config');
	}
	return join(env['XDG_CONFIG_HOME'] || join(home, '.config'), 'mesos-lab');
}

/** Lab ids become folder names, so only a plain lowercase word is accepted. */
export function assertLabId(labId: string): string {
	if (!labIdPattern.test(labId)) {
		throw new UserInputError(localized('errIsNotAValid2', {labId}), {hint: localized('errIsNotAValid2Hint')});
	}
	return labId;
}

export function labDir(home: string, labId: string): string {
	return join(home, 'labs', assertLabId(labId));
}

export function stepLogFile(home: string, labId: string, key: string): string {
	return join(labDir(home, labId), 'logs', `${key.replaceAll(/[^\w@.-]/g, '_')}.log`);
}
