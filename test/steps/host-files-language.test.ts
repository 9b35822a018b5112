import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseLab} from '../../src/lab/lab-file.js';
import {buildPlan} from '../../src/steps/catalog.js';
import {planningContext, renderPlanScript} from '../../src/steps/plan-script.js';
import {mavenSettings} from '../../src/steps/templates/maven-settings.js';

const examples = ['lab.yaml', 'lab-3-hosts.yaml'].map((file) => ({file, lab: parseLab(readFileSync(join('examples', file), 'utf8'), file)}));

/** The files an exported script writes: each `cat > path <<'MESOS_LAB_EOF'` body, by path and host section order. */
function filesIn(script: string): string[] {
	return [...script.matchAll(/^cat > (\S+) <<'MESOS_LAB_EOF'\n([\s\S]*?)\nMESOS_LAB_EOF$/gm)].map((match) => `${match[1]}\n${match[2]}`);
}

describe('files written on a host do not depend on the reader\'s language', () => {
	for (const {file, lab} of examples) {
		it(`plan --script writes the same files in zh and in en for ${file}`, async () => {
			const zh = filesIn(await renderPlanScript(lab, 'zh'));
			const en = filesIn(await renderPlanScript(lab, 'en'));
			expect(zh.length).toBeGreaterThan(5);
			expect(zh).toEqual(en);
		});
	}

	it('every "written by" comment reads in English, then in Chinese', async () => {
		const {lab} = examples[1]!;
		let commented = 0;
		for (const step of buildPlan(lab)) {
			for (const planned of (await step.plan(planningContext())).files) {
				const english = planned.content.indexOf('Written by mesos-lab');
				if (english === -1) {
					continue;
				}
				commented += 1;
				expect(planned.content.indexOf('由 mesos-lab 生成'), planned.path).toBeGreaterThan(english);
			}
		}
		expect(commented).toBeGreaterThan(5);
	});

	it('the Maven settings keep each language in its own XML comment', () => {
		const settings = mavenSettings('https://maven.aliyun.com/repository/public');
		expect(settings).toMatch(/^<!-- Written by mesos-lab: .* -->\n<!-- 由 mesos-lab 生成：.* -->$/m);
		// An XML comment may not hold "--" (XML 1.0, section 2.5).
		for (const body of settings.matchAll(/<!--([\s\S]*?)-->/g)) {
			expect(body[1]).not.toContain('--');
		}
	});
});
