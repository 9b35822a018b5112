import {parseDocument, stringify} from 'yaml';
import type * as z from 'zod';
import {UserInputError} from '../errors.js';
import {labSchema, type Lab, type LabInput, type ParsedLab} from './lab-schema.js';
import {labProcesses, spreadRoles, roleHosts, roleIds} from './roles.js';

/** A lab file is a few kilobytes; anything near this is a mistake or an attack, refused before YAML parsing. */
export const maxLabFileBytes = 1024 * 1024;

/** Reads a lab file. Any problem becomes one UserInputError naming the field and what it allows. */
export function parseLab(text: string, sourcePath: string): Lab {
	return readLabFile(text, sourcePath).lab;
}

/**
 * A lab file and the language it names. The lab always has a language (zh when the file is silent);
 * `declaredLanguage` tells a file that chose one from a file that left it to the reader's locale.
 */
export function readLabFile(text: string, sourcePath: string): {lab: Lab; declaredLanguage: Lab['language'] | undefined} {
	const bytes = Buffer.byteLength(text, 'utf8');
	if (bytes > maxLabFileBytes) {
		throw new UserInputError(`${sourcePath} is ${bytes} bytes; a lab file may be at most ${maxLabFileBytes} bytes (1 MiB).`, {
			hint: 'A lab file lists a handful of hosts; check that --config names the right file.',
			zh: {message: `${sourcePath} 有 ${bytes} 字节；lab 文件最大 ${maxLabFileBytes} 字节（1 MiB）。`, hint: 'lab 文件只列出几台主机；请确认 --config 指向的是正确的文件。'},
		});
	}
	const document = parseDocument(text);
	if (document.errors.length > 0) {
		const first = document.errors[0];
		throw new UserInputError(`${sourcePath} is not valid YAML: ${first?.message ?? 'unknown error'}`, {
			hint: 'Check the indentation and quoting near the line named above.',
		});
	}
	const lab = validateLab(document.toJS() as unknown, sourcePath);
	return {lab, declaredLanguage: document.has('language') ? lab.language : undefined};
}

/** Validates an in-memory lab (from the wizard or a parsed file). */
export function validateLab(value: unknown, sourcePath: string): Lab {
	refusePasswords(value, sourcePath);
	const result = labSchema.safeParse(value);
	if (!result.success) {
		throw new UserInputError(`${sourcePath} has ${result.error.issues.length === 1 ? 'a problem' : 'problems'}:\n${formatIssues(result.error.issues)}`, {
			hint: 'See examples/lab.yaml for a complete, commented lab file.',
		});
	}
	return placeRoles(result.data, sourcePath);
}

/** The tutorial's lab: one host running every role. */
export function defaultLab(host: {address: string; name?: string; user?: string; port?: number; identityFile?: string; language?: 'zh' | 'en'}): Lab {
	const input: LabInput = {
		language: host.language ?? 'zh',
		hosts: [
			{
				name: host.name ?? 'node1',
				address: host.address,
				port: host.port ?? 22,
				user: host.user ?? 'root',
				auth: host.identityFile === undefined ? 'agent' : 'identity-file',
				...(host.identityFile === undefined ? {} : {identityFile: host.identityFile}),
			},
		],
	};
	return validateLab(input, 'the default lab');
}

/** Writes a lab back as YAML; parseLab(serializeLab(lab)) gives the same lab. */
export function serializeLab(lab: Lab): string {
	return stringify(lab, {lineWidth: 0});
}

function refusePasswords(value: unknown, sourcePath: string): void {
	const hosts = (value as {hosts?: unknown} | null)?.hosts;
	if (!Array.isArray(hosts)) {
		return;
	}
	hosts.forEach((host: unknown, index) => {
		if (host !== null && typeof host === 'object' && 'password' in host) {
			throw new UserInputError(`${sourcePath}: hosts.${index}.password is not allowed: passwords never go into a lab file.`, {
				hint: 'Use auth: password-prompt (asked at run time), auth: agent, or auth: identity-file with identityFile.',
			});
		}
	});
}

function formatIssues(issues: readonly z.core.$ZodIssue[]): string {
	return issues
		.map((issue) => {
			const path = issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.');
			return `  - ${path}: ${describeIssue(issue)}`;
		})
		.join('\n');
}

function describeIssue(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'invalid_value': {
			return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
		}
		case 'unrecognized_keys': {
			return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
		}
		case 'invalid_format': {
			return `must be ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'in the documented format')}`;
		}
		case 'invalid_type': {
			return `expected ${issue.expected}`;
		}
		case 'too_small':
		case 'too_big': {
			return issue.message;
		}
		default: {
			return issue.message;
		}
	}
}

