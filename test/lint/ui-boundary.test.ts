import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

// The project's own eslint.config.js, applied to a module as if it sat in each folder: the boundary
// is whatever `npm run lint` enforces, not a copy of it.
const eslint = new ESLint({cwd: process.cwd()});

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, {filePath});
	return (result?.messages ?? []).filter(message => message.ruleId === 'no-restricted-imports').map(message => message.message);
}

const coreFolders = ['src/install', 'src/runner', 'src/steps', 'src/lab', 'src/state', 'src/exec', 'src/cluster'];
const uiImports = [
	`import {render} from 'ink';`,
	`import {useState} from 'react';`,
	`import blessed from 'blessed';`,
	`import {runWizard} from '../wizard/run-wizard.js';`,
	`import type {WizardState} from '../wizard/wizard-state.js';`,
];

describe('the core renders nothing', () => {
	for (const folder of coreFolders) {
		it(`lint refuses a screen or the wizard imported from ${folder}`, async () => {
			for (const line of uiImports) {
				expect(await restrictedImports(`${folder}/probe.ts`, `${line}\nexport {};\n`), line).toHaveLength(1);
			}
		});
	}

	it('lets the wizard import the install folder and Ink', async () => {
		const code = `import {render} from 'ink';\nimport {prepareLabRun} from '../install/lab-run.js';\nexport {render, prepareLabRun};\n`;
		expect(await restrictedImports('src/wizard/probe.tsx', code)).toEqual([]);
	});
});
