import type {IncomingMessage, ServerResponse} from 'node:http';
import type {ClusterModel} from './model/cluster-model.js';
import {sendText, simulationHeader} from './http-util.js';
import {lbServices} from './render/haproxy-backends.js';
import {renderHaproxyConfig} from './render/haproxy-config.js';
import {renderStatsCsv} from './render/haproxy-stats.js';

/** Where the stats and config come from when a real HAProxy stands in front of the tasks. */
export interface RealLbSource {
	statsCsv(): Promise<string>;
	configText(): string;
}

export interface LbOptions {
	group: string;
	real?: RealLbSource;
}

/** marathon-lb's port 9090: stats CSV, the running config, and the health monitor URI. */
export function handleLb(model: ClusterModel, options: LbOptions, req: IncomingMessage, res: ServerResponse): void {
	const url = new URL(req.url ?? '/', 'http://sim');
	const query = url.search.replace(/^\?/, '');
	if (url.pathname === '/_haproxy_health_check') {
		sendText(res, 200, '');
		return;
	}
	if (url.pathname === '/_haproxy_getconfig') {
		const text = options.real
			? options.real.configText()
			: renderHaproxyConfig(lbServices(model, options.group), {bindAddress: '*', statsBind: '0.0.0.0:9090', vhostPort: 80, withLua: true});
		sendText(res, 200, text);
		return;
	}
	if (url.pathname === '/_haproxy_getpids') {
		sendText(res, 200, '1\n');
		return;
	}
	if (url.pathname === '/haproxy' && query.startsWith('stats;csv')) {
		const csv = options.real ? options.real.statsCsv() : Promise.resolve(renderStatsCsv(model, lbServices(model, options.group)));
		csv.then(text => sendText(res, 200, text), (error: unknown) => sendText(res, 502, `HAProxy stats unavailable: ${error instanceof Error ? error.message : String(error)}`));
		return;
	}
	if (url.pathname === '/haproxy' && query.startsWith('stats')) {
		const body = `<html><head><title>Statistics Report (mesos-lab simulated cluster)</title></head><body><pre>${renderStatsCsv(model, lbServices(model, options.group))}</pre></body></html>`;
		res.writeHead(200, {...simulationHeader, 'Content-Type': 'text/html'});
		res.end(body);
		return;
	}
	sendText(res, 404, '');
}
