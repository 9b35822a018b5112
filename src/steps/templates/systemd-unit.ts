import {hostComment} from './host-comment.js';

export interface UnitSpec {
	description: string;
	after: readonly string[];
	/** Already-quoted command line (built with shellCommand). */
	execStart: string;
	execStartPre?: readonly string[];
	execStop?: string;
	type?: 'simple' | 'forking';
	environment?: Readonly<Record<string, string>>;
	pidFile?: string;
	/**
	 * `process`: a stop or restart ends only the main process, leaving the processes it started
	 * (the agent's executors and their tasks) running, as systemd.kill(5) describes. The default,
	 * control-group, kills all of them.
	 */
	killMode?: 'process';
	/** Hands the unit's cgroup subtree to the process (systemd.resource-control(5)); the agent needs it. */
	delegate?: boolean;
}

/** A systemd unit that restarts its process and comes back after a reboot. */
export function systemdUnit(spec: UnitSpec): string {
	const environment = Object.entries(spec.environment ?? {}).map(([key, value]) => `Environment=${key}=${value}`);
	return [
		...hostComment('stepFileWrittenBy'),
		'[Unit]',
		`Description=${spec.description}`,
		`After=${spec.after.join(' ')}`,
		`Wants=${spec.after.filter((unit) => unit !== 'network-online.target').join(' ') || 'network-online.target'}`,
		'',
		'[Service]',
		`Type=${spec.type ?? 'simple'}`,
		...environment,
		...(spec.pidFile === undefined ? [] : [`PIDFile=${spec.pidFile}`]),
		...(spec.execStartPre ?? []).map((line) => `ExecStartPre=${line}`),
		`ExecStart=${spec.execStart}`,
		...(spec.execStop === undefined ? [] : [`ExecStop=${spec.execStop}`]),
		...(spec.killMode === undefined ? [] : [`KillMode=${spec.killMode}`]),
		...(spec.delegate === true ? ['Delegate=true'] : []),
		'Restart=always',
		'RestartSec=5',
		'LimitNOFILE=65536',
		'',
		'[Install]',
		'WantedBy=multi-user.target',
		'',
	].join('\n');
}
