/** /etc/docker/daemon.json: registry mirrors, and cgroupfs kept because Mesos' cgroup handling expects it. */
export function dockerDaemonJson(registryMirrors: readonly string[]): string {
	const config: Record<string, unknown> = {
		'exec-opts': ['native.cgroupdriver=cgroupfs'],
		'log-driver': 'json-file',
		'log-opts': {'max-size': '50m', 'max-file': '3'},
	};
	if (registryMirrors.length > 0) {
		config['registry-mirrors'] = registryMirrors;
	}
	return `${JSON.stringify(config, null, 2)}\n`;
}
