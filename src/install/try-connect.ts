import {copyFileSync, existsSync, mkdirSync, rmSync} from 'node:fs';
import {dirname} from 'node:path';
import {knownHostsLineFor} from '../exec/known-hosts.js';
import {LocalExecutor} from '../exec/local-executor.js';
import {sshEndpointFor} from '../exec/open-host.js';
import {connectSsh} from '../exec/ssh-executor.js';
import {MesosLabError} from '../errors.js';
import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';
import type {ConnectAttempt, Target} from './target.js';

export interface TryConnectOptions {
	/** The known_hosts the install will use: read here, never written. */
	knownHostsPath: string;
	/**
	 * A scratch copy of it for the trial, so a key seen for the first time is not trusted for real
	 * until the user has compared the fingerprint and said yes.
	 */
	scratchPath: string;
	/** Passwords are asked, never saved; the wizard passes its own prompt. */
	askPassword?: () => Promise<string>;
	readyTimeoutMs?: number;
	/** The language of the interview asking. */
	language?: Language;
}

/**
 * Connects to the target once, runs a harmless command, and reports the host key fingerprint the
 * server showed, so the wizard can ask the user to compare it before anything is installed.
 */
export async function tryConnectTarget(target: Target, options: TryConnectOptions): Promise<ConnectAttempt> {
	const language = options.language ?? 'en';
	if (target.kind === 'local') {
		const result = await new LocalExecutor().run('true');
		return result.exitCode === 0 ? {ok: true, fingerprint: t(language, 'fingerprintLocal')} : {ok: false, error: t(language, 'connectLocalFailed')};
	}

	let seen: string | undefined;
	mkdirSync(dirname(options.scratchPath), {recursive: true, mode: 0o700});
	if (existsSync(options.knownHostsPath)) {
		copyFileSync(options.knownHostsPath, options.scratchPath);
	} else {
		rmSync(options.scratchPath, {force: true});
	}
	try {
		const executor = await connectSsh({
			endpoint: sshEndpointFor({address: target.host, port: target.port, user: target.user, identityFile: target.identityFile}, {}),
			hostKeys: {
				knownHostsPath: options.scratchPath,
				async confirmUnknownHost(info) {
					seen = info.fingerprint;
					return true;
				},
			},
			...(target.auth === 'password-prompt' && options.askPassword ? {password: await options.askPassword()} : {}),
			...(target.auth === 'agent' ? {} : {agentSocket: false as const}),
			readyTimeoutMs: options.readyTimeoutMs ?? 10_000,
		});
		try {
			const probe = await executor.run('true', {timeoutMs: 10_000});
			if (probe.exitCode !== 0) {
				return {ok: false, error: t(language, 'connectCommandFailed', {exit: probe.exitCode ?? 'signal'})};
			}
		} finally {
			await executor.close();
		}

		const newKey = seen === undefined ? undefined : knownHostsLineFor(options.scratchPath, target.host, target.port, seen);
		return seen === undefined || newKey === undefined
			? {ok: true, fingerprint: t(language, 'fingerprintKnown')}
			: {ok: true, fingerprint: seen, newKey};
	} catch (error) {
		rmSync(options.scratchPath, {force: true});
		const message = error instanceof MesosLabError && error.hint ? `${error.message} ${error.hint}` : error instanceof Error ? error.message : String(error);
		return {ok: false, error: message};
	}
}
