import {localized, localizedBy} from '../i18n/localized.js';
import {createClient, Exception, type Client, type Event} from 'node-zookeeper-client';
import {ClusterError} from '../errors.js';
import {eventText, type ClusterEvent} from './cluster-event.js';
import type {ClusterEndpoints} from './poller.js';

// Leader discovery the way Mesos clients do it (Marathon's --master zk://, mesos-dns, the Mesos
// CLI): read the contenders' znodes under the ZooKeeper path and take the lowest sequence number.
// Watches on the path's children say when the set changes, so a leader that stops is followed at
// once instead of at the next poll.

/** A `zk://host:port,host:port/path` address, as Mesos and Marathon flags write it. */
export interface ZkUrl {
	/** host:port,host:port: the ensemble, as a ZooKeeper connection string. */
	servers: string;
	/** The znode path, such as /mesos. */
	path: string;
}

export function isZkUrl(text: string): boolean {
	return /^zk:\/\//i.test(text.trim());
}

/** Parses `zk://servers/path`; credentials (`zk://user:pass@…`) are not supported by this reader. */
export function parseZkUrl(text: string): ZkUrl {
	const match = /^zk:\/\/([^/]+)(\/.*)$/i.exec(text.trim());
	const servers = match?.[1] ?? '';
	const path = (match?.[2] ?? '').replace(/\/+$/, '');
	if (match === null || path === '') {
		throw new ClusterError(localized('errIsNotAZkHostPortHostPortPath', {text}), {hint: localized('errIsNotAZkHostPortHostPortPathHint')});
	}
	if (servers.includes('@')) {
		throw new ClusterError(localized('errZkAddressesWithCredentialsAre'), {hint: localized('errZkAddressesWithCredentialsAreHint')});
	}
	for (const server of servers.split(',')) {
		if (!/^(\[[0-9a-f:.]+\]|[^:\s]+):\d{1,5}$/i.test(server)) {
			throw new ClusterError(localized('errInIsNotHostPort', {server, text}), {hint: localized('errInIsNotHostPortHint')});
		}
	}
	return {servers, path};
}

/** The sequence number ZooKeeper appended to a sequential znode's name (its last 10 digits). */
export function sequenceOf(name: string): number | undefined {
	const match = /(\d{10})$/.exec(name);
	return match?.[1] === undefined ? undefined : Number(match[1]);
}

/**
 * The contenders of one election in order, leader first: Mesos masters' `json.info_<seq>` znodes
 * (the binary `info_` ones from before 0.24 are skipped), or Curator LeaderLatch nodes
 * (`[_c_<uuid>-]latch-<seq>`) for Marathon.
 */
export function contendersInOrder(kind: 'mesos' | 'marathon', children: readonly string[]): string[] {
	const pattern = kind === 'mesos' ? /^json\.info_\d{10}$/ : /(^|-)latch-\d{10}$/;
	return children
		.filter(name => pattern.test(name))
		.sort((a, b) => (sequenceOf(a) ?? 0) - (sequenceOf(b) ?? 0));
}

function hostInUrl(host: string): string {
	return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/**
 * A master's URL from its MasterInfo JSON: `address.hostname` (or `address.ip`) and
 * `address.port`, else the top-level `hostname`/`port`, else the `pid` (master@ip:port).
 */
export function masterUrlFromInfo(data: string): string {
	let info: unknown;
	try {
		info = JSON.parse(data);
	} catch {
		throw new ClusterError(localized('errAJsonInfoZnodeDoesNot'), {hint: localized('errAJsonInfoZnodeDoesNotHint')});
	}
	const record = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null ? value as Record<string, unknown> : {});
	const top = record(info);
	const address = record(top.address);
	const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
	const host = text(address.hostname) ?? text(address.ip) ?? text(top.hostname);
	const port = typeof address.port === 'number' ? address.port : typeof top.port === 'number' ? top.port : undefined;
	if (host !== undefined && port !== undefined) {
		return `http://${hostInUrl(host)}:${port}`;
	}
	const pid = /@([^:]+):(\d+)$/.exec(text(top.pid) ?? '');
	if (pid?.[1] !== undefined && pid[2] !== undefined) {
		return `http://${hostInUrl(pid[1])}:${pid[2]}`;
	}
	throw new ClusterError(localized('errAJsonInfoZnodeNamesNo'), {hint: localized('errAJsonInfoZnodeNamesNoHint')});
}

/** Marathon's latch node holds its participant id, host:port (its --hostname and --http_port). */
export function marathonUrlFromLatch(data: string): string {
	const text = data.trim();
	if (!/^(\[[0-9a-f:.]+\]|[^:\s/]+):\d{1,5}$/i.test(text)) {
		throw new ClusterError(localized('errAMarathonLatchNodeHolds', {slice: text.slice(0, 80)}));
	}
	return `http://${text}`;
}

export type Discovered =
	| {state: 'connecting'}
	| {state: 'leader'; url: string; znode: string; contenders: string[]}
	| {state: 'no-leader'; reason: string}
	| {state: 'unavailable'; reason: string};

