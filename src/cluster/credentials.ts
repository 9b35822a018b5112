import {localized} from '../i18n/localized.js';
import {UserInputError} from '../errors.js';

/**
 * HTTP basic-auth credentials for one kind of service, as Marathon's `--http_credentials` writes
 * them (`user:password`). Kept in memory only; the Authorization header is what travels.
 */
export interface BasicCredentials {
	user: string;
	password: string;
}

/** The `Authorization` header value for these credentials (RFC 7617). */
export function basicAuthorization(credentials: BasicCredentials): string {
	return `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`, 'utf8').toString('base64')}`;
}

/** Reads `user:password` from the first line of a file or a variable; `where` names it in errors, never the value. */
export function parseCredentials(text: string, where: string): BasicCredentials {
	const line = text.split(/\r?\n/)[0] ?? '';
	const colon = line.indexOf(':');
	if (colon <= 0 || colon === line.length - 1) {
		throw new UserInputError(localized('errDoesNotHoldCredentialsAs', {where}), {
			hint: localized('errDoesNotHoldCredentialsAsHint'),
		});
	}
	return {user: line.slice(0, colon), password: line.slice(colon + 1)};
}

/**
 * A URL as it may be shown: user and password, if any, replaced. Credentials in a URL are never
 * sent and never printed; they belong in a credentials file or variable.
 */
export function withoutUserinfo(url: string): string {
	return url.replace(/^([a-z][a-z\d+.-]*:\/\/)[^/?#@]*@/i, '$1***@');
}

/** Refuses a URL that carries a user or password, naming it without them. */
export function refuseUserinfo(flag: string, url: string): void {
	if (/^[a-z][a-z\d+.-]*:\/\/[^/?#]*@/i.test(url)) {
		throw new UserInputError(localized('errCarriesAUserNameOr', {flag, withoutUserinfo: withoutUserinfo(url)}), {
			hint: localized('errCarriesAUserNameOrHint'),
		});
	}
}
