import {describe, expect, test} from 'vitest';
import {validateLab} from '../../src/lab/lab-file.js';
import {addressesOf, downloadsOf, estimateOf} from '../../src/install/lab-run.js';
import {fakeStep} from '../runner/fake-steps.js';

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

	test('several CentOS vaults are named in the order they are tried', () => {
		const vaults = ['https://gone.example.org/vault/', 'https://mirror.example.org/centos-vault/'];
		const downloads = downloadsOf({...threeHosts, mirrors: {...threeHosts.mirrors, centosVault: vaults}});
		expect(downloads).toContainEqual({what: 'CentOS 7 packages', from: `first answering of 2: ${vaults.join(', ')}`});
	});

	test('the estimate counts a minute per step still to do, and the Mesos build once', () => {
		const steps = [{...fakeStep('docker', {}), phase: 'docker' as const}, {...fakeStep('mesos-source', {}), phase: 'mesos-install' as const}, {...fakeStep('mesos-build', {}), phase: 'mesos-install' as const}];
		expect(estimateOf(threeHosts, steps, {})).toBe(3 * 60_000 + 90 * 60_000);
		const onlyDockerLeft = {'mesos-source@node1': {kind: 'satisfied', reason: {zh: 'unpacked', en: 'unpacked'}}, 'mesos-build@node1': {kind: 'satisfied', reason: {zh: 'built', en: 'built'}}} as const;
		expect(estimateOf(threeHosts, steps, onlyDockerLeft)).toBe(60_000);
	});
});
