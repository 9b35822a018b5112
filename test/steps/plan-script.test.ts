import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseLab} from '../../src/lab/lab-file.js';
import {resolveMirrors} from '../../src/lab/mirrors.js';
import {applyRegistryMirrors} from '../../src/steps/docker.js';
import {mesosBuildScript} from '../../src/steps/mesos-install.js';
import {renderPlanScript} from '../../src/steps/plan-script.js';
import {fetchChecked} from '../../src/steps/step-kit.js';
import {repoRewriteScript} from '../../src/steps/templates/yum-repos.js';

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

describe('programs the steps run on the target', () => {
	const [single] = labs;
	const programs: Array<[string, string]> = [
		['the yum repo rewrite', repoRewriteScript(resolveMirrors(single!.lab).centosVault, resolveMirrors(single!.lab).epelArchive)],
		['the checked download', `#!/bin/bash\n${fetchChecked}\n`],
		['the registry mirror probe', `#!/bin/bash\n${applyRegistryMirrors}\n`],
		['the Mesos build', `#!/bin/bash\n${mesosBuildScript}\n`],
	];

	it.each(programs)('%s is valid bash that shellcheck accepts', (_name, program) => {
		const dir = mkdtempSync(join(tmpdir(), 'step-program-'));
		try {
			const path = join(dir, 'program.sh');
			writeFileSync(path, program);
			execFileSync('bash', ['-n', path]);
			execFileSync('shellcheck', ['-S', 'warning', path]);
			expect(program.startsWith('#!/bin/bash\n')).toBe(true);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
