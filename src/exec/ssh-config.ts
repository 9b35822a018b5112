import {localized} from '../i18n/localized.js';
import {existsSync, globSync, readFileSync} from 'node:fs';
import {homedir, userInfo} from 'node:os';
import {isAbsolute, join} from 'node:path';
import SSHConfig, {LineType, type Line, type Section} from 'ssh-config';
import {UserInputError} from '../errors.js';

/** Where and as whom to connect, after the ssh config has been applied to what the user typed. */
export interface SshEndpoint {
	host: string;
	port: number;
	user: string;
	identityFiles: string[];
	/** The host this one is reached through, itself resolved through the same config (and maybe its own jump). */
	proxyJump?: SshEndpoint;
}

export interface ResolveOptions {
	/** What the user typed in place of the host: an alias from the config, or a host name. */
	alias: string;
	/** Given explicitly, these win over the config, as `ssh -p` and `user@` do. */
	port?: number;
	user?: string;
	/** The user when neither the caller nor the config names one; ssh itself uses the local user. */
	fallbackUser?: string;
	/** The config's text; read from `configPath` (default ~/.ssh/config) when absent. */
	configText?: string;
	configPath?: string;
	home?: string;
}

/** Jump chains longer than this are a loop in the config, not a network. */
const maxHops = 8;

/**
 * Applies an OpenSSH client config (Host, Match, HostName, User, Port, IdentityFile, ProxyJump with
 * one hop or a chain, Include) to a destination, as `ssh DESTINATION` would.
 */
export function resolveSshEndpoint(options: ResolveOptions): SshEndpoint {
	const home = options.home ?? homedir();
	const configPath = options.configPath ?? join(home, '.ssh', 'config');
	const text = options.configText ?? readConfigFile(configPath, options.configPath !== undefined);
	const config = new SSHConfig();
	config.push(...withIncludes(SSHConfig.parse(text), home, 0));
	return resolveWith(config, options, home, 0);
}

function readConfigFile(path: string, required: boolean): string {
	if (!existsSync(path)) {
		if (required) {
			throw new UserInputError(localized('errTheSshConfigDoesNot', {path}), {hint: localized('errTheSshConfigDoesNotHint')});
		}
		return '';
	}
	try {
		return readFileSync(path, 'utf8');
	} catch (error) {
		throw new UserInputError(localized('errTheSshConfigCannotBe', {path, code: (error as NodeJS.ErrnoException).code ?? String(error)}), {
			hint: localized('errTheSshConfigCannotBeHint'),
			cause: error,
		});
	}
}

function isDirective(line: Line): line is Extract<Line, {param: string}> {
	return line.type === LineType.DIRECTIVE;
}

function isSection(line: Line): line is Section {
	return isDirective(line) && 'config' in line;
}

function values(line: Extract<Line, {param: string}>): string[] {
	return typeof line.value === 'string' ? [line.value] : line.value.map(part => part.val);
}

/** The files one Include names: relative to ~/.ssh, `~` expanded, globs resolved in sorted order, as ssh_config(5) says. */
function includedFiles(patterns: readonly string[], home: string): string[] {
	return patterns.flatMap(pattern => {
		const path = pattern.startsWith('~/') ? join(home, pattern.slice(2)) : isAbsolute(pattern) ? pattern : join(home, '.ssh', pattern);
		return globSync(path).sort();
	});
}

/**
 * The config with every Include replaced by the lines of the files it names (the library parses
 * Include but does not follow it). An Include inside a Host or Match block applies only where that
 * block does: the included file's leading options stay in the block, its own Host blocks follow,
 * and the rest of the enclosing block carries on under a copy of its header.
 */
