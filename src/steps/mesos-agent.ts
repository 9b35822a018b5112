import {localized, localizedBy, withDetail} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Localized, Step} from './step.js';
import {command, commonHints, output, simpleStep} from './step-kit.js';
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

/**
 * Prints what the leading master knows of one agent, as one word and Mesos's own resource notation:
 * `offers cpus:2;mem:3000`, `empty` or `unregistered`. The words are read here and told in the reader's language.
 * An answer that is not JSON (nothing, when curl failed) ends it quietly, so curl's own error is the last line.
 */
const agentReport = `import json, sys
try: answer = json.load(sys.stdin)
except ValueError: sys.exit(1)
agents = [a for a in answer.get("slaves", []) if a.get("hostname") == sys.argv[1]]
if not agents: print("unregistered"); sys.exit(0)
r = agents[0].get("resources", {})
if not r.get("cpus") or not r.get("mem"): print("empty"); sys.exit(0)
print("offers cpus:%s;mem:%d" % (r["cpus"], r["mem"]))`;

/** Reads /master/slaves with whichever Python the host has (CentOS 7 ships python 2.7). */
const agentRegistered = `set -o pipefail
for py in python python3 python2; do command -v "$py" >/dev/null && break; done
curl -fsSL --max-time 5 "http://$1:$2/master/slaves" | "$py" -c '${agentReport}' "$3"`;

/** Registered with the leading master (a standby redirects there) and offering CPUs and memory. */
function verifyAgent(probe: string, address: string, title: Localized): Step['verify'] {
	return async (ctx) => {
		const answer = await output(ctx, probe);
		const [word, resources] = answer.stdout.trim().split(/\s+/);
		if (answer.ok && word === 'offers' && resources !== undefined) {
			return {ok: true, proof: localized('stepReasonAgentOffers', {address, resources})};
		}
		if (answer.ok && word === 'empty') {
			return {ok: false, problem: localized('stepReasonAgentOffersNothing', {address})};
		}
		if (answer.ok && word === 'unregistered') {
			return {ok: false, problem: localized('stepReasonAgentNotRegistered', {address})};
		}
		// The master did not answer (curl's own error) or no Python read its answer: what the host printed, as printed.
		const detail = answer.stderr.trim().split('\n').slice(-1)[0] ?? '';
		return {ok: false, problem: withDetail(localizedBy('stepReasonDoesNotWork', (language) => [{step: title[language]}]), detail)};
	};
}

export function mesosAgentSteps(lab: Lab): Step[] {
	const t = topology(lab);
	return t.agents.map((agent) => {
		const title = localized('stepMesosAgentTitle', {port: agent.port});
		const probe = shellCommand(['bash', '-c', agentRegistered, 'mesos-lab', t.masters[0]?.host.address ?? '', String(t.masters[0]?.port ?? 0), agent.host.address]);
		return simpleStep({
			id: 'mesos-agent', phase: 'mesos-agent', host: agent.host.name,
			title,
			why: localized('stepMesosAgentWhy'),
			done: shellCommand(['systemctl', 'is-active', '--quiet', agent.unit]),
			proof: verifyAgent(probe, agent.host.address, title),
			files: [{...agentUnit(lab, agent), sudo: true, mode: 0o644}],
			commands: [command(['mkdir', '-p', agent.workDir, agent.logDir]), command(['systemctl', 'daemon-reload']), command(['systemctl', 'enable', '--now', agent.unit])],
			hints: [commonHints.masterNoZk, commonHints.portInUse, containerConfigHint],
			dependsOn: ['mesos-master-leader', 'docker-install'],
		});
	});
}