/** The znode directory an election lives in: the path itself for Mesos, `<path>/leader-curator` for Marathon 1.3+. */
export function electionPath(kind: 'mesos' | 'marathon', url: ZkUrl): string {
	return kind === 'mesos' ? url.path : `${url.path}/leader-curator`;
}

function promised<T>(call: (callback: (error: Error | Exception | null, value: T) => void) => void): Promise<T> {
	return new Promise((resolve, reject) => {
		call((error, value) => (error ? reject(error) : resolve(value)));
	});
}

function isNoNode(error: unknown): boolean {
	return error instanceof Exception && error.getCode() === Exception.NO_NODE;
}

/**
 * Follows one election: who leads, who contends, and when that changes. Reads again whenever the
 * children watch fires or the session reconnects; a session that expired is replaced.
 */
export class ZkLeaderWatch {
	readonly kind: 'mesos' | 'marathon';
	readonly url: ZkUrl;
	readonly #onChange: (now: Discovered, before: Discovered) => void;
	readonly #sessionTimeoutMs: number;
	#client: Client | undefined;
	#current: Discovered = {state: 'connecting'};
	#generation = 0;
	#closed = false;
	#connectTimer: NodeJS.Timeout | undefined;
	readonly #settled: Promise<void>;
	#settle: () => void = () => undefined;

