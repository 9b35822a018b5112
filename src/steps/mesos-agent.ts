import {localized} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Step} from './step.js';
import {command, commonHints, simpleStep} from './step-kit.js';
import {containerConfigHint} from './docker.js';
import {systemdUnit} from './templates/systemd-unit.js';
import {mesosPaths} from './mesos-paths.js';
import {topology, type MesosAgent} from '../lab/topology.js';

export function agentUnit(lab: Lab, agent: MesosAgent): {path: string; content: string} {
	const attributes = Object.entries(agent.host.attributes ?? {}).map(([key, value]) => `${key}:${value}`).join(';');
	return {
		path: `/etc/systemd/system/${agent.unit}`,
		content: systemdUnit({
			description: 'mesos-lab Mesos agent',
			after: ['network-online.target', 'docker.service'],
			execStart: shellCommand([
				mesosPaths(lab).agent, `--advertise_ip=${agent.host.address}`, `--hostname=${agent.host.address}`, `--ip=${agent.host.address}`, `--port=${agent.port}`,
				`--master=${topology(lab).mesosZk}`, `--work_dir=${agent.workDir}`, `--log_dir=${agent.logDir}`, '--containerizers=mesos,docker',
				...(attributes === '' ? [] : [`--attributes=${attributes}`]),
			]),
			// Upstream's advice for an agent under systemd (docs/agent-recovery.md): systemd support on
			// (the default) and a unit that stops only the agent, so executors and their tasks outlive
			// an agent restart and the restarted agent recovers them.
			killMode: 'process',
			delegate: true,
		}),
	};
}

const agentReport = `import json, sys
agents = [a for a in json.load(sys.stdin).get("slaves", []) if a.get("hostname") == sys.argv[1]]
if not agents: sys.exit("agent %s is not registered" % sys.argv[1])
r = agents[0].get("resources", {})
if not r.get("cpus") or not r.get("mem"): sys.exit("agent %s reports no CPUs or memory" % sys.argv[1])
print("%s cpus:%s;mem:%d" % (sys.argv[1], r["cpus"], r["mem"]))`;

/** Reads /master/slaves with whichever Python the host has (CentOS 7 ships python 2.7). */
const agentRegistered = `set -o pipefail
for py in python python3 python2; do command -v "$py" >/dev/null && break; done
curl -fsSL --max-time 5 "http://$1:$2/master/slaves" | "$py" -c '${agentReport}' "$3"`;

export function mesosAgentSteps(lab: Lab): Step[] {
	const t = topology(lab);
	return t.agents.map((agent) => simpleStep({
		id: 'mesos-agent', phase: 'mesos-agent', host: agent.host.name,
		title: localized('stepMesosAgentTitle', {port: agent.port}),
		why: localized('stepMesosAgentWhy'),
		done: shellCommand(['systemctl', 'is-active', '--quiet', agent.unit]),
		// Registered with the leading master (a standby redirects there) and offering CPUs and memory. The proof
		// prints what it offers in Mesos's own resource notation (cpus:2;mem:3000), which reads the same in either language.
		proof: shellCommand(['bash', '-c', agentRegistered, 'mesos-lab', t.masters[0]?.host.address ?? '', String(t.masters[0]?.port ?? 0), agent.host.address]),
		files: [{...agentUnit(lab, agent), sudo: true, mode: 0o644}],
		commands: [command(['mkdir', '-p', agent.workDir, agent.logDir]), command(['systemctl', 'daemon-reload']), command(['systemctl', 'enable', '--now', agent.unit])],
		hints: [commonHints.masterNoZk, commonHints.portInUse, containerConfigHint],
		dependsOn: ['mesos-master-leader', 'docker-install'],
	}));
}
