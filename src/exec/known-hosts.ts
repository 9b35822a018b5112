import {localized} from '../i18n/localized.js';
import {createHash, createHmac} from 'node:crypto';
import {appendFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import {dirname} from 'node:path';
import {HostKeyError} from '../errors.js';
import {quoteShellArg} from './quote.js';

/** Asks the user whether to trust a host seen for the first time; resolves true to trust it. */
export type ConfirmUnknownHost = (info: {host: string; port: number; keyType: string; fingerprint: string}) => Promise<boolean>;

export interface HostKeyPolicy {
	knownHostsPath: string;
	/** Interactive runs pass this; without it an unknown host is trusted only with `acceptNewHostKey`. */
	confirmUnknownHost?: ConfirmUnknownHost;
	/** Explicit consent (a flag or lab setting) to trust and record a host seen for the first time. */
	acceptNewHostKey?: boolean;
}

interface KnownHostEntry {
	marker: '' | '@revoked' | '@cert-authority';
	patterns: string;
	keyType: string;
	key: Buffer;
}

/** `SHA256:` and the unpadded base64 digest of the key blob, as `ssh-keygen -l` prints it. */
export function fingerprintOf(key: Buffer): string {
	return `SHA256:${createHash('sha256').update(key).digest('base64').replace(/=+$/, '')}`;
}

/** The key type named at the start of an SSH public key blob. */
export function keyTypeOf(key: Buffer): string {
	const length = key.readUInt32BE(0);
	return key.subarray(4, 4 + length).toString('latin1');
}

/** The name known_hosts stores for a host: bare on port 22, `[host]:port` otherwise. */
export function knownHostsName(host: string, port: number): string {
	return port === 22 ? host : `[${host}]:${port}`;
}

export function parseKnownHosts(text: string): KnownHostEntry[] {
	const entries: KnownHostEntry[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}
		const fields = line.split(/\s+/);
		const marker = fields[0] === '@revoked' || fields[0] === '@cert-authority' ? fields.shift() as KnownHostEntry['marker'] : '';
		const [patterns, keyType, key] = fields;
		if (patterns === undefined || keyType === undefined || key === undefined) {
			continue;
		}
		entries.push({marker, patterns, keyType, key: Buffer.from(key, 'base64')});
	}
	return entries;
}

function globMatches(pattern: string, name: string): boolean {
	const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
	return new RegExp(`^${source}$`, 'i').test(name);
}

function hashedMatches(pattern: string, name: string): boolean {
	const [, magic, salt, hash] = pattern.split('|');
	if (magic !== '1' || salt === undefined || hash === undefined) {
		return false;
	}
	return createHmac('sha1', Buffer.from(salt, 'base64')).update(name).digest('base64') === hash;
}

/** Whether a comma-separated host pattern list names this host, honouring `!` negation and hashes. */
export function patternsMatch(patterns: string, name: string): boolean {
	if (patterns.startsWith('|')) {
		return hashedMatches(patterns, name);
	}
	let matched = false;
	for (const pattern of patterns.split(',')) {
		if (pattern.startsWith('!')) {
			if (globMatches(pattern.slice(1), name)) {
				return false;
			}
		} else if (globMatches(pattern, name)) {
			matched = true;
		}
	}
	return matched;
}

export type HostKeyVerdict =
	| {kind: 'known'}
	| {kind: 'unknown'}
	/** `oldKeys` are every key on file for the host, as `TYPE SHA256:…`, whatever their type. */
	| {kind: 'changed'; oldKeys: string[]}
	| {kind: 'revoked'};

function plainEntriesFor(entries: readonly KnownHostEntry[], name: string): KnownHostEntry[] {
	return entries.filter(entry => entry.marker === '' && patternsMatch(entry.patterns, name));
}

/**
 * A host with any key on file is a known host: a key it presents that is not on file is a changed
 * key, whether or not its type matches one on file. A host that used to show ECDSA and now shows
 * only ED25519 may be an impostor that offers a type the client has no record of.
 */
export function judgeHostKey(entries: readonly KnownHostEntry[], host: string, port: number, key: Buffer): HostKeyVerdict {
	const name = knownHostsName(host, port);
	const keyType = keyTypeOf(key);
	const revoked = entries.some(entry => entry.marker === '@revoked' && patternsMatch(entry.patterns, name) && entry.key.equals(key));
	if (revoked) {
		return {kind: 'revoked'};
	}
	const onFile = plainEntriesFor(entries, name);
	if (onFile.some(entry => entry.keyType === keyType && entry.key.equals(key))) {
		return {kind: 'known'};
	}
	if (onFile.length > 0) {
		return {kind: 'changed', oldKeys: onFile.map(entry => `${entry.keyType} ${fingerprintOf(entry.key)}`)};
	}
	return {kind: 'unknown'};
}

