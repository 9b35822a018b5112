/**
 * A whole lab target for end-to-end tests of `mesos-lab init` / `resume`, made and torn down by
 * the test:
 *
 * - a test host (test/helpers/test-host.ts): its own network namespace, a real sshd, CentOS 7's
 *   /etc/os-release, and /etc, /usr, /var, /opt and /root seen through private overlays, so the
 *   install writes only into the host's own folder;
 * - stateful stand-ins for yum, rpm, systemctl, docker, firewall-cmd and mvn (stand-ins.ts);
 * - a mirror on this machine's side of the host's link, over http (CentOS vault and EPEL metadata,
 *   a registry mirror's /v2/, a ZooKeeper release that is a thin wrapper running Debian's real
 *   ZooKeeper with its .sha512 beside it, and a Mesos source archive whose build compiles nothing
 *   but takes a while and continues where it stopped) and over https for Maven, with a
 *   certificate the host trusts; the first vault in the lab file is one that is gone;
 * - no name server on the host, so nothing it does leaves its namespace and the mirror's link;
 * - the simulated cluster (sim-daemon.ts) inside the namespace, answering for each master, the
 *   agent, each Marathon and marathon-lb at the lab's addresses while its unit runs;
 * - a lab file naming all of the above, and an empty mesos-lab home that already trusts the
 *   host's key.
 *
 * Usage:
 *   const lab = await startLabHost();
 *   const cli = startCli(lab, ['init', '--config', lab.labPath, '--yes', '--plain']);
 *   expect(await cli.exited).toBe(0);
 *   await lab.stop();
 *
 * Needs root, sshd, unshare, ip, openssl, Debian's ZooKeeper with Java, and a built dist/ (npm run build).
 * `labHostUnavailable()` says why a lab host cannot be made here.
 */
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {createHash} from 'node:crypto';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import {createServer as createHttpsServer} from 'node:https';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {stringify} from 'yaml';
import {startBuiltCli, type BuiltCli} from '../helpers/built-cli.js';
import {Teardown} from '../helpers/teardown.js';
import {tethered} from '../helpers/tethered.js';
import {startTestHost, testHostUnavailable, type TestHost} from '../helpers/test-host.js';
import type {DaemonConfig} from './sim-daemon.js';
import {centosHosts, centosSudoers, freshPackages, labStandIns, standInPaths} from './stand-ins.js';

export const e2eLabId = 'default';
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const zookeeperHome = '/usr/share/zookeeper';

/** Ports of the lab inside the host's namespace (the end-to-end range). */
export const labPorts = {
	zookeeperClient: [30181, 30182, 30183],
	zookeeperPeer: [30281, 30282, 30283],
	zookeeperElection: [30381, 30382, 30383],
	masters: [30050, 30051, 30052],
	agent: 30060,
	marathon: [30080, 30081],
	// marathon-lb's HAProxy stats page is fixed at 9090 (marathon-lb config.py), whatever PORTS says.
	marathonLb: 9090,
};

/** On the namespace's loopback, apart from the lab's own ports: the HAProxy behind marathon-lb's stats, and the simulation's control surface. */
const simPorts = {haproxyStats: 30090, control: 30099};

/** The sudo user's password on a host made with `user: 'sudo-password'`. */
export const sudoPassword = 'centos-lab-pw';

export interface LabHost {
	host: TestHost;
	/** The lab file to pass to `--config`. */
	labPath: string;
	/** A mesos-lab home (`--home`) that already trusts the host's key. */
	home: string;
	/** Base URL of the mirror's http side, as the test host reaches it. */
	mirrorUrl: string;
	/** Paths the mirror was asked for, in order. */
	mirrorRequests(): string[];
	/** Where the systemctl stand-in keeps unit state on this machine. */
	unitsDir: string;
	/** Who the lab file logs in as: root, or a wheel member whose sudo asks for a password. */
	user: 'root' | 'lab';
	/** Environment the CLI needs for this host (the sudo password of an unattended run). */
	cliEnv: Record<string, string>;
	stop(): Promise<void>;
}

