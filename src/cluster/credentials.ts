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
		throw new UserInputError(`${where} does not hold credentials as user:password.`, {
			hint: 'Write one line such as marathon:s3cret, as Marathon\'s --http_credentials takes it.',
			zh: {message: `${where} 里的凭据格式不是 user:password。`, hint: '写成一行，例如 marathon:s3cret，与 Marathon 的 --http_credentials 相同。'},
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
		throw new UserInputError(`${flag}: ${withoutUserinfo(url)} carries a user name or password; mesos-lab never takes credentials from a URL.`, {
			hint: 'Put user:password in a file given with --mesos-credentials-file / --marathon-credentials-file (mode 600), or in MESOS_LAB_MESOS_CREDENTIALS / MESOS_LAB_MARATHON_CREDENTIALS.',
			zh: {
				message: `${flag}：${withoutUserinfo(url)} 里带有用户名或密码；mesos-lab 从不从 URL 读取凭据。`,
				hint: '把 user:password 写进文件，用 --mesos-credentials-file / --marathon-credentials-file 指定（权限 600），或放进环境变量 MESOS_LAB_MESOS_CREDENTIALS / MESOS_LAB_MARATHON_CREDENTIALS。',
			},
		});
	}
}
