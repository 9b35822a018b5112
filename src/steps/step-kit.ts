import {localized, localizedBy, withDetail} from '../i18n/localized.js';
import {LinkDroppedError} from '../errors.js';
import type {CommandResult} from '../exec/executor.js';
import {shellCommand} from '../exec/quote.js';
import type {CheckResult, FailureHint, Localized, PlannedCommand, StepContext, VerifyResult} from './step.js';

export function command(argv: readonly string[], describe?: Localized, extra: Omit<PlannedCommand, 'command' | 'describe'> = {}): PlannedCommand {
	return {command: shellCommand(argv), ...(describe === undefined ? {} : {describe}), sudo: true, ...extra};
}

/** A fixed bash program run with positional arguments: values never become part of the program text. */
export function script(program: string, args: readonly string[] = [], describe?: Localized, extra: Omit<PlannedCommand, 'command' | 'describe'> = {}): PlannedCommand {
	return command(['bash', '-c', program, 'mesos-lab', ...args], describe, extra);
}

/**
 * Runs a read-only probe (a check or a proof). A link that drops while it runs is made again by the
 * executor, and the probe, which changes nothing, is asked once more instead of failing the step.
 * Only a dropped link is asked again: a refused login, host key or sudo password would be refused
 * again (and a second wrong sudo password counts towards a lockout), and a second drop is the step's
 * failure, with its own reason.
 */
async function probe(ctx: StepContext, line: string): Promise<CommandResult> {
	const run = () => ctx.exec.run(line, {sudo: true, signal: ctx.signal, timeoutMs: 30_000});
	try {
		return await run();
	} catch (error) {
		if (error instanceof LinkDroppedError && !ctx.signal.aborted) {
			return run();
		}
		throw error;
	}
}

export async function succeeds(ctx: StepContext, line: string): Promise<boolean> {
	return (await probe(ctx, line)).exitCode === 0;
}

export async function output(ctx: StepContext, line: string): Promise<{ok: boolean; stdout: string; stderr: string}> {
	const result = await probe(ctx, line);
	return {ok: result.exitCode === 0, stdout: result.stdout, stderr: result.stderr};
}

export function checkBy(probe: string, done: Localized, needed: Localized): (ctx: StepContext) => Promise<CheckResult> {
	return async (ctx) => ((await succeeds(ctx, probe)) ? {kind: 'satisfied', reason: done} : {kind: 'needed', reason: needed});
}

/** The probe's first line of output backs a proof, its last line of errors a problem. */
export function verifyBy(probe: string, proof: Localized, problem: Localized): (ctx: StepContext) => Promise<VerifyResult> {
	return async (ctx) => {
		const result = await output(ctx, probe);
		return result.ok
			? {ok: true, proof: withDetail(proof, result.stdout.trim().split('\n')[0] ?? '')}
			: {ok: false, problem: withDetail(problem, result.stderr.trim().split('\n').slice(-1)[0] ?? '')};
	};
}

/** Exit 0 when a TCP port answers an HTTP GET with 2xx. */
export function httpOk(url: string): string {
	return shellCommand(['curl', '-fsS', '--max-time', '5', url]);
}

/** Sends a ZooKeeper four-letter word with bash's /dev/tcp (nc is not on a minimal CentOS). */
export function zkFourLetter(host: string, port: number, word: 'srvr' | 'ruok' | 'mntr' | 'stat'): string {
	return shellCommand([
		'bash',
		'-c',
		'exec 3<>"/dev/tcp/$1/$2" || exit 1; printf %s "$3" >&3; timeout 5 cat <&3',
		'zk-4lw',
		host,
		String(port),
		word,
	]);
}

/**
 * Downloads (or copies a local file) and checks it; a mismatch deletes the file and fails. Without
 * a pinned digest the one published next to the URL is used: Apache ships .sha512 for recent
 * releases and only .sha1 for old ones, so the others are tried when the named one is missing.
 */