export interface LabHostOptions {
	/** Keeps several lab hosts apart (addresses and names). Default 1. */
	index?: number;
	/** Seconds the fake Mesos build spends compiling. Default 12. */
	buildSeconds?: number;
	/** Write the host's key into the home's known_hosts. Default true. */
	trustHostKey?: boolean;
	/** The lab file's `language:`; `locale` leaves it out, so the locale (LANG…) decides. Default en. */
	language?: 'zh' | 'en' | 'locale';
	/** `sudo-password`: the lab logs in as `lab`, in wheel, whose sudo asks for a password. Default root. */
	user?: 'root' | 'sudo-password';
	/** How the lab file gets Mesos: built from source (default) or a prebuilt RPM from the mirror. */
	mesosSource?: 'build' | 'rpm';
}

/** Why a lab host cannot be made here, or undefined when it can. */
export function labHostUnavailable(): string | undefined {
	const hostProblem = testHostUnavailable();
	if (hostProblem) {
		return hostProblem;
	}
	if (!existsSync(join(zookeeperHome, 'bin', 'zkServer.sh')) || !existsSync('/usr/bin/java')) {
		return `Debian's ZooKeeper (${zookeeperHome}) and Java are needed`;
	}
	if (!existsSync('/usr/bin/openssl')) {
		return 'openssl is needed for the mirror\'s certificate';
	}
	if (!existsSync(join(repoRoot, 'dist', 'cli', 'main.js'))) {
		return 'dist/ is missing: run `npm run build` first (npm test does)';
	}
	return undefined;
}

export async function startLabHost(options: LabHostOptions = {}): Promise<LabHost> {
	const index = options.index ?? 1;
	const work = mkdtempSync(join(tmpdir(), 'mesos-lab-e2e-'));
	const home = join(work, 'home');
	mkdirSync(home);
	const teardown = new Teardown();
	teardown.add(() => rmSync(work, {recursive: true, force: true}));
	try {
		const host = await startTestHost({index, namePrefix: 'mle2e', standIns: labStandIns(), overlays: ['/etc', '/usr', '/var', '/opt', '/root']});
		teardown.add(() => host.stop());
		const unitsDir = join(host.dir, 'state', 'units');
		prepareFreshCentos(host, unitsDir);
		const user = options.user === 'sudo-password' ? addSudoUser(host) : 'root';

		const files = releaseFiles(work, options.buildSeconds ?? 12);
		const requests: string[] = [];
		const tls = mirrorCertificate(work, host.gatewayAddress, [host]);
		const mirror = await startMirror(host.gatewayAddress, files, requests, tls);
		teardown.add(() => stopMirror(mirror));
		const mirrorUrl = `http://${host.gatewayAddress}:${mirror.port}`;
		const secureMirrorUrl = `https://${host.gatewayAddress}:${mirror.securePort}`;

		// Where the host's ps and docker stand-ins ask the agent which executors and containers run,
		// and tell the simulation that a container was killed.
		writeFileSync(join(host.dir, 'state', 'mesos-agent-url'), `http://${host.address}:${labPorts.agent}`);
		writeFileSync(join(host.dir, 'state', 'sim-control-url'), `http://127.0.0.1:${simPorts.control}`);
		const daemon = await startSimDaemon(host.namespace, work, oneHostCluster(host, unitsDir));
		teardown.add(() => {
			daemon.kill('SIGKILL');
		});

		const labPath = join(work, 'lab.yaml');
		writeFileSync(labPath, stringify(labFile(host, {user, mirrorUrl, secureMirrorUrl, files, language: options.language ?? 'en', mesosSource: options.mesosSource ?? 'build'})));
		if (options.trustHostKey !== false) {
			writeFileSync(join(home, 'known_hosts'), `${host.knownHostsLine}\n`);
		}
		const cliEnv: Record<string, string> = user === 'root' ? {} : {MESOS_LAB_SUDO_PASSWORD: sudoPassword};
		return {host, labPath, home, mirrorUrl, mirrorRequests: () => [...requests], unitsDir, user, cliEnv, stop: () => teardown.run()};
	} catch (error) {
		return teardown.abandon(error);
	}
}

