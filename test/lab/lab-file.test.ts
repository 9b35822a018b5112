import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {UserInputError} from '../../src/errors.js';
import {defaultLab, parseLab, serializeLab} from '../../src/lab/lab-file.js';
import {resolveMirrors} from '../../src/lab/mirrors.js';

function problem(text: string): string {
	try {
		parseLab(text, 'lab.yaml');
	} catch (error) {
		expect(error).toBeInstanceOf(UserInputError);
		return (error as UserInputError).message;
	}
	throw new Error('the lab was accepted');
}

describe('reading a lab file', () => {
	it('places every role on the only host, as the tutorial does', () => {
		const lab = parseLab('hosts:\n  - {name: vm, address: 192.168.56.10}\n', 'lab.yaml');
		expect(lab.roles).toEqual({zookeeper: ['vm', 'vm', 'vm'], masters: ['vm', 'vm', 'vm'], agents: ['vm'], marathon: ['vm', 'vm'], marathonLb: 'vm'});
		expect(lab.versions).toMatchObject({mesos: '1.11.0', dockerCe: '24.0.9'});
		expect(lab.language).toBe('zh');
	});

	it('reads both examples', () => {
		for (const file of ['examples/lab.yaml', 'examples/lab-3-hosts.yaml']) {
			expect(parseLab(readFileSync(file, 'utf8'), file).hosts.length).toBeGreaterThan(0);
		}
	});

	it('refuses a password in the file and says what to use instead', () => {
		expect(problem('hosts:\n  - {name: vm, address: 10.0.0.1, password: secret}\n')).toMatch(/hosts\.0\.password is not allowed/);
	});

	it('names the field and the allowed values of a bad enum', () => {
		expect(problem('language: fr\nhosts:\n  - {name: vm, address: 10.0.0.1}\n')).toMatch(/language: must be one of "zh", "en"/);
		expect(problem('hosts:\n  - {name: vm, address: 10.0.0.1}\nmirrors: {preset: moon}\n')).toMatch(/mirrors\.preset: must be one of "china", "global", "custom"/);
	});

	it('names unknown fields', () => {
		expect(problem('hosts:\n  - {name: vm, address: 10.0.0.1}\nversion: {mesos: 1.11.0}\n')).toMatch(/unknown field version/);
	});

	it('refuses a role on a host that does not exist', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nroles: {zookeeper: [a, a, b], masters: [a, a, a], agents: [a], marathon: [a, a], marathonLb: a}\n')).toMatch(/roles\.zookeeper\.2 names host "b"/);
	});

	it('refuses two agents on one host and explains why', () => {
		expect(() => parseLab('hosts:\n  - {name: a, address: 10.0.0.1}\nroles: {zookeeper: [a, a, a], masters: [a, a, a], agents: [a, a], marathon: [a, a], marathonLb: a}\n', 'lab.yaml')).toThrow(/twice/);
	});

	it('refuses a port that marathon-lb\'s HAProxy binds on its own host, but allows it elsewhere', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nports: {marathon: [8080, 443]}\n')).toMatch(/port 443 on host a is wanted by both ports\.marathon\.1 and marathon-lb \(https vhosts\)/);
		const spread = 'hosts:\n  - {name: a, address: 10.0.0.1}\n  - {name: b, address: 10.0.0.2}\nroles: {zookeeper: [a, a, a], masters: [a, a, a], agents: [b], marathon: [a, a], marathonLb: b}\nports: {marathon: [8080, 443]}\n';
		expect(parseLab(spread, 'lab.yaml').ports.marathon).toEqual([8080, 443]);
	});

	it('refuses two processes on one port of one host', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nports: {masters: [5050, 5050, 5052]}\n')).toMatch(/port 5050 on host a is wanted by both ports\.masters\.0 and ports\.masters\.1/);
	});

	it('refuses a custom mirror preset without the URLs', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nmirrors: {preset: custom, maven: "https://m.example/maven"}\n')).toMatch(/mirrors\.centosVault/);
	});

	it('refuses a URL carrying shell characters', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nmirrors: {maven: "https://x/$(reboot)"}\n')).toMatch(/mirrors\.maven/);
	});

	it('asks for identityFile when auth is identity-file', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1, auth: identity-file}\n')).toMatch(/identityFile is required/);
	});

	const host = 'hosts:\n  - {name: a, address: 10.0.0.1}\n';
	it.each([
		['a host name with a space', 'hosts:\n  - {name: a, address: "10.0.0.1 ; reboot"}\n', /hosts\.0\.address: must be a host name or IP address/],
		['a port out of range', 'hosts:\n  - {name: a, address: 10.0.0.1, port: 70000}\n', /hosts\.0\.port: .*65535/],
		['an unknown auth method', 'hosts:\n  - {name: a, address: 10.0.0.1, auth: kerberos}\n', /hosts\.0\.auth: must be one of "identity-file", "agent", "password-prompt"/],
		['no hosts at all', 'language: en\n', /hosts: expected array/],
		['three ZooKeepers asked for, two given', `${host}roles: {zookeeper: [a, a], masters: [a, a, a], agents: [a], marathon: [a, a], marathonLb: a}\n`, /roles\.zookeeper: .*3/],
		['a Mesos source that does not exist', `${host}mesos: {source: apt}\n`, /mesos\.source: must be one of "build", "rpm", "tarball", "third-party-repo"/],
		['an RPM without its download', `${host}mesos: {source: rpm}\n`, /mesos\.download is required when mesos\.source is rpm/],
		['a third-party repo without its URL', `${host}mesos: {source: third-party-repo}\n`, /mesos\.thirdPartyRepo and mesos\.thirdPartyGpgKey are required/],
		['a third-party repo over plain http', `${host}mesos: {source: third-party-repo, thirdPartyRepo: "http://rpm.aventer.biz/CentOS/7/x86_64/", thirdPartyGpgKey: "https://www.aventer.biz/CentOS/support_aventer.asc"}\n`, /mesos\.thirdPartyRepo: must be an https:\/\/ URL/],
		['a marathon-lb stats port other than 9090', `${host}ports: {marathonLb: 9999}\n`, /ports\.marathonLb: .*9090/],
		['a Marathon tarball without its download', `${host}marathon: {source: tarball}\n`, /marathon\.download is required when marathon\.source is tarball/],
		['a checksum algorithm nobody publishes', `${host}zookeeper: {download: {url: "https://m/zk.tgz", checksum: {algorithm: md4}}}\n`, /zookeeper\.download\.checksum\.algorithm: must be one of "sha512", "sha256", "sha1"/],
		['a digest that is not hex', `${host}zookeeper: {download: {url: "https://m/zk.tgz", checksum: {algorithm: sha1, value: nothex}}}\n`, /zookeeper\.download\.checksum\.value/],
		['an offline file given as a relative path', `${host}zookeeper: {download: {url: "https://m/zk.tgz", checksum: {algorithm: sha1}, localFile: bundle/zk.tgz}}\n`, /zookeeper\.download\.localFile: must be an absolute path/],
		['an offline image archive given as a relative path', `${host}docker: {offlineImages: [marathon.tar]}\n`, /docker\.offlineImages\.0: must be an absolute path/],
		['a registry mirror that is not a URL', `${host}mirrors: {registryMirrors: [docker.m.daocloud.io]}\n`, /mirrors\.registryMirrors\.0: must be an http\(s\):\/\/ or file:\/\/ URL/],
		['a preflight check that does not exist', `${host}ignorePreflight: [memroy]\n`, /ignorePreflight\.0: must be one of os, cpus, memory/],
		['a swap file of zero GiB', `${host}swapFile: {sizeGiB: 0}\n`, /swapFile\.sizeGiB: .*1/],
		['a docker login user with a space', `${host}docker: {login: {registry: docker.io, user: "a b"}}\n`, /docker\.login\.user: must be a user name/],
		['a version with a slash', `${host}versions: {mesos: "1.11/../0"}\n`, /versions\.mesos: must be a version such as 1\.11\.0/],
	])('names the field and what is allowed for %s', (_case, text, expected) => {
		expect(problem(text)).toMatch(expected);
	});

	it('accepts a swap file with its default size and path', () => {
		expect(parseLab(`${host}swapFile: {}\n`, 'lab.yaml').swapFile).toEqual({sizeGiB: 4, path: '/swapfile'});
	});

	it('reports broken YAML as a user error', () => {
		expect(problem('hosts: [\n')).toMatch(/not valid YAML/);
	});
});

describe('writing a lab file', () => {
	it('round-trips the default lab through YAML', () => {
		const lab = defaultLab({address: '192.168.56.10', identityFile: '/root/.ssh/id_ed25519', language: 'en'});
		expect(parseLab(serializeLab(lab), 'written.yaml')).toEqual(lab);
	});

	it('uses vault, archive and https locations for the china preset', () => {
		const lab = parseLab('hosts:\n  - {name: a, address: 10.0.0.1}\nmirrors: {preset: china, maven: "https://nexus.internal/maven"}\n', 'lab.yaml');
		const mirrors = resolveMirrors(lab);
		expect(mirrors.centosVault[0]).toContain('centos-vault');
		expect(mirrors.epelArchive).toContain('epel-archive');
		expect(mirrors.maven).toBe('https://nexus.internal/maven');
	});
});
