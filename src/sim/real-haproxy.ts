import {localized} from '../i18n/localized.js';
import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {ClusterError} from '../errors.js';
import type {ClusterModel} from './model/cluster-model.js';
import {lbServices} from './render/haproxy-backends.js';
import {renderHaproxyConfig} from './render/haproxy-config.js';

export const debianHaproxy = '/usr/sbin/haproxy';

const setpriv = '/usr/bin/setpriv';

/**
 * The argv that has the kernel kill HAProxy when the process that started it dies (PR_SET_PDEATHSIG, through
 * util-linux's setpriv, which then execs HAProxy under the same pid). A demo or experiment ended by SIGKILL or a
 * crash would otherwise leave HAProxy holding the service ports, and the next run could not bind them.
 * Without setpriv (not Linux, or no util-linux), HAProxy starts plainly and `stop()` remains the only way out.
 */
function diesWithThisProcess(command: string, args: readonly string[]): [string, string[]] {
	return existsSync(setpriv) ? [setpriv, ['--pdeathsig', 'KILL', '--', command, ...args]] : [command, [...args]];
}

export interface RealHaproxyOptions {
	group: string;
	/** Loopback port of HAProxy's stats listener. */
	statsPort: number;
	/** Port of the shared vhost frontend; null leaves it out. */
	vhostPort: number | null;
	/** Address the frontends bind to; loopback unless the simulation stands in for a lab host's marathon-lb. */
	bindAddress?: string;
	binary?: string;
	/** Check timing for every server; fast by default so tests see state changes quickly. */
	checkOptions?: string;
	/** `marathon-lb`: check timing derived from each app's health check, as marathon-lb writes it. */
	checkTiming?: 'fast' | 'marathon-lb';
}

/** True where Debian's haproxy package is installed. */
export function haproxyAvailable(binary = debianHaproxy): boolean {
	return existsSync(binary);
}

/**
 * A real HAProxy in front of the simulated tasks: each running task's host port is served by a
 * small HTTP server on its agent's loopback address, and HAProxy is reloaded (`-sf`) whenever the
 * set of backends changes, the way marathon-lb does it.
 */
export class RealHaproxy {
	private readonly model: ClusterModel;
	private readonly options: RealHaproxyOptions;
	private readonly standIns = new Map<string, Server>();
	/** Tasks whose container was killed: nothing answers on their port any more, whatever the model says. */
	private readonly deadContainers = new Set<string>();
	private readonly processes = new Set<ChildProcess>();
	private current: ChildProcess | null = null;
	private dir = '';
	private config = '';
	private chain: Promise<void> = Promise.resolve();
	private stopping = false;
	private unwatch: (() => void) | null = null;
	lastError: string | null = null;

	constructor(model: ClusterModel, options: RealHaproxyOptions) {
		this.model = model;
		this.options = options;
	}

	get statsUrl(): string {
		return `http://127.0.0.1:${this.options.statsPort}/haproxy?stats;csv`;
	}

	configText(): string {
		return this.config;
	}

	async start(): Promise<void> {
		const binary = this.options.binary ?? debianHaproxy;
		if (!haproxyAvailable(binary)) throw new ClusterError(localized('errHAProxyNotFoundAt', {binary}), {hint: localized('errHAProxyNotFoundAtHint')});
		this.dir = await mkdtemp(join(tmpdir(), 'mesos-lab-sim-haproxy-'));
		this.unwatch = this.model.onChange(() => {
			void this.sync();
		});
		await this.sync();
	}

	/** Brings stand-in servers and HAProxy's config in line with the model; calls are serialised. */
	sync(): Promise<void> {
		this.chain = this.chain.then(() => this.syncOnce(), () => this.syncOnce());
		return this.chain;
	}

	/**
	 * Kills the container behind a task, as `docker kill` does: its port stops answering at once,
	 * while HAProxy's config changes only when the model hears of the task's end.
	 */
	killContainer(taskId: string): Promise<void> {
		this.chain = this.chain.then(() => this.closeStandInOf(taskId), () => this.closeStandInOf(taskId));
		return this.chain;
	}

	private async closeStandInOf(taskId: string): Promise<void> {
		this.deadContainers.add(taskId);
		for (const [key, server] of this.standIns) {
			if (standInTask.get(server) === taskId) {
				this.standIns.delete(key);
				await closeServer(server);
			}
		}
	}

	async statsCsv(): Promise<string> {
		const response = await fetch(this.statsUrl);
		if (!response.ok) throw new ClusterError(localized('errHAProxyStatsAnswered', {status: response.status}));
		return response.text();
	}

