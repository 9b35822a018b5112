import {describe, expect, it} from 'vitest';
import {assertBuilt, startBuiltCli} from '../helpers/built-cli.js';
import {contendersInOrder, electionPath, marathonUrlFromLatch, masterUrlFromInfo, parseZkUrl} from '../../src/cluster/zk-discovery.js';

describe('reading leader elections from ZooKeeper znodes', () => {
	it('parses zk:// addresses as Mesos and Marathon flags write them', () => {
		expect(parseZkUrl('zk://10.0.0.11:2181,10.0.0.12:2182,10.0.0.13:2183/mesos')).toEqual({servers: '10.0.0.11:2181,10.0.0.12:2182,10.0.0.13:2183', path: '/mesos'});
		expect(parseZkUrl('zk://[fd00::1]:2181/lab/marathon/')).toEqual({servers: '[fd00::1]:2181', path: '/lab/marathon'});
		expect(() => parseZkUrl('zk://10.0.0.11/mesos')).toThrow('"10.0.0.11" in zk://10.0.0.11/mesos is not host:port.');
		expect(() => parseZkUrl('zk://user:secret@10.0.0.11:2181/mesos')).toThrow(/credentials are not supported/);
		expect(() => parseZkUrl('zk://10.0.0.11:2181')).toThrow(/is not a zk:/);
	});

	it('orders the masters by the sequence of their json.info_ znodes and skips the old binary info_ ones', () => {
		const children = ['json.info_0000000012', 'info_0000000003', 'log_replicas', 'json.info_0000000009', 'json.info_0000000010'];
		expect(contendersInOrder('mesos', children)).toEqual(['json.info_0000000009', 'json.info_0000000010', 'json.info_0000000012']);
	});

	it('orders Marathon latch nodes by sequence, with or without Curator\'s protection prefix', () => {
		const children = ['_c_9b1a0c55-2e55-4c34-9e4c-1f7f2f6f0d01-latch-0000000007', 'latch-0000000005', 'leader'];
		expect(contendersInOrder('marathon', children)).toEqual(['latch-0000000005', '_c_9b1a0c55-2e55-4c34-9e4c-1f7f2f6f0d01-latch-0000000007']);
		expect(electionPath('marathon', parseZkUrl('zk://h:2181/marathon'))).toBe('/marathon/leader-curator');
	});

	it('takes a master\'s address from MasterInfo JSON: address first, then the top-level fields, then the pid', () => {
		const info = {address: {hostname: 'node2', ip: '10.0.0.12', port: 5050}, hostname: 'node2', id: 'x', ip: 201_326_602, pid: 'master@10.0.0.12:5050', port: 5050, version: '1.11.0'};
		expect(masterUrlFromInfo(JSON.stringify(info))).toBe('http://node2:5050');
		expect(masterUrlFromInfo(JSON.stringify({hostname: '10.0.0.13', port: 5051, pid: 'master@10.0.0.13:5051'}))).toBe('http://10.0.0.13:5051');
		expect(masterUrlFromInfo(JSON.stringify({pid: 'master@10.0.0.14:5052'}))).toBe('http://10.0.0.14:5052');
		expect(masterUrlFromInfo(JSON.stringify({address: {ip: 'fd00::2', port: 5050}}))).toBe('http://[fd00::2]:5050');
		expect(() => masterUrlFromInfo('\u0008\u0001binary')).toThrow(/does not hold JSON/);
	});

	it('reads a Marathon latch node as host:port', () => {
		expect(marathonUrlFromLatch('10.0.0.11:8080')).toBe('http://10.0.0.11:8080');
		expect(() => marathonUrlFromLatch('garbage')).toThrow(/not host:port/);
	});

	it('says in the dashboard why no leader was found when no ZooKeeper member answers', async () => {
		assertBuilt();
		// Nothing listens on this loopback port.
		const run = startBuiltCli(['dashboard', '--mesos', 'zk://127.0.0.1:28199/mesos', '--once', '--json']);
		expect(await run.exited, run.output()).toBe(0);
		const snapshot = JSON.parse(run.output()) as {leaders: {mesos: string | null}; errors: Array<{source: string; endpoint: string; message: string}>};
		expect(snapshot.leaders.mesos).toBeNull();
		expect(snapshot.errors).toContainEqual(expect.objectContaining({
			source: 'mesos', endpoint: 'zk://127.0.0.1:28199/mesos',
			message: 'no Mesos master found through ZooKeeper: no ZooKeeper member of 127.0.0.1:28199 answered within 10 s',
		}));
	}, 60_000);
});
