// The built CLI, `mesos-lab dashboard`, in a real terminal (tmux, 200x60) against a cluster served
// on loopback (bench/loopback-cluster.js): how long until the first screen with tasks, the
// CPU time the process spent to get there (the wall time follows the machine's load, this does not),
// the dashboard process's CPU while the cluster is idle, the bytes it pulls from each source per
// minute, the time from a task being killed to its replacement on screen, and its peak RSS.
// Polling (--poll) and streaming (the default) side by side, at several cluster sizes.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {startLoopbackCluster} from './loopback-cluster.js';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'mesos-lab.js');
const socket = `mesos-lab-bench-${process.pid}`;
const mainSize = 20_000;
const sizes = (process.env.E2E_SIZES ?? '100,1000,5000,20000,100000').split(',').map(Number);
const mainIdleSeconds = Number(process.env.E2E_IDLE_SECONDS ?? 30);
const growthIdleSeconds = Number(process.env.E2E_GROWTH_IDLE_SECONDS ?? 10);
const feeds = (process.env.E2E_FEEDS ?? 'poll,stream').split(',');
const clockTicks = 100;

const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], {encoding: 'utf8'});
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const screen = () => tmux('capture-pane', '-p', '-t', 'dash');

function cpuTicks(pid) {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return Number(fields[11]) + Number(fields[12]);
}

function peakRss(pid) {
	const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) * 1024 : Number.NaN;
}

async function until(predicate, timeoutMs) {
	const started = performance.now();
	for (;;) {
		const text = screen();
		if (predicate(text)) return {ms: performance.now() - started, doneAt: performance.now(), text};
		if (performance.now() - started > timeoutMs) return {ms: Number.NaN, text};
		await sleep(20);
	}
}

async function measure(taskCount, feed, idleSeconds) {
	const cluster = await startLoopbackCluster(taskCount);
	cluster.warm();
	const args = [cli, 'dashboard', '--mesos', cluster.mesosUrl, '--marathon', cluster.marathonUrl, '--lb', cluster.lbUrl, ...(feed === 'poll' ? ['--poll'] : [])];
	// The clock starts before tmux does: the first screen includes starting the CLI.
	const spawnedAt = performance.now();
	tmux('new-session', '-d', '-s', 'dash', '-x', '200', '-y', '60', `exec ${process.execPath} ${args.join(' ')}`);
	const pid = Number(tmux('display-message', '-p', '-t', 'dash', '#{pane_pid}').trim());
	const result = {taskCount, feed};
	try {
		// The title counts the tasks, then names the selected row: "Tasks (100000, row 1)". While a
		// large first state loads, the tasks read so far show first, with a smaller count.
		const tasksTitle = new RegExp(`Tasks \\(${taskCount}[,)]`);
		const someTasks = await until(text => /Tasks \([1-9]\d*[,)]/.test(text), taskCount >= 100_000 ? 60_000 : 20_000);
		result.firstTasksMs = Number.isNaN(someTasks.ms) ? Number.NaN : someTasks.doneAt - spawnedAt;
		const first = await until(text => tasksTitle.test(text), taskCount >= 100_000 ? 60_000 : 20_000);
		result.firstScreenMs = Number.isNaN(first.ms) ? Number.NaN : first.doneAt - spawnedAt;
		// What the first screen cost the process, whatever else the machine was doing meanwhile.
		result.firstScreenCpuMs = Number.isNaN(first.ms) ? Number.NaN : (cpuTicks(pid) / clockTicks) * 1000;
		if (Number.isNaN(first.ms)) {
			result.note = (/mesos STALE[^|\n]*/.exec(first.text)?.[0] ?? 'no tasks on screen').trim();
		}
		// Let the first reads and renders settle (every source read once: at 100,000 tasks Marathon's
		// apps come in after the tasks are on screen), then watch the idle cluster.
		if (!Number.isNaN(first.ms)) {
			await until(text => text.includes('all sources fresh'), 60_000);
		}
		await sleep(3_000);
		// A dashboard that never showed tasks is watched for the short time only.
		const watchSeconds = Number.isNaN(first.ms) ? Math.min(idleSeconds, growthIdleSeconds) : idleSeconds;
		const cpuBefore = cpuTicks(pid);
		const bytesBefore = cluster.bytes();
		const idleStarted = performance.now();
		await sleep(watchSeconds * 1000);
		const idleMs = performance.now() - idleStarted;
		result.idleCpuPercent = ((cpuTicks(pid) - cpuBefore) / clockTicks / (idleMs / 1000)) * 100;
		const bytesAfter = cluster.bytes();
		result.perMinute = Object.fromEntries(Object.keys(bytesAfter).map(source => [source, ((bytesAfter[source] - bytesBefore[source]) / idleMs) * 60_000]));
		// The first idle window right after a large first load holds the engine's clean-up of what
		// loading left behind (a second of garbage collection at 100,000 tasks); the second shows the
		// cost of watching from then on.
		if (!Number.isNaN(first.ms) && idleSeconds === mainIdleSeconds) {
			const steadyBefore = cpuTicks(pid);
			const steadyStarted = performance.now();
			await sleep(idleSeconds * 1000);
			result.steadyCpuPercent = ((cpuTicks(pid) - steadyBefore) / clockTicks / ((performance.now() - steadyStarted) / 1000)) * 100;
		}
		if (!Number.isNaN(first.ms)) {
			// Watch for the replacement as a user would: filter the tables to it, then kill.
			tmux('send-keys', '-t', 'dash', '/', 'replacement', 'Enter');
			await until(text => text.includes('nothing matches "replacement"'), 5_000);
			const killedAt = performance.now();
			const replacement = cluster.kill(0);
			const shown = await until(text => text.includes(replacement.split('.').at(-1)), 20_000);
			result.killToScreenMs = Number.isNaN(shown.ms) ? Number.NaN : shown.doneAt - killedAt;
		}
		result.peakRss = peakRss(pid);
	} finally {
		tmux('kill-server');
		await cluster.stop();
	}
	return result;
}

