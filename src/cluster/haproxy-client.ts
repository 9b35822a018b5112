import {localized} from '../i18n/localized.js';
import {ClusterError} from '../errors.js';
import {decodeAnswer, settleValue, type SourceReadOptions} from './answer-memo.js';
import {fetchText, joinUrl, statusError} from './http.js';
import {parseHaproxyConfig, servicePortsByBackend} from './haproxy-config.js';
import {readHaproxyServers, type HaproxyServerRow} from './haproxy-stats.js';

export interface HaproxyReading {
	servers: HaproxyServerRow[];
	/** Service port per backend name, from the running config; empty when the config is not served. */
	servicePorts: Map<string, number>;
	configError?: string;
}

/** Reads the stats CSV and, where marathon-lb serves it, the running config to map backends to service ports. */
export async function readHaproxy(lbUrl: string, options: SourceReadOptions = {}): Promise<HaproxyReading> {
	const statsUrl = joinUrl(lbUrl, '/haproxy?stats;csv');
	const [stats, config] = await Promise.all([
		fetchText(statsUrl, options),
		fetchText(joinUrl(lbUrl, '/_haproxy_getconfig'), options).catch((error: unknown) => error as Error),
	]);
	if (stats.status !== 200) {
		throw statusError(stats);
	}
	let decoded: HaproxyServerRow[];
	try {
		decoded = decodeAnswer(options.memo, 'haproxy stats', stats.body, readHaproxyServers);
	} catch (error) {
		throw new ClusterError(localized('errIsNotAnHAProxyStats', {statsUrl, detail: (error as Error).message}), {hint: localized('errIsNotAnHAProxyStatsHint')});
	}
	// The CSV's counters move at every refresh; the servers' names, states and sessions mostly do not.
	const servers = settleValue(options.memo, 'haproxy servers', decoded);
	if (config instanceof Error) {
		return {servers, servicePorts: settleValue(options.memo, 'haproxy service ports', new Map()), configError: config.message};
	}
	if (config.status !== 200) {
		return {servers, servicePorts: settleValue(options.memo, 'haproxy service ports', new Map()), configError: `HTTP ${config.status}`};
	}
	const servicePorts = decodeAnswer(options.memo, 'haproxy config', config.body, body => servicePortsByBackend(parseHaproxyConfig(body)));
	return {servers, servicePorts: settleValue(options.memo, 'haproxy service ports', servicePorts)};
}
