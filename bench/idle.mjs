// CPU the dashboard uses while the cluster does not change: a fresh but identical snapshot every
// 2 s, as the poller delivers it, against a screen that throws its output away. Runs in its own
// process so the render benchmark's heap does not colour it.
import {runDashboard} from '../dist/dashboard/dashboard-app.js';
import {createDashboardScreen} from '../dist/dashboard/screen.js';
import {dummyTerminal, syntheticSnapshot} from './synthetic-cluster.js';

const idleSeconds = Number(process.env.IDLE_SECONDS ?? 20);

const idleTerminal = dummyTerminal(200, 60);
const idleScreen = createDashboardScreen({color: true, ...idleTerminal});
let listener;
const ports = {
	subscribe(next) {
		listener = next;
		return () => {
			listener = undefined;
		};
	},
	actions: {scale: async () => {}, restart: async () => {}, killTask: async () => {}, rollback: async () => {}},
	readTaskOutput: async () => ({stdout: '', stderr: ''}),
};
let renders = 0;
const originalShow = idleScreen.show;
idleScreen.show = frame => {
	renders++;
	originalShow(frame);
};
const running = runDashboard(idleScreen, ports, {clusterName: 'synthetic', color: true, readonly: false, demo: true});
const ticks = Math.round(idleSeconds / 2);

/** Share of one core the process used over `count` periods of 2 s, calling `deliver` at the end of each. */
async function cpuShare(deliver, count = ticks) {
	const cpuBefore = process.cpuUsage();
	const wallBefore = process.hrtime.bigint();
	for (let tick = 0; tick < count; tick++) {
		await new Promise(resolve => setTimeout(resolve, 2000));
		deliver(tick);
	}
	const cpu = process.cpuUsage(cpuBefore);
	const wallMs = Number(process.hrtime.bigint() - wallBefore) / 1e6;
	return {share: ((cpu.user + cpu.system) / 1000 / wallMs) * 100, wallMs};
}

/** Delivers one idle refresh and returns the CPU the dashboard spent on it. */
function deliver(snapshot) {
	const now = new Date().toISOString();
	const ok = {kind: 'ok', at: now};
	const before = process.cpuUsage();
	listener?.({...snapshot, takenAt: now, sources: {mesos: ok, marathon: ok, haproxy: ok, zookeeper: ok}}, []);
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

function median(values) {
	return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

function sum(values) {
	return values.reduce((total, value) => total + value, 0);
}

const first = syntheticSnapshot(new Date().toISOString());
listener?.(first, []);
globalThis.gc?.();
await new Promise(resolve => setTimeout(resolve, 500));

// The process at rest, nothing delivered: what the runtime and blessed cost on their own.
const rest = await cpuShare(() => undefined, Math.max(1, Math.round(ticks / 2)));
// As the poller delivers an idle cluster: its snapshot builder hands over the very same lists.
const shared = [];
const sharing = await cpuShare(() => shared.push(deliver(first)));
// The worst case: equal content in new objects, so every task and backend is compared field by
// field. Making each copy is the poller's work, so only the dashboard's part is counted.
const copied = [];
const copies = await cpuShare(() => copied.push(deliver(syntheticSnapshot(new Date().toISOString()))));
console.log(`cluster: 1000 agents, 20000 tasks, 500 apps; screen 200x60; refresh every 2 s`);
console.log(`idle, unchanged lists shared (as the poller delivers them): ${sharing.share.toFixed(2)}% of a core for the whole process, median ${median(shared).toFixed(2)} ms CPU per refresh in the dashboard (aim < 1%)`);
console.log(`idle, equal content in new objects (worst case): ${((sum(copied) / copies.wallMs) * 100).toFixed(2)}% of a core in the dashboard, median ${median(copied).toFixed(1)} ms CPU per refresh`);
console.log(`the same process at rest (no snapshots): ${rest.share.toFixed(2)}% of a core`);
console.log(`re-renders after the first: ${renders - 1} (aim 0)`);
idleTerminal.input.emit('keypress', 'q', {name: 'q'});
await running;
