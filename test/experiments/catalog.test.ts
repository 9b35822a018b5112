import {describe, expect, it} from 'vitest';
import {backendName, backendServers} from '../../src/experiments/cluster-probes.js';
import {experimentOffers, experiments, findExperiment} from '../../src/experiments/catalog.js';

describe('the guided experiments', () => {
	it('are the four of the tutorial, a look inside the agent and three on high availability, each explained in Chinese and English', () => {
		expect(experiments.map(e => e.id)).toEqual(['shell-app', 'nginx-docker', 'failover', 'virtual-host', 'inside', 'zk-quorum', 'master-failover', 'marathon-failover']);
		for (const experiment of experiments) {
			expect(experiment.title.zh).not.toBe(experiment.title.en);
			expect(experiment.lessons.length).toBeGreaterThanOrEqual(2);
			for (const lesson of experiment.lessons) {
				expect(lesson.zh).toMatch(/[\u4e00-\u9fff]/);
				expect(lesson.en).toMatch(/[a-z]/);
			}
		}
		expect(() => findExperiment('chaos')).toThrow(expect.objectContaining({message: 'There is no experiment "chaos".', hint: expect.stringContaining('shell-app, nginx-docker, failover, virtual-host, inside, zk-quorum, master-failover, marathon-failover')}));
	});

	it('are numbered in the order they run, one number each, the same in both languages', () => {
		const numerals = ['一', '二', '三', '四', '五', '六', '七', '八'];
		expect(experiments.map(e => /^Experiment (\d+): /.exec(e.title.en)?.[1])).toEqual(experiments.map((_, i) => String(i + 1)));
		expect(experiments.map(e => /^实验(.)：/.exec(e.title.zh)?.[1])).toEqual(experiments.map((_, i) => numerals[i]));
	});

	it('ask for the tutorial resources', () => {
		expect(findExperiment('shell-app').app({servicePort: 10000})).toMatchObject({cpus: 0.1, mem: 32, disk: 100, instances: 2, cmd: expect.stringContaining('hello')});
		expect(findExperiment('shell-app').app({servicePort: 10000}).container).toBeUndefined();
		expect(findExperiment('nginx-docker').app({servicePort: 10000})).toMatchObject({
			labels: {HAPROXY_GROUP: 'docker-haproxy'},
			container: {docker: {image: 'nginx', network: 'BRIDGE', portMappings: [{containerPort: 80, hostPort: 0, servicePort: 10000}]}},
			healthChecks: [{protocol: 'HTTP'}],
		});
		expect(findExperiment('virtual-host').app({servicePort: 10000}).labels).toMatchObject({HAPROXY_0_VHOST: 'nginx.lab.local'});
	});

	it('are offered after an install as commands on that lab, by the names the tutorial uses', () => {
		const offers = experimentOffers('home-lab');
		expect(offers.map(offer => offer.command)).toEqual([
			'mesos-lab lab hello --lab-id home-lab',
			'mesos-lab lab nginx --lab-id home-lab',
			'mesos-lab lab failover --lab-id home-lab',
			'mesos-lab lab vhost --lab-id home-lab',
			'mesos-lab lab inside --lab-id home-lab',
			'mesos-lab lab zk-quorum --lab-id home-lab',
			'mesos-lab lab master-failover --lab-id home-lab',
			'mesos-lab lab marathon-failover --lab-id home-lab',
		]);
		expect(offers.filter(offer => offer.topic === 'availability').map(offer => offer.id)).toEqual(['zk-quorum', 'master-failover', 'marathon-failover']);
		expect(offers.map(offer => findExperiment(offer.command.split(' ')[2]!).id)).toEqual(experiments.map(e => e.id));
		expect(offers[2]!.title.zh).toContain('杀掉一个容器');
	});

	it('read the servers of one backend from an HAProxy config', () => {
		const config = [
			'global', '  daemon', 'frontend nginx_10000', '  bind *:10000', '  use_backend nginx_10000',
			'backend nginx_10000', '  balance roundrobin', '  server 10_0_0_5_31001 10.0.0.5:31001 check inter 2s fall 11',
			'  server 10_0_0_5_31002 10.0.0.5:31002 check', 'backend other_10001', '  server a 10.0.0.6:31003', '',
		].join('\n');
		expect(backendServers(config, backendName('/nginx', 10000))).toEqual([
			{name: '10_0_0_5_31001', address: '10.0.0.5:31001'},
			{name: '10_0_0_5_31002', address: '10.0.0.5:31002'},
		]);
		expect(backendName('/tools/web', 10001)).toBe('tools_web_10001');
	});
});
