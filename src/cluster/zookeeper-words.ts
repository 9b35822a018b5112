import type {ZkMember} from './snapshot.js';

/** What `srvr` (or `stat`) and `mntr` tell about one ZooKeeper member. */
export type ZkStatus = Omit<ZkMember, 'endpoint'>;

const modes = ['leader', 'follower', 'standalone', 'observer'] as const;

/** True when the member answered that the four-letter word is not in `4lw.commands.whitelist`. */
export function isNotWhitelisted(answer: string): boolean {
	return answer.includes('is not executed because it is not in the whitelist');
}

/** Parses `srvr`/`stat` output: `Mode:`, `Zxid:`, `Latency min/avg/max:`, `Connections:`, `Zookeeper version:`. */
export function parseSrvr(answer: string): ZkStatus {
	if (isNotWhitelisted(answer)) {
		return {mode: 'refused', error: answer.trim()};
	}
	if (answer.includes('not currently serving requests')) {
		return {mode: 'unknown', error: 'not serving requests (no quorum?)'};
	}
	const fields = new Map<string, string>();
	for (const line of answer.split(/\r?\n/)) {
		const colon = line.indexOf(':');
		if (colon > 0 && !line.startsWith(' ')) {
			fields.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
		}
	}
	const mode = fields.get('mode') ?? '';
	const latency = (fields.get('latency min/avg/max') ?? '').split('/').map(Number);
	const result: ZkStatus = {mode: modes.find(known => known === mode) ?? 'unknown'};
	const zxid = fields.get('zxid');
	if (zxid) {
		result.zxid = zxid;
	}
	if (latency.length === 3 && latency.every(Number.isFinite)) {
		result.latency = {min: latency[0] ?? 0, avg: latency[1] ?? 0, max: latency[2] ?? 0};
	}
	const connections = Number(fields.get('connections'));
	if (fields.has('connections') && Number.isFinite(connections)) {
		result.connections = connections;
	}
	const version = fields.get('zookeeper version');
	if (version) {
		result.version = version.split(',')[0]?.trim() ?? version;
	}
	if (result.mode === 'unknown' && fields.size === 0) {
		result.error = `unexpected answer: ${answer.trim().slice(0, 120) || '(empty)'}`;
	}
	return result;
}

/** Parses `mntr`: `zk_<key>\t<value>` lines into a map (3.8 prints hundreds of keys, in any order). */
export function parseMntr(answer: string): Map<string, string> {
	const values = new Map<string, string>();
	for (const line of answer.split(/\r?\n/)) {
		const match = /^(zk_\w+)\s+(.*)$/.exec(line);
		if (match?.[1] !== undefined && match[2] !== undefined) {
			values.set(match[1], match[2].trim());
		}
	}
	return values;
}

/** The member status from `mntr` alone, for members where `srvr` is not answered. */
export function statusFromMntr(answer: string): ZkStatus {
	if (isNotWhitelisted(answer)) {
		return {mode: 'refused', error: answer.trim()};
	}
	const values = parseMntr(answer);
	const state = values.get('zk_server_state') ?? '';
	const result: ZkStatus = {mode: modes.find(known => known === state) ?? 'unknown'};
	const min = Number(values.get('zk_min_latency'));
	const avg = Number(values.get('zk_avg_latency'));
	const max = Number(values.get('zk_max_latency'));
	if ([min, avg, max].every(Number.isFinite) && values.has('zk_avg_latency')) {
		result.latency = {min, avg, max};
	}
	const connections = Number(values.get('zk_num_alive_connections'));
	if (values.has('zk_num_alive_connections') && Number.isFinite(connections)) {
		result.connections = connections;
	}
	const version = values.get('zk_version');
	if (version) {
		result.version = version.split(',')[0]?.trim() ?? version;
	}
	if (values.size === 0) {
		result.error = `unexpected answer: ${answer.trim().slice(0, 120) || '(empty)'}`;
	}
	return result;
}

/** `conf` output and zoo.cfg files: `key=value` lines (comments and blanks ignored). */
export function parseKeyValueLines(answer: string): Map<string, string> {
	const values = new Map<string, string>();
	for (const line of answer.split(/\r?\n/)) {
		const trimmed = line.trim();
		const equals = trimmed.indexOf('=');
		if (trimmed !== '' && !trimmed.startsWith('#') && equals > 0) {
			values.set(trimmed.slice(0, equals).trim(), trimmed.slice(equals + 1).trim());
		}
	}
	return values;
}
