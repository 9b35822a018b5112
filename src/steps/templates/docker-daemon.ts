/** Where the probe puts the registry mirrors that answered: a JSON array replaces this token. */
export const registryMirrorsToken = '@REGISTRY_MIRRORS@';

/**
 * /etc/docker/daemon.json before the mirror probe: cgroupfs kept because Mesos' cgroup handling
 * expects it, logs capped, and a token where the answering registry mirrors go.
 */
export function dockerDaemonJsonTemplate(): string {
	const config: Record<string, unknown> = {
		'exec-opts': ['native.cgroupdriver=cgroupfs'],
		'log-driver': 'json-file',
		'log-opts': {'max-size': '50m', 'max-file': '3'},
		'registry-mirrors': registryMirrorsToken,
	};
	return `${JSON.stringify(config, null, 2).replace(`"${registryMirrorsToken}"`, registryMirrorsToken)}\n`;
}
