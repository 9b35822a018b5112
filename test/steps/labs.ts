import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {parseLab} from '../../src/lab/lab-file.js';
import type {Lab} from '../../src/lab/lab-schema.js';

/** The two example labs every steps test runs against. */
export function exampleLabs(): Array<{name: string; lab: Lab}> {
	return [
		{name: 'single-vm', lab: parseLab(readFileSync(join('examples', 'lab.yaml'), 'utf8'), 'examples/lab.yaml')},
		{name: 'three-hosts', lab: parseLab(readFileSync(join('examples', 'lab-3-hosts.yaml'), 'utf8'), 'examples/lab-3-hosts.yaml')},
	];
}