	async stop(): Promise<void> {
		this.unwatch?.();
		this.stopping = true;
		// A sync queued after this point finds `stopping` set and starts no HAProxy that nobody would end.
		await this.chain.catch(() => undefined);
		for (const child of this.processes) child.kill('SIGTERM');
		await Promise.all([...this.processes].map(child => new Promise<void>(resolve => {
			if (child.exitCode !== null || child.signalCode !== null) resolve();
			else child.once('exit', () => resolve());
		})));
		this.processes.clear();
		await Promise.all([...this.standIns.values()].map(s => closeServer(s)));
		this.standIns.clear();
		if (this.dir !== '') await rm(this.dir, {recursive: true, force: true});
	}

	private async syncOnce(): Promise<void> {
		if (this.stopping) return;
		const services = lbServices(this.model, this.options.group);
		const wanted = new Map<string, {ip: string; port: number; taskId: string}>();
		for (const service of services) for (const s of service.servers) wanted.set(`${s.ip}:${s.port}`, {ip: s.ip, port: s.port, taskId: s.task.id});
		for (const [key, server] of this.standIns) {
			if (!wanted.has(key)) {
				this.standIns.delete(key);
				await closeServer(server);
			}
		}
		const liveTasks = new Set([...wanted.values()].map(target => target.taskId));
		for (const taskId of this.deadContainers) {
			if (!liveTasks.has(taskId)) this.deadContainers.delete(taskId);
		}
		for (const [key, target] of wanted) {
			if (this.standIns.has(key) || this.deadContainers.has(target.taskId)) continue;
			const server = createServer((_req, res) => {
				const task = this.model.tasks.get(target.taskId);
				const failing = task?.forcedUnhealthy === true;
				res.writeHead(failing ? 500 : 200, {'Content-Type': 'text/plain', 'X-Mesos-Lab-Simulation': 'true'});
				res.end(failing ? 'failing\n' : `${target.taskId}\n`);
			});
			try {
				await new Promise<void>((resolve, reject) => {
					server.once('error', reject);
					server.listen(target.port, target.ip, () => resolve());
				});
				this.standIns.set(key, server);
				standInTask.set(server, target.taskId);
			} catch (error) {
				this.lastError = `cannot stand in for ${key}: ${error instanceof Error ? error.message : String(error)}`;
			}
		}
		const config = renderHaproxyConfig(services, {
			bindAddress: this.options.bindAddress ?? '127.0.0.1', statsBind: `127.0.0.1:${this.options.statsPort}`, vhostPort: this.options.vhostPort, withLua: false,
			...(this.options.checkTiming === 'marathon-lb' ? {} : {checkOptions: this.options.checkOptions ?? ' check inter 200ms fall 1 rise 1'}),
		});
		if (config === this.config && this.current !== null) return;
		this.config = config;
		const file = join(this.dir, 'haproxy.cfg');
		await writeFile(file, config);
		await this.reload(file);
	}

	private async reload(file: string): Promise<void> {
		const old = this.current;
		const args = ['-f', file, '-db', ...(old?.pid === undefined ? [] : ['-sf', String(old.pid)])];
		const [command, argv] = diesWithThisProcess(this.options.binary ?? debianHaproxy, args);
		const child = spawn(command, argv, {stdio: ['ignore', 'ignore', 'pipe']});
		this.processes.add(child);
		let stderr = '';
		child.stderr?.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.once('exit', code => {
			this.processes.delete(child);
			if (code !== 0 && code !== null && this.current === child) this.lastError = `haproxy exited with ${code}: ${stderr.trim()}`;
		});
		this.current = child;
		await this.waitForStats();
		// The stats page may still be the old process's. A reload that starts before the old one has
		// handed over would signal only its direct predecessor and leave an older HAProxy listening
		// on the same ports (SO_REUSEPORT) with a stale config, so wait for the old one to finish.
		if (old !== null) await exited(old, 5_000);
	}

	private async waitForStats(): Promise<void> {
		for (let attempt = 0; attempt < 100; attempt++) {
			try {
				const response = await fetch(this.statsUrl);
				if (response.ok) {
					await response.text();
					return;
				}
			} catch {
				// Not listening yet.
			}
			await new Promise(resolve => setTimeout(resolve, 50));
		}
		throw new ClusterError(localized('errHAProxyDidNotOpenIts', {statsPort: this.options.statsPort}), {hint: this.lastError ?? localized('errPortFreeHint')});
	}
}

const standInTask = new WeakMap<Server, string>();

/** Resolves when the process has exited, or after `limitMs` (a soft stop may linger on open connections). */
function exited(child: ChildProcess, limitMs: number): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise(resolve => {
		const timer = setTimeout(resolve, limitMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

function closeServer(server: Server): Promise<void> {
	return new Promise(resolve => {
		server.close(() => resolve());
		server.closeAllConnections();
	});
}
