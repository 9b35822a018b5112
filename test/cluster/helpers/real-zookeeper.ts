import {spawn, type ChildProcess} from 'node:child_process';
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {tethered} from '../../helpers/tethered.js';
import {sendFourLetterWord} from '../../../src/cluster/zookeeper-client.js';
import {waitFor} from '../../helpers/wait-for.js';

const javaDir = '/usr/share/java';
const jars = ['zookeeper.jar', 'zookeeper-jute.jar', 'slf4j-api.jar', 'slf4j-nop.jar', 'netty-handler.jar', 'netty-common.jar', 'netty-buffer.jar', 'netty-transport.jar', 'netty-resolver.jar', 'netty-codec.jar', 'netty-transport-native-epoll.jar', 'netty-transport-native-unix-common.jar', 'metrics-core.jar', 'snappy-java.jar', 'commons-cli.jar', 'commons-io.jar'];

/** Why Debian's ZooKeeper cannot be started here, or undefined when it can. */
export function zookeeperUnavailable(): string | undefined {
	if (!existsSync('/usr/bin/java')) {
		return 'java is missing (install default-jre-headless)';
	}
	return existsSync(join(javaDir, 'zookeeper.jar')) ? undefined : 'zookeeper.jar is missing (install zookeeper)';
}

export interface RealZookeeper {
	endpoint: string;
	stop(): Promise<void>;
}

/** A standalone Debian ZooKeeper on loopback; `whitelist` undefined keeps ZooKeeper's default (only srvr). */
export async function startZookeeper(port: number, whitelist: string | undefined): Promise<RealZookeeper> {
	const dir = mkdtempSync(join(tmpdir(), 'mesos-lab-zk-'));
	const config = [
		'tickTime=2000',
		`dataDir=${join(dir, 'data')}`,
		`clientPort=${port}`,
		'clientPortAddress=127.0.0.1',
		'admin.enableServer=false',
		...(whitelist === undefined ? [] : [`4lw.commands.whitelist=${whitelist}`]),
	].join('\n');
	writeFileSync(join(dir, 'zoo.cfg'), `${config}\n`);
	const classpath = jars.map(jar => join(javaDir, jar)).filter(path => existsSync(path)).join(':');
	const child: ChildProcess = spawn(...tethered('/usr/bin/java', ['-Xmx128m', '-cp', classpath, 'org.apache.zookeeper.server.ZooKeeperServerMain', join(dir, 'zoo.cfg')]), {stdio: ['ignore', 'ignore', 'pipe']});
	let stderr = '';
	child.stderr?.on('data', (chunk: Buffer) => {
		stderr += chunk.toString();
	});
	const endpoint = `127.0.0.1:${port}`;
	// An exited server is reported at once, not after the ceiling.
	const started = await waitFor(async () => {
		if (child.exitCode !== null) {
			return 'exited';
		}
		const answer = await sendFourLetterWord(endpoint, 'srvr', {timeoutMs: 1_000}).catch(() => '');
		return (answer.includes('Mode:') || answer.includes('whitelist')) && 'serving';
	}, `ZooKeeper on ${endpoint}`, {timeoutMs: 30_000, everyMs: 200, lastSeen: () => stderr.slice(-2000)}).catch((error: unknown) => {
		child.kill('SIGKILL');
		rmSync(dir, {recursive: true, force: true});
		throw error;
	});
	if (started === 'exited') {
		rmSync(dir, {recursive: true, force: true});
		throw new Error(`ZooKeeper exited with ${child.exitCode}: ${stderr.slice(-2000)}`);
	}
	return {
		endpoint,
		stop: async () => {
			if (child.exitCode === null) {
				const exited = new Promise(resolve => child.once('exit', resolve));
				child.kill('SIGTERM');
				await exited;
			}
			rmSync(dir, {recursive: true, force: true});
		},
	};
}
