import {describe, expect, it} from 'vitest';
import {fit, formatAge, formatClock, formatMegabytes, layoutColumns, percent} from '../../src/dashboard/view-models/format.js';
import {allocationSeries, sparkline, recordAllocation, emptyHistory} from '../../src/dashboard/view-models/allocation-history.js';
import {appendEvents, eventWindow} from '../../src/dashboard/view-models/event-log.js';
import {fixedNow, smallCluster} from './snapshot-fixture.js';
import {eventText, type ClusterEvent} from '../../src/cluster/cluster-event.js';

describe('formatting for narrow panels', () => {
	it('writes sizes in the largest unit that keeps them short', () => {
		expect([formatMegabytes(512), formatMegabytes(1536), formatMegabytes(2 * 1024 * 1024)]).toEqual(['512M', '1.5G', '2T']);
	});

	it('clamps percentages and survives an empty total', () => {
		expect([percent(1, 4), percent(9, 4), percent(1, 0)]).toEqual([25, 100, 0]);
	});

	it('writes ages in one unit and "-" when unknown', () => {
		const ago = (seconds: number) => new Date(fixedNow - seconds * 1000).toISOString();
		expect([formatAge(ago(42), fixedNow), formatAge(ago(300), fixedNow), formatAge(ago(7200), fixedNow), formatAge(ago(200_000), fixedNow), formatAge(undefined, fixedNow), formatAge('soon', fixedNow)]).toEqual(['42s', '5m', '2h', '2d', '-', '-']);
	});

	it('shows clock time in UTC', () => {
		expect(formatClock('2026-03-01T12:34:56.789Z')).toBe('12:34:56');
		expect(formatClock('nonsense')).toBe('--:--:--');
	});

	it('cuts long text with an ellipsis', () => {
		expect(fit('abcdef', 4)).toBe('abc…');
		expect(fit('ab', 4)).toBe('ab  ');
	});

	it('cuts an endpoint in the middle, so its port stays readable', () => {
		expect(fit('10.231.196.22:5050', 14)).toBe('10.231.…2:5050');
		expect(fit('http://10.231.196.22:8080', 16)).toBe('http://1…22:8080');
		expect(fit('10.231.196.22:5050', 18)).toBe('10.231.196.22:5050');
		expect(fit('10.231.196.22:5050', 6)).toBe('10.23…');
	});

	it('aligns columns and shrinks the widest first when space is short', () => {
		const lines = layoutColumns(['A', 'LONG'], [['x', 'a very long value']], 12);
		expect(lines).toEqual(['A LONG', 'x a very lo…']);
		expect(lines.every(line => line.length <= 12)).toBe(true);
	});
});

describe('allocation over time', () => {
	it('keeps the newest points up to the limit', () => {
		let history = emptyHistory;
		for (let index = 0; index < 5; index++) {
			history = recordAllocation(history, smallCluster(), 3);
		}
		expect(history).toMatchObject({cpu: [25, 25, 25], mem: [25, 25, 25]});
		expect(history.at).toHaveLength(3);
	});

	it('gives the chart the newest points with their clock times, and a flat line for a single reading', () => {
		expect(allocationSeries(emptyHistory, 10)).toBeUndefined();
		const one = recordAllocation(emptyHistory, smallCluster(), 10);
		expect(allocationSeries(one, 10)).toEqual({labels: ['12:00:00', '12:00:00'], cpu: [25, 25], mem: [25, 25]});
		let many = one;
		for (const second of ['01', '02', '03']) {
			many = recordAllocation(many, smallCluster({takenAt: `2026-03-01T12:00:${second}Z`}), 10);
		}
		expect(allocationSeries(many, 2)?.labels).toEqual(['12:00:02', '12:00:03']);
	});

	it('draws a sparkline of exactly the width asked, newest on the right', () => {
		expect(sparkline([0, 50, 100], 5)).toBe('  ▁▅█');
		expect(sparkline([0, 100], 2, true)).toBe('_#');
	});
});

describe('the event log', () => {
	const event = (message: string, origin: ClusterEvent['origin'], at = '2026-03-01T12:00:01Z'): ClusterEvent => ({at, origin, kind: 'task', type: 'x', ...eventText('evRaw', {type: message})});

	it('keeps the newest events, shows them newest first with their own time, and marks derived ones', () => {
		const log = appendEvents([event('old', 'marathon')], [event('task died, replacement started on port 31005', 'derived')], 10);
		expect(eventWindow(log, 5, 0, 'en').lines).toEqual(['12:00:01 * task died, replacement started on port 31005', '12:00:01   old']);
		expect(appendEvents(log, [event('c', 'mesos')], 2).map(item => item.message)).toEqual(['task died, replacement started on port 31005', 'c']);
	});

	it('puts an event that arrives late in its place by its own time', () => {
		const log = appendEvents([event('second', 'marathon', '2026-03-01T12:00:02Z')], [event('third', 'mesos', '2026-03-01T12:00:03Z'), event('first', 'marathon', '2026-03-01T12:00:01Z')], 10);
		expect(eventWindow(log, 5, 0, 'en').lines).toEqual(['12:00:03   third', '12:00:02   second', '12:00:01   first']);
	});

	it('scrolls: the window follows the chosen line through older events', () => {
		const log = appendEvents([], Array.from({length: 20}, (_, index) => event(`e${index}`, 'marathon', `2026-03-01T12:00:${String(10 + index)}Z`)), 50);
		const {start, lines} = eventWindow(log, 4, 15, 'en');
		expect(start).toBe(13);
		expect(lines.map(line => line.split(' ').at(-1))).toEqual(['e6', 'e5', 'e4', 'e3']);
	});
});
