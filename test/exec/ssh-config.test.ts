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

	it('refuses a chain of jump hosts with a message', () => {
		expect(() => resolveSshEndpoint({alias: 'deep', configText: config, home: '/home/me'})).toThrow(UserInputError);
	});

	it('falls back to the name as typed when no Host matches', () => {
		expect(resolveSshEndpoint({alias: '10.1.1.1', configText: '', home: '/h'})).toMatchObject({host: '10.1.1.1', port: 22});
	});
});
