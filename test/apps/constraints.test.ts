import {describe, expect, it} from 'vitest';
import {constraintsFromFlags, explainConstraint, parseConstraintFlag, spreadConstraint} from '../../src/apps/constraints.js';
import {UserInputError} from '../../src/errors.js';

describe('placement flags', () => {
	it('turns --spread dc into an even GROUP_BY over the dc attribute', () => {
		expect(spreadConstraint('dc')).toEqual(['dc', 'GROUP_BY']);
		expect(explainConstraint(['dc', 'GROUP_BY']).en).toContain('evenly');
		expect(explainConstraint(['dc', 'GROUP_BY']).zh).toContain('平均');
	});

	it.each([
		['hostname:UNIQUE', ['hostname', 'UNIQUE']],
		['dc:CLUSTER:bj', ['dc', 'CLUSTER', 'bj']],
		['dc:group_by:2', ['dc', 'GROUP_BY', '2']],
		['rack:LIKE:rack-[12]', ['rack', 'LIKE', 'rack-[12]']],
		['rack:UNLIKE:a:b', ['rack', 'UNLIKE', 'a:b']],
		['hostname:MAX_PER:2', ['hostname', 'MAX_PER', '2']],
	])('reads %s', (flag, expected) => {
		expect(parseConstraintFlag(flag)).toEqual(expected);
	});

	it.each([
		['hostname', /FIELD:OPERATOR/],
		['hostname:UNIQUE:x', /UNIQUE on "hostname" takes no value/],
		['dc:CLUSTER', /CLUSTER on "dc" needs the value/],
		['dc:GROUP_BY:two', /GROUP_BY on "dc" needs a positive whole number/],
		['hostname:MAX_PER', /MAX_PER on "hostname" needs a positive whole number/],
		['rack:LIKE:[', /not a valid regular expression/],
		['dc:NEAR:bj', /operator "NEAR" is not one of/],
		['d c:UNIQUE', /field "d c"/],
	])('rejects %s naming the rule', (flag, message) => {
		expect(() => parseConstraintFlag(flag)).toThrow(UserInputError);
		expect(() => parseConstraintFlag(flag)).toThrow(message);
	});

	it('refuses the same constraint twice', () => {
		expect(() => constraintsFromFlags({spread: ['dc'], constraint: ['dc:GROUP_BY']})).toThrow(/given twice/);
	});

	it('explains every operator in both languages', () => {
		for (const c of [['h', 'UNIQUE'], ['dc', 'CLUSTER', 'bj'], ['dc', 'MAX_PER', '1'], ['dc', 'LIKE', 'b.*'], ['dc', 'UNLIKE', 'sh']] as const) {
			const text = explainConstraint([...c] as never);
			expect(text.en.length).toBeGreaterThan(20);
			expect(text.zh.length).toBeGreaterThan(5);
		}
		expect(explainConstraint(['dc', 'CLUSTER', 'bj']).en).toContain('dc=bj');
	});
});
