import {localized} from '../i18n/localized.js';
import {CommandFailedError, MesosLabError} from '../errors.js';
import type {Executor, UploadOptions} from './executor.js';
import {quoteShellArg} from './quote.js';

type Run = Executor['run'];

function parentOf(path: string): string {
	const cut = path.lastIndexOf('/');
	return cut <= 0 ? '/' : path.slice(0, cut);
}

function assertTargetPath(path: string): void {
	if (!path.startsWith('/') || path.endsWith('/') || path.includes('\n') || path.includes('\0')) {
		throw new MesosLabError(localized('errIsNotAnAbsolute', {slice: JSON.stringify(path).slice(1, -1)}));
	}
}

/**
 * Streams the bytes into a temporary file next to the target and renames it over the target, so a
 * reader never sees half a file. Works the same over SSH and locally, with or without sudo.
 */
export async function uploadThroughShell(run: Run, label: string, path: string, content: string | Buffer, options: UploadOptions = {}): Promise<void> {
	assertTargetPath(path);
	const mode = (options.mode ?? 0o644).toString(8);
	const script = [
		// Steps write into folders nothing has made yet (/etc/docker before docker-ce, a member's conf/).
		`mkdir -p ${quoteShellArg(parentOf(path))}`,
		'umask 077',
		`tmp=$(mktemp ${quoteShellArg(`${parentOf(path)}/.mesos-lab-upload.XXXXXX`)})`,
		`cat > "$tmp" && chmod ${mode} "$tmp" && mv -f "$tmp" ${quoteShellArg(path)} || { status=$?; rm -f "$tmp"; exit $status; }`,
	].join(' && ');
	const result = await run(script, {stdin: Buffer.from(content), sudo: options.sudo});
	if (result.exitCode !== 0) {
		throw new CommandFailedError(label, localized('errUpload', {path}), result, localized('errUploadHint'));
	}
}

/** Reads a file back as exact bytes (base64 on the wire, so any content survives) with its mode. */
export async function downloadThroughShell(run: Run, label: string, path: string, options: {sudo?: boolean} = {}): Promise<{content: Buffer; mode: number}> {
	assertTargetPath(path);
	const file = quoteShellArg(path);
	const result = await run(`stat -L -c %a ${file} && base64 < ${file}`, {sudo: options.sudo});
	if (result.exitCode !== 0) {
		throw new CommandFailedError(label, localized('errDownload', {path}), result, localized('errDownloadHint'));
	}
	const newline = result.stdout.indexOf('\n');
	const mode = Number.parseInt(result.stdout.slice(0, newline), 8);
	return {content: Buffer.from(result.stdout.slice(newline + 1), 'base64'), mode};
}
