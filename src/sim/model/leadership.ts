import type {SimMarathon, SimMaster, SimZkMember} from './types.js';

// Who may lead, decided the way the real daemons decide it:
// - ZooKeeper serves only while a majority of its members runs; the running member with the
//   highest myid wins an election among equally up-to-date members (FastLeaderElection compares
//   zxid first, then the server id).
// - A Mesos master leads only while ZooKeeper serves (its contender znode lives in a ZooKeeper
//   session) and a quorum of masters runs (the registry in the replicated log needs a majority of
//   replicas to be read or written). Among the live masters the one whose `json.info_` znode is
//   oldest, that is the one that joined first, wins.
// - A Marathon leads only while ZooKeeper serves (Curator's LeaderLatch); a running standby takes
//   over when the leader stops.

export function majority(size: number): number {
	return Math.floor(size / 2) + 1;
}

export function zookeeperServes(members: readonly SimZkMember[]): boolean {
	return members.filter(m => m.state !== 'down').length >= majority(members.length);
}

/** Re-runs the ensemble's election after a member stopped or started. */
export function electZookeeper(members: SimZkMember[]): void {
	const running = members.filter(m => m.state !== 'down');
	if (running.length < majority(members.length)) {
		for (const member of running) member.state = 'looking';
		return;
	}
	if (running.some(m => m.state === 'leader')) {
		for (const member of running) if (member.state === 'looking') member.state = 'follower';
		return;
	}
	const winner = running.reduce((best, m) => (m.id > best.id ? m : best));
	for (const member of running) member.state = member === winner ? 'leader' : 'follower';
}

/** Puts the Mesos leadership where the rules above allow it; returns the master newly elected, if any. */
export function electMaster(masters: SimMaster[], zkServes: boolean, quorum: number, now: number): SimMaster | undefined {
	const live = masters.filter(m => m.state !== 'down');
	const canLead = zkServes && live.length >= quorum;
	const leader = live.find(m => m.state === 'leader');
	if (!canLead) {
		if (leader) {
			leader.state = 'standby';
			leader.electedAt = null;
		}
		return undefined;
	}
	if (leader) return undefined;
	const first = live.reduce<SimMaster | undefined>((best, m) => (best === undefined || m.startedAt < best.startedAt ? m : best), undefined);
	if (!first) return undefined;
	first.state = 'leader';
	first.electedAt = now;
	return first;
}

/** Marathon's leadership: none without ZooKeeper, otherwise the leader stays or the first running standby takes over. */
export function electMarathon(marathons: SimMarathon[], zkServes: boolean): void {
	const leader = marathons.find(m => m.state === 'leader');
	if (!zkServes) {
		if (leader) leader.state = 'standby';
		return;
	}
	if (leader) return;
	const next = marathons.find(m => m.state === 'standby');
	if (next) next.state = 'leader';
}
