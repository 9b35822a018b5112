import {readFileSync} from 'node:fs';
import {join} from 'node:path';

const folder = join(import.meta.dirname, '../../fixtures/cluster');

export function fixtureText(name: string): string {
	return readFileSync(join(folder, name), 'utf8');
}

export function fixtureJson(name: string): unknown {
	return JSON.parse(fixtureText(name)) as unknown;
}
