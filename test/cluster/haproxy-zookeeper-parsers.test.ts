import {describe, expect, it} from 'vitest';
import {marathonLbBackendName, marathonLbServerName, parseHaproxyConfig, servicePortsByBackend} from '../../src/cluster/haproxy-config.js';
import {haproxyServers, parseHaproxyStats, readHaproxyServers, splitCsvLine} from '../../src/cluster/haproxy-stats.js';
import {isNotWhitelisted, parseMntr, parseSrvr, statusFromMntr} from '../../src/cluster/zookeeper-words.js';
import {fixtureText} from './helpers/fixtures.js';

describe('reading HAProxy stats captured from Debian HAProxy', () => {
	it('reads every server row by column name, with its status and check result', () => {
		const servers = haproxyServers(parseHaproxyStats(fixtureText('haproxy-stats.one-down.captured.csv')));
		expect(servers.map(server => server.backend)).toEqual(['web_24080', 'web_24080']);
		expect(servers.map(server => server.status).sort()).toEqual(['DOWN', 'UP']);
		const down = servers.find(server => server.status === 'DOWN');
		expect(down?.checkStatus).toMatch(/^L4/);
		expect(down?.server).toMatch(/^127_0_0_1_\d+$/);
	});

	it('reads an older, shorter column layout and a second header after a reload', () => {
		const old = '# pxname,svname,scur,status,type,\nweb_1,FRONTEND,0,OPEN,0,\nweb_1,s1,2,UP,2,\n# pxname,svname,qcur,scur,status,type,check_status,\nweb_1,s1,0,5,MAINT,2,* L7OK,\nweb_1,s2,0,1,"MAINT (via web_1/s1)",2,,\n';
		const servers = haproxyServers(parseHaproxyStats(old));
		expect(servers).toEqual([
			{backend: 'web_1', server: 's1', status: 'MAINT', sessions: 5, checkStatus: 'L7OK'},
			{backend: 'web_1', server: 's2', status: 'MAINT (via web_1/s1)', sessions: 1},
		]);
	});

	it('says clearly when the text is not a stats CSV', () => {
		expect(() => parseHaproxyStats('<html>login</html>')).toThrow(/no "# pxname,svname,..." header/);
		expect(() => parseHaproxyStats('')).toThrow(/empty/);
	});

	it('splits quoted fields with commas and quotes', () => {
		expect(splitCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
	});
});

describe('reading HAProxy servers in one pass', () => {
	it('gives the same servers as the full row parser on captured CSVs', () => {
		for (const name of ['haproxy-stats.one-down.captured.csv', 'haproxy-stats.two-up.captured.csv']) {
			const csv = fixtureText(name);
			expect(readHaproxyServers(csv)).toEqual(haproxyServers(parseHaproxyStats(csv)));
		}
	});

	it('follows a second header, keeps the later row of a server in its first place, and reads quoted fields', () => {
		const csv = '# pxname,svname,scur,status,type,\r\nweb_1,FRONTEND,0,OPEN,0,\r\nweb_1,s1,2,UP,2,\r\nweb_1,s2,1,UP,2,\r\n\r\n# pxname,svname,qcur,scur,status,type,check_status,\r\nweb_1,s1,0,5,MAINT,2,* L7OK,\r\nweb_1,s3,0,1,"MAINT (via web_1/s1)",2,,\r\n';
		expect(readHaproxyServers(csv)).toEqual([
			{backend: 'web_1', server: 's1', status: 'MAINT', sessions: 5, checkStatus: 'L7OK'},
			{backend: 'web_1', server: 's2', status: 'UP', sessions: 1},
			{backend: 'web_1', server: 's3', status: 'MAINT (via web_1/s1)', sessions: 1},
		]);
		expect(readHaproxyServers(csv)).toEqual(haproxyServers(parseHaproxyStats(csv)));
	});

	it('reads a column the later header lacks as empty, not as the earlier rows had it', () => {
		const csv = '# pxname,svname,status,type,check_status,\nweb_1,s1,UP,2,L7OK,\n# pxname,svname,type,\nweb_1,s2,2,\n';
		expect(readHaproxyServers(csv)).toEqual([
			{backend: 'web_1', server: 's1', status: 'UP', sessions: 0, checkStatus: 'L7OK'},
			{backend: 'web_1', server: 's2', status: '', sessions: 0},
		]);
	});

	it('tells what is wrong with text that is not a stats CSV', () => {
		expect(() => readHaproxyServers('<html>login</html>')).toThrow(/no "# pxname,svname,..." header/);
		expect(() => readHaproxyServers('')).toThrow(/empty/);
		expect(() => readHaproxyServers('# name,status\nweb,UP\n')).toThrow(/no pxname\/svname/);
	});
});

describe('mapping an HAProxy config to apps and service ports', () => {
	it('maps each backend to the port its same-named frontend binds', () => {
		const config = parseHaproxyConfig(fixtureText('haproxy.cfg.two-servers.captured.cfg'));
		expect(servicePortsByBackend(config).get('web_24080')).toBe(24080);
		expect(config.backends.find(backend => backend.name === 'web_24080')?.servers).toHaveLength(2);
	});

	it('ignores shared frontends that route many backends by header', () => {
		const config = parseHaproxyConfig([
			'frontend marathon_http_appid_in', '  bind *:9091', '  use_backend shop_web_10000 if app__shop_web', '  use_backend api_10100 if app__api',
			'frontend shop_web_10000', '  bind *:10000', '  use_backend shop_web_10000',
			'backend shop_web_10000', '  server a1_10_1_0_21_31001 10.1.0.21:31001 check',
			'backend api_10100', '  server a1_10_1_0_21_31010 10.1.0.21:31010 id 7 check',
		].join('\n'));
		expect([...servicePortsByBackend(config)]).toEqual([['shop_web_10000', 10000]]);
	});

	it('names backends and servers the way marathon-lb does', () => {
		expect(marathonLbBackendName('/shop/web', 10000)).toBe('shop_web_10000');
		expect(marathonLbServerName('a1.lab', '10.1.0.21', 31001)).toBe('a1_lab_10_1_0_21_31001');
		expect(marathonLbServerName('10.0.6.25', '10.0.6.25', 16916)).toBe('10_0_6_25_16916');
	});
});

describe('reading ZooKeeper four-letter words captured from Debian ZooKeeper', () => {
	it('reads srvr', () => {
		const status = parseSrvr(fixtureText('zk-srvr.standalone.captured.txt'));
		expect(status).toMatchObject({mode: 'standalone', connections: 1});
		expect(status.zxid).toMatch(/^0x/);
		expect(status.version).toMatch(/^3\.8\.0/);
		expect(status.latency?.avg).toEqual(expect.any(Number));
	});

	it('reads mntr by key among hundreds', () => {
		const answer = fixtureText('zk-mntr.standalone.captured.txt');
		expect(parseMntr(answer).size).toBeGreaterThan(100);
		expect(statusFromMntr(answer)).toMatchObject({mode: 'standalone'});
	});

	it('reports a whitelist refusal and a server without quorum', () => {
		const refusal = 'mntr is not executed because it is not in the whitelist.\n';
		expect(isNotWhitelisted(refusal)).toBe(true);
		expect(statusFromMntr(refusal).mode).toBe('refused');
		expect(parseSrvr('This ZooKeeper instance is not currently serving requests\n')).toMatchObject({mode: 'unknown', error: expect.stringContaining('not serving')});
	});
});
