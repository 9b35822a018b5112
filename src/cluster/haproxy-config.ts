export interface HaproxyFrontend {
	name: string;
	bindPorts: number[];
	backends: string[];
}

export interface HaproxyConfigServer {
	name: string;
	address: string;
}

export interface HaproxyBackendConfig {
	name: string;
	mode?: string;
	servers: HaproxyConfigServer[];
}

export interface HaproxyConfig {
	frontends: HaproxyFrontend[];
	backends: HaproxyBackendConfig[];
}

/** Reads the sections of an HAProxy config (as `/_haproxy_getconfig` returns it) that matter for the app map. */
export function parseHaproxyConfig(configText: string): HaproxyConfig {
	const frontends: HaproxyFrontend[] = [];
	const backends: HaproxyBackendConfig[] = [];
	let frontend: HaproxyFrontend | undefined;
	let backend: HaproxyBackendConfig | undefined;
	for (const rawLine of configText.split(/\r?\n/)) {
		const line = rawLine.replace(/\s+#.*$/, '').trim();
		if (line === '' || line.startsWith('#')) {
			continue;
		}
		const words = line.split(/\s+/);
		const keyword = words[0] ?? '';
		if (/^\S/.test(rawLine) && ['global', 'defaults', 'frontend', 'backend', 'listen', 'userlist', 'peers', 'resolvers', 'cache', 'program', 'mailers', 'ring', 'http-errors'].includes(keyword)) {
			frontend = undefined;
			backend = undefined;
			const name = words[1] ?? '';
			if (keyword === 'frontend' || keyword === 'listen') {
				frontend = {name, bindPorts: [], backends: []};
				frontends.push(frontend);
			}
			if (keyword === 'backend' || keyword === 'listen') {
				backend = {name, servers: []};
				backends.push(backend);
			}
			continue;
		}
		if (frontend && keyword === 'bind') {
			frontend.bindPorts.push(...bindPorts(words[1] ?? ''));
		}
		if (frontend && (keyword === 'use_backend' || keyword === 'default_backend') && words[1] && !frontend.backends.includes(words[1])) {
			frontend.backends.push(words[1]);
		}
		if (backend && keyword === 'mode' && words[1]) {
			backend.mode = words[1];
		}
		if (backend && keyword === 'server' && words[1]) {
			backend.servers.push({name: words[1], address: words[2] ?? ''});
		}
	}
	return {frontends, backends};
}

/** `*:10000`, `0.0.0.0:80,:::80`, `:443` → ports. */
function bindPorts(spec: string): number[] {
	return spec.split(',').map(part => Number(part.slice(part.lastIndexOf(':') + 1))).filter(port => Number.isInteger(port) && port > 0);
}

/**
 * The service port of each backend. marathon-lb gives an app's frontend and backend the same name
 * (`nginx_10000`) and binds the frontend on the service port; shared frontends (:80, :443, :9091)
 * route to many backends and are not used for this.
 */
export function servicePortsByBackend(config: HaproxyConfig): Map<string, number> {
	const ports = new Map<string, number>();
	for (const frontend of config.frontends) {
		const port = frontend.bindPorts[0];
		if (port === undefined) {
			continue;
		}
		if (config.backends.some(backend => backend.name === frontend.name)) {
			ports.set(frontend.name, port);
		}
	}
	for (const frontend of config.frontends) {
		const port = frontend.bindPorts[0];
		const only = frontend.backends.length === 1 ? frontend.backends[0] : undefined;
		if (port !== undefined && only !== undefined && !ports.has(only)) {
			ports.set(only, port);
		}
	}
	return ports;
}

/** marathon-lb's backend name for an app and service port: `/shop/web` + 10000 → `shop_web_10000`. */
export function marathonLbBackendName(appId: string, servicePort: number): string {
	return `${appId.replace(/^\/+/, '').replaceAll('/', '_')}_${servicePort}`;
}

/** marathon-lb's server name: `<host>_<ip>_<port>` (or `<ip>_<port>` when host is the IP), non-alphanumerics as `_`. */
export function marathonLbServerName(host: string, ip: string, port: number): string {
	const clean = (value: string): string => value.replace(/[^a-zA-Z0-9-]/g, '_');
	return host === ip ? `${clean(ip)}_${port}` : `${clean(host)}_${clean(ip)}_${port}`;
}
