import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {tethered} from '../../helpers/tethered.js';
import {waitFor} from '../../helpers/wait-for.js';

export function haproxyUnavailable(): string | undefined {
	return existsSync('/usr/sbin/haproxy') ? undefined : '/usr/sbin/haproxy is missing (install haproxy)';
}

export interface RealHaproxy {
	statsUrl: string;
	config: string;
	stop(): Promise<void>;
}

export interface HaproxyApp {
	/** marathon-lb backend name, `<app>_<servicePort>`. */
	backend: string;
	servicePort: number;
	servers: {name: string; port: number}[];
}

/**
 * Debian's HAProxy with a config in marathon-lb's shape: a stats listener (CSV at
 * `/haproxy?stats;csv`, the running config at `/_haproxy_getconfig`) and one frontend plus
 * backend per app and service port, each server health-checked over HTTP.
 */
export async function startHaproxy(statsPort: number, apps: HaproxyApp[]): Promise<RealHaproxy> {
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-haproxy-'));
	const configPath = join(dir, 'haproxy.cfg');
	const lines = [
		'global',
		'  maxconn 256',
		'defaults',
		'  mode http',
		'  timeout connect 1s',
		'  timeout client 5s',
		'  timeout server 5s',
		'  timeout check 1s',
		'listen stats',
		`  bind 127.0.0.1:${statsPort}`,
		'  balance',
		'  mode http',
		'  stats enable',
		'  monitor-uri /_haproxy_health_check',
		`  http-request return status 200 content-type text/plain file ${configPath} if { path /_haproxy_getconfig }`,
	];
	for (const app of apps) {
		lines.push(
			`frontend ${app.backend}`,
			`  bind 127.0.0.1:${app.servicePort}`,
			'  mode http',
			`  use_backend ${app.backend}`,
			`backend ${app.backend}`,
			'  balance roundrobin',
			'  mode http',
			'  option httpchk GET /',
			// HAProxy's own fall (3) and rise (2) defaults (configuration.txt, "fall"/"rise"): one slow check on a
			// busy machine must not mark a healthy server DOWN, as a single failure would with `fall 1`.
			...app.servers.map(server => `  server ${server.name} 127.0.0.1:${server.port} check inter 200ms`),
		);
	}
	const config = `${lines.join('\n')}\n`;
	writeFileSync(configPath, config);
	const child: ChildProcess = spawn(...tethered('/usr/sbin/haproxy', ['-db', '-f', configPath]), {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const statsUrl = `http://127.0.0.1:${statsPort}`;
	// An exited server is reported at once, not after the ceiling.
	const started = await waitFor(async () => {
		if (child.exitCode !== null) {
			return 'exited';
		}
		return await fetch(`${statsUrl}/_haproxy_health_check`).then(response => response.ok, () => false) && 'serving';
	}, 'HAProxy to serve its health check', {timeoutMs: 10_000, everyMs: 100, lastSeen: () => stderr}).catch((error: unknown) => {
		child.kill('SIGKILL');
		rmSync(dir, {recursive: true, force: true});
		throw error;
	});
	if (started === 'exited') {
		rmSync(dir, {recursive: true, force: true});
		throw new Error(`HAProxy exited with ${child.exitCode}: ${stderr}`);
	}
	return {
		statsUrl,
		config,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise(resolve => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
