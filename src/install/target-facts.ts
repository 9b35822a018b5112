import type {Executor} from '../exec/executor.js';
import {shellCommand} from '../exec/quote.js';
import {t} from '../i18n/messages.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Language} from '../steps/step.js';
import type {MirrorPreset} from './target.js';

/**
 * The target's primary IPv4 address (the first one `hostname -I` lists that is not loopback) and
 * its hostname. Loopback is the very mistake the wizard warns about, so it is never proposed.
 */
export async function detectPrimaryAddress(exec: Pick<Executor, 'run'>, signal?: AbortSignal): Promise<{ip: string; hostname: string} | undefined> {
	const options = {timeoutMs: 10_000, ...(signal ? {signal} : {})};
	const addresses = await exec.run(shellCommand(['hostname', '-I']), options);
	const name = await exec.run(shellCommand(['hostname']), options);
	if (addresses.exitCode !== 0 || name.exitCode !== 0) {
		return undefined;
	}

	const ip = addresses.stdout.split(/\s+/).find(candidate => /^\d{1,3}(\.\d{1,3}){3}$/.test(candidate) && !candidate.startsWith('127.'));
	return ip === undefined ? undefined : {ip, hostname: name.stdout.trim()};
}

/** The file every CentOS 7.9 vault mirror serves; a mirror without it cannot install anything. */
const probePath = '7.9.2009/os/x86_64/repodata/repomd.xml';

/**
 * Asks the first CentOS vault mirror of the preset for its repository index and says how it went.
 * `fetcher` is injected so the probe can go through the program's dispatcher (and a local server in tests).
 */
export async function probeVaultMirror(
	preset: MirrorPreset,
	customUrl: string | undefined,
	options: {fetcher?: typeof fetch; timeoutMs?: number; clock?: () => number; language?: Language} = {},
): Promise<{ok: boolean; detail: string}> {
	const base = preset === 'custom' && customUrl !== undefined
		? customUrl
		: resolveMirrors({mirrors: {preset: preset === 'china' ? 'china' : 'global'}}).centosVault[0] ?? '';
	const url = `${base.replace(/\/+$/, '')}/${probePath}`;
	const fetcher = options.fetcher ?? fetch;
	const clock = options.clock ?? Date.now;
	const language = options.language ?? 'en';
	const started = clock();
	try {
		const response = await fetcher(url, {signal: AbortSignal.timeout(options.timeoutMs ?? 8000)});
		const body = await response.text();
		const elapsed = clock() - started;
		if (!response.ok) {
			return {ok: false, detail: t(language, 'probeHttpStatus', {url, status: response.status})};
		}

		return body.includes('<repomd')
			? {ok: true, detail: t(language, 'probeAnswered', {base, ms: elapsed})}
			: {ok: false, detail: t(language, 'probeNotIndex', {url})};
	} catch (error) {
		return {ok: false, detail: t(language, 'probeNoAnswer', {url, error: error instanceof Error ? error.message : String(error)})};
	}
}
