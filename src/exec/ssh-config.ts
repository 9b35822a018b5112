import {existsSync, readFileSync} from 'node:fs';
import {homedir, userInfo} from 'node:os';
import {join} from 'node:path';
import {UserInputError} from '../errors.js';

/** Where and as whom to connect, after `~/.ssh/config` has been applied to what the user typed. */
export interface SshEndpoint {
	host: string;
	port: number;
	user: string;
	identityFiles: string[];
	/** One jump host, already resolved through the same config. */
	proxyJump?: SshEndpoint;
}

interface HostBlock {
	patterns: string[];
	options: Array<[string, string]>;
}

export function parseSshConfig(text: string): HostBlock[] {
	// Options before the first Host line apply to every host.
	const blocks: HostBlock[] = [{patterns: ['*'], options: []}];
	let current: HostBlock | undefined = blocks[0];
	for (const raw of text.split('\n')) {
		const line = raw.trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}
		const match = /^(\S+?)(?:\s*=\s*|\s+)(.*)$/.exec(line);
		if (match === null) {
			continue;
		}
		const keyword = match[1]!.toLowerCase();
		const value = unquote(match[2]!.trim());
		if (keyword === 'host') {
			current = {patterns: value.split(/\s+/), options: []};
			blocks.push(current);
		} else if (keyword === 'match') {
			// Match blocks need conditions this parser does not evaluate; their options are ignored.
			current = undefined;
		} else {
			current?.options.push([keyword, value]);
		}
	}
	return blocks;
}

function unquote(value: string): string {
	return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

function hostMatches(patterns: readonly string[], alias: string): boolean {
	let matched = false;
	for (const pattern of patterns) {
		const negated = pattern.startsWith('!');
		const glob = negated ? pattern.slice(1) : pattern;
		const source = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
		if (new RegExp(`^${source}$`, 'i').test(alias)) {
			if (negated) {
				return false;
			}
			matched = true;
		}
	}
	return matched;
}

/** The first value each option gets for this alias, as ssh reads its config; IdentityFile accumulates. */
function optionsFor(blocks: readonly HostBlock[], alias: string): {single: Map<string, string>; identityFiles: string[]} {
	const single = new Map<string, string>();
	const identityFiles: string[] = [];
	for (const block of blocks) {
		if (!hostMatches(block.patterns, alias)) {
			continue;
		}
		for (const [keyword, value] of block.options) {
			if (keyword === 'identityfile') {
				identityFiles.push(value);
			} else if (!single.has(keyword)) {
				single.set(keyword, value);
			}
		}
	}
	return {single, identityFiles};
}

function expandTokens(value: string, tokens: {host: string; port: number; user: string}, home: string): string {
	const withHome = value.startsWith('~/') ? join(home, value.slice(2)) : value;
	return withHome.replace(/%([%hpurd])/g, (_, token: string) => {
		switch (token) {
			case 'h': return tokens.host;
			case 'p': return String(tokens.port);
			case 'r': return tokens.user;
			case 'u': return userInfo().username;
			case 'd': return home;
			default: return '%';
		}
	});
}

/** Splits `user@host:port` (any part but the host optional), as ProxyJump and the command line write it. */
export function splitDestination(destination: string): {user?: string; host: string; port?: number} {
	const match = /^(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(destination);
	if (match === null) {
		throw new UserInputError(`"${destination}" is not a destination like user@host or host:port.`);
	}
	const host = match[2]!.replace(/^\[(.*)\]$/, '$1');
	return {
		...(match[1] === undefined ? {} : {user: match[1]}),
		host,
		...(match[3] === undefined ? {} : {port: Number(match[3])}),
	};
}

export interface ResolveOptions {
	/** What the user typed in place of the host: an alias from the config, or a host name. */
	alias: string;
	port?: number;
	user?: string;
	configText?: string;
	home?: string;
}

/** Applies `~/.ssh/config` (Host, HostName, User, Port, IdentityFile, one ProxyJump hop) to a destination. */
export function resolveSshEndpoint(options: ResolveOptions): SshEndpoint {
	const home = options.home ?? homedir();
	const configPath = join(home, '.ssh', 'config');
	const text = options.configText ?? (existsSync(configPath) ? readFileSync(configPath, 'utf8') : '');
	return resolveWith(parseSshConfig(text), options, home, 0);
}

function resolveWith(blocks: readonly HostBlock[], options: ResolveOptions, home: string, depth: number): SshEndpoint {
	const {single, identityFiles} = optionsFor(blocks, options.alias);
	const host = single.get('hostname')?.replaceAll('%h', options.alias) ?? options.alias;
	const port = options.port ?? (single.has('port') ? Number(single.get('port')) : 22);
	const user = options.user ?? single.get('user') ?? userInfo().username;
	const tokens = {host, port, user};
	const endpoint: SshEndpoint = {host, port, user, identityFiles: identityFiles.map(file => expandTokens(file, tokens, home))};
	const jump = single.get('proxyjump');
	if (jump !== undefined && jump.toLowerCase() !== 'none') {
		if (depth > 0 || jump.includes(',')) {
			throw new UserInputError(`ProxyJump for ${options.alias} needs more than one hop, which mesos-lab does not support.`, {
				hint: 'Use a single jump host (ProxyJump bastion) in ~/.ssh/config.',
			});
		}
		const parts = splitDestination(jump);
		endpoint.proxyJump = resolveWith(blocks, {alias: parts.host, ...(parts.port === undefined ? {} : {port: parts.port}), ...(parts.user === undefined ? {} : {user: parts.user})}, home, depth + 1);
	}
	return endpoint;
}
