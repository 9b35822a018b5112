import {UserInputError} from '../../errors.js';
import type {ClusterEndpoints} from '../../cluster/poller.js';
import {colorWanted, connectCluster, printOnce, runInteractive} from '../../dashboard/launch.js';
import {isZkUrl, parseZkUrl, type DiscoveryTargets} from '../../cluster/zk-discovery.js';
import {labDiscovery} from '../../dashboard/lab-discovery.js';
import {labEndpoints} from '../../lab/lab-endpoints.js';
import {CheckpointStore} from '../../state/checkpoint-store.js';
import type {CommandContext} from '../context.js';
import {localized} from '../../i18n/localized.js';
import {t} from '../../i18n/messages.js';
import {clusterAccess} from './cluster-access.js';
import {hostPortList, seconds, urlList} from './parse-flags.js';
import * as z from 'zod';
import {clusterAccessOptions, flag, word} from '../command-options.js';

/** `mesos-lab dashboard`'s flags. */
export const options = clusterAccessOptions.extend({
	mesos: word,
	marathon: word,
	lb: word,
	zk: word,
	labId: word,
	refresh: word,
	once: flag,
	json: flag,
	readonly: flag,
	poll: flag,
	maxStateMb: word,
});
export type DashboardOptions = z.output<typeof options>;

const flagsHint = localized('dashFlagsHint');

export async function run(options: DashboardOptions, ctx: CommandContext): Promise<number> {
	if (options.json && !options.once) {
		throw new UserInputError(localized('dashJsonNeedsOnce'), {hint: {en: 'mesos-lab dashboard --mesos URL --once --json', zh: 'mesos-lab dashboard --mesos URL --once --json'}});
	}
	const {endpoints, discovery} = endpointsFrom(options, ctx.home);
	const refreshMs = seconds('--refresh', options.refresh ?? '2') * 1000;
	const access = clusterAccess(options, ctx.env);
	const maxStateBytes = options.maxStateMb === undefined ? undefined : megabytes('--max-state-mb', options.maxStateMb);
	// One snapshot needs no stream: --once reads each source once.
	const feed = options.once || options.poll ? 'poll' : 'stream';
	const cluster = connectCluster(endpoints, {
		refreshMs, simulated: false, discovery, authorization: access.authorization, feed,
		...(maxStateBytes === undefined ? {} : {maxStateBytes}),
		...(access.dispatcher ? {http: {dispatcher: access.dispatcher}} : {}),
	});
	if (options.once) {
		await printOnce(cluster, options.json === true, ctx.stdout, 160, ctx.lang);
		return 0;
	}
	if (!ctx.isTTY) {
		throw new UserInputError(localized('dashNeedsTerminal'), {hint: localized('dashNeedsTerminalHint')});
	}
	const name = discovery.mesos ? `zk://${discovery.mesos.servers}${discovery.mesos.path}` : new URL(endpoints.mesos[0] ?? endpoints.marathon[0] ?? 'http://cluster').host;
	await runInteractive(cluster, {clusterName: name, language: ctx.lang, color: colorWanted(ctx.env), readonly: options.readonly === true, demo: false});
	return 0;
}

function megabytes(flagName: string, value: string): number {
	const parsed = Number(value);
	if (!Number.isFinite(parsed) || parsed <= 0 || parsed > 4096) {
		throw new UserInputError(localized('dashMegabytes', {flag: flagName, value}), {hint: {en: `${flagName} 512`, zh: `${flagName} 512`}});
	}
	return Math.round(parsed * 1024 * 1024);
}

/** One of --mesos/--marathon: http(s) URLs, or a zk:// address whose leader is found through ZooKeeper. */
function urlsOrZk(flag: string, value: string | undefined): {urls: string[]; zk?: ReturnType<typeof parseZkUrl>} {
	if (value === undefined) {
		return {urls: []};
	}
	if (isZkUrl(value)) {
		try {
			return {urls: [], zk: parseZkUrl(value)};
		} catch (error) {
			throw new UserInputError({en: `${flag}: ${(error as Error).message}`, zh: `${flag}：${(error as Error).message}`}, {hint: localized('example', {example: `${flag} zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/${flag === '--mesos' ? 'mesos' : 'marathon'}`})});
		}
	}
	return {urls: urlList(flag, value)};
}

function zkMembers(value: string): string[] {
	return hostPortList('--zk', value).map(member => `${member.host.includes(':') ? `[${member.host}]` : member.host}:${member.port}`);
}

/** The flags when any endpoint flag is given; otherwise the saved lab's cluster, its leaders found through ZooKeeper. */
function endpointsFrom(options: DashboardOptions, home: string): {endpoints: ClusterEndpoints; discovery: DiscoveryTargets} {
	const flagged = [options.mesos, options.marathon, options.lb, options.zk].some(value => value !== undefined);
	if (!flagged) {
		return savedLabEndpoints(home, options.labId);
	}
	if (options.mesos === undefined && options.marathon === undefined) {
		throw new UserInputError(localized('dashNeedsSource'), {hint: flagsHint});
	}
	const lb = options.lb === undefined ? [] : urlList('--lb', options.lb);
	const mesos = urlsOrZk('--mesos', options.mesos);
	const marathon = urlsOrZk('--marathon', options.marathon);
	// The ensemble of a zk:// address is the one to show in the ZooKeeper panel, unless --zk says otherwise.
	const ensemble = options.zk ?? mesos.zk?.servers ?? marathon.zk?.servers;
	return {
		endpoints: {mesos: mesos.urls, marathon: marathon.urls, lb: lb[0], zookeeper: ensemble === undefined ? [] : zkMembers(ensemble)},
		discovery: {...(mesos.zk ? {mesos: mesos.zk} : {}), ...(marathon.zk ? {marathon: marathon.zk} : {})},
	};
}

/** The lab named by --lab-id, else the one `mesos-lab init` makes by default, else the only one there is. */
function savedLabEndpoints(home: string, labId: string | undefined): {endpoints: ClusterEndpoints; discovery: DiscoveryTargets} {
	const labs = CheckpointStore.list(home);
	let chosen = labId;
	if (chosen !== undefined && !labs.includes(chosen)) {
		throw new UserInputError(localized('noSuchLab', {labId: chosen, home}), {hint: labs.length > 0 ? {en: t('en', 'dashLabsHere', {labs: labs.join(', '), hint: flagsHint.en}), zh: t('zh', 'dashLabsHere', {labs: labs.join(', '), hint: flagsHint.zh})} : flagsHint});
	}
	chosen ??= labs.includes('default') ? 'default' : labs.length === 1 ? labs[0] : undefined;
	if (chosen === undefined) {
		if (labs.length === 0) {
			throw new UserInputError(localized('dashNoEndpoints', {home}), {hint: flagsHint});
		}
		throw new UserInputError(localized('dashSeveralLabs', {home, labs: labs.join(', ')}), {hint: {en: t('en', 'dashChooseLab', {hint: flagsHint.en}), zh: t('zh', 'dashChooseLab', {hint: flagsHint.zh})}});
	}
	const saved = CheckpointStore.open(home, chosen).journal().lab;
	if (!saved) {
		throw new UserInputError(localized('dashNoSavedConfig', {labId: chosen}), {hint: flagsHint});
	}
	const lab = saved;
	return {endpoints: labEndpoints(lab), discovery: labDiscovery(lab)};
}
