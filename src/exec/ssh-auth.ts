import {localized} from '../i18n/localized.js';
import {existsSync, readFileSync} from 'node:fs';
import ssh2 from 'ssh2';
import type {AuthMethod} from 'ssh2';
import {ConnectionError} from '../errors.js';

/** Asks for the passphrase of an encrypted private key; called at most once per key file. */
export type AskPassphrase = (keyPath: string) => Promise<string>;

export interface SshCredentials {
	password?: string;
	/** Private key files to offer, in order; files that do not exist are passed over. */
	identityFiles?: string[];
	askPassphrase?: AskPassphrase;
	/** The ssh-agent socket; defaults to SSH_AUTH_SOCK. `false` turns the agent off. */
	agentSocket?: string | false;
}

/** Loaded keys are kept so a reconnect does not ask for the passphrase again. */
export class KeyRing {
	private readonly keys = new Map<string, {key: Buffer; passphrase?: string}>();
	private readonly credentials: SshCredentials;

	constructor(credentials: SshCredentials) {
		this.credentials = credentials;
	}

	async methodsFor(username: string, identityFiles: readonly string[]): Promise<AuthMethod[]> {
		const methods: AuthMethod[] = [];
		const agent = this.credentials.agentSocket === false ? undefined : this.credentials.agentSocket ?? process.env.SSH_AUTH_SOCK;
		if (agent) {
			methods.push({type: 'agent', username, agent} as AuthMethod);
		}
		for (const path of [...identityFiles, ...(this.credentials.identityFiles ?? [])]) {
			const loaded = await this.load(path);
			if (loaded !== undefined) {
				methods.push({type: 'publickey', username, key: loaded.key, ...(loaded.passphrase === undefined ? {} : {passphrase: loaded.passphrase})} as AuthMethod);
			}
		}
		if (this.credentials.password !== undefined) {
			methods.push({type: 'password', username, password: this.credentials.password} as AuthMethod);
		}
		return methods;
	}

	private async load(path: string): Promise<{key: Buffer; passphrase?: string} | undefined> {
		const cached = this.keys.get(path);
		if (cached !== undefined || !existsSync(path)) {
			return cached;
		}
		const key = readFileSync(path);
		const plain = ssh2.utils.parseKey(key);
		if (!(plain instanceof Error)) {
			this.keys.set(path, {key});
			return {key};
		}
		if (!/encrypted|passphrase/i.test(plain.message)) {
			throw new ConnectionError(localized('errIsNotAPrivateKey', {path, detail: plain.message}), {
				hint: localized('errIsNotAPrivateKeyHint'),
			});
		}
		if (this.credentials.askPassphrase === undefined) {
			throw new ConnectionError(localized('errIsProtectedByAPassphrase', {path}), {
				hint: localized('errIsProtectedByAPassphraseHint'),
			});
		}
		const passphrase = await this.credentials.askPassphrase(path);
		const decrypted = ssh2.utils.parseKey(key, passphrase);
		if (decrypted instanceof Error) {
			throw new ConnectionError(localized('errThePassphraseForIsNot', {path}), {hint: localized('errThePassphraseForIsNotHint')});
		}
		this.keys.set(path, {key, passphrase});
		return {key, passphrase};
	}
}
