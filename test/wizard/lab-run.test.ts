import {describe, expect, test} from 'vitest';
import {validateLab} from '../../src/lab/lab-file.js';
import {addressesOf, downloadsOf} from '../../src/wizard/lab-run.js';

const threeHosts = validateLab({
	language: 'en',
	hosts: [
		{name: 'm1', address: '10.1.0.1'},
		{name: 'm2', address: '10.1.0.2'},
		{name: 'lb', address: '10.1.0.3'},
	],
	roles: {zookeeper: ['m1', 'm2', 'lb'], masters: ['m1', 'm2', 'lb'], agents: ['lb'], marathon: ['m2', 'm1'], marathonLb: 'lb'},
	mirrors: {preset: 'global', centosVault: ['https://mirror.example.org/centos-vault/'], registryMirrors: ['https://registry.example.org']},
}, 'test lab');

describe('what the summary and the review say about a lab', () => {
	test('the addresses are the first master, the first Marathon and the load balancer stats page', () => {
		expect(addressesOf(threeHosts)).toEqual({
			mesos: 'http://10.1.0.1:5050',
			marathon: 'http://10.1.0.2:8080',
			haproxyStats: 'http://10.1.0.3:9090/haproxy?stats',
		});
	});

	test('each download names the mirror it comes from', () => {
		const downloads = downloadsOf(threeHosts);
		expect(downloads).toContainEqual({what: 'CentOS 7 packages', from: 'https://mirror.example.org/centos-vault/'});
		expect(downloads).toContainEqual({what: 'mesosphere/marathon:v1.10.26', from: 'https://registry.example.org'});
		expect(downloads.find(download => download.what.startsWith('Mesos 1.11.0'))?.what).toBe('Mesos 1.11.0 (build)');
	});
});
