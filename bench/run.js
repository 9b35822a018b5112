// Runs every benchmark in this folder, one process each, so one's memory and JIT state never colours another's.
import {spawnSync} from 'node:child_process';
import {readdirSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
	.filter(name => name.endsWith('.mjs'))
	.filter(name => only.length === 0 || only.some(word => name.includes(word)))
	.sort();

let failed = 0;
for (const name of benches) {
	console.log(`\n== ${name.replace(/\.mjs$/, '')} ==`);
	const result = spawnSync(process.execPath, ['--expose-gc', join(here, name)], {stdio: 'inherit'});
	if (result.status !== 0) {
		failed++;
		console.log(`${name} exited with ${result.status ?? result.signal}`);
	}
}
process.exitCode = failed === 0 ? 0 : 1;