	constructor(kind: 'mesos' | 'marathon', url: ZkUrl, onChange: (now: Discovered, before: Discovered) => void, options: {sessionTimeoutMs?: number} = {}) {
		this.kind = kind;
		this.url = url;
		this.#onChange = onChange;
		this.#sessionTimeoutMs = options.sessionTimeoutMs ?? 10_000;
		this.#settled = new Promise(resolve => {
			this.#settle = resolve;
		});
	}

	current(): Discovered {
		return this.#current;
	}

	/** Resolves once the first answer is in (a leader, none, or ZooKeeper unreachable). */
	ready(): Promise<void> {
		return this.#settled;
	}

	start(): void {
		this.#connect();
	}

	close(): void {
		this.#closed = true;
		clearTimeout(this.#connectTimer);
		this.#client?.close();
		this.#client = undefined;
	}

	#connect(): void {
		const client = createClient(this.url.servers, {sessionTimeout: this.#sessionTimeoutMs, spinDelay: 500, retries: 1});
		this.#client = client;
		client.on('connected', () => {
			clearTimeout(this.#connectTimer);
			void this.#read(client);
		});
		client.on('disconnected', () => {
			if (this.#client === client) this.#set({state: 'unavailable', reason: `lost the connection to ZooKeeper ${this.url.servers} (not serving, or unreachable)`});
		});
		client.on('expired', () => {
			if (this.#client !== client || this.#closed) return;
			client.close();
			this.#set({state: 'unavailable', reason: 'the ZooKeeper session expired; connecting again'});
			this.#connect();
		});
		// The library retries the members forever; after a session timeout with no answer, say so.
		this.#connectTimer = setTimeout(() => {
			if (this.#current.state === 'connecting') this.#set({state: 'unavailable', reason: `no ZooKeeper member of ${this.url.servers} answered within ${this.#sessionTimeoutMs / 1000} s`});
		}, this.#sessionTimeoutMs);
		this.#connectTimer.unref();
		client.connect();
	}

	async #read(client: Client): Promise<void> {
		const generation = ++this.#generation;
		const dir = electionPath(this.kind, this.url);
		const again = (_event: Event): void => {
			if (this.#client === client && !this.#closed) void this.#read(client);
		};
		let next: Discovered;
		try {
			const children = await promised<string[]>(callback => client.getChildren(dir, again, callback));
			const ordered = contendersInOrder(this.kind, children);
			const urls: Array<{znode: string; url: string}> = [];
			for (const znode of ordered) {
				try {
					const data = await promised<Buffer>(callback => client.getData(`${dir}/${znode}`, callback));
					const text = data?.toString('utf8') ?? '';
					urls.push({znode, url: this.kind === 'mesos' ? masterUrlFromInfo(text) : marathonUrlFromLatch(text)});
				} catch (error) {
					// A contender that left between the listing and the read: the watch brings the next listing.
					if (!isNoNode(error)) throw error;
				}
			}
			const leader = urls[0];
			next = leader === undefined
				? {state: 'no-leader', reason: ordered.length === 0 ? `no contender under ${dir}` : `the contenders under ${dir} left while being read`}
				: {state: 'leader', url: leader.url, znode: `${dir}/${leader.znode}`, contenders: [...new Set(urls.map(u => u.url))]};
		} catch (error) {
			if (isNoNode(error)) {
				// Watch for the path to appear: the first master or Marathon creates it.
				await promised(callback => client.exists(dir, again, callback)).catch(() => undefined);
				next = {state: 'no-leader', reason: this.kind === 'marathon'
					? `${dir} does not exist: Marathon (1.3 and later) publishes its leader there once it runs with --zk zk://…${this.url.path}`
					: `${dir} does not exist: no master has registered with --zk zk://…${this.url.path}`};
			} else {
				next = {state: 'unavailable', reason: `ZooKeeper ${this.url.servers}: ${(error as Error).message}`};
			}
		}
		if (generation === this.#generation && this.#client === client) this.#set(next);
	}

	#set(next: Discovered): void {
		const before = this.#current;
		this.#current = next;
		this.#settle();
		if (JSON.stringify(before) !== JSON.stringify(next)) this.#onChange(next, before);
	}
}

export interface DiscoveryTargets {
	mesos?: ZkUrl;
	marathon?: ZkUrl;
}

function describeChange(kind: 'mesos' | 'marathon', now: Discovered, before: Discovered): Pick<ClusterEvent, 'text' | 'message'> {
	const who = kind === 'mesos' ? 'Mesos' : 'Marathon';
	switch (now.state) {
		case 'leader': {
			const leader = now.url.replace(/^https?:\/\//, '');
			return before.state === 'leader'
				? eventText('evZkLeaderWas', {who, leader, znode: now.znode, was: before.url.replace(/^https?:\/\//, '')})
				: eventText('evZkLeader', {who, leader, znode: now.znode});
		}
		case 'no-leader':
			return eventText('evZkNoLeader', {who, reason: now.reason});
		case 'unavailable':
			return eventText('evZkCannotTell', {who, reason: now.reason});
		case 'connecting':
			return eventText('evZkConnecting', {who});
	}
}

/**
 * The leaders of the Mesos and Marathon elections, read from ZooKeeper and followed with watches;
 * `resolve` gives the poller the addresses to read, leader first.
 */
export class LeaderDiscovery {
	readonly #watches: ZkLeaderWatch[];
	readonly #known = new Map<'mesos' | 'marathon', string[]>();

	constructor(targets: DiscoveryTargets, onEvent: (event: ClusterEvent, kind: 'mesos' | 'marathon') => void, options: {sessionTimeoutMs?: number} = {}) {
		this.#watches = (['mesos', 'marathon'] as const).flatMap(kind => {
			const url = targets[kind];
			return url === undefined ? [] : [new ZkLeaderWatch(kind, url, (now, before) => {
				if (now.state === 'leader') this.#known.set(kind, now.contenders);
				onEvent({at: new Date().toISOString(), origin: 'derived', kind: 'leader', type: `zookeeper-${kind}-leader`, ...describeChange(kind, now, before)}, kind);
			}, options)];
		});
	}

	get active(): boolean {
		return this.#watches.length > 0;
	}

	start(): void {
		for (const watch of this.#watches) watch.start();
	}

	stop(): void {
		for (const watch of this.#watches) watch.close();
	}

	/** Waits for every watch's first answer, at most `timeoutMs`. */
	async ready(timeoutMs = 10_000): Promise<void> {
		let timer: NodeJS.Timeout | undefined;
		await Promise.race([
			Promise.all(this.#watches.map(watch => watch.ready())),
			new Promise(resolve => {
				timer = setTimeout(resolve, timeoutMs);
			}),
		]);
		clearTimeout(timer);
	}

	current(kind: 'mesos' | 'marathon'): Discovered | undefined {
		return this.#watches.find(watch => watch.kind === kind)?.current();
	}

	/**
	 * The addresses to read: the discovered leader first, then the other contenders; without a
	 * leader, the contenders last seen, else the addresses given beside the discovery, else the
	 * zk:// address itself, which `readable` turns into the reason no leader is known.
	 */
	resolve(base: ClusterEndpoints): ClusterEndpoints {
		const pick = (kind: 'mesos' | 'marathon', given: string[]): string[] => {
			const watch = this.#watches.find(w => w.kind === kind);
			if (watch === undefined) return given;
			const found = watch.current();
			if (found.state === 'leader') return found.contenders;
			const fallback = this.#known.get(kind) ?? given;
			return fallback.length > 0 ? fallback : [`zk://${watch.url.servers}${watch.url.path}`];
		};
		return {...base, mesos: pick('mesos', base.mesos), marathon: pick('marathon', base.marathon)};
	}

	/** Fails with what ZooKeeper said when `resolve` had no address to give, so the source shows why. */
	readable(kind: 'mesos' | 'marathon', addresses: readonly string[]): void {
		const [first] = addresses;
		if (first === undefined || !isZkUrl(first)) return;
		const found = this.current(kind);
		const what = kind === 'mesos' ? 'Mesos master' : 'Marathon';
		const reason = found === undefined || found.state === 'leader' ? localized('errZkNotReadYet') : found.state === 'connecting' ? localized('errZkStillConnecting') : {en: found.reason, zh: found.reason};
		throw new ClusterError(localizedBy('errNoFoundThroughZooKeeper', (language) => [{what, reason: reason[language]}]), {
			hint: kind === 'mesos' ? localized('errZkMastersPathHint') : localized('errZkMarathonPathHint'),
		});
	}
}
