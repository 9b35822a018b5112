import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {zkModeOf, type ZkMode} from '../../src/experiments/lab-services.js';
import {validateLab} from '../../src/lab/lab-file.js';
import type {Lab} from '../../src/lab/lab-schema.js';
import type {StepContext} from '../../src/steps/step.js';
import {topology} from '../../src/lab/topology.js';
import {zookeeperSteps} from '../../src/steps/zookeeper.js';
import {localExecutor} from '../steps/local-exec.js';
import {waitFor} from './wait-for.js';

export const zookeeperHome = '/usr/share/zookeeper';

/** Why Debian's ZooKeeper scripts cannot run here, or undefined when they can. */
export function ensembleUnavailable(): string | undefined {
	if (!existsSync('/usr/bin/java')) return 'java is missing (install default-jre-headless)';
	return existsSync(join(zookeeperHome, 'bin', 'zkServer.sh')) ? undefined : 'zkServer.sh is missing (install zookeeper)';
}

export interface ZkEnsemble {
	/** A single-host lab on 127.0.0.1 whose ZooKeeper runs from Debian's package through zkServer.sh. */
	lab: Lab;
	/** host:port,host:port,host:port */
	connect: string;
	modes(): Promise<Array<{id: number; mode: ZkMode}>>;
	/** Resolves once one member leads and the other two follow. */
	whole(timeoutMs?: number): Promise<Array<{id: number; mode: ZkMode}>>;
	stop(): void;
}

/**
 * Three members of Debian's ZooKeeper on loopback, configured and started by the lab's own
 * ZooKeeper steps (zoo.cfg, myid, zkServer.sh start), Debian's defaults otherwise.
 */
export async function startZkEnsemble(ports: {client: number[]; peer: number[]; election: number[]; masters: number[]; marathon: number[]}): Promise<ZkEnsemble> {
	const root = mkdtempSync(join(tmpdir(), 'mesos-lab-ensemble-'));
	const lab = validateLab({
		language: 'en',
		hosts: [{name: 'local', address: '127.0.0.1', local: true}],
		root,
		zookeeper: {distribution: 'debian-package', home: zookeeperHome, service: 'script'},
		ports: {zookeeperClient: ports.client, zookeeperPeer: ports.peer, zookeeperElection: ports.election, masters: ports.masters, marathon: ports.marathon},
	}, 'test lab');
	const ctx: StepContext = {exec: localExecutor(), signal: new AbortController().signal};
	for (const step of zookeeperSteps(lab).filter(s => s.id.startsWith('zookeeper-member-'))) {
		const plan = await step.plan(ctx);
		for (const file of plan.files) await ctx.exec.upload(file.path, file.content, {mode: file.mode ?? 0o644});
		for (const command of plan.commands) {
			const result = await ctx.exec.run(command.command);
			if (result.exitCode !== 0) throw new Error(`${command.command}: ${result.stderr}`);
		}
	}
	const members = topology(lab).zookeeper;
	const modes = () => Promise.all(members.map(async m => ({id: m.id, mode: await zkModeOf(m.host.address, m.clientPort)})));
	const whole = async (timeoutMs = 90_000) => {
		let last: Awaited<ReturnType<typeof modes>> = [];
		return waitFor(async () => {
			last = await modes();
			return last.filter(m => m.mode === 'leader').length === 1 && last.filter(m => m.mode === 'follower').length === 2 && last;
		}, 'the ensemble to be whole (one leader, two followers)', {timeoutMs, everyMs: 250, lastSeen: () => JSON.stringify(last)});
	};
	await whole();
	return {
		lab,
		connect: members.map(m => `127.0.0.1:${m.clientPort}`).join(','),
		modes,
		whole,
		stop: () => {
			for (const member of members) {
				const pidFile = join(member.dir, 'data', 'zookeeper_server.pid');
				if (!existsSync(pidFile)) continue;
				try {
					process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 'SIGKILL');
				} catch {
					// already gone
				}
			}
			rmSync(root, {recursive: true, force: true});
		},
	};
}
