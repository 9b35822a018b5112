import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {UserInputError} from '../../src/errors.js';
import {resolveSshEndpoint} from '../../src/exec/ssh-config.js';

const config = `
# lab machines
Host master?
	HostName %h.lab
	User centos
	IdentityFile ~/.ssh/lab_%r

Host master1
	Port 2201
	User ignored-because-first-wins

Host inner
	HostName 10.0.0.7
	ProxyJump ops@bastion:2222

Host bastion
	HostName bastion.example.lab
	IdentityFile ~/.ssh/bastion

Host deep
	ProxyJump a,b

Host *
	User fallback
	IdentityFile ~/.ssh/id_ed25519
`;

describe('ssh config', () => {
	it('applies HostName, User, Port and IdentityFile to an alias, first value winning', () => {
		expect(resolveSshEndpoint({alias: 'master1', configText: config, home: '/home/me'})).toEqual({
			host: 'master1.lab',
			port: 2201,
			user: 'centos',
			identityFiles: ['/home/me/.ssh/lab_centos', '/home/me/.ssh/id_ed25519'],
		});
	});

	it('lets the command line override the config', () => {
		const endpoint = resolveSshEndpoint({alias: 'master2', user: 'root', port: 22, configText: config, home: '/home/me'});
		expect(endpoint).toMatchObject({port: 22, user: 'root', identityFiles: ['/home/me/.ssh/lab_root', '/home/me/.ssh/id_ed25519']});
	});

	it('resolves one ProxyJump hop through the same config', () => {
		const endpoint = resolveSshEndpoint({alias: 'inner', configText: config, home: '/home/me'});
		expect(endpoint.host).toBe('10.0.0.7');
		expect(endpoint.proxyJump).toEqual({
			host: 'bastion.example.lab',
			port: 2222,
			user: 'ops',
			identityFiles: ['/home/me/.ssh/bastion', '/home/me/.ssh/id_ed25519'],
		});
	});

	it('resolves a chain of two jump hosts: the target through b, b through a', () => {
		const endpoint = resolveSshEndpoint({alias: 'deep', configText: config, home: '/home/me'});
		expect(endpoint.proxyJump).toMatchObject({host: 'b', proxyJump: {host: 'a', user: 'fallback'}});
		expect(endpoint.proxyJump?.proxyJump?.proxyJump).toBeUndefined();
	});

	it('refuses a jump host that leads back to itself', () => {
		expect(() => resolveSshEndpoint({alias: 'loop', configText: 'Host loop\n  ProxyJump loop\n', home: '/home/me'})).toThrow(UserInputError);
	});

	it('reads the files Include names, relative to ~/.ssh, in and out of Host blocks', () => {
		const home = mkdtempSync(join(tmpdir(), 'mesos-lab-sshcfg-'));
		try {
			mkdirSync(join(home, '.ssh', 'conf.d'), {recursive: true});
			writeFileSync(join(home, '.ssh', 'conf.d', 'lab.conf'), 'Host vm\n  HostName 192.168.56.10\n  Port 2222\n');
			writeFileSync(join(home, '.ssh', 'ops.conf'), 'User ops\n');
			const text = 'Include conf.d/*.conf\nHost bastion\n  Include ops.conf\n  Port 2200\nHost *\n  User someone\n';
			expect(resolveSshEndpoint({alias: 'vm', configText: text, home})).toMatchObject({host: '192.168.56.10', port: 2222, user: 'someone'});
			expect(resolveSshEndpoint({alias: 'bastion', configText: text, home})).toMatchObject({host: 'bastion', port: 2200, user: 'ops'});
		} finally {
			rmSync(home, {recursive: true, force: true});
		}
	});

	it('names a --ssh-config file that is not there', () => {
		expect(() => resolveSshEndpoint({alias: 'vm', configPath: '/nonexistent/ssh_config', home: '/h'})).toThrow(/\/nonexistent\/ssh_config does not exist/);
	});

	it('falls back to the name as typed when no Host matches', () => {
		expect(resolveSshEndpoint({alias: '10.1.1.1', configText: '', home: '/h'})).toMatchObject({host: '10.1.1.1', port: 22});
	});
});
