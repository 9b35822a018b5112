/** Shapes of the simulated cluster's state. Plain data: the model owns and mutates them, renderers only read. */

export type Json = null | boolean | number | string | Json[] | {[key: string]: Json};
export type JsonObject = {[key: string]: Json};

export interface SimAgent {
	id: string;
	hostname: string;
	/** Loopback address the agent's endpoint and its task stand-ins bind to. */
	ip: string;
	port: number;
	cpus: number;
	mem: number;
	disk: number;
	portRange: readonly [number, number];
	attributes: Record<string, string>;
	state: 'active' | 'lost';
	registeredAt: number;
	/** Next host port to try; moves forward so a replacement never reuses a port just freed. */
	portCursor: number;
}

export interface SimMaster {
	id: string;
	hostname: string;
	port: number;
	state: 'leader' | 'standby' | 'down';
	startedAt: number;
	electedAt: number | null;
}

/** One ZooKeeper member; `looking` runs but serves nothing, having no quorum to join. */
export interface SimZkMember {
	id: number;
	state: 'leader' | 'follower' | 'looking' | 'down';
}

export interface SimMarathon {
	id: string;
	hostname: string;
	port: number;
	state: 'leader' | 'standby' | 'stopped';
}

export type TaskState = 'TASK_STAGING' | 'TASK_STARTING' | 'TASK_RUNNING' | 'TASK_KILLING' | 'TASK_KILLED' | 'TASK_FAILED' | 'TASK_LOST' | 'TASK_FINISHED';

export type TaskHealth = 'unknown' | 'healthy' | 'unhealthy';

export interface SimStatus {
	state: TaskState;
	timestamp: number;
}

export interface SimTask {
	id: string;
	appId: string;
	agentId: string;
	/** App version (timestamp string) the task was started from. */
	version: string;
	/** Version of the last config change at launch: tasks of an older config are replaced during upgrades. */
	configVersion: string;
	state: TaskState;
	hostPorts: number[];
	servicePorts: number[];
	cpus: number;
	mem: number;
	disk: number;
	stagedAt: number;
	startedAt: number | null;
	endedAt: number | null;
	health: TaskHealth;
	healthFirstSuccess: number | null;
	healthLastSuccess: number | null;
	healthLastFailure: number | null;
	consecutiveFailures: number;
	/** Set through the control surface: the task keeps failing its health check. */
	forcedUnhealthy: boolean;
	statuses: SimStatus[];
	stdout: string;
	stderr: string;
}

export interface AppVersion {
	version: string;
	/** The definition as Marathon answers it (1.5 networking shape), without counts or tasks. */
	definition: JsonObject;
	configVersion: string;
}

export interface SimApp {
	id: string;
	versions: AppVersion[];
	lastTaskFailure: JsonObject | null;
}

export type DeploymentAction = 'StartApplication' | 'ScaleApplication' | 'RestartApplication' | 'StopApplication';

export interface SimDeployment {
	id: string;
	version: string;
	appId: string;
	action: DeploymentAction;
	steps: {action: DeploymentAction; app: string}[][];
	currentStep: number;
	startedAt: number;
}

export interface SimEvent {
	seq: number;
	eventType: string;
	data: JsonObject;
}
