import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';
import {experiments, shortNames} from './catalog.js';

/** Where a running cluster answers, as the demo knows it. */
export interface ClusterAddresses {
	marathon: readonly string[];
	/** marathon-lb's stats and config endpoint. */
	lb: string;
	/** HAProxy's shared HTTP port for virtual hosts, where it is not 80. */
	vhostPort?: number;
	/** The simulation's control endpoint, through which `failover` kills a container. */
	simControl?: string;
	/** Whether a real HAProxy serves the service ports; without it only `hello` can reach its app. */
	servesServicePorts: boolean;
}

/**
 * The exact commands that run every experiment against a cluster from a second terminal, with the
 * flags that cluster needs, so a person can copy them while the demo keeps running.
 */
export function secondTerminalLines(addresses: ClusterAddresses, language: Language): string[] {
	const marathon = `--marathon ${addresses.marathon.join(',')}`;
	const lb = `--lb ${addresses.lb}`;
	const vhost = addresses.vhostPort === undefined ? '' : ` --vhost-port ${addresses.vhostPort}`;
	const commands = experiments.map(experiment => {
		const name = shortNames[experiment.id] ?? experiment.id;
		const control = experiment.id === 'failover' && addresses.simControl !== undefined ? `MESOS_LAB_SIM_CONTROL=${addresses.simControl} ` : '';
		const flags = experiment.id === 'shell-app' ? marathon : `${marathon} ${lb}${experiment.id === 'virtual-host' ? vhost : ''}`;
		return `${control}mesos-lab lab ${name} ${flags}`;
	});
	return [
		t(language, 'labSecondTerminalIntro'),
		'',
		t(language, 'labSecondTerminalLb', {lb: addresses.lb}),
		'',
		...commands,
		...(addresses.servesServicePorts
			? []
			: ['', t(language, 'labSecondTerminalNoHaproxy'), t(language, 'labSecondTerminalNoHaproxyHow')]),
	];
}
