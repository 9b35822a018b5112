import type {ClusterSnapshot} from '../../cluster/snapshot.js';

/**
 * What the screen would show from a snapshot, minus the clocks that tick on every refresh. Equal
 * fingerprints mean an idle cluster, and the dashboard skips the render.
 */
export function snapshotFingerprint(snapshot: ClusterSnapshot): string {
	return JSON.stringify([
		snapshot.simulated,
		snapshot.leaders,
		snapshot.zookeeper,
		snapshot.agents,
		snapshot.apps,
		snapshot.tasks,
		snapshot.backends,
		Object.entries(snapshot.sources).map(([name, status]) => (status.kind === 'stale' ? [name, status.kind, status.error] : [name, status.kind])),
	]);
}