function placeRoles(lab: ParsedLab, sourcePath: string): Lab {
	const first = lab.hosts[0];
	if (first === undefined) {
		throw new UserInputError(`${sourcePath}: hosts needs at least one host.`);
	}
	const names = new Set<string>();
	lab.hosts.forEach((host, index) => {
		if (names.has(host.name)) {
			throw new UserInputError(`${sourcePath}: hosts.${index}.name "${host.name}" is used twice.`, {hint: 'Give every host its own name.'});
		}
		names.add(host.name);
		if (host.local === true && (host.port !== undefined || host.user !== undefined || host.identityFile !== undefined)) {
			throw new UserInputError(`${sourcePath}: hosts.${index} is local (runs on this machine without SSH), so port, user and identityFile do not apply.`, {
				hint: 'Remove local: true to reach the host over SSH, or remove port, user and identityFile.',
			});
		}
		if (host.auth === 'identity-file' && host.identityFile === undefined) {
			throw new UserInputError(`${sourcePath}: hosts.${index}.identityFile is required when auth is identity-file.`, {
				hint: 'Name the private key file, e.g. identityFile: ~/.ssh/id_ed25519, or use auth: agent.',
			});
		}
	});
	const roles = lab.roles ?? spreadRoles([first.name]);
	const placed = roleIds.flatMap(role => roleHosts(roles, role).map((host, index): [string, string] => [typeof roles[role] === 'string' ? `roles.${role}` : `roles.${role}.${index}`, host]));
	for (const [field, host] of placed) {
		if (!names.has(host)) {
			throw new UserInputError(`${sourcePath}: ${field} names host "${host}", which is not in hosts.`, {
				hint: `Use one of: ${[...names].join(', ')}.`,
			});
		}
	}
	if (new Set(roles.agents).size !== roles.agents.length) {
		throw new UserInputError(`${sourcePath}: roles.agents lists a host twice.`, {
			hint: 'Run one Mesos agent per host: two agents on one machine would each offer all of its CPUs and memory.',
		});
	}
	if (lab.mirrors.preset === 'custom') {
		const missing = (['centosVault', 'epelArchive', 'dockerCe', 'maven', 'apache'] as const).filter((key) => lab.mirrors[key] === undefined);
		if (missing.length > 0) {
			throw new UserInputError(`${sourcePath}: mirrors.preset is custom, so mirrors.${missing.join(', mirrors.')} must be set.`, {
				hint: 'Give every mirror URL, or use preset: china or preset: global.',
			});
		}
	}
	requireDownloads(lab, sourcePath);
	checkPortCollisions(lab, roles, sourcePath);
	return {...lab, roles};
}

function requireDownloads(lab: ParsedLab, sourcePath: string): void {
	if ((lab.mesos.source === 'rpm' || lab.mesos.source === 'tarball') && lab.mesos.download === undefined) {
		throw new UserInputError(`${sourcePath}: mesos.download is required when mesos.source is ${lab.mesos.source}.`, {
			hint: 'Give url and checksum (algorithm and value), and localFile for a file already on the host.',
		});
	}
	if (lab.mesos.source === 'third-party-repo' && (lab.mesos.thirdPartyRepo === undefined || lab.mesos.thirdPartyGpgKey === undefined)) {
		throw new UserInputError(`${sourcePath}: mesos.thirdPartyRepo and mesos.thirdPartyGpgKey are required when mesos.source is third-party-repo.`, {
			hint: 'Give the repo base URL and its vendor\'s signing key, both https (AVENTER: https://www.aventer.biz/CentOS/support_aventer.asc); yum checks every package against the key.',
		});
	}
	if (lab.marathon.source === 'tarball' && lab.marathon.download === undefined) {
		throw new UserInputError(`${sourcePath}: marathon.download is required when marathon.source is tarball.`, {
			hint: 'Marathon tarballs are no longer published; give your own copy with its sha256, or use source: image.',
		});
	}
}

function checkPortCollisions(lab: ParsedLab, roles: Lab['roles'], sourcePath: string): void {
	const used = new Map<string, string>();
	for (const process of labProcesses({roles, ports: lab.ports})) {
		for (const {port, field, owner} of process.ports) {
			const what = field ?? owner;
			const key = `${process.host}:${port}`;
			const other = used.get(key);
			if (other !== undefined) {
				throw new UserInputError(`${sourcePath}: port ${port} on host ${process.host} is wanted by both ${other} and ${what}.`, {
					hint: 'Change one of them under ports: so every process on a host has its own port.',
				});
			}
			used.set(key, what);
		}
	}
}
