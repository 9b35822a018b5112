import {ConnectionError} from '../errors.js';
import type {CommandResult} from '../exec/executor.js';
import {shellCommand} from '../exec/quote.js';
import type {CheckResult, FailureHint, Localized, PlannedCommand, StepContext, VerifyResult} from './step.js';

export function text(zh: string, en: string): Localized {
	return {zh, en};
}

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
 */
async function probe(ctx: StepContext, line: string): Promise<CommandResult> {
	const run = () => ctx.exec.run(line, {sudo: true, signal: ctx.signal, timeoutMs: 30_000});
	try {
		return await run();
	} catch (error) {
		if (error instanceof ConnectionError && !ctx.signal.aborted) {
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

export function checkBy(probe: string, done: string, needed: string): (ctx: StepContext) => Promise<CheckResult> {
	return async (ctx) => ((await succeeds(ctx, probe)) ? {kind: 'satisfied', reason: done} : {kind: 'needed', reason: needed});
}

export function verifyBy(probe: string, proof: string, problem: string): (ctx: StepContext) => Promise<VerifyResult> {
	return async (ctx) => {
		const result = await output(ctx, probe);
		return result.ok ? {ok: true, proof: `${proof}${result.stdout.trim() ? `: ${result.stdout.trim().split('\n')[0]}` : ''}`} : {ok: false, problem: `${problem}${result.stderr.trim() ? `: ${result.stderr.trim().split('\n').slice(-1)[0]}` : ''}`};
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
		hint: text('镜像源已失效或域名无法解析。CentOS 7 已停止维护，内容只在 vault 里：换一个 mirrors 里的地址（或 preset: china/global）后重试。', 'The mirror is gone or its name does not resolve. CentOS 7 content now lives only in the vault: pick another mirror in mirrors (or preset china/global) and retry.'),
	},
	// The Docker daemon on a pull: `Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp:
	// lookup registry-1.docker.io…: no such host` (or a timeout, or a TLS failure on the way to the registry).
	registryUnreachable: {
		id: 'registry-unreachable',
		matches: /Error response from daemon: Get "?https?:\/\/[^"\s]+\/v2\/"?: (dial tcp|net\/http|x509|remote error|EOF|context deadline)/i,
		hint: text('Docker 守护进程连不上镜像仓库（域名解析失败或网络不通）。在目标主机上检查 /etc/resolv.conf 和 ping registry-1.docker.io；国内请在 mirrors.registryMirrors 里写一个能用的镜像加速器，或用 docker.offlineImages 导入离线镜像包。', 'The Docker daemon cannot reach the registry (its name does not resolve, or the network blocks it). On the target check /etc/resolv.conf and that registry-1.docker.io resolves; in China name a working accelerator under mirrors.registryMirrors, or load the images offline with docker.offlineImages.'),
	},
	// Docker Hub's anonymous limit: `toomanyrequests: You have reached your pull rate limit.`
	registryRateLimit: {
		id: 'registry-rate-limit',
		matches: /toomanyrequests|pull rate limit/i,
		hint: text('Docker Hub 的匿名拉取次数用完了（未登录时每小时 10 次）。在 lab 文件里配置 docker.login 登录后重试，或等几个小时，或使用镜像加速器。', 'Docker Hub\'s anonymous pull limit is used up (10 pulls an hour without a login). Add docker.login to the lab file and retry, wait a few hours, or use a registry mirror.'),
	},
	// curl -f on a download: `curl: (6) Could not resolve host: …`, `curl: (22) The requested URL returned error: 404 …`,
	// `curl: (7) Failed connect to …`, `curl: (28) Connection timed out …`.
	downloadFailed: {
		id: 'download-failed',
		matches: /curl: \((6|7|22|28|35|56)\)/,
		hint: text('下载地址不可用：域名解析失败、连不上或文件不存在（404）。在浏览器或 curl -I 里试一下这个地址；换成 lab 文件里的其他镜像源（mirrors.apache 或 download.url），或用 localFile 指向已下载的文件。', 'The download address does not work: its name does not resolve, it cannot be reached, or the file is not there (404). Try the address with curl -I; point the lab file at another mirror (mirrors.apache or download.url), or at a file already on the host with localFile.'),
	},
	checksum: {
		id: 'checksum-mismatch',
		matches: /checksum mismatch/i,
		hint: text('下载的文件和校验值不一致：可能下载被截断或镜像源上的文件被篡改。文件已删除，重试；若仍不一致，请核对 lab 文件中的 checksum。', 'The download does not match its checksum: it was cut short or the mirror serves something else. The file was deleted; retry, and if it persists compare the checksum in the lab file.'),
	},
	portInUse: {
		id: 'port-in-use',
		matches: /Address already in use|BindException|bind: address/i,
		hint: text('端口已被占用：用 ss -ltnp 找出占用者并停止它，或在 lab 文件的 ports 里换一个端口。', 'A port is already taken: find the owner with ss -ltnp and stop it, or choose another port under ports in the lab file.'),
	},
	zkNoQuorum: {
		id: 'zookeeper-no-quorum',
		matches: /not currently serving requests|ConnectionLoss|This ZooKeeper instance is not currently serving/i,
		hint: text('ZooKeeper 凑不够法定人数（3 个里至少要 2 个在线）：检查每个成员是否运行、server.N 的地址端口是否互通。', 'ZooKeeper has no quorum (at least 2 of 3 members must be up): check that each member runs and the server.N addresses and ports reach each other.'),
	},
	masterNoZk: {
		id: 'master-cannot-reach-zookeeper',
		matches: /Failed to connect to .*:2181|ZooKeeper session expired|zookeeper.*(timed out|connection refused)|Unable to connect to ZooKeeper|handle_socket_error_msg|zk retcode=-4/i,
		hint: text('Mesos 连不上 ZooKeeper：先确认 ZooKeeper 步骤验证通过，再检查 --zk 里的地址是否写的是本机网卡 IP 而不是 127.0.0.1。', 'Mesos cannot reach ZooKeeper: make sure the ZooKeeper step verifies, then check that the --zk addresses are the host\'s network address, not 127.0.0.1.'),
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
	/** Exit 0 proves the step works. */
	proof: string;
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
		check: checkBy(spec.done, `${spec.id} is already in place`, `${spec.id} is not done yet`),
		plan: async () => ({files: spec.files ?? [], commands: spec.commands}),
		verify: verifyBy(spec.proof, `${spec.id} works`, `${spec.id} does not work yet`),
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
