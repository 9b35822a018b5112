import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import * as z from 'zod';
import {labSchema} from '../../src/lab/lab-schema.js';

/** Every field path of an object schema, nested objects and arrays of objects included. */
function fieldNames(schema: z.ZodType): string[] {
	const inner = schema instanceof z.ZodDefault || schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType) : schema;
	if (inner instanceof z.ZodArray) {
		return fieldNames(inner.element as z.ZodType);
	}
	if (!(inner instanceof z.ZodObject)) {
		return [];
	}
	return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, child]) => [key, ...fieldNames(child)]);
}

describe('the lab file is documented', () => {
	const names = [...new Set(fieldNames(labSchema))];

	it.each([['docs/lab-file.md'], ['docs/zh-CN/lab-file.md'], ['examples/lab.yaml']])('%s names every field the schema accepts', (file) => {
		const text = readFileSync(file, 'utf8');
		const missing = names.filter((name) => !new RegExp(`\\b${name}\\b`).test(text));
		expect(missing).toEqual([]);
	});

	it('knows more than a handful of fields, so the walk above looked inside the nested ones', () => {
		expect(names).toEqual(expect.arrayContaining(['hosts', 'identityFile', 'zookeeperElection', 'registryMirrors', 'localFile', 'offlineImages', 'sizeGiB']));
	});
});
