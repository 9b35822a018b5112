import {refuseUserinfo} from '../../cluster/credentials.js';
import {UserInputError} from '../../errors.js';
import {localized} from '../../i18n/localized.js';
import {assertHost, assertPort} from '../../lab/validate.js';

/** Comma-separated http(s) URLs from a flag, each checked. */
export function urlList(flag: string, value: string): string[] {
	return value.split(',').map(url => url.trim()).filter(Boolean).map(url => {
		refuseUserinfo(flag, url);
		let parsed: URL;
		try {
			parsed = new URL(url);
		} catch {
			throw new UserInputError(localized('cmdNotUrl', {flag, url}), {hint: localized('cmdFlagExample', {flag, value: 'http://10.0.0.11:5050'})});
		}
		if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
			throw new UserInputError(localized('cmdNotHttpUrl', {flag, url}), {hint: localized('cmdFlagExample', {flag, value: 'http://10.0.0.11:5050'})});
		}
		return parsed.href.replace(/\/$/, '');
	});
}

/** host:port pairs, comma-separated, as ZooKeeper connection strings write them. */
export function hostPortList(flag: string, value: string): Array<{host: string; port: number}> {
	return value.split(',').map(item => item.trim()).filter(Boolean).map(item => {
		const at = item.lastIndexOf(':');
		if (at <= 0) {
			throw new UserInputError(localized('cmdNotHostPort', {flag, item}), {hint: localized('cmdFlagExample', {flag, value: '10.0.0.11:2181,10.0.0.12:2181'})});
		}
		return {host: assertHost(flag, item.slice(0, at)), port: assertPort(flag, item.slice(at + 1))};
	});
}

/** A refresh interval in seconds: a positive number, at most an hour. */
export function seconds(flag: string, value: string): number {
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0 || number > 3600) {
		throw new UserInputError(localized('cmdNotSeconds', {flag, value}), {hint: localized('cmdNotSecondsHint', {flag})});
	}
	return number;
}