// The host key algorithms ssh2 offers by default, best first, and those that sign with each key type
// known_hosts can hold.
const defaultHostKeyAlgorithms = ['ssh-ed25519', 'ecdsa-sha2-nistp256', 'ecdsa-sha2-nistp384', 'ecdsa-sha2-nistp521', 'rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'] as const;
export type HostKeyAlgorithm = (typeof defaultHostKeyAlgorithms)[number];
const algorithmsOfKeyType: Record<string, readonly HostKeyAlgorithm[]> = {
	'ssh-ed25519': ['ssh-ed25519'],
	'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
	'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
	'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
	'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
};

/**
 * The host key algorithms to offer, those of the key types already on file for the host first, as
 * OpenSSH's client orders them (order_hostkeyalgs in sshconnect2.c). A server with several host keys
 * then shows the one on file rather than another type, which would read as a changed key. Undefined
 * when nothing is on file, leaving the library's own order.
 */
export function hostKeyAlgorithmsFor(policy: HostKeyPolicy, host: string, port: number): HostKeyAlgorithm[] | undefined {
	const file = policy.knownHostsPath;
	const entries = existsSync(file) ? parseKnownHosts(readFileSync(file, 'utf8')) : [];
	const known = new Set(plainEntriesFor(entries, knownHostsName(host, port)).flatMap(entry => algorithmsOfKeyType[entry.keyType] ?? []));
	if (known.size === 0) {
		return undefined;
	}
	return [...defaultHostKeyAlgorithms.filter(algorithm => known.has(algorithm)), ...defaultHostKeyAlgorithms.filter(algorithm => !known.has(algorithm))];
}

/**
 * Decides whether to trust the key a host presented. Known keys pass; a changed or revoked key is
 * always refused; an unknown key needs the user's yes or explicit consent, and is then recorded.
 */
export async function verifyHostKey(policy: HostKeyPolicy, host: string, port: number, key: Buffer): Promise<void> {
	const file = policy.knownHostsPath;
	const entries = existsSync(file) ? parseKnownHosts(readFileSync(file, 'utf8')) : [];
	const verdict = judgeHostKey(entries, host, port, key);
	const name = knownHostsName(host, port);
	const fingerprint = fingerprintOf(key);
	const keyType = keyTypeOf(key);
	switch (verdict.kind) {
		case 'known': {
			return;
		}
		case 'revoked': {
			throw new HostKeyError(localized('errTheHostKeyOf', {name, fingerprint, file}), {
				hint: localized('errTheHostKeyOfHint'),
			});
		}
		case 'changed': {
			throw new HostKeyError(
				localized('errHostKeyChanged', {name, file, oldKeys: verdict.oldKeys.join(', '), keyType, fingerprint}),
				{hint: localized('errIfTheMachineWasReinstalledHint', {quoteShellArg: quoteShellArg(name), quoteShellArg2: quoteShellArg(file)})},
			);
		}
		case 'unknown': {
			const accepted = policy.confirmUnknownHost
				? await policy.confirmUnknownHost({host, port, keyType, fingerprint})
				: policy.acceptNewHostKey === true;
			if (!accepted) {
				throw new HostKeyError(localized('errIsNotInAndIts', {name, file, keyType, fingerprint}), {
					hint: policy.confirmUnknownHost
						? localized('errHostKeyCompareHint')
						: localized('errHostKeyAcceptHint'),
				});
			}
			recordHostKey(file, `${name} ${keyType} ${key.toString('base64')}`);
		}
	}
}

/** Appends one `name type base64` line to a known_hosts file, creating it (and its folder) private. */
export function recordHostKey(file: string, line: string): void {
	mkdirSync(dirname(file), {recursive: true, mode: 0o700});
	const separator = existsSync(file) && readFileSync(file).length > 0 && !readFileSync(file, 'utf8').endsWith('\n') ? '\n' : '';
	appendFileSync(file, `${separator}${line}\n`, {mode: 0o600});
}

/** The known_hosts line a file holds for this host and key fingerprint, if any. */
export function knownHostsLineFor(file: string, host: string, port: number, fingerprint: string): string | undefined {
	if (!existsSync(file)) {
		return undefined;
	}
	const name = knownHostsName(host, port);
	const entry = parseKnownHosts(readFileSync(file, 'utf8'))
		.find(candidate => candidate.marker === '' && patternsMatch(candidate.patterns, name) && fingerprintOf(candidate.key) === fingerprint);
	return entry === undefined ? undefined : `${name} ${entry.keyType} ${entry.key.toString('base64')}`;
}
