import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';
import type {LabHost} from './lab-schema.js';

/**
 * How a host is reached, as people write it: `user@address:port` with what the lab names (the rest
 * comes from the ssh config when connecting), or this machine for a local host.
 */
export function hostDestination(host: Pick<LabHost, 'address' | 'local' | 'port' | 'user'>, language: Language): string {
	if (host.local === true) {
		return t(language, 'stepHostLocal', {address: host.address});
	}
	return `${host.user === undefined ? '' : `${host.user}@`}${host.address}${host.port === undefined ? '' : `:${host.port}`}`;
}