const mib = bytes => bytes / 1024 / 1024;
const ms = value => (Number.isNaN(value) || value === undefined ? 'never' : value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`);
const rate = bytes => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${mib(bytes).toFixed(1)} MiB`);

function row(result) {
	const perMinute = result.perMinute ?? {};
	return [
		result.taskCount.toLocaleString('en'), result.feed, ms(result.firstTasksMs), ms(result.firstScreenMs), ms(result.firstScreenCpuMs), `${result.idleCpuPercent.toFixed(2)}%`, result.steadyCpuPercent === undefined ? '' : `${result.steadyCpuPercent.toFixed(2)}%`,
		rate(perMinute.mesos ?? 0), rate(perMinute.marathon ?? 0), rate(perMinute.haproxy ?? 0), ms(result.killToScreenMs), `${mib(result.peakRss).toFixed(0)} MiB`,
		result.note ?? '',
	];
}

const header = ['tasks', 'feed', 'first tasks', 'every task', 'its CPU time', 'idle CPU', 'then idle', 'mesos/min', 'marathon/min', 'haproxy/min', 'kill→screen', 'peak RSS', 'note'];
const results = [];
for (const size of sizes) {
	for (const feed of feeds) {
		const idle = size === mainSize || size >= 100_000 ? mainIdleSeconds : growthIdleSeconds;
		const result = await measure(size, feed, idle);
		results.push(result);
		console.log(`| ${row(result).join(' | ')} |`);
	}
}

console.log(`\ncluster shapes: tasks/20 agents, tasks/40 apps, one HAProxy server per task; screen 200x60; idle ${mainIdleSeconds} s at ${mainSize.toLocaleString('en')} and 100,000 tasks, ${growthIdleSeconds} s otherwise`);
console.log(`| ${header.join(' | ')} |`);
console.log(`|${header.map(() => '---').join('|')}|`);
for (const result of results) {
	console.log(`| ${row(result).join(' | ')} |`);
}
for (const result of results.filter(item => item.feed === 'stream' && (item.taskCount === mainSize || item.taskCount >= 100_000))) {
	console.log(`streaming at ${result.taskCount.toLocaleString('en')} tasks: idle ${result.idleCpuPercent.toFixed(2)}% of a core (aim < 1%) then ${result.steadyCpuPercent?.toFixed(2) ?? '?'}%, ${rate(result.perMinute.mesos)} a minute from the Mesos master (aim < 1 MiB), kill to screen ${ms(result.killToScreenMs)} (aim < 1 s), first tasks on screen ${ms(result.firstTasksMs)} (aim < 2 s), every task on screen ${ms(result.firstScreenMs)} (${ms(result.firstScreenCpuMs)} of CPU), peak RSS ${mib(result.peakRss).toFixed(0)} MiB`);
}
const poll = results.find(item => item.feed === 'poll' && item.taskCount === mainSize);
const stream = results.find(item => item.feed === 'stream' && item.taskCount === mainSize);
if (poll && stream) {
	console.log(`ratios at ${mainSize.toLocaleString('en')} tasks, polling / streaming: idle CPU ${(poll.idleCpuPercent / stream.idleCpuPercent).toFixed(1)}x, Mesos bytes ${(poll.perMinute.mesos / Math.max(1, stream.perMinute.mesos)).toFixed(0)}x, kill to screen ${(poll.killToScreenMs / stream.killToScreenMs).toFixed(1)}x`);
}
