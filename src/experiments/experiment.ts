import type {Dispatcher} from 'undici';
import type {AppDefinition} from '../apps/app-definition.js';
import type {MarathonTask, MarathonApi} from '../apps/marathon-api.js';
import type {SourceAuthorization} from '../cluster/poller.js';
import type {Executor} from '../exec/executor.js';
import type {Language, Localized} from '../steps/step.js';
import type {LabServices} from './lab-services.js';

export type ExperimentId = 'shell-app' | 'nginx-docker' | 'failover' | 'virtual-host' | 'inside' | 'zk-quorum' | 'master-failover' | 'marathon-failover';

/** Ends one task the way a crash would, so Marathon has to notice and replace it; says what it did, in both languages. */
export type TaskKiller = (task: MarathonTask) => Promise<Localized>;

/** Everything an experiment touches, passed in so the same run works on a real and a simulated cluster. */
export interface ExperimentContext {
	marathon: MarathonApi;
	mesosUrls: string[];
	/** marathon-lb's stats endpoint, http://HOST:9090. */
	lbUrl: string;
	/** Host where HAProxy's frontends listen (the marathon-lb host). */
	serviceHost: string;
	/** Port of marathon-lb's shared HTTP frontend: 80 on a real cluster. */
	vhostPort: number;
	/**
	 * The service port the user asked for (--service-port); 0 lets Marathon assign a free one, so
	 * experiments never collide with each other or with apps already running.
	 */
	servicePort: number;
	killTask: TaskKiller;
	/** A shell on the agent Marathon names as a task's host, where a saved lab gives SSH access. */
	agentShell?: (agentHost: string) => Promise<Executor>;
	dispatcher?: Dispatcher;
	/** Basic-auth headers for a secured Mesos and Marathon, each sent to its own endpoints only. */
	authorization?: SourceAuthorization;
	lang: Language;
	print: (line: string) => void;
	timeoutMs: number;
	pollMs: number;
	/** Stops and starts the lab's own daemons; the high-availability experiments need it. */
	services?: LabServices;
	/** Aborted when the user interrupts (Ctrl-C, a closed terminal): waits end and `finally` blocks restore. */
	signal?: AbortSignal;
}

export interface Measurement {
	name: string;
	value: number;
	unit: string;
}

export interface ExperimentReport {
	id: ExperimentId;
	appId: string;
	/** Facts the run observed, such as the sandbox output or the HAProxy servers, listed in the reader's language when it ends. */
	observations: Localized[];
	measurements: Measurement[];
}

export interface Experiment {
	id: ExperimentId;
	title: Localized;
	/** What the experiment teaches, one paragraph per point. */
	lessons: Localized[];
	app: (context: Pick<ExperimentContext, 'servicePort'>) => AppDefinition;
	run: (context: ExperimentContext) => Promise<ExperimentReport>;
}
