import type {LbService} from './haproxy-backends.js';

export interface HaproxyConfigOptions {
	/** Address frontends bind to: `*` like marathon-lb, or a loopback address for a real HAProxy in tests. */
	bindAddress: string;
	statsBind: string;
	/** Port of the shared vhost frontend (80 in marathon-lb); null leaves it out. */
	vhostPort: number | null;
	/** marathon-lb's Lua helpers; a real HAProxy here runs without them. */
	withLua: boolean;
	/** Replaces the check timing derived from the Marathon health check (tests want fast checks). */
	checkOptions?: string;
	/** Where HAProxy writes its own pid list for reloads, if anywhere. */
	extraGlobal?: string[];
}

function checkOptionsFor(service: LbService, options: HaproxyConfigOptions): string {
	if (options.checkOptions !== undefined) return options.checkOptions;
	const hc = service.healthCheck;
	if (!hc) return '';
	return ` check inter ${hc.intervalSeconds}s fall ${hc.maxConsecutiveFailures + 1}`;
}

function vhostAcl(vhost: string): string {
	return `host_${vhost.replace(/[^a-zA-Z0-9]/g, '_')}`;
}

/** A haproxy.cfg in marathon-lb's layout: global, defaults, stats listener, shared frontends, then one frontend and backend per service port. */
export function renderHaproxyConfig(services: readonly LbService[], options: HaproxyConfigOptions): string {
	const lines: string[] = [
		'# mesos-lab simulated cluster: generated in marathon-lb\'s layout',
		'global',
		'  maxconn 4096',
		...(options.extraGlobal ?? []).map(l => `  ${l}`),
		...(options.withLua ? ['  lua-load /marathon-lb/getpids.lua', '  lua-load /marathon-lb/getconfig.lua', '  lua-load /marathon-lb/getmaps.lua', '  lua-load /marathon-lb/signalmlb.lua'] : []),
		'defaults',
		'  retries                   3',
		'  timeout connect          3s',
		'  timeout client          30s',
		'  timeout server          30s',
		'  timeout http-request    15s',
		'  option            dontlognull',
		'  option            http-server-close',
		'  option            redispatch',
		'listen stats',
		`  bind ${options.statsBind}`,
		'  balance',
		'  mode http',
		'  stats enable',
		'  monitor-uri /_haproxy_health_check',
	];
	if (options.withLua) {
		lines.push('  acl getpid path /_haproxy_getpids', '  http-request use-service lua.getpids if getpid', '  acl getconfig path /_haproxy_getconfig', '  http-request use-service lua.getconfig if getconfig');
	}
	lines.push('');
	if (options.vhostPort !== null) {
		lines.push('frontend marathon_http_in', `  bind ${options.bindAddress}:${options.vhostPort}`, '  mode http');
		for (const s of services) {
			if (s.vhost === null) continue;
			const acl = vhostAcl(s.vhost);
			lines.push(`  acl ${acl} hdr(host) -i ${s.vhost}`, `  use_backend ${s.name} if ${acl}`);
		}
		lines.push('');
	}
	for (const s of services) {
		lines.push(`frontend ${s.name}`, `  bind ${options.bindAddress}:${s.servicePort}`, `  mode ${s.mode}`, `  use_backend ${s.name}`, '');
	}
	for (const s of services) {
		lines.push(`backend ${s.name}`, '  balance roundrobin', `  mode ${s.mode}`);
		if (s.mode === 'http') lines.push('  option forwardfor', '  http-request set-header X-Forwarded-Port %[dst_port]');
		const hc = s.healthCheck;
		if (hc && s.mode === 'http' && hc.protocol.includes('HTTP')) lines.push(`  option  httpchk GET ${hc.path ?? '/'}`, `  timeout check ${hc.timeoutSeconds}s`);
		for (const server of s.servers) lines.push(`  server ${server.name} ${server.ip}:${server.port}${checkOptionsFor(s, options)}`);
		lines.push('');
	}
	return `${lines.join('\n')}\n`;
}
