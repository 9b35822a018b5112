import type {ClusterEvent} from '../cluster/cluster-event.js';
import {MarathonApi} from '../apps/marathon-api.js';
import type {HttpOptions} from '../cluster/http.js';
import {followMarathonEvents} from '../cluster/marathon-event-stream.js';
import {AnswerMemo} from '../cluster/answer-memo.js';
import {MarathonLive} from '../cluster/marathon-live.js';
import {defaultMaxStateBytes, MesosStream} from '../cluster/mesos-stream.js';
import {ClusterPoller, networkReaders, withAuthorization, type ClusterEndpoints, type SourceAuthorization} from '../cluster/poller.js';
import {LeaderDiscovery, type DiscoveryTargets} from '../cluster/zk-discovery.js';
import type {ClusterSnapshot} from '../cluster/snapshot.js';
import {ClusterError} from '../errors.js';
import {localized} from '../i18n/localized.js';
import type {DashboardPorts} from './dashboard-app.js';
import {readSandboxTail} from './sandbox-tail.js';

export interface LiveCluster {
	ports: DashboardPorts;
	/** Starts polling and following Marathon's event stream. */
	start(): void;
	/** One refresh without starting the loop, for --once: settled once every source has landed. */
	refreshOnce(): Promise<ClusterSnapshot>;
	stop(): void;
}

export interface ConnectOptions {
	refreshMs: number;
	simulated: boolean;
	http?: HttpOptions;
	authorization?: SourceAuthorization;
	discovery?: DiscoveryTargets;
	/**
	 * `stream` (the default): Mesos through the operator API's event stream and Marathon driven by
	 * its events; `poll`: both read whole at every refresh. `--once` always reads once. Leaders found
	 * through ZooKeeper are polled: the streams follow configured addresses.
	 */
	feed?: 'stream' | 'poll';
	/** Largest first record of the Mesos stream (the whole state), and largest whole read of Marathon, in bytes. */
	maxStateBytes?: number;
	/** Time between full Marathon reads while its event stream is up. */
	marathonResyncMs?: number;
}

/**
 * HAProxy and ZooKeeper answers grow with the cluster but matter less by the second: read them at
 * most this often, and again at every refresh for a few seconds after a task changes.
 */
function slowClockMs(refreshMs: number): number {
	return Math.max(30_000, refreshMs * 15);
}

/**
 * Wires the data layer to the dashboard: snapshots from the poller, which in stream mode only
 * reads what the Mesos event stream and Marathon's events keep current; events for the log from
 * Marathon's stream and the Mesos stream's own comings and goings. News asks for a refresh at once,
 * so a killed task's replacement shows up without waiting for the next tick.
 */
