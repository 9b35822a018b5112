import {describe, expect, it} from 'vitest';
import type {Lab} from '../../src/lab/lab-schema.js';
import {buildPlan} from '../../src/steps/catalog.js';
import {hintFor} from '../../src/steps/step-kit.js';
import type {Step} from '../../src/steps/step.js';
import {exampleLabs} from './labs.js';

/**
 * What each tool really prints when the failure happens, fed to the hints of the step where it
 * happens, as the runner does. Texts follow the tools' own wording: yum's urlgrabber errors on
 * CentOS 7, the Docker daemon's pull errors, curl 7.29's exit messages, Maven's wagon errors,
 * Mesos' docker.cpp and the ZooKeeper C client's log lines.
 */
const realFailures: Array<{step: string; what: string; output: string; hint: string}> = [
	{step: 'yum-vault', what: 'yum cannot resolve the mirror list', hint: 'dead-mirror', output: [
		'Loaded plugins: fastestmirror',
		'Could not retrieve mirrorlist http://mirrorlist.centos.org/?release=7&arch=x86_64&repo=os&infra=stock error was',
		'14: curl#6 - "Could not resolve host: mirrorlist.centos.org; Unknown error"',
		'',
		' One of the configured repositories failed (Unknown),',
		' and yum doesn\'t have enough cached data to continue.',
		'Cannot find a valid baseurl for repo: base/7/x86_64',
	].join('\n')},
	{step: 'yum-update', what: 'a vault path that is gone', hint: 'dead-mirror', output: [
		'http://mirror.centos.org/centos/7/os/x86_64/repodata/repomd.xml: [Errno 14] HTTP Error 404 - Not Found',
		'Trying other mirror.',
	].join('\n')},
	{step: 'marathon-1', what: 'a Docker pull without DNS', hint: 'registry-unreachable', output:
		'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 10.0.2.3:53: no such host'},
	{step: 'marathon-lb', what: 'a Docker pull whose name resolution fails', hint: 'registry-unreachable', output:
		'Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io: Temporary failure in name resolution'},
	{step: 'marathon-lb', what: 'a Docker pull that times out', hint: 'registry-unreachable', output:
		'Error response from daemon: Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)'},
	{step: 'marathon-1', what: 'Docker Hub\'s anonymous limit', hint: 'registry-rate-limit', output:
		'Error response from daemon: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit'},
	{step: 'zookeeper-download', what: 'curl cannot resolve the Apache mirror', hint: 'download-failed', output:
		'curl: (6) Could not resolve host: archive.apache.org; Unknown error'},
	{step: 'mesos-source', what: 'a release that is not on the mirror', hint: 'download-failed', output:
		'  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\ncurl: (22) The requested URL returned error: 404 Not Found'},
	{step: 'zookeeper-download', what: 'a download that does not match its digest', hint: 'checksum-mismatch', output:
		'checksum mismatch for /opt/mesos-lab/downloads/apache-zookeeper-3.8.4-bin.tar.gz: expected 5d1d…, got 0e3a…'},
	{step: 'zookeeper-download', what: 'a mirror that publishes no digest beside the download', hint: 'no-digest-published', output:
		'checksum mismatch for /opt/mesos-lab/downloads/apache-zookeeper-3.8.4-bin.tar.gz: no digest is published next to https://mirrors.example/zookeeper/apache-zookeeper-3.8.4-bin.tar.gz; pin one under checksum.value'},
	{step: 'yum-vault', what: 'no CentOS vault mirror answers (our repo rewrite script)', hint: 'no-vault-mirror', output: [
		'vault mirror http://vault.centos.org does not answer',
		'no vault mirror answered: http://vault.centos.org http://archive.kernel.org/centos-vault',
	].join('\n')},
	{step: 'mesos-build', what: 'an install that left no mesos-master where the links look', hint: 'mesos-not-found', output:
		'mesos-master is in none of: /usr/local/sbin /usr/sbin'},
	{step: 'mesos-build', what: 'Maven fetching over plain http', hint: 'maven-501', output:
		'[ERROR] Failed to execute goal on project mesos: Could not resolve dependencies: Failed to collect dependencies at com.google.protobuf:protobuf-java:jar:3.5.0: Failed to read artifact descriptor: Could not transfer artifact com.google.protobuf:protobuf-java:pom:3.5.0 from/to central (http://repo.maven.apache.org/maven2): Failed to transfer file: http://repo.maven.apache.org/maven2/com/google/protobuf/protobuf-java/3.5.0/protobuf-java-3.5.0.pom. Return code is: 501 , ReasonPhrase:HTTPS Required.'},
	{step: 'mesos-build', what: 'the compiler killed for memory', hint: 'cc1plus-killed', output:
		'  CXX      slave/libmesos_no_3rdparty_la-slave.lo\ng++: internal compiler error: Killed (program cc1plus)\nPlease submit a full bug report,'},
	{step: 'mesos-master-1', what: 'the master\'s port already taken', hint: 'port-in-use', output:
		'Failed to initialize: Failed to bind on 0.0.0.0:5050: Address already in use: Address already in use [98]'},
	{step: 'zookeeper-member-1', what: 'ZooKeeper\'s client port already taken', hint: 'port-in-use', output:
		'java.net.BindException: Address already in use\n\tat sun.nio.ch.Net.bind0(Native Method)'},
	{step: 'zookeeper-ensemble', what: 'a member without quorum', hint: 'zookeeper-no-quorum', output:
		'This ZooKeeper instance is not currently serving requests'},
	{step: 'mesos-master-1', what: 'the master cannot reach ZooKeeper', hint: 'master-cannot-reach-zookeeper', output:
		'2026-11-30 10:00:01,223:4242(0x7f2c):ZOO_ERROR@handle_socket_error_msg@1746: Socket [10.0.0.11:2181] zk retcode=-4, errno=111(Connection refused): server refused to accept the client'},
	{step: 'marathon-1', what: 'Marathon without libmesos', hint: 'marathon-libmesos', output:
		'Exception in thread "main" java.lang.UnsatisfiedLinkError: no mesos in java.library.path'},
	{step: 'mesos-agent', what: 'Docker 26 without ContainerConfig', hint: 'docker-container-config', output:
		'Failed to launch container: Unable to find \'ContainerConfig.Entrypoint\''},
	{step: 'swap-file', what: 'a filesystem that refuses swap files', hint: 'swap-file-refused', output:
		'swapon: /swapfile: swapon failed: Invalid argument'},
	{step: 'docker-load-offline', what: 'an offline archive that is not there', hint: 'offline-archive-missing', output:
		'open /root/bundle/images.tar: no such file or directory'},
	{step: 'docker-login', what: 'docker login without a terminal', hint: 'docker-login-needs-password', output:
		'Error: Cannot perform an interactive login from a non TTY device'},
];

