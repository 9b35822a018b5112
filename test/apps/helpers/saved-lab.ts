import {validateLab} from '../../../src/lab/lab-file.js';
import {CheckpointStore} from '../../../src/state/checkpoint-store.js';
import type {SimHarness} from './sim-harness.js';

function portOf(url: string): number {
	return Number(new URL(url).port);
}

/**
 * Saves, under `home`, a lab whose masters and Marathons are the simulated cluster's, as `mesos-lab init` would.
 * Its marathon-lb is at 9090, where marathon-lb always serves stats: the simulated one is there only when the
 * harness was started with `lbPort: 9090`.
 */
export function saveSimLab(h: SimHarness, home: string, labId: string): void {
	const lab = validateLab({
		hosts: [{name: 'node1', address: '127.0.0.1'}],
		ports: {
			masters: h.sim.mesosUrls.map(portOf),
			marathon: h.sim.marathonUrls.map(portOf),
		},
	}, 'test lab');
	CheckpointStore.open(home, labId).saveLab(lab);
}
