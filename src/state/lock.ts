import {localized} from '../i18n/localized.js';
import {closeSync, openSync, readFileSync, rmSync, writeSync} from 'node:fs';
import {hostname} from 'node:os';
import {join} from 'node:path';
import {LockedError, StoreError} from '../errors.js';

/** Who holds a lab's lock, as written in `<labDir>/lock`. */
export interface LockHolder {
	host: string;
	pid: number;
	startedAt: string;
}

export interface LabLock {
	readonly holder: LockHolder;
	/** True when the lock was taken over from a process that had died. */
	readonly tookOver: LockHolder | undefined;
	release(): void;
}

export interface LockOptions {
	/** Whether a process of this machine is alive; replaceable for tests. */
	isAlive?: (pid: number) => boolean;
	now?: () => Date;
	pid?: number;
	host?: string;
}

/**
 * Takes the lock of a lab folder with an exclusive create. A lock left by a dead process on this
 * machine is taken over; a live holder, or one on another machine, makes this throw LockedError.
 */
export function acquireLabLock(dir: string, options: LockOptions = {}): LabLock {
	const path = join(dir, 'lock');
	const holder: LockHolder = {
		host: options.host ?? hostname(),
		pid: options.pid ?? process.pid,
		startedAt: (options.now?.() ?? new Date()).toISOString(),
	};
	const isAlive = options.isAlive ?? processIsAlive;
	let tookOver: LockHolder | undefined;
	for (let attempt = 0; attempt < 4; attempt++) {
		if (tryCreate(path, holder)) {
			return {
				holder,
				tookOver,
				release() {
					const current = readHolder(path);
					if (current?.pid === holder.pid && current.host === holder.host) {
						rmSync(path, {force: true});
					}
				},
			};
		}
		const current = readHolder(path);
		if (current === undefined) {
			// Either a holder is between its create and its write, or it died there: give it a moment first.
			if (attempt < 2) {
				pause(100);
				continue;
			}
			rmSync(path, {force: true});
			continue;
		}
		if (current.host === holder.host && !isAlive(current.pid)) {
			tookOver = current;
			rmSync(path, {force: true});
			continue;
		}
		throw new LockedError(localized('errLabIsInUseBy', {dir, pid: current.pid, host: current.host, startedAt: current.startedAt}), {
			hint: current.host === holder.host
				? localized('errLockHeldHereHint', {pid: current.pid})
				: localized('errLockHeldElsewhereHint', {host: current.host, path}),
		});
	}
	throw new StoreError(localized('errCouldNotTakeTheLock', {path}), {hint: localized('errCouldNotTakeTheLockHint')});
}

/** The current holder of a lab's lock, if any. */
export function readLabLock(dir: string): LockHolder | undefined {
	return readHolder(join(dir, 'lock'));
}

function tryCreate(path: string, holder: LockHolder): boolean {
	let fd: number;
	try {
		fd = openSync(path, 'wx', 0o600);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			return false;
		}
		throw new StoreError(localized('errCouldNotCreateTheLock', {path}), {hint: localized('errCouldNotCreateTheLockHint'), cause: error});
	}
	try {
		writeSync(fd, JSON.stringify(holder));
	} finally {
		closeSync(fd);
	}
	return true;
}

function readHolder(path: string): LockHolder | undefined {
	let text: string;
	try {
		text = readFileSync(path, 'utf8');
	} catch {
		return undefined;
	}
	try {
		const parsed = JSON.parse(text) as Partial<LockHolder>;
		if (typeof parsed.pid === 'number' && typeof parsed.host === 'string' && typeof parsed.startedAt === 'string') {
			return {host: parsed.host, pid: parsed.pid, startedAt: parsed.startedAt};
		}
	} catch {
		// A torn write reads as no holder; the caller decides what that means.
	}
	return undefined;
}

function pause(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function processIsAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
