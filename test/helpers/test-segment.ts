import {execFileSync} from 'node:child_process';
import {addressesInUse, claimSlotLock, type TestHost} from './test-host.js';

/**
 * One network segment that several test hosts share, as machines on one LAN: a bridge inside a
 * "switch" namespace of its own, a veth from each host's namespace to it, and one leg to this
 * machine's namespace so the test (and the CLI it runs) reaches every host on the segment and the
 * hosts reach servers the test runs here. Test hosts alone cannot reach each other: each has only
 * its /30 link to this machine, which does not forward. Removing the switch namespace removes the
 * bridge, its legs and the hosts' segment links with it; nothing else on the machine changes.
 */
export interface TestSegment {
	/** The switch namespace, where the bridge is. */
	namespace: string;
	/** This machine's own address on the segment. */
	localAddress: string;
	/** Plugs a host into the segment at position `position` (1…) and returns its address there. */
	attach(host: Pick<TestHost, 'namespace'>, position: number): string;
	/**
	 * Adds an address of the switch namespace itself (for a server that runs there on behalf of the
	 * host at `position`) and returns it.
	 */
	addSwitchAddress(position: number): string;
	stop(): void;
}

const run = (command: string, args: string[]) => execFileSync(command, args, {stdio: ['ignore', 'pipe', 'pipe']}).toString();

// Segments are /24s of 10.232.0.0/16, claimed through the test hosts' lock files (`segment-N`).
export function startTestSegment(prefix = 'mlseg'): TestSegment {
	const inUse = addressesInUse();
	const start = (process.pid * 13) % 256;
	for (let step = 0; step < 256; step++) {
		const number = (start + step) % 256;
		const net = `10.232.${number}`;
		const namespace = `${prefix}-${number}`;
		const outside = `mls${number}o`;
		if (inUse.includes(`inet ${net}.`)) {
			continue;
		}
		const release = claimSlotLock(`segment-${number}`, {namespace, outside});
		if (release === undefined) {
			continue;
		}
		try {
			return makeSegment(net, namespace, outside, number, release);
		} catch (error) {
			release();
			throw error;
		}
	}
	throw new Error('no free test segment');
}

function makeSegment(net: string, namespace: string, outside: string, number: number, release: () => void): TestSegment {
	const inSwitch = (...args: string[]) => run('ip', ['netns', 'exec', namespace, ...args]);
	const bridge = 'switch0';
	run('ip', ['netns', 'add', namespace]);
	inSwitch('ip', 'link', 'set', 'lo', 'up');
	inSwitch('ip', 'link', 'add', bridge, 'type', 'bridge');
	inSwitch('ip', 'link', 'set', bridge, 'up');
	const plug = (otherEnd: string, port: string, where: string[]) => {
		run('ip', ['link', 'add', otherEnd, ...where, 'type', 'veth', 'peer', 'name', port, 'netns', namespace]);
		inSwitch('ip', 'link', 'set', port, 'master', bridge);
		inSwitch('ip', 'link', 'set', port, 'up');
	};
	const localAddress = `${net}.1`;
	plug(outside, 'uplink', []);
	run('ip', ['addr', 'add', `${localAddress}/24`, 'dev', outside]);
	run('ip', ['link', 'set', outside, 'up']);
	return {
		namespace,
		localAddress,
		attach(host, position) {
			const address = `${net}.${10 + position}`;
			const link = `mls${number}h${position}`;
			plug(link, `port${position}`, ['netns', host.namespace]);
			run('ip', ['netns', 'exec', host.namespace, 'ip', 'addr', 'add', `${address}/24`, 'dev', link]);
			run('ip', ['netns', 'exec', host.namespace, 'ip', 'link', 'set', link, 'up']);
			return address;
		},
		addSwitchAddress(position) {
			const address = `${net}.${100 + position}`;
			inSwitch('ip', 'addr', 'add', `${address}/24`, 'dev', bridge);
			return address;
		},
		stop: release,
	};
}
