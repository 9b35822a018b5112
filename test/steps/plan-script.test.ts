import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseLab} from '../../src/lab/lab-file.js';
import {resolveMirrors} from '../../src/lab/mirrors.js';
import {applyRegistryMirrors, installPinnedDocker} from '../../src/steps/docker.js';
import {linkMesosScript} from '../../src/steps/mesos-paths.js';
import {mesosBuildScript} from '../../src/steps/mesos-install.js';
import {renderPlanScript} from '../../src/steps/plan-script.js';
import {fetchChecked} from '../../src/steps/step-kit.js';
import {repoRewriteScript} from '../../src/steps/templates/yum-repos.js';

const examples = ['lab.yaml', 'lab-3-hosts.yaml'].map((file) => ({file, lab: parseLab(readFileSync(join('examples', file), 'utf8'), file)}));
const single = examples[0]!.lab;
const download = {url: 'https://files.internal/mesos-1.11.0-1.el7.x86_64.rpm', checksum: {algorithm: 'sha256' as const, value: 'a'.repeat(64)}};
// The examples, and the one VM as a sudo user, with Mesos from an RPM and from a third-party repo.
const labs = [
	...examples,
	{file: 'lab.yaml as a sudo user', lab: {...single, hosts: single.hosts.map((host) => ({...host, user: 'centos'}))}},
	{file: 'lab.yaml with mesos.source rpm', lab: {...single, mesos: {source: 'rpm' as const, download}}},
	{file: 'lab.yaml with a third-party repo', lab: {...single, mesos: {source: 'third-party-repo' as const, thirdPartyRepo: 'https://rpm.aventer.biz/CentOS/7/x86_64/', thirdPartyGpgKey: 'https://www.aventer.biz/CentOS/support_aventer.asc'}}},
];

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
					const script = readFileSync(path, 'utf8');
					expect(script).toContain(language === 'zh' ? 'ZooKeeper 成员' : 'ZooKeeper member');
					expect(script).toMatch(/^if \[ "\$\(id -u\)" -ne 0 \]; then .*sudo bash install\.sh/m);
				} finally {
					rmSync(dir, {recursive: true, force: true});
				}
			});
		}
	}
});

describe('programs the steps run on the target', () => {
	const programs: Array<[string, string]> = [
		['the yum repo rewrite', repoRewriteScript(resolveMirrors(single).centosVault, resolveMirrors(single).epelArchive)],
		['the checked download', `#!/bin/bash\n${fetchChecked}\n`],
		['the registry mirror probe', `#!/bin/bash\n${applyRegistryMirrors}\n`],
		['the Mesos build', `#!/bin/bash\n${mesosBuildScript}\n`],
		['the pinned, locked Docker install', `#!/bin/bash\n${installPinnedDocker}\n`],
		['the links to the installed Mesos', `#!/bin/bash\n${linkMesosScript}\n`],
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
