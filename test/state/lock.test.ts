import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {hostname, tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {LockedError} from '../../src/errors.js';
import {acquireLabLock, readLabLock} from '../../src/state/lock.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'mesos-lab-lock-'));
});
afterEach(() => {
	rmSync(dir, {recursive: true, force: true});
});

describe('lab lock', () => {
	it('records host, pid and start time, and releases', () => {
		const lock = acquireLabLock(dir);
		expect(readLabLock(dir)).toEqual({host: hostname(), pid: process.pid, startedAt: lock.holder.startedAt});
		lock.release();
		expect(readLabLock(dir)).toBeUndefined();
	});

	it('refuses a second holder while the first one lives, naming it', () => {
		const first = acquireLabLock(dir, {pid: process.pid});
		let refusal: unknown;
		try {
			acquireLabLock(dir, {pid: process.pid + 1});
		} catch (error) {
			refusal = error;
		}
		expect(refusal).toBeInstanceOf(LockedError);
		expect((refusal as LockedError).message).toContain(`process ${process.pid} on ${hostname()}, started ${first.holder.startedAt}`);
		first.release();
	});

	it('takes over a lock whose process has died', () => {
		writeFileSync(join(dir, 'lock'), JSON.stringify({host: hostname(), pid: 999_999, startedAt: '2026-01-01T00:00:00.000Z'}));
		const lock = acquireLabLock(dir, {isAlive: pid => pid !== 999_999});
		expect(lock.tookOver?.pid).toBe(999_999);
		expect(JSON.parse(readFileSync(join(dir, 'lock'), 'utf8')).pid).toBe(process.pid);
		lock.release();
	});

	it('does not take over a lock held on another machine', () => {
		writeFileSync(join(dir, 'lock'), JSON.stringify({host: 'other-machine', pid: 999_999, startedAt: '2026-01-01T00:00:00.000Z'}));
		expect(() => acquireLabLock(dir, {isAlive: () => false})).toThrow(/process 999999 on other-machine/);
	});
});