export type CliRun = BuiltCli;

/**
 * Runs a command on the host through a login as the lab's user (or root), as a person would.
 * Asynchronous: the mirror the host downloads from answers from this same process.
 */
export async function onHost(lab: Pick<LabHost, 'home' | 'host' | 'user'>, command: string, options: {as?: 'root' | 'lab'; input?: string; timeoutMs?: number} = {}): Promise<string> {
	const child = spawn('ssh', [
		'-o', 'BatchMode=yes', '-o', `UserKnownHostsFile=${join(lab.home, 'known_hosts')}`, '-o', 'StrictHostKeyChecking=yes',
		'-i', lab.host.identityFile, `${options.as ?? lab.user}@${lab.host.address}`, command,
	], {stdio: ['pipe', 'pipe', 'pipe'], timeout: options.timeoutMs ?? 60_000});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => {
		stdout += String(chunk);
	});
	child.stderr.on('data', chunk => {
		stderr += String(chunk);
	});
	child.stdin.end(options.input ?? '');
	const code = await new Promise<number | null>(resolve => child.once('close', resolve));
	if (code !== 0) {
		throw new Error(`${command} on ${lab.host.address} ended with ${code}: ${stderr}`);
	}
	return stdout;
}

/** Runs bin/mesos-lab.js with the lab's home; `args` follow the program name. */
export function startCli(lab: Pick<LabHost, 'home'> & Partial<Pick<LabHost, 'cliEnv'>>, args: readonly string[]): CliRun {
	return startBuiltCli(['--home', lab.home, ...args], lab.cliEnv);
}

/** What a freshly installed CentOS 7 minimal has that the install changes. */
export function prepareFreshCentos(host: TestHost, unitsDir: string): void {
	mkdirSync(unitsDir, {recursive: true});
	for (const mark of ['firewalld.service.active', 'firewalld.service.enabled']) {
		writeFileSync(join(unitsDir, mark), '');
	}
	const state = join(host.dir, 'state');
	writeFileSync(join(state, 'rpms'), `${freshPackages.join('\n')}\n`);
	writeFileSync(join(state, 'selinux'), 'Enforcing\n');
	writeFileSync(join(state, 'hostname'), 'localhost.localdomain\n');
	host.exec([
		// Stand-ins also where CentOS keeps the real programs, which is all sudo's secure_path sees.
		...Object.entries(standInPaths).map(([program, path]) => `ln -sf ${join(host.standInDir, program)} ${path}`),
		// /var/run is its own folder on the host, so yum's lock stays in the host's overlay.
		'rm -f /var/run && mkdir -p /var/run',
		// The kernel's own name (sudo resolves it) sits on loopback too, as a fresh install's name does.
		`printf '%s127.0.0.1   %s\n' '${centosHosts}' "$(cat /proc/sys/kernel/hostname)" > /etc/hosts`,
		'mkdir -p /etc/selinux && printf "SELINUX=enforcing\nSELINUXTYPE=targeted\n" > /etc/selinux/config',
	].join(' && '));
	host.exec([
		// root's login files are CentOS's plain ones, not this machine's (which put other tools first on the PATH).
		'printf "# .bashrc\\n[ -f /etc/bashrc ] && . /etc/bashrc\\n" > /root/.bashrc',
		'printf "# .bash_profile\\n[ -f ~/.bashrc ] && . ~/.bashrc\\n" > /root/.bash_profile',
		'rm -f /root/.profile',
		// No name server: lookups fail at once instead of leaving the namespace.
		'rm -f /etc/resolv.conf && printf "nameserver 127.0.0.1\\n" > /etc/resolv.conf',
		'mkdir -p /etc/sysconfig/network-scripts /etc/yum.repos.d /etc/systemd/system /usr/local/sbin',
		'printf "DEVICE=eth0\\nBOOTPROTO=dhcp\\nONBOOT=no\\n" > /etc/sysconfig/network-scripts/ifcfg-eth0',
		'printf "DEVICE=lo\\nONBOOT=yes\\n" > /etc/sysconfig/network-scripts/ifcfg-lo',
		'printf "[base]\\nmirrorlist=http://mirrorlist.centos.org/?release=7&arch=x86_64&repo=os\\n" > /etc/yum.repos.d/CentOS-Base.repo',
		'printf "[updates]\\nmirrorlist=http://mirrorlist.centos.org/?release=7&arch=x86_64&repo=updates\\n" > /etc/yum.repos.d/CentOS-Updates.repo',
	].join(' && '));
}

