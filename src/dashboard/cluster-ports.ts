import type {ClusterEvent} from '../cluster/cluster-event.js';
import {MarathonActions} from '../cluster/actions.js';
import type {HttpOptions} from '../cluster/http.js';
import {followMarathonEvents} from '../cluster/marathon-event-stream.js';
import {ClusterPoller, withAuthorization, type ClusterEndpoints, type SourceAuthorization} from '../cluster/poller.js';
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

/**
 * Wires the data layer to the dashboard: snapshots from the poller, events from Marathon's stream.
 * A stream event asks for a refresh at once, so a killed task's replacement shows up without
 * waiting for the next tick.
 */
export function connectCluster(endpoints: ClusterEndpoints, options: {refreshMs: number; simulated: boolean; http?: HttpOptions; authorization?: SourceAuthorization}): LiveCluster {
	const poller = new ClusterPoller({endpoints, refreshMs: options.refreshMs, simulated: options.simulated, http: options.http, ...(options.authorization ? {authorization: options.authorization} : {})});
	const http = options.http ?? {};
	const marathonHttp = withAuthorization(http, options.authorization?.marathon);
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
	const follow = async () => {
		for await (const event of followMarathonEvents(endpoints.marathon, {signal: abort.signal, dispatcher: options.http?.dispatcher, ...(marathonHttp.authorization === undefined ? {} : {authorization: marathonHttp.authorization})})) {
			pending.push(event);
			if (!refreshQueued) {
				refreshQueued = true;
				// Let a burst of events land before reading the cluster again.
				setTimeout(() => {
					refreshQueued = false;
					void poller.refresh();
				}, 100);
			}
		}
	};
	const marathonActions = () => {
		const base = endpoints.marathon[0];
		if (!base) {
			throw new ClusterError('no Marathon is configured', {hint: 'Pass --marathon URL to use actions.'});
		}
		return new MarathonActions(base, marathonHttp);
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
		readTaskOutput: task => readSandboxTail(task, latest?.agents.find(agent => agent.id === task.agentId), withAuthorization(http, options.authorization?.mesos)),
	};
	return {
		ports,
		start() {
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
			poller.stop();
		},
	};
}
