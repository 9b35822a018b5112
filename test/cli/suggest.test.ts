import {describe, expect, it} from 'vitest';
import {levenshtein, nearest} from '../../src/cli/suggest.js';

describe('the nearest valid word', () => {
	it('counts insertions, deletions and substitutions', () => {
		expect(levenshtein('stauts', 'status')).toBe(2);
		expect(levenshtein('', 'abc')).toBe(3);
		expect(levenshtein('reset', 'reset')).toBe(0);
	});

	it('picks the closest candidate, the earlier one on a tie', () => {
		expect(nearest('stauts', ['init', 'status', 'reset'])).toBe('status');
		expect(nearest('--x', ['--a', '--b'])).toBe('--a');
		expect(nearest('anything', [])).toBeUndefined();
	});

	it('takes a word the user started typing for the flag it begins', () => {
		expect(nearest('--lab', ['--lang', '--lab-id'])).toBe('--lab-id');
		expect(nearest('--accept', ['--lang', '--home', '--accept-new-host-key'])).toBe('--accept-new-host-key');
	});
});
