import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/hostile-http.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'mesos-lab-huge-lab-'));
});
afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

const host = (index: number) => `  - {name: n${index}, address: 10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}}\n`;

function labWithHosts(count: number): string {
	const lines = ['hosts:\n'];
	for (let index = 0; index < count; index++) {
		lines.push(host(index));
	}
	return lines.join('');
}

describe('a lab file far bigger than any lab', () => {
	it('a 50 MB lab with 1.2 million hosts is refused by plan at once, with its size', async () => {
		const file = join(dir, 'huge.yaml');
		writeFileSync(file, labWithHosts(1_200_000));
		const run = await runCli(['--home', join(dir, 'home'), 'plan', '--config', file]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/huge\.yaml is \d+ bytes; a lab file may be at most 1048576 bytes/);
		expect(run.peakRssBytes).toBeLessThan(300 * 1024 * 1024);
	}, 120_000);

	it('more hosts than the limit are refused, naming the field', async () => {
		const file = join(dir, 'many.yaml');
		writeFileSync(file, labWithHosts(201));
		const run = await runCli(['--home', join(dir, 'home'), 'plan', '--config', file]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/hosts: .*200/);
	}, 60_000);

	it('a root path of 200,000 characters is refused by validation', async () => {
		const file = join(dir, 'deep.yaml');
		writeFileSync(file, `${labWithHosts(1)}root: /${'a'.repeat(200_000)}\n`);
		const run = await runCli(['--home', join(dir, 'home'), 'plan', '--config', file]);
		expect(run.code).toBe(2);
		expect(run.stderr).toMatch(/root: .*1024/);
	}, 60_000);
});
