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
		throw new UserInputError(`${field} "${printable(value)}" is not a host name or IP address.`, {
			hint: 'Use letters, digits, dots and hyphens (for example centos7.lab or 192.168.56.10).',
		});
	}
	return value;
}

export function assertPort(field: string, value: number | string): number {
	const port = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
	if (!Number.isInteger(port) || port < 1 || port > 65_535) {
		throw new UserInputError(`${field} "${printable(String(value))}" is not a port number.`, {
			hint: 'Use a whole number from 1 to 65535.',
		});
	}
	return port;
}

export function assertUser(field: string, value: string): string {
	if (!userPattern.test(value)) {
		throw new UserInputError(`${field} "${printable(value)}" is not a valid Linux user name.`, {
			hint: 'Use lower-case letters, digits, "_" and "-", starting with a letter or "_" (for example root or centos).',
		});
	}
	return value;
}

export function assertAbsolutePath(field: string, value: string): string {
	if (!pathPattern.test(value) || value.split('/').includes('..')) {
		throw new UserInputError(`${field} "${printable(value)}" is not an absolute path mesos-lab can use.`, {
			hint: 'Use an absolute path of letters, digits and . _ - / @ + (no spaces, quotes, "$" or "..").',
		});
	}
	return value;
}

function printable(value: string): string {
	return JSON.stringify(value).slice(1, -1);
}
