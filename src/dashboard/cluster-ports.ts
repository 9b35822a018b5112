import type {ClusterEvent} from '../cluster/cluster-event.js';
import {MarathonActions} from '../cluster/actions.js';
import type {HttpOptions} from '../cluster/http.js';
import {followMarathonEvents} from '../cluster/marathon-event-stream.js';
import {MarathonLive} from '../cluster/marathon-live.js';
import {MesosStream} from '../cluster/mesos-stream.js';
import {ClusterPoller, type ClusterEndpoints} from '../cluster/poller.js';
import type {ClusterSnapshot} from '../cluster/snapshot.js';
import {ClusterError} from '../errors.js';
import type {DashboardPorts} from './dashboard-app.js';
import {readSandboxTail} from './sandbox-tail.js';

export interface LiveCluster {
	ports: DashboardPorts;
	/** Starts polling and following Marathon's event stream. */
	start(): void;
	/** One refresh without starting the loop, for --once. */
	refreshOnce(): void;
	stop(): void;
}

export interface ConnectOptions {
	refreshMs: number;
	simulated: boolean;
	http?: HttpOptions;
	/**
	 * `stream` (the default): Mesos through the operator API's event stream and Marathon driven by
	 * its events; `poll`: both read whole at every refresh. `--once` always reads once.
	 */
	feed?: 'stream' | 'poll';
	/** Largest first record of the Mesos stream (the whole state), in bytes. */
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
	const streaming = (options.feed ?? 'stream') === 'stream';
	let mesosStream: MesosStream | undefined;
	let marathonLive: MarathonLive | undefined;
	const slowMs = slowClockMs(options.refreshMs);
	const poller = new ClusterPoller({
		endpoints, refreshMs: options.refreshMs, simulated: options.simulated, http: options.http,
		intervals: {haproxy: slowMs, zookeeper: slowMs},
		...(streaming ? {
			// Reading what the streams keep costs nothing, and each reader backs off on its own: whenever
			// one recovers, the next refresh shows it.
			backoffs: {mesos: {initialMs: 0, maxMs: 0}, marathon: {initialMs: 0, maxMs: 0}},
			readers: {
				mesos: (_masters, http) => (mesosStream ? mesosStream.read(http) : Promise.reject(new Error('not started'))),
				marathon: (_instances, http) => (marathonLive ? marathonLive.read(http) : Promise.reject(new Error('not started'))),
			},
		} : {}),
	});
	const abort = new AbortController();
	let pending: ClusterEvent[] = [];
	let refreshQueued = false;
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
	// A task that starts or ends moves HAProxy too: marathon-lb reloads on Marathon's events (its
	// `relevant_events`), so HAProxy is read at every refresh while it settles, from half a second on.
	const nudge = (afterMs = 100) => {
		if (!refreshQueued) {
			refreshQueued = true;
			// Let a burst of events land before reading the cluster again.
			setTimeout(() => {
				refreshQueued = false;
				void poller.refresh();
			}, afterMs);
		}
	};
	let lbReadQueued = false;
	const hurryHaproxy = () => {
		poller.hurry('haproxy', 500, 6_000);
		if (!lbReadQueued) {
			lbReadQueued = true;
			setTimeout(() => {
				lbReadQueued = false;
				nudge(0);
			}, 550);
		}
	};
	// A task the master reports is reported by Marathon too, a moment later: waiting for that lets
	// the refresh show the task with its app rather than as a stranger first.
	const mesosNudgeMs = endpoints.marathon.length > 0 ? 300 : 100;
	const follow = async () => {
		for await (const event of followMarathonEvents(endpoints.marathon, {signal: abort.signal, dispatcher: options.http?.dispatcher})) {
			pending.push(event);
			marathonLive?.onEvent(event);
			if (event.kind === 'task' || event.kind === 'health' || event.kind === 'deployment' || event.kind === 'app') {
				hurryHaproxy();
			}
			nudge();
		}
	};
	const marathonActions = () => {
		const base = endpoints.marathon[0];
		if (!base) {
			throw new ClusterError('no Marathon is configured', {hint: 'Pass --marathon URL to use actions.'});
		}
		return new MarathonActions(base, options.http);
	};
	const ports: DashboardPorts = {
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		actions: {
			scale: async (appId, instances) => {
				await marathonActions().scaleApp(appId, instances);
			},
			restart: async appId => {
				await marathonActions().restartApp(appId);
			},
			killTask: async task => {
				await marathonActions().killTask(task.appId ?? '', task.id);
			},
			rollback: async appId => {
				const actions = marathonActions();
				const [, previous] = await actions.listAppVersions(appId);
				if (!previous) {
					throw new ClusterError(`${appId} has no earlier version`, {hint: 'Marathon keeps a version per change; this app has only one.'});
				}
				await actions.rollbackApp(appId, previous);
			},
		},
		readTaskOutput: task => readSandboxTail(task, latest?.agents.find(agent => agent.id === task.agentId), options.http),
	};
	return {
		ports,
		start() {
			if (streaming) {
				mesosStream = new MesosStream(endpoints.mesos, {
					http: poller.http,
					...(options.maxStateBytes === undefined ? {} : {maxStateBytes: options.maxStateBytes}),
					onChange: what => {
						if (what === 'state') {
							hurryHaproxy();
						}
						nudge(mesosNudgeMs);
					},
					onNotice: (message, at) => {
						pending.push({at, origin: 'mesos', kind: 'stream', type: 'master-stream', message});
					},
				});
				marathonLive = new MarathonLive(endpoints.marathon, {
					pollMs: options.refreshMs,
					onReady: () => nudge(),
					...(options.marathonResyncMs === undefined ? {} : {resyncMs: options.marathonResyncMs}),
				});
				mesosStream.start();
			}
			poller.start();
			if (endpoints.marathon.length > 0) {
				follow().catch(() => undefined);
			}
		},
		refreshOnce() {
			void poller.refresh();
		},
		stop() {
			abort.abort();
			mesosStream?.stop();
			poller.stop();
		},
	};
}
