// Runs every benchmark in this folder, one process each, so one's memory and JIT state never colours
// another's; then prints a summary: each bench's outcome, wall time, peak memory and its "aim" lines.
import {spawn} from 'node:child_process';
import {mkdtempSync, readFileSync, readdirSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const benches = readdirSync(here)
	.filter(name => name.endsWith('.mjs'))
	.filter(name => only.length === 0 || only.some(word => name.includes(word)))
	.sort();

// Each bench process writes its own peak RSS and heap at exit, whatever the bench itself prints.
const memoryDir = mkdtempSync(join(tmpdir(), 'mesos-lab-bench-'));
const memoryHook = [
	"import {writeFileSync} from 'node:fs';",
	"import {getHeapStatistics} from 'node:v8';",
	"process.on('exit', () => writeFileSync(process.env.BENCH_MEMORY_FILE, JSON.stringify({rss: process.resourceUsage().maxRSS * 1024, heap: getHeapStatistics().total_heap_size})));",
].join('\n');

function run(name) {
	const memoryFile = join(memoryDir, `${name}.json`);
	const started = process.hrtime.bigint();
	const child = spawn(process.execPath, ['--expose-gc', '--import', `data:text/javascript,${encodeURIComponent(memoryHook)}`, join(here, name)], {
		stdio: ['ignore', 'pipe', 'inherit'],
		env: {...process.env, BENCH_MEMORY_FILE: memoryFile},
	});
	let output = '';
	child.stdout.on('data', chunk => {
		output += chunk;
		process.stdout.write(chunk);
	});
	return new Promise(resolve => {
		child.on('close', (code, signal) => {
			let memory;
			try {
				memory = JSON.parse(readFileSync(memoryFile, 'utf8'));
			} catch {
				memory = undefined;
			}
			resolve({name, code, signal, output, memory, seconds: Number(process.hrtime.bigint() - started) / 1e9});
		});
	});
}

const results = [];
for (const name of benches) {
	console.log(`\n== ${name.replace(/\.mjs$/, '')} ==`);
	results.push(await run(name));
}
rmSync(memoryDir, {recursive: true, force: true});

const mb = bytes => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log('\n== summary ==');
console.log(`${'bench'.padEnd(14)}${'result'.padEnd(10)}${'time'.padStart(8)}${'peak rss'.padStart(11)}${'heap at exit'.padStart(14)}`);
for (const result of results) {
	const outcome = result.code === 0 ? 'ok' : `failed (${result.code ?? result.signal})`;
	const memory = result.memory ? `${mb(result.memory.rss).padStart(11)}${mb(result.memory.heap).padStart(14)}` : `${'?'.padStart(11)}${'?'.padStart(14)}`;
	console.log(`${result.name.replace(/\.mjs$/, '').padEnd(14)}${outcome.padEnd(10)}${`${result.seconds.toFixed(1)} s`.padStart(8)}${memory}`);
	for (const line of result.output.split('\n').filter(text => /\baim\b/i.test(text))) {
		console.log(`    ${line.trim()}`);
	}
}
process.exitCode = results.every(result => result.code === 0) ? 0 : 1;
