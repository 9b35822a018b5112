import {localized} from '../i18n/localized.js';
import {accessSync, constants, statSync} from 'node:fs';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {ConnectionError, UserInputError} from '../errors.js';
import type {Executor} from './executor.js';
import type {ConfirmUnknownHost} from './known-hosts.js';
import {LocalExecutor} from './local-executor.js';
import {resolveSshEndpoint, type SshEndpoint} from './ssh-config.js';
import {connectSsh} from './ssh-executor.js';
import type {AskSudoPassword} from './sudo.js';

/** What a lab host says about reaching it: only an explicit `local: true` means this machine. */
export interface HostAddress {
	address: string;
	local?: boolean | undefined;
	port?: number | undefined;
	user?: string | undefined;
	auth?: 'identity-file' | 'agent' | 'password-prompt' | undefined;
	identityFile?: string | undefined;
}

/** Asks one question whose answer is not shown while typed; the caller picks the words' language. */
export type AskHidden = (question: {zh: string; en: string}) => Promise<string>;

export interface HostAccess {
	/** known_hosts of mesos-lab (not the user's own, which it never writes). */
	knownHostsPath: string;
	acceptNewHostKey: boolean;
	confirmUnknownHost?: ConfirmUnknownHost;
	/** Another ssh config than ~/.ssh/config (`--ssh-config FILE`). */
	sshConfigPath?: string;
	/** The user's home, for `~` and ~/.ssh/config; the process's home unless a test says otherwise. */
	userHome?: string;
	/** Absent where nobody can answer (no terminal): a password that is needed then stops with a hint. */
	ask?: AskHidden;
	/** Where sudo's password comes from when not asked here (the environment of an unattended run). */
	askSudoPassword?: AskSudoPassword;
	readyTimeoutMs?: number;
}

/** `~/key` and `~` in a path the user wrote, as a shell would expand them. */
export function expandHome(path: string, home: string = homedir()): string {
	return path === '~' ? home : path.startsWith('~/') ? join(home, path.slice(2)) : path;
}

/** A key file the lab names must be there and readable: skipping it silently leaves the user guessing. */
function checkKeyFile(path: string): void {
	try {
		if (!statSync(path).isFile()) {
			throw new UserInputError(localized('errTheKeyFileIsNot', {path}), {hint: localized('errTheKeyFileIsNotHint')});
		}
		accessSync(path, constants.R_OK);
	} catch (error) {
		if (error instanceof UserInputError) {
			throw error;
		}
		const code = (error as NodeJS.ErrnoException).code;
		throw new UserInputError(code === 'ENOENT' ? localized('errKeyFileMissing', {path}) : localized('errKeyFileUnreadable', {path, detail: code ?? String(error)}), {
			hint: localized('errCheckIdentityFileInTheLabHint'),
			cause: error,
		});
	}
}

/**
 * Where SSH goes for a host: the lab's address read as `ssh ADDRESS` would read it through the ssh
 * config (aliases, HostName, User, Port, IdentityFile, ProxyJump), the lab's own port, user and key
 * winning over the config's. Without either, the user is root and the port 22.
 */
export function sshEndpointFor(host: HostAddress, access: Pick<HostAccess, 'sshConfigPath' | 'userHome'>): SshEndpoint {
	const userHome = access.userHome ?? homedir();
	const endpoint = resolveSshEndpoint({
		alias: host.address,
		...(host.port === undefined ? {} : {port: host.port}),
		...(host.user === undefined ? {} : {user: host.user}),
		fallbackUser: 'root',
		home: userHome,
		...(access.sshConfigPath === undefined ? {} : {configPath: expandHome(access.sshConfigPath, userHome)}),
	});
	if (host.identityFile === undefined) {
		return endpoint;
	}
	const key = expandHome(host.identityFile, userHome);
	checkKeyFile(key);
	return {...endpoint, identityFiles: [key, ...endpoint.identityFiles.filter(file => file !== key)]};
}

