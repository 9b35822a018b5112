import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Step} from './step.js';
import {command, commonHints, simpleStep, text} from './step-kit.js';
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
		title: text(`启动 marathon-lb（端口 ${t.marathonLb.port}）`, `Start marathon-lb (port ${t.marathonLb.port})`),
		why: text(
			'容器默认用 bridge 网络：容器端口在主机上不可见，只能靠端口映射，hostPort 为 0 时映射到随机端口。marathon-lb 监听 Marathon 的事件流，把任务的真实地址写进 HAProxy，并在 servicePort 上对外服务；它只代理带 HAPROXY_GROUP=docker-haproxy 标签的应用，HAPROXY_0_VHOST 标签还能让 80 端口按域名转发。它自己用 host 网络，直接监听主机端口，PORTS=9090 是 HAProxy 状态页。',
			'Containers default to bridge networking: their ports are invisible on the host except through port mappings, and hostPort 0 means a random host port. marathon-lb follows Marathon\'s event stream, writes the tasks\' real addresses into HAProxy and serves each app on its servicePort; it only proxies apps labelled HAPROXY_GROUP=docker-haproxy, and a HAPROXY_0_VHOST label routes port 80 by host name. It runs with host networking itself, listening on the host\'s ports directly; PORTS=9090 is the HAProxy status port.',
		),
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
