// Wall time of `mesos-lab --help` against a bare `node -e 0`, median of N runs each, and the
// modules --help loads (to show no UI or SSH package is among them). Run after `npm run build`.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const runs = Number(process.argv[2] ?? 21);
const bin = fileURLToPath(new URL('../bin/mesos-lab.js', import.meta.url));

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

function timeOf(args) {
	const samples = [];
	for (let index = 0; index < runs; index++) {
		const started = process.hrtime.bigint();
		const result = spawnSync(process.execPath, args, {stdio: 'ignore'});
		samples.push(Number(process.hrtime.bigint() - started) / 1e6);
		if (result.status !== 0) {
			throw new Error(`node ${args.join(' ')} exited ${result.status}`);
		}
	}
	return median(samples);
}

function loadedModules() {
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-bench-'));
	const trace = join(dir, 'modules.txt');
	const hook = [
		"import {registerHooks} from 'node:module';",
		"import {writeFileSync} from 'node:fs';",
		'const seen = [];',
		'registerHooks({resolve(specifier, context, next) { const result = next(specifier, context); seen.push(result.url); return result; }});',
		"process.on('exit', () => writeFileSync(process.env.MODULE_TRACE_FILE, seen.join('\\n')));",
	].join('\n');
	spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(hook)}`, bin, '--help'], {stdio: 'ignore', env: {...process.env, MODULE_TRACE_FILE: trace}});
	const urls = [...new Set(readFileSync(trace, 'utf8').split('\n').filter(Boolean))];
	rmSync(dir, {recursive: true, force: true});
	return urls;
}

timeOf(['-e', '0']);
const bare = timeOf(['-e', '0']);
const help = timeOf([bin, '--help']);
const urls = loadedModules();
const packages = [...new Set(urls.map(url => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter(Boolean))];
const own = urls.filter(url => url.includes('/dist/')).map(url => url.slice(url.indexOf('/dist/') + 1));
const forbidden = packages.filter(name => /^(ink|react|blessed|blessed-contrib|ssh2|@inquirer\/.*)$/.test(name));

console.log(`node -e 0            median ${bare.toFixed(1)} ms (${runs} runs)`);
console.log(`mesos-lab --help     median ${help.toFixed(1)} ms (${runs} runs)`);
console.log(`ratio                ${(help / bare).toFixed(2)}x (aim: under 2x)`);
console.log(`packages loaded      ${packages.join(', ') || 'none'}`);
console.log(`project modules      ${own.join(', ')}`);
console.log(`ink/react/blessed/ssh2 loaded: ${forbidden.length === 0 ? 'none' : forbidden.join(', ')}`);
process.exitCode = forbidden.length === 0 ? 0 : 1;
