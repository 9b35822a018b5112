/** One line of the dashboard's event log, from an event stream or derived by comparing snapshots. */
export interface ClusterEvent {
	at: string;
	origin: 'marathon' | 'mesos' | 'derived';
	kind: ClusterEventKind;
	/** The upstream event name, such as `status_update_event`, or the derived rule's name. */
	type: string;
	message: string;
	appId?: string;
	/** Every app the event concerns, when more than one can be named (a deployment's steps). */
	appIds?: string[];
	taskId?: string;
	host?: string;
}

export type ClusterEventKind =
	| 'task'
	| 'health'
	| 'deployment'
	| 'app'
	| 'stream'
	| 'backend'
	| 'leader'
	| 'agent'
	| 'other';
