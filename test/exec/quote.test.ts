import {execFileSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {quoteShellArg, shellCommand} from '../../src/exec/quote.js';

const hostile = [
	'a;touch /tmp/pwned',
	'$(touch /tmp/pwned)',
	'`touch /tmp/pwned`',
	"it's",
	'"double"',
	'line\nbreak',
	'-rf',
	'',
	'*',
	'~root',
	'a b',
	'back\\slash',
];

describe('shell quoting', () => {
	it.each(hostile)('hands %j to the command as exactly one argument', value => {
		const printed = execFileSync('sh', ['-c', `printf '%s' ${quoteShellArg(value)}`], {encoding: 'utf8'});
		expect(printed).toBe(value);
	});

	it('leaves plain words readable', () => {
		expect(shellCommand(['systemctl', 'enable', '--now', 'docker'])).toBe('systemctl enable --now docker');
		expect(shellCommand(['echo', 'a b'])).toBe("echo 'a b'");
	});
});
