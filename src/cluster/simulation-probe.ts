import type {ClusterEndpoints} from './poller.js';
import {fetchText, joinUrl, type HttpOptions} from './http.js';

/** The header every answer of mesos-lab's simulated cluster carries. */
export const simulationHeaderName = 'x-mesos-lab-simulation';

/**
 * Asks the first Mesos master, Marathon and marathon-lb once whether they are the simulated cluster,
 * so a dashboard pointed at it by address still says SIMULATED. An endpoint that does not answer
 * says nothing either way; the poller reports it as it does any failing source.
 */
export async function isSimulatedCluster(endpoints: ClusterEndpoints, http: HttpOptions = {}): Promise<boolean> {
	const probes = [
		endpoints.mesos[0] === undefined ? undefined : joinUrl(endpoints.mesos[0], '/health'),
		endpoints.marathon[0] === undefined ? undefined : joinUrl(endpoints.marathon[0], '/v2/info'),
		endpoints.lb === undefined ? undefined : joinUrl(endpoints.lb, '/_haproxy_health_check'),
	].filter(url => url !== undefined);
	const answers = await Promise.allSettled(probes.map(async url => fetchText(url, {timeoutMs: 2000, maxBytes: 1 << 20, ...http})));
	return answers.some(answer => answer.status === 'fulfilled' && answer.value.headers[simulationHeaderName] === 'true');
}
