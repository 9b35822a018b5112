import {readFileSync, statSync} from 'node:fs';
import {rootCertificates} from 'node:tls';
import {Agent, type Dispatcher} from 'undici';
import {basicAuthorization, parseCredentials} from '../../cluster/credentials.js';
import type {SourceAuthorization} from '../../cluster/poller.js';
import type * as z from 'zod';
import {UserInputError} from '../../errors.js';
import type {clusterAccessOptions} from '../command-options.js';

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
		throw new UserInputError(`${flag}: cannot read ${file} (${code}).`, {hint: 'Check the path and that this user may read it.', zh: {message: `${flag}：无法读取 ${file}（${code}）。`, hint: '检查路径，以及当前用户能否读取它。'}});
	}
	if ((mode & 0o077) !== 0) {
		throw new UserInputError(`${flag}: ${file} can be read by other users (mode ${(mode & 0o777).toString(8)}).`, {
			hint: `Make it private: chmod 600 ${file}`,
			zh: {message: `${flag}：${file} 其他用户也能读取（权限 ${(mode & 0o777).toString(8)}）。`, hint: `改为仅自己可读：chmod 600 ${file}`},
		});
	}
	return text;
}

function readCa(file: string): string {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
		throw new UserInputError(`--ca-file: cannot read ${file} (${code}).`, {hint: 'Give the PEM file of the CA that signed the cluster\'s certificates.', zh: {message: `--ca-file：无法读取 ${file}（${code}）。`, hint: '给出签发集群证书的 CA 的 PEM 文件。'}});
	}
	if (!text.includes('-----BEGIN CERTIFICATE-----')) {
		throw new UserInputError(`--ca-file: ${file} holds no PEM certificate.`, {hint: 'The file should start with -----BEGIN CERTIFICATE-----.', zh: {message: `--ca-file：${file} 里没有 PEM 证书。`, hint: '文件应以 -----BEGIN CERTIFICATE----- 开头。'}});
	}
	return text;
}
