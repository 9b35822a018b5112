import {localized, localizedBy} from '../i18n/localized.js';
import {request, type Dispatcher} from 'undici';
import {sendFourLetterWord} from '../cluster/zookeeper-client.js';
import {ClusterError, problemIn} from '../errors.js';
import type {Executor} from '../exec/executor.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {systemctl} from '../platform/centos7.js';
import {topology} from '../lab/topology.js';
import {zookeeperStartCommand, zookeeperStopCommand} from '../steps/zookeeper.js';
import type {OpenHost} from './agent-access.js';
import type {Localized} from '../steps/step.js';

/** One daemon of the lab the HA experiments stop and start; numbers count from 1, as in the unit names. */
export type LabService =
	| {kind: 'zookeeper'; id: number}
	| {kind: 'master'; index: number}
	| {kind: 'marathon'; index: number};

/** What a member says to `srvr`, or `down` when nothing answers on its client port. */
export type ZkMode = 'leader' | 'follower' | 'standalone' | 'observer' | 'not-serving' | 'down';

export interface ZkMemberMode {
	id: number;
	mode: ZkMode;
}

/** Stops and starts the lab's daemons, and asks the ensemble members who leads. */
export interface LabServices {
	/** How the service is known where it runs: its systemd unit and host, or its place in the simulation. */
	name(service: LabService): Localized;
	stop(service: LabService): Promise<void>;
	start(service: LabService): Promise<void>;
	zookeeperModes(): Promise<ZkMemberMode[]>;
	/** The command a person would type to start the service by hand, for when a restart fails. */
	manualStart(service: LabService): string;
	close(): Promise<void>;
}

export function serviceLabel(service: LabService): string {
	return service.kind === 'zookeeper' ? `ZooKeeper ${service.id}` : service.kind === 'master' ? `Mesos master ${service.index}` : `Marathon ${service.index}`;
}

/** `srvr` on one client port, read the way the ensemble verify step reads it. */
export async function zkModeOf(address: string, port: number): Promise<ZkMode> {
	try {
		const answer = await sendFourLetterWord(`${address.includes(':') ? `[${address}]` : address}:${port}`, 'srvr', {timeoutMs: 2_000});
		if (answer.includes('not currently serving requests')) {
			return 'not-serving';
		}
		const mode = /^Mode: (\w+)/m.exec(answer)?.[1];
		return mode === 'leader' || mode === 'follower' || mode === 'standalone' || mode === 'observer' ? mode : 'not-serving';
	} catch {
		return 'down';
	}
}

/**
 * A lab's daemons through the same commands the install used: systemd units over SSH, or the
 * ZooKeeper script when the lab runs ZooKeeper without systemd. A link that drops is opened again
 * once, so a restart in a `finally` still reaches the host.
 */
