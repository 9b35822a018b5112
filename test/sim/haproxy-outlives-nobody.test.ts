import {spawn} from 'node:child_process';
import {readFileSync, readdirSync} from 'node:fs';
import {createServer} from 'node:net';
import {describe, expect, it} from 'vitest';
import {haproxyAvailable} from '../../src/sim/real-haproxy.js';
import {builtCliMissing} from '../helpers/built-cli.js';
import {waitFor} from '../helpers/wait-for.js';

const dist = new URL('../../dist/', import.meta.url);
const skip = !haproxyAvailable() || builtCliMissing() !== undefined;
if (skip && process.env['CI']) {
	throw new Error('Debian HAProxy and a built dist/ are required in CI');
}

function freePort(): Promise<number> {
	const server = createServer();
	return new Promise(resolve => server.listen(0, '127.0.0.1', () => {
		const address = server.address();
		const port = typeof address === 'object' && address !== null ? address.port : 0;
		server.close(() => resolve(port));
	}));
}

/** The pids of the HAProxy processes whose parent is `parent`, read from /proc. */
function haproxyChildrenOf(parent: number): number[] {
	return readdirSync('/proc').filter(entry => /^\d+$/.test(entry)).flatMap(entry => {
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8').trim();
			const [, name, rest] = /^\d+ \((.*)\) (.*)$/.exec(stat) ?? [];
			return name === 'haproxy' && Number(rest?.split(' ')[1]) === parent ? [Number(entry)] : [];
		} catch {
			return [];
		}
	});
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

describe.skipIf(skip)('the real HAProxy of a simulated cluster', () => {
	it('ends with the process that started it, even one killed by SIGKILL', async () => {
		const statsPort = await freePort();
		// What `mesos-lab demo --haproxy` does, in a process this test can kill without warning.
		const script = `
			const {ClusterModel} = await import(${JSON.stringify(new URL('sim/model/cluster-model.js', dist).href)});
			const {RealHaproxy} = await import(${JSON.stringify(new URL('sim/real-haproxy.js', dist).href)});
			const model = new ClusterModel({seed: 1, startTime: Date.now(), agents: [], masters: [], marathons: []});
			await new RealHaproxy(model, {group: 'docker-haproxy', statsPort: ${statsPort}, vhostPort: null}).start();
			process.stdout.write('started\\n');
			setInterval(() => {}, 1000);
		`;
		const owner = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']});
		let printed = '';
		owner.stdout.on('data', (chunk: Buffer) => {
			printed += chunk.toString();
		});
		const haproxy = await waitFor(() => (printed.includes('started') ? haproxyChildrenOf(owner.pid ?? -1)[0] : undefined), 'HAProxy to start under its owner', {timeoutMs: 30_000});

		owner.kill('SIGKILL');

		await waitFor(() => (alive(haproxy) ? undefined : true), `HAProxy ${haproxy} to end with its owner`, {timeoutMs: 10_000});
		expect(alive(haproxy)).toBe(false);
	}, 60_000);
});
