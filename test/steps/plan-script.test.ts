import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseLab} from '../../src/lab/lab-file.js';
import {renderPlanScript} from '../../src/steps/plan-script.js';

const labs = ['lab.yaml', 'lab-3-hosts.yaml'].map((file) => ({file, lab: parseLab(readFileSync(join('examples', file), 'utf8'), file)}));

describe('plan --script', () => {
	for (const {file, lab} of labs) {
		for (const language of ['zh', 'en'] as const) {
			it(`is valid bash that shellcheck accepts for ${file} in ${language}`, async () => {
				const dir = mkdtempSync(join(tmpdir(), 'plan-script-'));
				try {
					const path = join(dir, 'install.sh');
					writeFileSync(path, await renderPlanScript(lab, language));
					execFileSync('bash', ['-n', path]);
					execFileSync('shellcheck', ['-S', 'warning', path]);
					expect(readFileSync(path, 'utf8')).toContain(language === 'zh' ? 'ZooKeeper 成员' : 'ZooKeeper member');
				} finally {
					rmSync(dir, {recursive: true, force: true});
				}
			});
		}
	}
});