export function labServices(lab: Lab, open: OpenHost, sshLogin: (host: LabHost) => string): LabServices {
	const t = topology(lab);
	const opened = new Map<string, Promise<Executor>>();
	const executorFor = (host: LabHost): Promise<Executor> => {
		let executor = opened.get(host.name);
		if (executor === undefined) {
			executor = open(host);
			opened.set(host.name, executor);
		}
		return executor;
	};
	const place = (service: LabService): {host: LabHost; stop: string; start: string; unit: string} => {
		if (service.kind === 'zookeeper') {
			const member = t.zookeeper.find(m => m.id === service.id);
			if (member === undefined) throw new ClusterError(localized('errTheLabHasNoZooKeeper', {id: service.id}));
			const unit = member.unit;
			return lab.zookeeper.service === 'systemd'
				? {host: member.host, unit, stop: systemctl('stop', unit), start: systemctl('start', unit)}
				: {host: member.host, unit: `zkServer.sh (${member.dir})`, stop: zookeeperStopCommand(lab, member), start: zookeeperStartCommand(lab, member)};
		}
		if (service.kind === 'master') {
			const master = t.masters.find(m => m.index === service.index);
			if (master === undefined) throw new ClusterError(localized('errTheLabHasNoMesos', {index: service.index}));
			const unit = master.unit;
			return {host: master.host, unit, stop: systemctl('stop', unit), start: systemctl('start', unit)};
		}
		const instance = t.marathon.find(m => m.index === service.index);
		if (instance === undefined) throw new ClusterError(localized('errTheLabHasNoMarathon', {index: service.index}));
		const unit = instance.unit;
		return {host: instance.host, unit, stop: systemctl('stop', unit), start: systemctl('start', unit)};
	};
	const runOn = async (host: LabHost, command: string): Promise<void> => {
		for (let attempt = 1; ; attempt++) {
			let result;
			try {
				result = await (await executorFor(host)).run(command, {sudo: true});
			} catch (error) {
				const stale = opened.get(host.name);
				opened.delete(host.name);
				await stale?.then(e => e.close()).catch(() => undefined);
				if (attempt >= 2) {
					throw new ClusterError(localizedBy('errCouldNotReachTo', (language) => [{name: host.name, address: host.address, command, detail: problemIn(error)[language]}]), {hint: localized('errCouldNotReachToHint'), cause: error});
				}
				continue;
			}
			if (result.exitCode !== 0) {
				throw new ClusterError(localized('errFailedOn', {command, name: host.name, trim: result.stderr.trim() || result.stdout.trim()}), {hint: localized('errFailedOnHint', {name: host.name})});
			}
			return;
		}
	};
	return {
		name: service => {
			const where = place(service);
			return localized('labServiceOnHost', {unit: where.unit, host: where.host.name});
		},
		stop: service => {
			const where = place(service);
			return runOn(where.host, where.stop);
		},
		start: service => {
			const where = place(service);
			return runOn(where.host, where.start);
		},
		manualStart: service => {
			const where = place(service);
			if (where.host.local === true) {
				return `sudo ${where.start}`;
			}
			return `${sshLogin(where.host)} sudo ${where.start}`;
		},
		zookeeperModes: () => Promise.all(t.zookeeper.map(async member => ({id: member.id, mode: await zkModeOf(member.host.address, member.clientPort)}))),
		close: async () => {
			const settled = await Promise.allSettled(opened.values());
			await Promise.allSettled(settled.map(result => (result.status === 'fulfilled' ? result.value.close() : undefined)));
			opened.clear();
		},
	};
}

/** The simulated cluster's daemons, through its control surface (`POST /_sim/stop-master` and the like). */
export function simServices(controlUrl: string, dispatcher?: Dispatcher): LabServices {
	const base = controlUrl.replace(/\/+$/, '');
	const post = async (action: string, body: Record<string, number>): Promise<void> => {
		const response = await request(`${base}/_sim/${action}`, {method: 'POST', ...(dispatcher === undefined ? {} : {dispatcher}), headers: {'content-type': 'application/json'}, body: JSON.stringify(body)});
		const text = await response.body.text();
		if (response.statusCode !== 200) {
			throw new ClusterError(localized('errTheSimulatorRefused', {action, slice: text.slice(0, 200)}));
		}
	};
	// The control surface counts masters and Marathons from 0, ZooKeeper members from 1 (their myid).
	const action = (service: LabService, verb: 'stop' | 'start'): Promise<void> =>
		service.kind === 'zookeeper' ? post(`${verb}-zookeeper`, {id: service.id})
			: service.kind === 'master' ? post(`${verb}-master`, {index: service.index - 1})
				: post(`${verb}-marathon`, {which: service.index - 1});
	return {
		name: service => localized('labServiceSimulated', {service: serviceLabel(service)}),
		stop: service => action(service, 'stop'),
		start: service => action(service, 'start'),
		manualStart: service => `curl -X POST ${base}/_sim/start-${service.kind} -d '${JSON.stringify(service.kind === 'zookeeper' ? {id: service.id} : service.kind === 'master' ? {index: service.index - 1} : {which: service.index - 1})}'`,
		zookeeperModes: async () => {
			const response = await request(`${base}/_sim/overview`, {...(dispatcher === undefined ? {} : {dispatcher})});
			const overview = await response.body.json() as {zookeeper?: Array<{id: number; state: string}>};
			return (overview.zookeeper ?? []).map(member => ({
				id: member.id,
				mode: member.state === 'leader' || member.state === 'follower' ? member.state : member.state === 'looking' ? 'not-serving' : 'down',
			}));
		},
		close: async () => undefined,
	};
}
