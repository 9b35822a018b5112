// Dashboard rendering cost: one full frame at 200x60 of a large synthetic cluster, for a snapshot
// never seen before, for a refresh that changed one task, and for a key press.
import {buildFrame} from '../dist/dashboard/frame.js';
import {createDashboardScreen} from '../dist/dashboard/screen.js';
import {initialUiState} from '../dist/dashboard/ui-state.js';
import {emptyHistory} from '../dist/dashboard/view-models/allocation-history.js';
import {reconcileSnapshot} from '../dist/dashboard/view-models/snapshot-change.js';
import {agentCount, appCount, dummyTerminal, syntheticSnapshot, taskCount} from './synthetic-cluster.js';

const terminal = dummyTerminal(200, 60);
const screen = createDashboardScreen({color: true, ...terminal});
const ui = initialUiState({readonly: false, demo: true});
const takenAt = '2026-03-01T12:00:00Z';
const frameInput = {ui, history: emptyHistory, log: [], clusterName: 'synthetic', width: 200, height: 60, color: true, now: Date.parse(takenAt)};
const rounds = 12;

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time and CPU time of one render, in ms. CPU time counts what the process itself spent, so a busy machine inflates it less. */
function timed(render) {
	const cpuStart = process.cpuUsage();
	const start = process.hrtime.bigint();
	render();
	const wall = Number(process.hrtime.bigint() - start) / 1e6;
	const cpu = process.cpuUsage(cpuStart);
	return {wall, cpu: (cpu.user + cpu.system) / 1000};
}

function report(label, samples) {
	const wall = median(samples.map(sample => sample.wall));
	const cpu = median(samples.map(sample => sample.cpu));
	console.log(`${label.padEnd(36)} median ${wall.toFixed(1).padStart(6)} ms wall, ${cpu.toFixed(1).padStart(6)} ms CPU over ${samples.length} (aim < 50 ms)`);
}

// Cold: every round a snapshot the dashboard has never seen (fresh objects, as each poll brings),
// so nothing derived from an earlier one can be reused. Each is made just before its round and
// dropped after it, so the heap holds what a running dashboard holds: a snapshot or two.
const cold = [];
for (let round = 0; round < rounds; round++) {
	const snapshot = syntheticSnapshot(takenAt);
	cold.push(timed(() => screen.show(buildFrame({...frameInput, snapshot, ui: {...ui, selected: {apps: round}}}))));
}

// Warm: the same snapshot while the user moves the selection (what a key press costs).
const shown = syntheticSnapshot(takenAt);
screen.show(buildFrame({...frameInput, snapshot: shown}));
const warm = Array.from({length: rounds}, (_, round) => timed(() => screen.show(buildFrame({...frameInput, snapshot: shown, ui: {...ui, selected: {apps: round, tasks: round * 7}}}))));

// One task replaced: a refresh where one task of 20,000 and its HAProxy server changed, as after
// a kill; everything else is equal content in new objects.
let onScreen = shown;
const oneChanged = [];
for (let round = 0; round < rounds; round++) {
	const next = syntheticSnapshot(takenAt);
	const at = round * 997;
	const tasks = [...next.tasks];
	tasks[at] = {...tasks[at], id: `${tasks[at].id}-replacement`, ports: [32_000 + round]};
	const backends = [...next.backends];
	backends[at] = {...backends[at], server: `${tasks[at].host.replaceAll('.', '_')}_${32_000 + round}`};
	oneChanged.push(timed(() => {
		onScreen = reconcileSnapshot(onScreen, {...next, tasks, backends}).snapshot;
		screen.show(buildFrame({...frameInput, snapshot: onScreen}));
	}));
}
screen.destroy();
console.log(`cluster: ${agentCount} agents, ${taskCount} tasks, ${appCount} apps, ${taskCount} HAProxy servers; screen 200x60`);
report('render, new snapshot (cold):', cold);
report('render, one task changed:', oneChanged);
report('render, same snapshot (key press):', warm);
console.log(`first render after start: ${cold[0].wall.toFixed(1)} ms wall (includes warming up the JIT)`);