export const fetchChecked = `set -euo pipefail
url=$1 dest=$2 algo=$3 pinned=$4 local=$5
mkdir -p "$(dirname "$dest")"
if [ -n "$local" ]; then cp -f "$local" "$dest.part"; else curl -fL --retry 3 -o "$dest.part" "$url"; fi
expected=$pinned
if [ -z "$expected" ]; then
  for candidate in "$algo" sha512 sha256 sha1; do
    case $candidate in sha512) n=128;; sha256) n=64;; *) n=40;; esac
    expected=$(curl -fsSL "$url.$candidate" 2>/dev/null | tr -d ' \\t\\r\\n' | tr 'A-F' 'a-f' | grep -oE "[0-9a-f]{$n}" | head -n 1 || true)
    if [ -n "$expected" ]; then algo=$candidate; echo "checking against $url.$candidate"; break; fi
  done
fi
if [ -z "$expected" ]; then
  rm -f "$dest.part"; echo "checksum mismatch for $dest: no digest is published next to $url; pin one under checksum.value" >&2; exit 1
fi
actual=$("\${algo}sum" "$dest.part" | cut -d ' ' -f 1)
if [ "$(printf %s "$expected" | tr 'A-F' 'a-f')" != "$actual" ]; then
  rm -f "$dest.part"; echo "checksum mismatch for $dest: expected $expected, got $actual" >&2; exit 1
fi
mv -f "$dest.part" "$dest"`;

export const commonHints = {
	// Each hint matches its own program's wording, so a failure elsewhere never gets another tool's advice.
	// yum (urlgrabber): "[Errno 14] HTTP Error 404 - Not Found", "14: curl#6 - \"Could not resolve host…\"",
	// "Cannot find a valid baseurl for repo", "Could not retrieve mirrorlist".
	deadMirror: {
		id: 'dead-mirror',
		matches: /\[Errno 14\]|\b14: curl#\d+|Cannot find a valid baseurl for repo|Could not retrieve mirrorlist|One of the configured repositories failed/i,
		hint: localized('stepDeadMirrorHint'),
	},
	// The Docker daemon on a pull: `Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp:
	// lookup registry-1.docker.io…: no such host` (or a timeout, or a TLS failure on the way to the registry).
	registryUnreachable: {
		id: 'registry-unreachable',
		matches: /Error response from daemon: Get "?https?:\/\/[^"\s]+\/v2\/"?: (dial tcp|net\/http|x509|remote error|EOF|context deadline)/i,
		hint: localized('stepRegistryUnreachableHint'),
	},
	// Docker Hub's anonymous limit: `toomanyrequests: You have reached your pull rate limit.`
	registryRateLimit: {
		id: 'registry-rate-limit',
		matches: /toomanyrequests|pull rate limit/i,
		hint: localized('stepRegistryRateLimitHint'),
	},
	// curl -f on a download: `curl: (6) Could not resolve host: …`, `curl: (22) The requested URL returned error: 404 …`,
	// `curl: (7) Failed connect to …`, `curl: (28) Connection timed out …`.
	downloadFailed: {
		id: 'download-failed',
		matches: /curl: \((6|7|22|28|35|56)\)/,
		hint: localized('stepDownloadFailedHint'),
	},
	// fetchChecked above, when the digest it computed differs from the expected one.
	checksum: {
		id: 'checksum-mismatch',
		matches: /checksum mismatch(?! for \S+: no digest)/i,
		hint: localized('stepChecksumMismatchHint'),
	},
	// fetchChecked above, when no digest was pinned and none is published next to the URL.
	noDigest: {
		id: 'no-digest-published',
		matches: /no digest is published next to/i,
		hint: localized('stepNoDigestPublishedHint'),
	},
	// The repo rewrite script (templates/yum-repos.ts) when none of the vault mirrors answers.
	noVaultMirror: {
		id: 'no-vault-mirror',
		matches: /no vault mirror answered/i,
		hint: localized('stepNoVaultMirrorHint'),
	},
	portInUse: {
		id: 'port-in-use',
		matches: /Address already in use|BindException|bind: address/i,
		hint: localized('stepPortInUseHint'),
	},
	zkNoQuorum: {
		id: 'zookeeper-no-quorum',
		matches: /not currently serving requests|ConnectionLoss|This ZooKeeper instance is not currently serving/i,
		hint: localized('stepZookeeperNoQuorumHint'),
	},
	masterNoZk: {
		id: 'master-cannot-reach-zookeeper',
		matches: /Failed to connect to .*:2181|ZooKeeper session expired|zookeeper.*(timed out|connection refused)|Unable to connect to ZooKeeper|handle_socket_error_msg|zk retcode=-4/i,
		hint: localized('stepMasterCannotReachZookeeperHint'),
	},
} satisfies Record<string, FailureHint>;

