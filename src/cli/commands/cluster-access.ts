import {UserInputError} from '../../errors.js';
import {readFileSync, statSync} from 'node:fs';
import {rootCertificates} from 'node:tls';
import {Agent, type Dispatcher} from 'undici';
import {basicAuthorization, parseCredentials} from '../../cluster/credentials.js';
import type {SourceAuthorization} from '../../cluster/poller.js';
import type * as z from 'zod';
import type {clusterAccessOptions} from '../command-options.js';
import {localized} from '../../i18n/localized.js';

/** How to reach a secured cluster: credentials from files or variables (never argv), and a private CA. */
export type AccessFlags = z.output<typeof clusterAccessOptions>;

export interface ClusterAccess {
	authorization: SourceAuthorization;
	/** Trusts the private CA besides Node's own roots; absent when no --ca-file was given. */
	dispatcher?: Dispatcher;
}

export function clusterAccess(flags: AccessFlags, env: NodeJS.ProcessEnv): ClusterAccess {
	const mesos = credentialsFrom('--mesos-credentials-file', flags.mesosCredentialsFile, 'MESOS_LAB_MESOS_CREDENTIALS', env);
	const marathon = credentialsFrom('--marathon-credentials-file', flags.marathonCredentialsFile, 'MESOS_LAB_MARATHON_CREDENTIALS', env);
	return {
		authorization: {...(mesos === undefined ? {} : {mesos}), ...(marathon === undefined ? {} : {marathon})},
		...(flags.caFile === undefined ? {} : {dispatcher: new Agent({connect: {ca: [...rootCertificates, readCa(flags.caFile)]}})}),
	};
}

function credentialsFrom(flag: string, file: string | undefined, variable: string, env: NodeJS.ProcessEnv): string | undefined {
	if (file !== undefined) {
		return basicAuthorization(parseCredentials(readSecretFile(flag, file), `${flag} ${file}`));
	}
	const value = env[variable];
	return value === undefined || value === '' ? undefined : basicAuthorization(parseCredentials(value, variable));
}

/** Like ssh with a private key, a password file others can read is refused rather than used. */
function readSecretFile(flag: string, file: string): string {
	let mode: number;
	let text: string;
	try {
		mode = statSync(file).mode;
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
		throw new UserInputError(localized('fileUnreadable', {flag, file, code}), {hint: localized('fileUnreadableHint')});
	}
	if ((mode & 0o077) !== 0) {
		throw new UserInputError(localized('fileNotPrivate', {flag, file, mode: (mode & 0o777).toString(8)}), {hint: localized('fileNotPrivateHint', {file})});
	}
	return text;
}

function readCa(file: string): string {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
		throw new UserInputError(localized('fileUnreadable', {flag: '--ca-file', file, code}), {hint: localized('caUnreadableHint')});
	}
	if (!text.includes('-----BEGIN CERTIFICATE-----')) {
		throw new UserInputError(localized('caNotPem', {file}), {hint: localized('caNotPemHint')});
	}
	return text;
}
