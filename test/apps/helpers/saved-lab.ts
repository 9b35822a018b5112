import {validateLab} from '../../../src/lab/lab-file.js';
import {CheckpointStore} from '../../../src/state/checkpoint-store.js';
import type {SimHarness} from './sim-harness.js';

function portOf(url: string): number {
	return Number(new URL(url).port);
}

/** Saves, under `home`, a lab whose masters, Marathons and marathon-lb are the simulated cluster's, as `mesos-lab init` would. */
export function saveSimLab(h: SimHarness, home: string, labId: string): void {
	const lab = validateLab({
		hosts: [{name: 'node1', address: '127.0.0.1'}],
		ports: {
			masters: h.sim.mesosUrls.map(portOf),
			marathon: h.sim.marathonUrls.map(portOf),
			marathonLb: portOf(h.sim.lbUrl),
		},
	}, 'test lab');
	CheckpointStore.open(home, labId).saveLab(lab as unknown as Record<string, unknown>);
}
