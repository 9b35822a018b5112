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

// Each child reports its own CPU time (user + system) on exit. Wall time is what a user waits, but
// on a busy machine it mostly measures the scheduler; CPU time shows the work itself.
const reportCpu = `data:text/javascript,${encodeURIComponent("process.on('exit', () => { const {user, system} = process.cpuUsage(); process.stderr.write(`cpu=${(user + system) / 1000}\\n`); });")}`;

function timeOf(args) {
	const wall = [];
	const cpu = [];
	for (let index = 0; index < runs; index++) {
		const started = process.hrtime.bigint();
		const result = spawnSync(process.execPath, ['--import', reportCpu, ...args], {stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'});
		wall.push(Number(process.hrtime.bigint() - started) / 1e6);
		if (result.status !== 0) {
			throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
		}
		cpu.push(Number(/cpu=([\d.]+)/.exec(result.stderr)?.[1]));
	}
	return {wall: median(wall), cpu: median(cpu)};
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

console.log(`median of ${runs} runs each     wall ms    cpu ms`);
console.log(`node -e 0            ${bare.wall.toFixed(1).padStart(14)}${bare.cpu.toFixed(1).padStart(10)}`);
console.log(`mesos-lab --help     ${help.wall.toFixed(1).padStart(14)}${help.cpu.toFixed(1).padStart(10)}`);
console.log(`ratio                ${`${(help.wall / bare.wall).toFixed(2)}x`.padStart(14)}${`${(help.cpu / bare.cpu).toFixed(2)}x`.padStart(10)}   (aim: under 2x)`);
console.log(`packages loaded      ${packages.join(', ') || 'none'}`);
console.log(`project modules      ${own.join(', ')}`);
console.log(`ink/react/blessed/ssh2 loaded: ${forbidden.length === 0 ? 'none' : forbidden.join(', ')}`);
process.exitCode = forbidden.length === 0 ? 0 : 1;