/**
 * A login `lab` in wheel, with a password, whose sudo follows CentOS 7's stock sudoers. Its key is
 * the host's identity file (sshd reads one authorized_keys for every user).
 */
function addSudoUser(host: TestHost): 'lab' {
	const home = join(host.dir, 'home-lab');
	const timestamps = join(host.dir, 'sudo-ts');
	mkdirSync(home, {recursive: true});
	mkdirSync(timestamps, {recursive: true, mode: 0o700});
	chmodSync(join(host.dir, 'calls.log'), 0o666);
	const hash = execFileSync('openssl', ['passwd', '-6', sudoPassword], {encoding: 'utf8'}).trim();
	writeFileSync(join(host.dir, 'sudoers'), centosSudoers(timestamps));
	host.exec([
		`echo 'lab:x:1990:1990::${home}:/bin/bash' >> /etc/passwd`,
		`echo 'lab:${hash}:20000:0:99999:7:::' >> /etc/shadow`,
		"echo 'lab:x:1990:' >> /etc/group",
		"echo 'wheel:x:1991:lab' >> /etc/group",
		`chown 1990:1990 ${home}`,
		`install -m 0440 -o root -g root ${join(host.dir, 'sudoers')} /etc/sudoers`,
		'rm -rf /etc/sudoers.d',
	].join(' && '));
	return 'lab';
}

export interface ReleaseFiles {
	/** Mirror path → content. */
	served: Map<string, Buffer>;
	zookeeperPath: string;
	mesosPath: string;
	mesosSha256: string;
	rpmPath: string;
	rpmSha256: string;
}

export function releaseFiles(work: string, buildSeconds: number): ReleaseFiles {
	const served = new Map<string, Buffer>();
	const repomd = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<repomd xmlns="http://linux.duke.edu/metadata/repo"><revision>1</revision></repomd>\n');
	for (const repo of ['os', 'updates', 'extras']) {
		served.set(`/centos-vault/7.9.2009/${repo}/x86_64/repodata/repomd.xml`, repomd);
	}
	served.set('/epel-archive/7/x86_64/repodata/repomd.xml', repomd);
	served.set('/docker-ce/linux/centos/7/x86_64/stable/repodata/repomd.xml', repomd);
	served.set('/maven2/org/apache/apache/11/apache-11.pom', Buffer.from('<project><groupId>org.apache</groupId><artifactId>apache</artifactId><version>11</version></project>\n'));
	// A registry mirror is named by its root (Docker refuses one with a path); it serves the
	// manifests of the two images the lab pulls.
	served.set('/v2/', Buffer.from('{}'));
	for (const path of ['/v2/mesosphere/marathon/manifests/v1.10.26', '/v2/mesosphere/marathon-lb/manifests/v1.15.0']) {
		served.set(path, Buffer.from('{"schemaVersion": 2}'));
	}

	const zookeeper = packDirectory(work, 'zookeeper-3.4.14', {
		'bin/zkServer.sh': `#!/bin/sh\n# This release runs the machine's own ZooKeeper with the member's configuration.\nexec ${zookeeperHome}/bin/zkServer.sh "$@"\n`,
	});
	const zookeeperPath = '/apache/zookeeper/zookeeper-3.4.14/zookeeper-3.4.14.tar.gz';
	served.set(zookeeperPath, zookeeper);
	served.set(`${zookeeperPath}.sha512`, Buffer.from(`${createHash('sha512').update(zookeeper).digest('hex')}  zookeeper-3.4.14.tar.gz\n`));

	const mesos = packDirectory(work, 'mesos-1.11.0', mesosSources(buildSeconds));
	const mesosPath = '/apache/mesos/1.11.0/mesos-1.11.0.tar.gz';
	served.set(mesosPath, mesos);
	const rpm = packDirectory(work, 'mesos-rpm', mesosRpm(), false);
	const rpmPath = '/packages/mesos-1.11.0-1.el7.x86_64.rpm';
	served.set(rpmPath, rpm);
	const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');
	return {served, zookeeperPath, mesosPath, mesosSha256: sha256(mesos), rpmPath, rpmSha256: sha256(rpm)};
}

