import {listText, localized, localizedBy} from '../i18n/localized.js';
import {t as text} from '../i18n/messages.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {Step, StepContext, VerifyResult} from './step.js';
import {command, commonHints, confirmationStep, output, simpleStep} from './step-kit.js';
import {systemdUnit} from './templates/systemd-unit.js';
import {mesosPaths} from './mesos-paths.js';
import {topology, type MesosMaster} from '../lab/topology.js';

export function masterUnit(lab: Lab, master: MesosMaster): {path: string; content: string} {
	const t = topology(lab);
	return {
		path: `/etc/systemd/system/${master.unit}`,
		content: systemdUnit({
			description: `mesos-lab Mesos master ${master.index}`,
			after: ['network-online.target'],
			execStart: shellCommand([mesosPaths(lab).master, `--advertise_ip=${master.host.address}`, `--hostname=${master.host.address}`, `--ip=${master.host.address}`, `--port=${master.port}`, '--quorum=2', `--zk=${t.mesosZk}`, `--work_dir=${master.workDir}`, `--log_dir=${master.logDir}`, '--cluster=mesos-lab']),
		}),
	};
}

/** Every master sends /master/redirect to the leader; the leader's own answer points at itself. */
export async function verifyMasters(ctx: StepContext, masters: readonly MesosMaster[]): Promise<VerifyResult> {
	const answers = await Promise.all(masters.map(async (m) => {
		const answer = await output(ctx, shellCommand(['curl', '-sS', '--max-time', '5', '-o', '/dev/null', '-w', '%{http_code} %{redirect_url}', `http://${m.host.address}:${m.port}/master/redirect`]));
		const [code, location] = answer.stdout.trim().split(' ');
		const leader = code === '307' && location !== undefined ? /^(?:https?:)?\/\/([^/]+)/.exec(location)?.[1] : undefined;
		return {m, leader};
	}));
	const silent = answers.filter((answer) => answer.leader === undefined).map((answer) => `master ${answer.m.index}`);
	const named = new Set(answers.map((answer) => answer.leader).filter((leader) => leader !== undefined));
	const [leader] = [...named];
	if (silent.length > 0 || named.size !== 1 || leader === undefined) {
		const list = (language: 'zh' | 'en', items: readonly string[]) => (items.length === 0 ? text(language, 'stepReasonNone') : listText(language, items));
		return {ok: false, problem: localizedBy('stepReasonMastersDisagree', (language) => [{named: list(language, [...named]), silent: list(language, silent)}])};
	}
	const self = masters.find((m) => `${m.host.address}:${m.port}` === leader);
	if (self === undefined) {
		return {ok: false, problem: localized('stepReasonLeaderOutsideLab', {leader})};
	}
	return {ok: true, proof: localized('stepReasonMasterLeads', {index: self.index, leader})};
}

export function mesosMasterSteps(lab: Lab): Step[] {
	const t = topology(lab);
	const steps: Step[] = t.masters.map((master) => {
		const unit = masterUnit(lab, master);
		const name = master.unit;
		return simpleStep({
			id: `mesos-master-${master.index}`, phase: 'mesos-masters', host: master.host.name,
			title: localized('stepMesosMasterTitle', {index: master.index, port: master.port}),
			why: localized('stepMesosMasterWhy'),
			done: shellCommand(['systemctl', 'is-active', '--quiet', name]),
			proof: shellCommand(['curl', '-fsS', '--max-time', '5', `http://${master.host.address}:${master.port}/health`]),
			files: [{...unit, sudo: true, mode: 0o644}],
			commands: [command(['mkdir', '-p', master.workDir, master.logDir]), command(['systemctl', 'daemon-reload']), command(['systemctl', 'enable', '--now', name])],
			hints: [commonHints.masterNoZk, commonHints.portInUse],
			dependsOn: ['zookeeper-ensemble', 'mesos-build'],
		});
	});
	const first = t.masters[0];
	if (first !== undefined) {
		steps.push(confirmationStep({
			id: 'mesos-master-leader', phase: 'mesos-masters', host: first.host.name,
			title: localized('stepMesosMasterLeaderTitle'),
			why: localized('stepMesosMasterLeaderWhy'),
			verify: (ctx) => verifyMasters(ctx, t.masters),
			hints: [commonHints.masterNoZk, commonHints.zkNoQuorum],
			dependsOn: t.masters.map((m) => `mesos-master-${m.index}`),
		}));
	}
	return steps;
}
