import {localized} from '../i18n/localized.js';
import {isIP} from 'node:net';
import {UserInputError} from '../errors.js';

// Validators for values that end up on a command line on the target. Quoting would make them
// harmless anyway; refusing them early gives the user a message that names the field.

const hostnamePattern = /^(?=.{1,253}$)[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?(?:\.[a-zA-Z\d](?:[a-zA-Z\d-]{0,61}[a-zA-Z\d])?)*$/;
const userPattern = /^[a-z_][a-z\d_-]{0,31}\$?$/;
const pathPattern = /^\/[\w./@+-]*$/;

export function isValidHost(value: string): boolean {
	return isIP(value) !== 0 || hostnamePattern.test(value);
}

export function assertHost(field: string, value: string): string {
	if (!isValidHost(value)) {
		throw new UserInputError(localized('errIsNotAHost', {field, printable: printable(value)}), {
			hint: localized('errIsNotAHostHint'),
		});
	}
	return value;
}

export function assertPort(field: string, value: number | string): number {
	const port = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isInteger(port) || port < 1 || port > 65_535) {
		throw new UserInputError(localized('errIsNotAPort', {field, printable: printable(String(value))}), {
			hint: localized('errIsNotAPortHint'),
		});
	}
	return port;
}

export function assertUser(field: string, value: string): string {
	if (!userPattern.test(value)) {
		throw new UserInputError(localized('errIsNotAValid', {field, printable: printable(value)}), {
			hint: localized('errIsNotAValidHint'),
		});
	}
	return value;
}

export function assertAbsolutePath(field: string, value: string): string {
	if (!pathPattern.test(value) || value.split('/').includes('..')) {
		throw new UserInputError(localized('errIsNotAnAbsolute2', {field, printable: printable(value)}), {
			hint: localized('errIsNotAnAbsolute2Hint'),
		});
	}
	return value;
}

function printable(value: string): string {
	return JSON.stringify(value).slice(1, -1);
}
