/**
 * One immutable picture of a cluster, made once per refresh from every source. Each source
 * fails on its own: its part keeps the last good data and carries `stale` and an error.
 */
export interface ClusterSnapshot {
	takenAt: string;
	/** True when the endpoints belong to mesos-lab's simulated cluster. */
	simulated: boolean;
	leaders: Leaders;
	zookeeper: ZkMember[];
	agents: Agent[];
	apps: App[];
	/** Marathon pods (1.4+): several containers scheduled together, shown beside the apps. */
	pods: Pod[];
	tasks: Task[];
	backends: Backend[];
	/** Frameworks registered with the leading master (Marathon among them). */
	frameworks: Framework[];
	sources: Record<SourceName, SourceStatus>;
	/** How Mesos and Marathon are followed; null while a source was never read. */
	feeds: {mesos: SourceFeed | null; marathon: SourceFeed | null};
	errors: SourceError[];
}

/**
 * A source followed through its event stream, or read whole at every refresh (and why), or its
 * stream's first state still on its way (the tasks read so far are shown meanwhile).
 */
export type SourceFeed =
	| {kind: 'stream'}
	| {kind: 'loading'; tasksRead: number; tasksExpected: number}
	| {kind: 'poll'; reason: string};

export type SourceName = 'mesos' | 'marathon' | 'haproxy' | 'zookeeper';

export type SourceStatus =
	| {kind: 'unconfigured'}
	| {kind: 'ok'; at: string}
	/** `errorZh`: the error in Chinese, when the reader gave one; otherwise `error` is shown in every language. */
	| {kind: 'stale'; lastOkAt: string | null; error: string; errorZh?: string; retryAt: string};

export interface SourceError {
	source: SourceName;
	endpoint: string;
	message: string;
	at: string;
}

export interface Leaders {
	/** The leading Mesos master, as `host:port` of the URL that reached it, or null when none answered as leader. */
	mesos: string | null;
	/** The leader as the masters themselves name it (`leader_info` hostname:port), which shows a wrong --hostname. */
	mesosReported: string | null;
	mesosMasters: MasterInfo[];
	/** The leading Marathon, as `host:port`. */
	marathon: string | null;
	marathonInstances: MarathonInfo[];
}

export interface MasterInfo {
	endpoint: string;
	role: 'leader' | 'standby' | 'unreachable';
	version?: string;
	error?: string;
}

export interface MarathonInfo {
	endpoint: string;
	role: 'leader' | 'standby' | 'unreachable';
	version?: string;
	error?: string;
}

export interface ZkMember {
	endpoint: string;
	mode: 'leader' | 'follower' | 'standalone' | 'observer' | 'unreachable' | 'refused' | 'unknown';
	zxid?: string;
	latency?: {min: number; avg: number; max: number};
	connections?: number;
	version?: string;
	error?: string;
}

export interface Resources {
	cpus: number;
	mem: number;
	disk: number;
	ports?: string;
}

export interface Agent {
	id: string;
	hostname: string;
	port: number;
	active: boolean;
	attributes: Record<string, string>;
	total: Resources;
	used: Resources;
	registeredAt?: string | undefined;
}

export interface Framework {
	id: string;
	name: string;
	active: boolean;
	webuiUrl?: string | undefined;
	hostname?: string | undefined;
}

export type HealthState = 'healthy' | 'unhealthy' | 'unknown';

export interface App {
	id: string;
	instances: number;
	running: number;
	staged: number;
	healthy: number;
	unhealthy: number;
	cpus: number;
	mem: number;
	disk: number;
	image?: string;
	cmd?: string;
	version?: string;
	labels: Record<string, string>;
	servicePorts: number[];
	constraints: string[][];
	deploymentInProgress: boolean;
	hasHealthChecks: boolean;
	lastTaskFailure?: {taskId: string; state: string; message: string; at: string; host: string};
}

export interface Pod {
	id: string;
	/** Instances asked for (`scaling.instances`). */
	instances: number;
	/** Instances Marathon reports running, when its status was read. */
	running: number;
	/** Marathon's word for the pod as a whole: STABLE, DEGRADED, DEPLOYING, TERMINAL… */
	status?: string;
}

export interface Task {
	id: string;
	/** Marathon's app id, when Marathon runs it. */
	appId?: string | undefined;
	name: string;
	/** Mesos task state, such as TASK_RUNNING. */
	state: string;
	agentId: string;
	host: string;
	ports: number[];
	health: HealthState;
	startedAt?: string | undefined;
	frameworkId?: string | undefined;
	/** Where the task's sandbox lives on its agent, for stdout/stderr. */
	sandbox?: {agentEndpoint: string; directory: string} | undefined;
}

export interface Backend {
	/** HAProxy backend (proxy) name, such as nginx_10000. */
	backend: string;
	/** HAProxy server name, such as 10_0_0_5_31001. */
	server: string;
	status: string;
	/** The frontend's service port, when the backend maps to a marathon-lb frontend. */
	servicePort?: number | undefined;
	appId?: string | undefined;
	address?: string | undefined;
	sessions: number;
	checkStatus?: string | undefined;
}