export function connectCluster(endpoints: ClusterEndpoints, options: ConnectOptions): LiveCluster {
	const http = options.http ?? {};
	const marathonHttp = withAuthorization(http, options.authorization?.marathon);
	let pending: ClusterEvent[] = [];
	let refreshQueued = false;
	let following = false;
	// A leader found through ZooKeeper is read at once, and the change goes to the event log.
	const discovery = new LeaderDiscovery(options.discovery ?? {}, (event, kind) => {
		pending.push(event);
		// Before the loop runs (and for --once) the first refresh reads whatever was found.
		if (!following) {
			return;
		}
		// A refresh under way may still fail at the old leader's address and put the source in
		// back-off; once it is done, the back-off is lifted and the new address read at once.
		void poller.refresh().then(() => {
			poller.retryNow(kind);
			return poller.refresh();
		});
	});
	const network = networkReaders(new AnswerMemo());
	const streaming = (options.feed ?? 'stream') === 'stream' && !discovery.active;
	let mesosStream: MesosStream | undefined;
	let mesosStateSeen = false;
	let marathonLive: MarathonLive | undefined;
	const slowMs = slowClockMs(options.refreshMs);
	const poller = new ClusterPoller({
		endpoints, refreshMs: options.refreshMs, simulated: options.simulated, http: options.http,
		intervals: {haproxy: slowMs, zookeeper: slowMs},
		...(options.authorization ? {authorization: options.authorization} : {}),
		...(streaming ? {
			// Reading what the streams keep costs nothing, and each reader backs off on its own: whenever
			// one recovers, the next refresh shows it.
			backoffs: {mesos: {initialMs: 0, maxMs: 0}, marathon: {initialMs: 0, maxMs: 0}},
			readers: {
				mesos: (_masters, sourceHttp) => (mesosStream ? mesosStream.read(sourceHttp) : Promise.reject(new Error('not started'))),
				marathon: (_instances, sourceHttp) => (marathonLive ? marathonLive.read(sourceHttp) : Promise.reject(new Error('not started'))),
			},
		} : {}),
		...(discovery.active
			? {
				resolveEndpoints: () => discovery.resolve(endpoints),
				readers: {
					mesos: async (masters, sourceHttp) => {
						discovery.readable('mesos', masters);
						return network.mesos(masters, sourceHttp);
					},
					marathon: async (instances, sourceHttp) => {
						discovery.readable('marathon', instances);
						return network.marathon(instances, sourceHttp);
					},
				},
			}
			: {}),
	});
	const abort = new AbortController();
	function queueRefresh(afterMs = 100): void {
		if (!refreshQueued) {
			refreshQueued = true;
			// Let a burst of events land before reading the cluster again.
			setTimeout(() => {
				refreshQueued = false;
				void poller.refresh();
			}, afterMs);
		}
	}
	// A task that starts or ends moves HAProxy too: marathon-lb reloads on Marathon's events (its
	// `relevant_events`), so HAProxy is read at every refresh while it settles, from half a second on.
	let lbReadQueued = false;
	const hurryHaproxy = () => {
		poller.hurry('haproxy', 500, 6_000);
		if (!lbReadQueued) {
			lbReadQueued = true;
			setTimeout(() => {
				lbReadQueued = false;
				queueRefresh(0);
			}, 550);
		}
	};
	// A task the master reports is reported by Marathon too, a moment later: waiting for that lets
	// the refresh show the task with its app rather than as a stranger first.
	const mesosNudgeMs = endpoints.marathon.length > 0 ? 300 : 100;
	const listeners = new Set<(snapshot: ClusterSnapshot, events: readonly ClusterEvent[]) => void>();
	let latest: ClusterSnapshot | undefined;
	poller.subscribe((snapshot, derived) => {
		latest = snapshot;
		const events = [...pending, ...derived];
		pending = [];
		for (const listener of listeners) {
			listener(snapshot, events);
		}
	});
	const follow = async () => {
		for await (const event of followMarathonEvents(endpoints.marathon, {signal: abort.signal, dispatcher: options.http?.dispatcher, ...(marathonHttp.authorization === undefined ? {} : {authorization: marathonHttp.authorization})})) {
			pending.push(event);
			marathonLive?.onEvent(event);
			if (event.kind === 'task' || event.kind === 'health' || event.kind === 'deployment' || event.kind === 'app') {
				hurryHaproxy();
			}
			queueRefresh();
		}
	};
	const marathonApi = () => {
		const resolved = (discovery.active ? discovery.resolve(endpoints) : endpoints).marathon;
		discovery.readable('marathon', resolved);
		if (resolved.length === 0) {
			throw new ClusterError(localized('dashNoMarathon'), {hint: localized('dashNoMarathonHint')});
		}
		return new MarathonApi({
			urls: resolved,
			...(marathonHttp.dispatcher === undefined ? {} : {dispatcher: marathonHttp.dispatcher}),
			...(marathonHttp.timeoutMs === undefined ? {} : {requestTimeoutMs: marathonHttp.timeoutMs}),
			...(marathonHttp.authorization === undefined ? {} : {authorization: marathonHttp.authorization}),
		});
	};
	const ports: DashboardPorts = {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		actions: {
			scale: async (appId, instances) => {
				await marathonApi().scale(appId, instances);
			},
			restart: async appId => {
				await marathonApi().restart(appId);
			},
			killTask: async task => {
				await marathonApi().killTask(task.appId ?? '', task.id);
			},
			rollback: async appId => {
				await marathonApi().rollback(appId);
			},
		},
		readTaskOutput: task => readSandboxTail(task, latest?.agents.find(agent => agent.id === task.agentId), withAuthorization(http, options.authorization?.mesos)),
	};
	return {
		ports,
		start() {
			if (streaming) {
				mesosStream = new MesosStream(endpoints.mesos, {
					http: withAuthorization(poller.http, options.authorization?.mesos),
					...(options.maxStateBytes === undefined ? {} : {maxStateBytes: options.maxStateBytes}),
					onChange: what => {
						// The first state is no news to HAProxy, read at the start already; at 100,000 tasks
						// reading it again would slow the first screen.
						if (what === 'state' && mesosStateSeen) {
							hurryHaproxy();
						}
						if (what === 'progress') {
							// While a large first state loads: its first tasks at once, then the count
							// twice a second, so drawing does not slow the reading down.
							queueRefresh(latest?.feeds.mesos?.kind === 'loading' ? 500 : 20);
							return;
						}
						queueRefresh(mesosNudgeMs);
					},
					onNotice: (message, at, text) => {
						pending.push({at, origin: 'mesos', kind: 'stream', type: 'master-stream', message, text});
					},
				});
				marathonLive = new MarathonLive(endpoints.marathon, {
					pollMs: options.refreshMs,
					maxWholeBytes: options.maxStateBytes ?? defaultMaxStateBytes,
					readWholeAfter: () => mesosStream?.firstState() ?? Promise.resolve(),
					onReady: () => queueRefresh(),
					...(options.marathonResyncMs === undefined ? {} : {resyncMs: options.marathonResyncMs}),
				});
				mesosStream.start();
				void mesosStream.firstState().then(() => {
					mesosStateSeen = true;
				});
			}
			discovery.start();
			// The first refresh waits briefly for ZooKeeper's answer, so it reads the leader rather than nothing.
			void discovery.ready(3_000).then(() => {
				if (!abort.signal.aborted) {
					following = true;
					poller.start();
				}
			});
			if (endpoints.marathon.length > 0) {
				follow().catch(() => undefined);
			}
		},
		refreshOnce() {
			discovery.start();
			return discovery.ready().then(() => poller.refresh()).finally(() => discovery.stop());
		},
		stop() {
			abort.abort();
			mesosStream?.stop();
			discovery.stop();
			poller.stop();
		},
	};
}
