import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {SshExecutor, type SshExecutorOptions} from '../../src/exec/ssh-executor.js';
import type {SshdServer} from '../helpers/sshd.js';

/** A client-side folder with a known_hosts that trusts the server, and an executor factory. */
export function sshClientFor(server: SshdServer): {home: string; knownHostsPath: string; executor: (overrides?: Partial<SshExecutorOptions>) => SshExecutor; cleanup: () => void} {
	const home = mkdtempSync(join(tmpdir(), 'mesos-lab-client-'));
	const knownHostsPath = join(home, 'known_hosts');
	writeFileSync(knownHostsPath, `${server.knownHostsLine}\n`);
	return {
		home,
		knownHostsPath,
		executor: overrides => new SshExecutor({
			endpoint: {host: '127.0.0.1', port: server.port, user: 'root', identityFiles: [server.userKeyPath]},
			hostKeys: {knownHostsPath},
			agentSocket: false,
			killGraceMs: 500,
			...overrides,
		}),
		cleanup: () => rmSync(home, {recursive: true, force: true}),
	};
}
