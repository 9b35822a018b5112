import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {eachArrayElement} from '../../src/cluster/json-elements.js';
import {normaliseMarathonApps, normaliseMarathonAppsText} from '../../src/cluster/marathon-apps.js';
import {fixtureText} from './helpers/fixtures.js';

const whole = (body: string): unknown => JSON.parse(body) as unknown;

describe('Marathon apps read app by app from the answer text', () => {
	const answers = readdirSync(join(import.meta.dirname, '../fixtures/cluster')).filter(name => name.startsWith('marathon-apps'));

	it.each(answers)('gives what a whole parse gives for %s', name => {
		const body = fixtureText(name);
		expect(normaliseMarathonAppsText(body, whole)).toEqual(normaliseMarathonApps(JSON.parse(body)));
	});

	it('hands over each element of the named array, strings with brackets, braces, commas and escaped quotes included', () => {
		const text = ' {"note": "apps: [1, 2]", "nested": {"apps": [9]}, "apps" : [ {"id": "/a\\\\", "cmd": "echo \\"[{,}]\\""}, [1, {"x": []}], "s", 3 ], "after": {}}';
		const seen: unknown[] = [];
		expect(eachArrayElement(text, 'apps', element => seen.push(element))).toBe(true);
		expect(seen).toEqual([{id: '/a\\', cmd: 'echo "[{,}]"'}, [1, {x: []}], 's', 3]);
	});

	it('hands over nothing from a text without the array, leaving it to a whole parse', () => {
		const seen: unknown[] = [];
		expect(eachArrayElement('[{"id": "/a"}]', 'apps', element => seen.push(element))).toBe(false);
		expect(eachArrayElement('{"app": {"id": "/a"}}', 'apps', element => seen.push(element))).toBe(false);
		expect(eachArrayElement('{"apps": []}', 'apps', element => seen.push(element))).toBe(false);
		expect(seen).toEqual([]);
		expect(normaliseMarathonAppsText('{"app": {"id": "/a", "instances": 2}}', whole).apps.map(app => app.id)).toEqual(['/a']);
	});

	it('refuses a text cut short, and the apps come from a whole parse, which says what is wrong', () => {
		expect(() => eachArrayElement('{"apps": [{"id": "/a"}, {"id": "/b"', 'apps', () => undefined)).toThrow(/ended after/);
		expect(() => normaliseMarathonAppsText('{"apps": [{"id": "/a"}, {"id": "/b"', body => JSON.parse(body) as unknown)).toThrow(SyntaxError);
	});

	it('reads an answer larger than one slice of the scan, Chinese app ids included', () => {
		const apps = Array.from({length: 400}, (_, index) => ({id: `/应用-${index}`, cmd: `echo "${'x'.repeat(index * 3)}"`}));
		const seen: unknown[] = [];
		expect(eachArrayElement(JSON.stringify({apps}), 'apps', element => seen.push(element))).toBe(true);
		expect(seen).toEqual(apps);
	});

	it('reports text that is not JSON as a whole parse does', () => {
		expect(() => normaliseMarathonAppsText('{"apps": [{"id": "/a",}]}', () => {
			throw new Error('did not answer valid JSON');
		})).toThrow('did not answer valid JSON');
	});
});