function everyStep(): Step[] {
	const base = exampleLabs()[0]!.lab;
	// The optional steps (swap file, registry login, offline images) exist only when the lab asks for them.
	const withOptions: Lab = {...base, swapFile: {sizeGiB: 4, path: '/swapfile'}, docker: {login: {registry: 'docker.io', user: 'newcomer'}, offlineImages: ['/root/bundle/images.tar']}};
	return buildPlan(withOptions);
}

describe('failure hints follow the failing command\'s own words', () => {
	const steps = everyStep();

	for (const failure of realFailures) {
		it(`${failure.step}: ${failure.what} → ${failure.hint}`, () => {
			const step = steps.find(candidate => candidate.id === failure.step);
			expect(step, failure.step).toBeDefined();
			expect(hintFor(step!.hints, failure.output, 'exit 1')?.id).toBe(failure.hint);
		});
	}

	it('every hint in the catalog is matched by one of the real failures above', () => {
		const catalog = new Set(steps.flatMap(step => step.hints.map(hint => hint.id)));
		const fed = new Set(realFailures.map(failure => failure.hint));
		expect([...catalog].filter(id => !fed.has(id))).toEqual([]);
	});

	it('a DNS failure on a Docker pull never gets the yum mirror hint, wherever the pull runs', () => {
		const pull = realFailures.find(failure => failure.hint === 'registry-unreachable')!.output;
		for (const step of steps) {
			expect(hintFor(step.hints, pull)?.id, step.id).not.toBe('dead-mirror');
		}
	});
});
