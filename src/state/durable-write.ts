import {closeSync, fsyncSync, fstatSync, linkSync, openSync, renameSync, rmSync, writeSync} from 'node:fs';
import {basename, dirname, join} from 'node:path';

/** The copy of the last good version kept beside a file that `replaceFileDurably` rewrites. */
export function previousCopyOf(file: string): string {
	return `${file}.prev`;
}

/**
 * Replaces `file` with `text` so that a crash or a full disk leaves either the old or the new file,
 * never a cut one: write a temporary file beside it, check every byte went in, fsync, and rename only
 * then. The version it replaces stays as `<file>.prev` (a hard link, which needs no free space).
 *
 * Written by hand because write-file-atomic and atomically (under conf) both ignore the byte count a
 * short write(2) returns: on a full disk they rename a 4,096-byte file over the good one.
 */
export function replaceFileDurably(file: string, text: string, mode = 0o600): void {
	const data = Buffer.from(text, 'utf8');
	const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
	let renamed = false;
	try {
		const fd = openSync(temporary, 'w', mode);
		try {
			let offset = 0;
			while (offset < data.length) {
				// A short count means the disk filled; the next call then throws ENOSPC.
				offset += writeSync(fd, data, offset, data.length - offset);
			}
			fsyncSync(fd);
			const size = fstatSync(fd).size;
			if (size !== data.length) {
				throw Object.assign(new Error(`only ${size} of ${data.length} bytes reached the disk`), {code: 'ENOSPC'});
			}
		} finally {
			closeSync(fd);
		}
		keepPrevious(file);
		renameSync(temporary, file);
		renamed = true;
		syncFolder(dirname(file));
	} finally {
		if (!renamed) {
			rmSync(temporary, {force: true});
		}
	}
}

/** Appends to a log, failing loudly when the disk takes fewer bytes than given. */
export function appendFileFully(file: string, text: string, mode = 0o600): void {
	const data = Buffer.from(text, 'utf8');
	const fd = openSync(file, 'a', mode);
	try {
		let offset = 0;
		while (offset < data.length) {
			offset += writeSync(fd, data, offset, data.length - offset);
		}
	} finally {
		closeSync(fd);
	}
}

function keepPrevious(file: string): void {
	const previous = previousCopyOf(file);
	rmSync(previous, {force: true});
	try {
		linkSync(file, previous);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw error;
		}
	}
}

/** A rename is only durable once the folder that holds the name is synced too. */
function syncFolder(folder: string): void {
	let fd: number | undefined;
	try {
		fd = openSync(folder, 'r');
		fsyncSync(fd);
	} catch {
		// Some file systems refuse fsync on a folder; the rename itself has happened.
	} finally {
		if (fd !== undefined) {
			closeSync(fd);
		}
	}
}
