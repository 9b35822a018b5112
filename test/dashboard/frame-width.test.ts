import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {eventText, type ClusterEvent} from '../../src/cluster/cluster-event.js';
import {buildFrame, type Frame} from '../../src/dashboard/frame.js';
import {focusOrder, initialUiState, type PanelId} from '../../src/dashboard/ui-state.js';
import {emptyHistory} from '../../src/dashboard/view-models/allocation-history.js';
import {panelTable} from '../../src/dashboard/view-models/panel-content.js';
import type {Language} from '../../src/i18n/language.js';
import {fixedNow, smallCluster} from './snapshot-fixture.js';

/** What blessed draws for a line: tags gone, escaped braces back. */
const drawn = (line: string) => line.replace(/\{(?:open|close)\}/g, '{').replace(/\{\/?[a-z-]+\}/g, '');

// A cluster whose cells run long: a master named by a long host, an agent with many attributes, and a busy event log.
const snapshot = (() => {
	const base = smallCluster({simulated: true});
	return {
		...base,
		leaders: {...base.leaders, mesosMasters: [...base.leaders.mesosMasters, {endpoint: 'master-three.datacenter-beijing.example.internal:5050', role: 'standby' as const}]},
		agents: base.agents.map(agent => ({...agent, attributes: {dc: 'bj', rack: 'r1', zone: 'a-very-long-availability-zone-name', disk: 'ssd'}})),
	};
})();

const log: ClusterEvent[] = Array.from({length: 30}, (_, index) => ({
	at: `2026-03-01T11:59:${String(index).padStart(2, '0')}Z`,
	origin: 'derived',
	kind: 'task',
	type: 'task-replaced',
	...eventText('evTaskReplacedPorts', {app: '/web', ports: String(31_000 + index), host: 'agent-with-a-rather-long-host-name.example.internal'}),
}));

function frameAt(language: Language, width: number, height: number, focus: PanelId): Frame {
	const ui = {...initialUiState({readonly: false, demo: true}), focus};
	return buildFrame({snapshot, ui, history: emptyHistory, log, clusterName: 'mesos-lab demo', width, height, color: true, now: fixedNow, language});
}

describe.each(['zh', 'en'] as const)('the screen in %s, measured in display columns', (language) => {
	describe.each([[80, 24], [200, 60]])('at %dx%d', (width, height) => {
		it.each(focusOrder)('with %s focused, no row is wider than its box, so none wraps', (focus) => {
			const frame = frameAt(language, width, height, focus);
			for (const line of [...frame.header, frame.status]) {
				expect(stringWidth(drawn(line)), line).toBeLessThanOrEqual(width);
			}
			for (const [panel, content] of Object.entries(frame.panels)) {
				const rect = frame.layout.panels[panel as PanelId]!;
				// The label sits on the top border between the corners and a space on each side.
				expect(stringWidth(` ${content.title} `), content.title).toBeLessThanOrEqual(rect.width - 2);
				for (const line of content.lines) {
					expect(stringWidth(drawn(line)), line).toBeLessThanOrEqual(rect.width - 2);
				}
			}
		});

		it.each(['apps', 'tasks', 'agents', 'leaders', 'backends', 'joined'] as const)('the %s columns start where their heads do', (focus) => {
			const lines = frameAt(language, width, height, focus).panels[focus]!.lines.map(drawn);
			const header = lines[0]!;
			// Each column starts at the display column of its head, one space after the column before.
			let from = 0;
			const starts = panelTable(focus, snapshot, {kind: 'overview'}, '', fixedNow, language)!.header.slice(1).map(head => {
				from = header.indexOf(` ${head.slice(0, 2)}`, from) + 1;
				return stringWidth(header.slice(0, from)) - 1;
			});
			for (const row of lines.slice(1)) {
				const cells = [...row].flatMap(char => (stringWidth(char) === 2 ? [char, ''] : [char]));
				for (const start of starts.filter(column => column < cells.length)) {
					expect(cells[start], `${JSON.stringify(row)} at column ${start} under ${JSON.stringify(header)}`).toBe(' ');
				}
			}
		});
	});
});
