import type {ZookeeperMember} from '../../lab/topology.js';
import {hostComment} from './host-comment.js';

/** zoo.cfg for one member of the three-member ensemble. */
export function zooCfg(member: ZookeeperMember, ensemble: readonly ZookeeperMember[]): string {
	return [
		...hostComment('stepFileZooCfg'),
		'tickTime=2000',
		'initLimit=10',
		'syncLimit=5',
		`dataDir=${member.dir}/data`,
		`clientPort=${member.clientPort}`,
		// The address the rest of the lab uses; masters and agents on other hosts connect here.
		`clientPortAddress=${member.host.address}`,
		...ensemble.map((peer) => `server.${peer.id}=${peer.host.address}:${peer.peerPort}:${peer.electionPort}`),
		// From 3.5 only srvr is answered by default; the lab's checks also use mntr, ruok and stat.
		'4lw.commands.whitelist=srvr,mntr,ruok,stat',
		// 3.5+ starts an admin web server on :8080, the port Marathon wants.
		'admin.enableServer=false',
		'autopurge.snapRetainCount=3',
		'autopurge.purgeInterval=24',
		'',
	].join('\n');
}

export function myid(member: ZookeeperMember): string {
	return `${member.id}\n`;
}
