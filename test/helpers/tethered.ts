/**
 * The argv that starts `command` so the kernel kills it when the test process that started it dies
 * (PR_SET_PDEATHSIG through util-linux's setpriv). A test worker that crashes or is killed then
 * leaves no sshd, ZooKeeper or HAProxy behind to hold ports and confuse the next run.
 */
export function tethered(command: string, args: readonly string[]): [string, string[]] {
	return ['/usr/bin/setpriv', ['--pdeathsig', 'KILL', '--', command, ...args]];
}
