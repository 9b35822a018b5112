import {localized} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Step} from './step.js';
import {command, commonHints, simpleStep} from './step-kit.js';
import {systemdUnit} from './templates/systemd-unit.js';
import {topology} from '../lab/topology.js';

export function marathonLbUnit(lab: Lab): {path: string; content: string} {
	const t = topology(lab);
	// The container is named after its unit, so a leftover one is found by the same name.
	const name = t.marathonLb.unit.replace(/\.service$/, '');
	return {
		path: `/etc/systemd/system/${t.marathonLb.unit}`,
		content: systemdUnit({
			description: 'mesos-lab marathon-lb',
			after: ['network-online.target', 'docker.service'],
			execStartPre: [shellCommand(['-/usr/bin/docker', 'rm', '-f', name])],
			execStart: shellCommand(['/usr/bin/docker', 'run', '--rm', '--name', name, '--net=host', '-e', `PORTS=${t.marathonLb.port}`, '--', lab.versions.marathonLbImage, 'sse', '--group', 'docker-haproxy', '--marathon', ...t.marathon.map((i) => `http://${i.host.address}:${i.port}`)]),
			execStop: shellCommand(['/usr/bin/docker', 'stop', name]),
		}),
	};
}

export function marathonLbSteps(lab: Lab): Step[] {
	const t = topology(lab);
	return [simpleStep({
		id: 'marathon-lb', phase: 'marathon-lb', host: t.marathonLb.host.name,
		title: localized('stepMarathonLbTitle', {port: t.marathonLb.port}),
		why: localized('stepMarathonLbWhy'),
		done: shellCommand(['systemctl', 'is-active', '--quiet', t.marathonLb.unit]),
		proof: shellCommand(['curl', '-fsS', '--max-time', '5', `http://${t.marathonLb.host.address}:${t.marathonLb.port}/_haproxy_health_check`]),
		files: [{...marathonLbUnit(lab), sudo: true, mode: 0o644}],
		commands: [
			...(lab.docker.offlineImages.length === 0 ? [command(['docker', 'pull', '--', lab.versions.marathonLbImage])] : []),
			command(['systemctl', 'daemon-reload']),
			command(['systemctl', 'enable', '--now', t.marathonLb.unit]),
		],
		hints: [commonHints.portInUse, commonHints.registryRateLimit, commonHints.registryUnreachable],
		dependsOn: ['marathon-leader'],
	})];
}
