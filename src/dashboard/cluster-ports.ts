import type {ClusterEvent} from '../cluster/cluster-event.js';
import {MarathonActions} from '../cluster/actions.js';
import type {HttpOptions} from '../cluster/http.js';
import {followMarathonEvents} from '../cluster/marathon-event-stream.js';
import {AnswerMemo} from '../cluster/answer-memo.js';
import {ClusterPoller, networkReaders, withAuthorization, type ClusterEndpoints, type SourceAuthorization} from '../cluster/poller.js';
import {LeaderDiscovery, type DiscoveryTargets} from '../cluster/zk-discovery.js';
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
export function connectCluster(endpoints: ClusterEndpoints, options: {refreshMs: number; simulated: boolean; http?: HttpOptions; authorization?: SourceAuthorization; discovery?: DiscoveryTargets}): LiveCluster {
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
	const poller = new ClusterPoller({
		endpoints, refreshMs: options.refreshMs, simulated: options.simulated, http: options.http,
		...(options.authorization ? {authorization: options.authorization} : {}),
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
	function queueRefresh(): void {
		if (!refreshQueued) {
			refreshQueued = true;
			// Let a burst of events land before reading the cluster again.
			setTimeout(() => {
				refreshQueued = false;
				void poller.refresh();
			}, 100);
		}
	}
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
			queueRefresh();
		}
	};
	const marathonActions = () => {
		const resolved = (discovery.active ? discovery.resolve(endpoints) : endpoints).marathon;
		discovery.readable('marathon', resolved);
		const base = resolved[0];
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
			void discovery.ready().then(() => poller.refresh()).finally(() => discovery.stop());
		},
		stop() {
			abort.abort();
			discovery.stop();
			poller.stop();
		},
	};
}