/**
 * A Mesos source tree whose configure writes Makefiles with one slow libtool object per unit:
 * make builds them one at a time, so an interrupted build resumes with the objects still missing.
 */
function mesosSources(buildSeconds: number): Record<string, string> {
	const objects = Array.from({length: 24}, (_, n) => `libmesos_la-unit${String(n + 1).padStart(2, '0')}.lo`);
	const {master, agent} = mesosDaemons();
	const topMakefile = [
		'all:',
		'\t@$(MAKE) --no-print-directory -C src',
		'install: all',
		'\tinstall -m 755 @SRCDIR@/src/mesos-master /usr/local/sbin/mesos-master',
		'\tinstall -m 755 @SRCDIR@/src/mesos-agent /usr/local/sbin/mesos-agent',
		// What automake generates for every installed file.
		'uninstall:',
		'\trm -f /usr/local/sbin/mesos-master /usr/local/sbin/mesos-agent',
		'',
	].join('\n');
	const srcMakefile = [
		`OBJECTS = ${objects.join(' ')}`,
		'.NOTPARALLEL:',
		'all: $(OBJECTS)',
		'%.lo:',
		`\t@sleep ${(buildSeconds / objects.length).toFixed(2)}`,
		'\t@echo "  CXX      $@"',
		'\t@touch $@',
		'',
	].join('\n');
	return {
		configure: [
			'#!/bin/sh',
			'# With Java bindings, refuses (as the real build fails later) when Maven would fetch over plain http.',
			'case " $* " in *" --disable-java "*) echo "checking whether to build the Java bindings... no";; *) grep -q "<url>https://" /etc/maven/settings.xml || { echo "configure: the Maven mirror is not https (501 HTTPS Required)" >&2; exit 1; };; esac',
			'srcdir=$(cd "$(dirname "$0")" && pwd)',
			'echo "checking for g++... g++"',
			'mkdir -p src',
			'sed "s|@SRCDIR@|$srcdir|g" "$srcdir/Makefile.in" > Makefile',
			'cp "$srcdir/src/Makefile.in" src/Makefile',
			'echo "config.status: creating Makefile"',
			'',
		].join('\n'),
		'Makefile.in': topMakefile,
		'src/Makefile.in': srcMakefile,
		'src/mesos-master': master,
		'src/mesos-agent': agent,
	};
}

/**
 * The two daemons: both answer --version and then stay up (the simulated cluster answers for them).
 * The agent, as a real one does for its tasks, starts an executor as its own child, in a session
 * of its own: it is what a restart of the agent's unit must leave running.
 */
function mesosDaemons(): {master: string; agent: string} {
	const head = '#!/bin/sh\ncase "$1" in --version) echo "mesos 1.11.0"; exit 0;; esac\n';
	return {
		master: `${head}exec sleep 2147483647\n`,
		agent: [
			head.trimEnd(),
			'work=$(printf "%s\\n" "$@" | sed -n "s/^--work_dir=//p")',
			'mkdir -p "$work"',
			'if ! kill -0 "$(cat "$work/executor.pid" 2>/dev/null)" 2>/dev/null; then',
			'  setsid sleep 2147483647 > /dev/null 2>&1 < /dev/null &',
			'  echo $! > "$work/executor.pid"',
			'fi',
			'exec sleep 2147483647',
			'',
		].join('\n'),
	};
}

