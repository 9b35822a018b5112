import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildPlan} from '../../src/steps/catalog.js';
import {planningContext} from '../../src/steps/plan-script.js';
import {exampleLabs} from './labs.js';

// Every file a plan writes is compared with a reviewed copy; UPDATE_GOLDEN=1 rewrites the copies.
const goldenRoot = join('test', 'steps', 'golden');

describe('generated files match their reviewed copies', () => {
	for (const {name, lab} of exampleLabs()) {
		it(`for the ${name} lab`, async () => {
			const seen: string[] = [];
			for (const step of buildPlan(lab)) {
				const plan = await step.plan(planningContext());
				for (const file of plan.files) {
					const golden = join(goldenRoot, name, step.host, file.path);
					seen.push(`${step.host}${file.path}`);
					if (process.env.UPDATE_GOLDEN === '1') {
						mkdirSync(dirname(golden), {recursive: true});
						writeFileSync(golden, file.content);
					}
					expect(existsSync(golden), `missing golden file ${golden}`).toBe(true);
					expect(file.content).toBe(readFileSync(golden, 'utf8'));
				}
			}
			const kinds = ['zoo.cfg', 'myid', '.service', '.repo', 'daemon.json.mesos-lab', 'mesos-lab-yum-repos', 'mesos-lab.action', 'mesos-lab.conf'];
			for (const kind of kinds) {
				expect(seen.some((path) => path.endsWith(kind)), `no ${kind} generated`).toBe(true);
			}
		});
	}
});