/** The hint for a failure: the first of the step's hints whose signature is in the output or the error. */
export function hintFor(hints: readonly FailureHint[], ...texts: string[]): FailureHint | undefined {
	return hints.find(hint => texts.some(text => hint.matches.test(text)));
}

export interface SimpleStepSpec {
	id: string;
	phase: import('./step.js').PhaseId;
	host: string;
	title: Localized;
	why: Localized;
	/** Exit 0 means already done. */
	done: string;
	/** A probe whose exit 0 proves the step works, or the whole verify when the step reads the probe's answer itself. */
	proof: string | import('./step.js').Step['verify'];
	files?: import('./step.js').PlannedFile[];
	commands: PlannedCommand[];
	hints?: FailureHint[];
	dependsOn?: string[];
	jobProgress?: import('./step.js').Step['jobProgress'];
}

/** The common shape: one probe for "already done", files and commands, one probe for proof. */
export function simpleStep(spec: SimpleStepSpec): import('./step.js').Step {
	return {
		id: spec.id,
		phase: spec.phase,
		host: spec.host,
		title: spec.title,
		why: spec.why,
		check: checkBy(spec.done, localizedBy('stepReasonInPlace', (language) => [{step: spec.title[language]}]), localizedBy('stepReasonNotDone', (language) => [{step: spec.title[language]}])),
		plan: async () => ({files: spec.files ?? [], commands: spec.commands}),
		verify: typeof spec.proof === 'string'
			? verifyBy(spec.proof, localizedBy('stepReasonWorks', (language) => [{step: spec.title[language]}]), localizedBy('stepReasonDoesNotWork', (language) => [{step: spec.title[language]}]))
			: spec.proof,
		hints: spec.hints ?? [],
		...(spec.dependsOn === undefined ? {} : {dependsOn: spec.dependsOn}),
		...(spec.jobProgress === undefined ? {} : {jobProgress: spec.jobProgress}),
	};
}

export interface ConfirmationStepSpec {
	id: string;
	phase: import('./step.js').PhaseId;
	host: string;
	title: Localized;
	why: Localized;
	/** The whole step: proof that the members it follows agree. */
	verify: (ctx: StepContext) => Promise<VerifyResult>;
	hints: FailureHint[];
	dependsOn: string[];
}

/**
 * A step that changes nothing and only confirms what the steps before it built (one leader elected,
 * both Marathons agree): already satisfied exactly when its verify passes.
 */
export function confirmationStep(spec: ConfirmationStepSpec): import('./step.js').Step {
	return {
		id: spec.id,
		phase: spec.phase,
		host: spec.host,
		title: spec.title,
		why: spec.why,
		check: async (ctx) => {
			const result = await spec.verify(ctx);
			return result.ok ? {kind: 'satisfied', reason: result.proof} : {kind: 'needed', reason: result.problem};
		},
		plan: async () => ({files: [], commands: []}),
		verify: spec.verify,
		hints: spec.hints,
		dependsOn: spec.dependsOn,
	};
}