function withIncludes(config: readonly Line[], home: string, depth: number): Line[] {
	if (depth > maxHops) {
		throw new UserInputError(localized('errTheSshConfigIncludesItself'), {hint: localized('errTheSshConfigIncludesItselfHint')});
	}
	const expand = (line: Extract<Line, {param: string}>) => includedFiles(values(line), home)
		.flatMap(file => withIncludes(SSHConfig.parse(readConfigFile(file, true)), home, depth + 1));
	const out: Line[] = [];
	for (const line of config) {
		if (!isDirective(line)) {
			continue;
		}
		if (/^include$/i.test(line.param)) {
			out.push(...expand(line));
			continue;
		}
		if (!isSection(line)) {
			out.push(line);
			continue;
		}
		let current: Section = {...line, config: new SSHConfig()};
		out.push(current);
		for (const inner of line.config) {
			if (!isDirective(inner)) {
				continue;
			}
			if (!/^include$/i.test(inner.param)) {
				current.config.push(inner);
				continue;
			}
			const included = expand(inner);
			const firstBlock = included.findIndex(isSection);
			const leading = firstBlock === -1 ? included : included.slice(0, firstBlock);
			current.config.push(...leading);
			if (firstBlock !== -1) {
				out.push(...included.slice(firstBlock));
				current = {...line, config: new SSHConfig()};
				out.push(current);
			}
		}
	}
	return out;
}

function first(computed: Record<string, string | string[]>, key: string): string | undefined {
	const value = computed[key];
	return Array.isArray(value) ? value[0] : value;
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
	const match = /^(?:ssh:\/\/)?(?:([^@]+)@)?(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(destination);
	if (match === null) {
		throw new UserInputError(localized('errIsNotADestination', {destination}));
	}
	const host = match[2]!.replace(/^\[(.*)\]$/, '$1');
	return {
		...(match[1] === undefined ? {} : {user: match[1]}),
		host,
		...(match[3] === undefined ? {} : {port: Number(match[3])}),
	};
}

function resolveWith(config: SSHConfig, options: ResolveOptions, home: string, depth: number, forcedJump?: SshEndpoint): SshEndpoint {
	if (depth > maxHops) {
		throw new UserInputError(localized('errProxyJumpForGoesRoundIn', {alias: options.alias, maxHops}), {hint: localized('errProxyJumpForGoesRoundInHint')});
	}
	const computed = config.compute({Host: options.alias, ...(options.user === undefined ? {} : {User: options.user})}, {ignoreCase: true});
	const host = first(computed, 'hostname')?.replaceAll('%h', options.alias) ?? options.alias;
	const configPort = first(computed, 'port');
	const port = options.port ?? (configPort === undefined ? 22 : Number(configPort));
	if (!Number.isInteger(port) || port < 1 || port > 65_535) {
		throw new UserInputError(localized('errTheSshConfigGivesThe', {alias: options.alias, configPort: configPort ?? ''}), {hint: localized('errTheSshConfigGivesTheHint')});
	}
	const user = options.user ?? first(computed, 'user') ?? options.fallbackUser ?? userInfo().username;
	const tokens = {host, port, user};
	const identityFiles = [computed['identityfile'] ?? []].flat().map(file => expandTokens(file, tokens, home));
	const endpoint: SshEndpoint = {host, port, user, identityFiles};
	const jump = forcedJump ?? jumpChain(config, first(computed, 'proxyjump'), home, depth);
	if (jump !== undefined) {
		endpoint.proxyJump = jump;
	}
	return endpoint;
}

/** `ProxyJump a,b`: a is reached as configured, b through a, and the target through b. */
function jumpChain(config: SSHConfig, value: string | undefined, home: string, depth: number): SshEndpoint | undefined {
	if (value === undefined || value.toLowerCase() === 'none') {
		return undefined;
	}
	let previous: SshEndpoint | undefined;
	for (const [index, hop] of value.split(',').map(part => part.trim()).entries()) {
		const parts = splitDestination(hop);
		const hopOptions = {alias: parts.host, ...(parts.port === undefined ? {} : {port: parts.port}), ...(parts.user === undefined ? {} : {user: parts.user})};
		previous = resolveWith(config, hopOptions, home, depth + 1, index === 0 ? undefined : previous);
	}
	return previous;
}
