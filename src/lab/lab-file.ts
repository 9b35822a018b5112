import {localized, localizedBy} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {parseDocument, stringify} from 'yaml';
import * as z from 'zod';
import type {Language} from '../steps/step.js';
import {UserInputError} from '../errors.js';
import {labSchema, preflightCheckNames, type Lab, type LabInput, type ParsedLab} from './lab-schema.js';
import {labProcesses, roleHosts, roleIds, spreadRoles} from './roles.js';

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
		throw new UserInputError(localized('errIsBytesALabFile', {sourcePath, bytes, maxLabFileBytes}), {
			hint: localized('errIsBytesALabFileHint'),
		});
	}
	const document = parseDocument(text);
	if (document.errors.length > 0) {
		const first = document.errors[0];
		throw new UserInputError(localized('errIsNotValidYAML', {sourcePath, detail: first?.message ?? 'unknown error'}), {
			hint: localized('errIsNotValidYAMLHint'),
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
		throw new UserInputError(localizedBy('errLabFileProblems', (language) => [{sourcePath, count: result.error.issues.length, issues: formatIssues(result.error.issues, language)}]), {
			hint: localized('errLabFileProblemsHint'),
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
			throw new UserInputError(localized('errHostsPasswordIsNotAllowedPasswords', {sourcePath, index}), {
				hint: localized('errHostsPasswordIsNotAllowedPasswordsHint'),
			});
		}
	});
}

function formatIssues(issues: readonly z.core.$ZodIssue[], language: Language): string {
	return issues
		.map((issue) => {
			const path = issue.path.length === 0 ? t(language, 'errIssueTopLevel') : issue.path.map(String).join('.');
			return `  - ${path}: ${describeIssue(issue, language)}`;
		})
		.join('\n');
}

/** zod's own wording of an issue in Chinese, for the checks that carry no message of ours. */
const zodChinese = z.locales.zhCN().localeError;

function describeIssue(issue: z.core.$ZodIssue, language: Language): string {
	switch (issue.code) {
		case 'invalid_value': {
			return t(language, 'errIssueOneOf', {values: issue.values.map((v) => JSON.stringify(v)).join(', ')});
		}
		case 'unrecognized_keys': {
			return t(language, 'errIssueUnknownFields', {count: issue.keys.length, keys: issue.keys.join(', ')});
		}
		case 'custom': {
			// The schema's own checks name a catalog key as their message (see lab-schema.ts).
			if (issue.message === 'errIssuePreflightName') {
				return t(language, 'errIssuePreflightName', {names: preflightCheckNames.join(', ')});
			}
			return isIssueKey(issue.message) ? t(language, issue.message) : issue.message;
		}
		case 'invalid_format': {
			if (language === 'en') {
				return `must be ${issue.message.replace(/^Invalid string: must match pattern .*$/, 'in the documented format')}`;
			}
			break;
		}
		case 'invalid_type': {
			return t(language, 'errIssueType', {expected: issue.expected});
		}
	}
	if (language === 'en') {
		return issue.message;
	}
	const chinese = zodChinese({...issue, input: undefined});
	return typeof chinese === 'string' ? chinese : chinese?.message ?? issue.message;
}

/** Catalog keys the schema's own checks give as their message; the preflight one also lists the checks. */
const issueKeys = ['errIssueNoCredentials', 'errIssueImageReference', 'errIssueMarathonLbPort'] as const;

export type IssueKey = (typeof issueKeys)[number] | 'errIssuePreflightName';

function isIssueKey(message: string): message is (typeof issueKeys)[number] {
	return (issueKeys as readonly string[]).includes(message);
}

function placeRoles(lab: ParsedLab, sourcePath: string): Lab {
	const first = lab.hosts[0];
	if (first === undefined) {
		throw new UserInputError(localized('errHostsNeedsAtLeastOne', {sourcePath}));
	}
	const names = new Set<string>();
	lab.hosts.forEach((host, index) => {
		if (names.has(host.name)) {
			throw new UserInputError(localized('errHostsNameIsUsedTwice', {sourcePath, index, name: host.name}), {hint: localized('errHostsNameIsUsedTwiceHint')});
		}
		names.add(host.name);
		if (host.local === true && (host.port !== undefined || host.user !== undefined || host.identityFile !== undefined)) {
			throw new UserInputError(localized('errHostsIsLocalRunsOn', {sourcePath, index}), {
				hint: localized('errHostsIsLocalRunsOnHint'),
			});
		}
		if (host.auth === 'identity-file' && host.identityFile === undefined) {
			throw new UserInputError(localized('errHostsIdentityFileIsRequiredWhenAuth', {sourcePath, index}), {
				hint: localized('errHostsIdentityFileIsRequiredWhenAuthHint'),
			});
		}
	});
	const roles = lab.roles ?? spreadRoles([first.name]);
	const placed = roleIds.flatMap(role => roleHosts(roles, role).map((host, index): [string, string] => [typeof roles[role] === 'string' ? `roles.${role}` : `roles.${role}.${index}`, host]));
	for (const [field, host] of placed) {
		if (!names.has(host)) {
			throw new UserInputError(localized('errNamesHostWhichIs', {sourcePath, field, host}), {
				hint: localized('errNamesHostWhichIsHint', {hosts: [...names].join(', ')}),
			});
		}
	}
	if (new Set(roles.agents).size !== roles.agents.length) {
		throw new UserInputError(localized('errRolesAgentsListsAHostTwice', {sourcePath}), {
			hint: localized('errRolesAgentsListsAHostTwiceHint'),
		});
	}
	if (lab.mirrors.preset === 'custom') {
		const missing = (['centosVault', 'epelArchive', 'dockerCe', 'maven', 'apache'] as const).filter((key) => lab.mirrors[key] === undefined);
		if (missing.length > 0) {
			throw new UserInputError(localized('errMirrorsPresetIsCustomSoMirrors', {sourcePath, missing: missing.join(', mirrors.')}), {
				hint: localized('errMirrorsPresetIsCustomSoMirrorsHint'),
			});
		}
	}
	requireDownloads(lab, sourcePath);
	checkPortCollisions(lab, roles, sourcePath);
	return {...lab, roles};
}

function requireDownloads(lab: ParsedLab, sourcePath: string): void {
	if ((lab.mesos.source === 'rpm' || lab.mesos.source === 'tarball') && lab.mesos.download === undefined) {
		throw new UserInputError(localized('errMesosDownloadIsRequiredWhenMesosSourc', {sourcePath, source: lab.mesos.source}), {
			hint: localized('errMesosDownloadIsRequiredWhenMesosSourcHint'),
		});
	}
	if (lab.mesos.source === 'third-party-repo' && (lab.mesos.thirdPartyRepo === undefined || lab.mesos.thirdPartyGpgKey === undefined)) {
		throw new UserInputError(localized('errMesosThirdPartyRepoAndMesosThirdParty', {sourcePath}), {
			hint: localized('errMesosThirdPartyRepoAndMesosThirdPartyHint'),
		});
	}
	if (lab.marathon.source === 'tarball' && lab.marathon.download === undefined) {
		throw new UserInputError(localized('errMarathonDownloadIsRequiredWhenMaratho', {sourcePath}), {
			hint: localized('errMarathonDownloadIsRequiredWhenMarathoHint'),
		});
	}
}

function checkPortCollisions(lab: ParsedLab, roles: Lab['roles'], sourcePath: string): void {
	const used = new Map<string, string>();
	for (const process of labProcesses({roles, ports: lab.ports})) {
		for (const {port, field, owner} of process.ports) {
			const what = field ?? owner;
			const host = process.host;
			const other = used.get(`${host}:${port}`);
			if (other !== undefined) {
				throw new UserInputError(localized('errPortOnHostIsWanted', {sourcePath, port, host, other, what}), {
					hint: localized('errPortOnHostIsWantedHint'),
				});
			}
			used.set(`${host}:${port}`, what);
		}
	}
}
