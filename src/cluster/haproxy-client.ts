import {ClusterError} from '../errors.js';
import {fetchText, joinUrl, statusError, type HttpOptions} from './http.js';
import {parseHaproxyConfig, servicePortsByBackend} from './haproxy-config.js';
import {haproxyServers, parseHaproxyStats, type HaproxyServerRow} from './haproxy-stats.js';

export interface HaproxyReading {
	servers: HaproxyServerRow[];
	/** Service port per backend name, from the running config; empty when the config is not served. */
	servicePorts: Map<string, number>;
	configError?: string;
}

/** Reads the stats CSV and, where marathon-lb serves it, the running config to map backends to service ports. */
export async function readHaproxy(lbUrl: string, options: HttpOptions = {}): Promise<HaproxyReading> {
	const statsUrl = joinUrl(lbUrl, '/haproxy?stats;csv');
	const [stats, config] = await Promise.all([
		fetchText(statsUrl, options),
		fetchText(joinUrl(lbUrl, '/_haproxy_getconfig'), options).catch((error: unknown) => error as Error),
	]);
	if (stats.status !== 200) {
		throw statusError(stats);
	}
	let servers: HaproxyServerRow[];
	try {
		servers = haproxyServers(parseHaproxyStats(stats.body));
	} catch (error) {
		throw new ClusterError(`${statsUrl} is not an HAProxy stats CSV: ${(error as Error).message}`, {hint: 'Point --lb at the marathon-lb stats port (9090).'});
	}
	if (config instanceof Error) {
		return {servers, servicePorts: new Map(), configError: config.message};
	}
	if (config.status !== 200) {
		return {servers, servicePorts: new Map(), configError: `HTTP ${config.status}`};
	}
	return {servers, servicePorts: servicePortsByBackend(parseHaproxyConfig(config.body))};
}