/**
 * A prebuilt Mesos package laid out as Apache's spec installs it
 * (apache/mesos support/packaging/centos/mesos.spec: %{_sbindir}/mesos-*, %{_libdir}/libmesos*.so,
 * and its own /var/lib/mesos), in the yum stand-in's package format.
 */
function mesosRpm(): Record<string, string> {
	const {master, agent} = mesosDaemons();
	return {
		PKGINFO: 'mesos 1.11.0\n',
		'root/usr/sbin/mesos-master': master,
		'root/usr/sbin/mesos-agent': agent,
		'root/usr/lib64/libmesos-1.11.0.so': 'libmesos\n',
		'root/usr/lib64/libmesos.so': 'libmesos\n',
		'root/var/lib/mesos/.keep': '',
	};
}

function packDirectory(work: string, top: string, entries: Record<string, string>, withTop = true): Buffer {
	const staging = mkdtempSync(join(work, 'pack-'));
	for (const [path, content] of Object.entries(entries)) {
		const file = join(staging, top, path);
		mkdirSync(join(file, '..'), {recursive: true});
		writeFileSync(file, content);
		chmodSync(file, content.startsWith('#!') ? 0o755 : 0o644);
	}
	const archive = join(work, `${top}.tar.gz`);
	execFileSync('tar', ['-czf', archive, '-C', withTop ? staging : join(staging, top), withTop ? top : '.']);
	rmSync(staging, {recursive: true, force: true});
	return readFileSync(archive);
}

/**
 * A certificate for the mirror's https side at `address`, made here and trusted by the test hosts
 * (appended to the CA bundle in each one's /etc overlay), as a lab's internal mirror is trusted
 * through its own CA.
 */
export function mirrorCertificate(work: string, address: string, hosts: readonly TestHost[]): {key: Buffer; cert: Buffer} {
	const key = join(work, 'mirror.key');
	const cert = join(work, 'mirror.crt');
	execFileSync('openssl', [
		'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
		'-subj', '/CN=mesos-lab test mirror', '-keyout', key, '-out', cert,
		'-addext', `subjectAltName=IP:${address}`, '-addext', 'basicConstraints=critical,CA:TRUE',
		'-addext', 'keyUsage=critical,digitalSignature,keyCertSign',
	], {stdio: 'ignore'});
	for (const host of hosts) {
		host.exec(`cat ${cert} >> /etc/ssl/certs/ca-certificates.crt`);
	}
	return {key: readFileSync(key), cert: readFileSync(cert)};
}

export async function startMirror(address: string, files: ReleaseFiles, requests: string[], tls: {key: Buffer; cert: Buffer}): Promise<{servers: Server[]; port: number; securePort: number}> {
	const handler = (req: IncomingMessage, res: ServerResponse) => {
		const path = new URL(req.url ?? '/', 'http://mirror').pathname;
		requests.push(path);
		const body = files.served.get(path);
		if (body === undefined) {
			res.writeHead(404, {'Content-Type': 'text/plain'});
			res.end('404 Not Found\n');
			return;
		}
		res.writeHead(200, {'Content-Length': body.length});
		res.end(req.method === 'HEAD' ? undefined : body);
	};
	const servers = [createServer(handler), createHttpsServer(tls, handler)];
	const ports = await Promise.all(servers.map(server => new Promise<number>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, address, () => {
			const bound = server.address();
			if (bound === null || typeof bound === 'string') {
				reject(new Error('the mirror has no port'));
				return;
			}
			resolve(bound.port);
		});
	})));
	return {servers, port: ports[0] ?? 0, securePort: ports[1] ?? 0};
}

/** Closes both sides of the mirror, dropping the connections still open on them. */
export async function stopMirror(mirror: {servers: Server[]}): Promise<void> {
	await Promise.all(mirror.servers.map(server => new Promise<void>(resolve => {
		server.closeAllConnections();
		server.close(() => resolve());
	})));
}

