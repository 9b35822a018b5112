import {readFileSync} from 'node:fs';
import {ESLint} from 'eslint';
import {describe, expect, it} from 'vitest';

// The project's own lint configuration, run on the fixtures as if they were files under src/.
const eslint = new ESLint({cwd: new URL('../..', import.meta.url).pathname});
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

async function userTextProblems(code: string, filePath: string): Promise<number[]> {
	const [result] = await eslint.lintText(code, {filePath});
	return (result?.messages ?? []).filter((message) => message.ruleId === 'mesos-lab/user-text').map((message) => message.line);
}

/** The lines a fixture marks with `flag`, once per mark. */
function markedLines(code: string): number[] {
	return code.split('\n').flatMap((line, index) => Array.from({length: (line.match(/\bflag:/g) ?? []).length}, () => index + 1));
}

describe('text a person reads comes from the catalog', () => {
	it('flags Chinese, JSX text and prose given to errors, the console, output streams and widgets', async () => {
		const code = fixture('flagged.tsx');
		expect(await userTextProblems(code, 'src/example/flagged.tsx')).toEqual(markedLines(code));
	});

	it('lets keys, identifiers, commands, paths, patterns and catalog calls pass', async () => {
		expect(await userTextProblems(fixture('passes.tsx'), 'src/example/passes.tsx')).toEqual([]);
	});

	it('lets the catalog itself hold the texts', async () => {
		expect(await userTextProblems(fixture('flagged.tsx'), 'src/i18n/texts/example.tsx')).toEqual([]);
	});
});