/**
 * The `ssh …` a person types to reach a host as mesos-lab does: the user the lab or the ssh config
 * names, and the lab's own port (an alias keeps the config's HostName, port and key).
 */
export function sshLoginCommand(host: HostAddress, access: Pick<HostAccess, 'sshConfigPath' | 'userHome'>): string {
	const {user} = resolveSshEndpoint({
		alias: host.address,
		...(host.user === undefined ? {} : {user: host.user}),
		fallbackUser: 'root',
		home: access.userHome ?? homedir(),
		...(access.sshConfigPath === undefined ? {} : {configPath: expandHome(access.sshConfigPath, access.userHome ?? homedir())}),
	});
	return `ssh ${host.port === undefined || host.port === 22 ? '' : `-p ${host.port} `}${user}@${host.address}`;
}

function label(endpoint: SshEndpoint): string {
	return `${endpoint.user}@${endpoint.host}${endpoint.port === 22 ? '' : `:${endpoint.port}`}`;
}

/**
 * Opens the executor for one lab host: this machine only when the lab says `local: true` (never
 * guessed from 127.0.0.1 or localhost, which may well be a port forward to a VM), SSH otherwise.
 * A login password (`auth: password-prompt`) is asked here, before connecting, and kept in memory only.
 */
export async function openHost(host: HostAddress, access: HostAccess): Promise<Executor> {
	if (host.local === true) {
		const sudo = access.askSudoPassword ?? (access.ask === undefined ? undefined : () => askSudo(access.ask!, 'local'));
		return new LocalExecutor(sudo === undefined ? {} : {askSudoPassword: sudo});
	}
	const endpoint = sshEndpointFor(host, access);
	const where = label(endpoint);
	let loginPassword: string | undefined;
	if (host.auth === 'password-prompt') {
		if (access.ask === undefined) {
			throw new ConnectionError(localized('errLogsInWithAPassword', {where}), {
				hint: localized('errLogsInWithAPasswordHint'),
			});
		}
		loginPassword = await access.ask(localized('errSshPasswordPrompt', {where}));
	}
	const ask = access.ask;
	return connectSsh({
		endpoint,
		hostKeys: {
			knownHostsPath: access.knownHostsPath,
			acceptNewHostKey: access.acceptNewHostKey,
			...(access.confirmUnknownHost === undefined ? {} : {confirmUnknownHost: access.confirmUnknownHost}),
		},
		...(loginPassword === undefined ? {} : {password: loginPassword}),
		// sudo asks for the user's own login password, so one already typed for the login is not asked again.
		...(access.askSudoPassword !== undefined ? {askSudoPassword: access.askSudoPassword}
			: ask === undefined && loginPassword === undefined ? {} : {askSudoPassword: async () => loginPassword ?? askSudo(ask!, where)}),
		...(access.readyTimeoutMs === undefined ? {} : {readyTimeoutMs: access.readyTimeoutMs}),
	});
}

/**
 * `openHost` for work that needs root: sudo's password, when it wants one, is asked and checked now,
 * before the first step, instead of in the middle of one.
 */
export async function openHostAsRoot(host: HostAddress, access: HostAccess): Promise<Executor> {
	const executor = await openHost(host, access);
	try {
		await settleRoot(executor);
	} catch (error) {
		await executor.close();
		throw error;
	}
	return executor;
}

function askSudo(ask: AskHidden, where: string): Promise<string> {
	return ask(localized('errSudoPasswordPrompt', {where}));
}

/** Runs one harmless root command, so sudo's password is asked and checked before the first step. */
async function settleRoot(executor: Executor): Promise<void> {
	const result = await executor.run('true', {sudo: true, timeoutMs: 60_000});
	if (result.exitCode !== 0) {
		throw new ConnectionError(localized('errRootCommandsDoNotRun', {label: executor.label, exitCode: result.exitCode ?? 'signal', at: result.stderr.trim().split('\n').at(-1) ?? ''}), {
			hint: localized('errRootCommandsDoNotRunHint'),
		});
	}
}
