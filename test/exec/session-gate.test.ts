import {describe, expect, it} from 'vitest';
import {SessionGate, type SessionTicket} from '../../src/exec/session-gate.js';

async function take(gate: SessionGate, count: number, lane: 'command' | 'kill' = 'command'): Promise<SessionTicket[]> {
	const tickets: SessionTicket[] = [];
	for (let index = 0; index < count; index++) {
		tickets.push((await gate.acquire(lane))!);
	}
	return tickets;
}

/** Whether a request is still waiting after everything runnable has run. */
async function stillWaiting(request: Promise<unknown>): Promise<boolean> {
	const marker = Symbol('waiting');
	return await Promise.race([request, new Promise(resolve => setImmediate(() => resolve(marker)))]) === marker;
}

describe('the session gate', () => {
	it('starts below sshd\'s default of 10 and keeps one place for kills', async () => {
		const gate = new SessionGate();
		expect(gate.currentLimit).toBeLessThan(10);
		await take(gate, gate.currentLimit - 1);
		expect(await stillWaiting(gate.acquire('command'))).toBe(true);
		expect(await stillWaiting(gate.acquire('kill'))).toBe(false);
	});

	it('serves a waiting kill before waiting commands', async () => {
		const gate = new SessionGate({initialLimit: 2});
		const [running] = await take(gate, 1);
		const command = gate.acquire('command');
		const busyKill = (await gate.acquire('kill'))!;
		const kill = gate.acquire('kill');
		busyKill.release();
		expect(await stillWaiting(kill)).toBe(false);
		expect(await stillWaiting(command)).toBe(true);
		running!.release();
		expect(await stillWaiting(command)).toBe(true);
		(await kill)!.release();
		expect(await stillWaiting(command)).toBe(false);
	});

	it('drops to what the server held when it refused, and never climbs above what it accepted', async () => {
		const gate = new SessionGate({initialLimit: 8, regrowAfter: 2});
		const tickets = await take(gate, 4);
		tickets[0]!.accepted();
		tickets[1]!.accepted();
		expect(tickets[2]!.refused()).toBe(2);
		expect(gate.currentLimit).toBe(2);
		tickets[3]!.refused();
		tickets[0]!.release();
		tickets[1]!.release();
		for (let round = 0; round < 10; round++) {
			const [ticket] = await take(gate, 1, 'kill');
			ticket!.accepted();
			ticket!.release();
		}
		expect(gate.currentLimit).toBe(2);
	});

	it('climbs back one place at a time after a run of accepted sessions, up to the most accepted at once', async () => {
		const gate = new SessionGate({initialLimit: 4, regrowAfter: 3});
		const first = await take(gate, 3);
		const kill = (await gate.acquire('kill'))!;
		for (const ticket of [...first, kill]) {
			ticket.accepted();
		}
		for (const ticket of [...first, kill]) {
			ticket.release();
		}
		const [a, b] = await take(gate, 2);
		a!.accepted();
		expect(b!.refused()).toBe(1);
		expect(gate.currentLimit).toBe(1);
		a!.release();
		for (let round = 0; round < 20; round++) {
			const [ticket] = await take(gate, 1);
			ticket!.accepted();
			ticket!.release();
		}
		expect(gate.currentLimit).toBe(4);
	});

	it('lets a cancelled request leave the queue', async () => {
		const gate = new SessionGate({initialLimit: 1});
		const [held] = await take(gate, 1);
		const controller = new AbortController();
		const waiting = gate.acquire('command', {signal: controller.signal});
		controller.abort();
		expect(await waiting).toBeUndefined();
		const next = gate.acquire('command');
		held!.release();
		expect(await stillWaiting(next)).toBe(false);
	});
});
