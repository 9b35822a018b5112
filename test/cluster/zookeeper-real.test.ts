import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {readZkMember, sendFourLetterWord} from '../../src/cluster/zookeeper-client.js';
import {parseMntr, parseSrvr} from '../../src/cluster/zookeeper-words.js';
import {startZookeeper, zookeeperUnavailable, type RealZookeeper} from './helpers/real-zookeeper.js';

const missing = zookeeperUnavailable();
if (missing && process.env.CI) {
	throw new Error(`Debian ZooKeeper is required in CI: ${missing}`);
}

describe.skipIf(missing !== undefined)('reading a real ZooKeeper over four-letter words', () => {
	let open: RealZookeeper;
	let locked: RealZookeeper;

	beforeAll(async () => {
		[open, locked] = await Promise.all([startZookeeper(24181, '*'), startZookeeper(24182, undefined)]);
	});

	afterAll(async () => {
		await Promise.all([open?.stop(), locked?.stop()]);
	});

	it('reports a standalone member with its zxid, latency, connections and version', async () => {
		const member = await readZkMember(open.endpoint);
		expect(member).toMatchObject({endpoint: open.endpoint, mode: 'standalone'});
		expect(member.zxid).toMatch(/^0x[0-9a-f]+$/);
		expect(member.latency).toEqual({min: expect.any(Number), avg: expect.any(Number), max: expect.any(Number)});
		expect(member.connections).toBeGreaterThanOrEqual(1);
		expect(member.version).toMatch(/^3\.\d+\.\d+/);
	});

	it('reads mntr by key, whatever order and number of keys the version prints', async () => {
		const answer = await sendFourLetterWord(open.endpoint, 'mntr');
		const values = parseMntr(answer);
		expect(values.get('zk_server_state')).toBe('standalone');
		expect(Number(values.get('zk_num_alive_connections'))).toBeGreaterThanOrEqual(1);
		if (process.env.MESOS_LAB_CAPTURE) {
			writeFileSync(join(import.meta.dirname, '../fixtures/cluster/zk-mntr.standalone.captured.txt'), answer);
			writeFileSync(join(import.meta.dirname, '../fixtures/cluster/zk-srvr.standalone.captured.txt'), await sendFourLetterWord(open.endpoint, 'srvr'));
		}
	});

	it('reports a member that keeps mntr off its whitelist as refused', async () => {
		const answer = await sendFourLetterWord(locked.endpoint, 'mntr');
		expect(answer).toContain('is not executed because it is not in the whitelist');
		expect(parseSrvr(answer).mode).toBe('refused');
		const srvrStillWorks = await readZkMember(locked.endpoint);
		expect(srvrStillWorks.mode).toBe('standalone');
	});

	it('reports a member nobody listens for as unreachable, with the reason', async () => {
		const member = await readZkMember('127.0.0.1:24189', {timeoutMs: 1_000});
		expect(member.mode).toBe('unreachable');
		expect(member.error).toContain('could not be reached');
	});
});