/** The simulated cluster of a one-host lab: every daemon on the host, served at the host's address. */
function oneHostCluster(host: TestHost, unitsDir: string): DaemonConfig {
	const at = (port: number, unit: string) => ({address: host.address, port, listen: host.address, unit, unitsDir});
	return {
		masters: labPorts.masters.map((port, index) => at(port, `mesos-lab-master-${index + 1}.service`)),
		agents: [{...at(labPorts.agent, 'mesos-lab-agent.service'), attributes: {dc: 'bj'}}],
		marathons: labPorts.marathon.map((port, index) => at(port, `mesos-lab-marathon-${index + 1}.service`)),
		lb: at(labPorts.marathonLb, 'mesos-lab-marathon-lb.service'),
		zookeeper: labPorts.zookeeperClient.map((_, index) => ({id: index + 1, unit: `mesos-lab-zookeeper-${index + 1}.service`, unitsDir})),
		haproxyStatsPort: simPorts.haproxyStats,
		controlPort: simPorts.control,
	};
}

/** Starts the simulated cluster (sim-daemon.ts) inside `namespace`, answering as `config` says. */
export async function startSimDaemon(namespace: string, work: string, config: DaemonConfig): Promise<ChildProcess> {
	const configPath = join(work, 'sim-daemon.json');
	writeFileSync(configPath, JSON.stringify(config));
	// Node 22 runs the TypeScript file itself (the flag is needed before 22.18, harmless after).
	const node = [process.execPath, '--experimental-strip-types', '--disable-warning=ExperimentalWarning'];
	const daemon = spawn(...tethered('ip', ['netns', 'exec', namespace, ...node, fileURLToPath(new URL('sim-daemon.ts', import.meta.url)), configPath]), {stdio: ['ignore', 'pipe', 'pipe']});
	let log = '';
	daemon.stderr?.on('data', chunk => {
		log += String(chunk);
	});
	await new Promise<void>((resolve, reject) => {
		daemon.stdout?.on('data', chunk => {
			if (String(chunk).includes('ready')) {
				resolve();
			}
		});
		daemon.once('exit', code => reject(new Error(`the simulated cluster exited (${code}): ${log}`)));
	});
	return daemon;
}

interface LabFileFacts {
	user: 'root' | 'lab';
	mirrorUrl: string;
	secureMirrorUrl: string;
	files: ReleaseFiles;
	language: 'zh' | 'en' | 'locale';
	mesosSource: 'build' | 'rpm';
}

function labFile(host: TestHost, {user, mirrorUrl, secureMirrorUrl, files, language, mesosSource}: LabFileFacts): Record<string, unknown> {
	const mesos = mesosSource === 'rpm'
		? {source: 'rpm', download: {url: `${mirrorUrl}${files.rpmPath}`, checksum: {algorithm: 'sha256', value: files.rpmSha256}}}
		: {source: 'build', download: {url: `${mirrorUrl}${files.mesosPath}`, checksum: {algorithm: 'sha256', value: files.mesosSha256}}};
	return {
		...(language === 'locale' ? {} : {language}),
		hosts: [{name: 'node1', address: host.address, port: host.port, user, auth: 'identity-file', identityFile: host.identityFile, attributes: {dc: 'bj'}}],
		ports: labPorts,
		mirrors: {
			preset: 'custom',
			// The first vault is gone, as many are: the probe must move on to the second.
			centosVault: [`${mirrorUrl}/gone-vault`, `${mirrorUrl}/centos-vault`],
			epelArchive: `${mirrorUrl}/epel-archive/7`,
			dockerCe: `${mirrorUrl}/docker-ce/linux/centos`,
			maven: `${secureMirrorUrl}/maven2`,
			apache: `${mirrorUrl}/apache`,
			registryMirrors: [mirrorUrl],
		},
		zookeeper: {download: {url: `${mirrorUrl}${files.zookeeperPath}`, checksum: {algorithm: 'sha512'}}},
		mesos,
	};
}
