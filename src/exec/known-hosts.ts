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
	| {kind: 'changed'; oldFingerprints: string[]}
	| {kind: 'revoked'};

export function judgeHostKey(entries: readonly KnownHostEntry[], host: string, port: number, key: Buffer): HostKeyVerdict {
	const name = knownHostsName(host, port);
	const keyType = keyTypeOf(key);
	const forHost = entries.filter(entry => entry.marker !== '@cert-authority' && patternsMatch(entry.patterns, name));
	if (forHost.some(entry => entry.marker === '@revoked' && entry.key.equals(key))) {
		return {kind: 'revoked'};
	}
	const sameType = forHost.filter(entry => entry.marker === '' && entry.keyType === keyType);
	if (sameType.some(entry => entry.key.equals(key))) {
		return {kind: 'known'};
	}
	if (sameType.length > 0) {
		return {kind: 'changed', oldFingerprints: sameType.map(entry => fingerprintOf(entry.key))};
	}
	return {kind: 'unknown'};
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
			throw new HostKeyError(`The host key of ${name} (${fingerprint}) is marked revoked in ${file}.`, {
				hint: 'Do not connect until the machine has a new key that you trust.',
			});
		}
		case 'changed': {
			throw new HostKeyError(
				`The host key of ${name} has CHANGED. known_hosts has ${verdict.oldFingerprints.join(', ')}; the host now shows ${keyType} ${fingerprint}. `
				+ 'Someone may be intercepting the connection, or the machine was reinstalled.',
				{hint: `If the machine was reinstalled, remove the old key with: ssh-keygen -R ${quoteShellArg(name)} -f ${quoteShellArg(file)}`},
			);
		}
		case 'unknown': {
			const accepted = policy.confirmUnknownHost
				? await policy.confirmUnknownHost({host, port, keyType, fingerprint})
				: policy.acceptNewHostKey === true;
			if (!accepted) {
				throw new HostKeyError(`${name} is not in ${file} and its key (${keyType} ${fingerprint}) was not accepted.`, {
					hint: policy.confirmUnknownHost
						? 'Compare the fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub` on the machine, then connect again and accept it.'
						: 'Connect once interactively, or pass --accept-new-host-key after checking the fingerprint.',
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
