import tseslint from 'typescript-eslint';

const uiPackages = ['ink', 'ink-*', 'react', 'react/*', 'blessed', 'blessed-contrib', '@inquirer/*'];
const coreFolders = ['src/lab', 'src/steps', 'src/exec', 'src/state', 'src/runner', 'src/cluster', 'src/sim', 'src/i18n'];

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
	...tseslint.configs.recommended,
	{
		files: coreFolders.map(folder => `${folder}/**/*.{ts,tsx}`),
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [{group: uiPackages, message: 'Core modules render nothing: UI packages belong in src/wizard or src/dashboard.'}],
			}],
		},
	},
	{
		files: ['src/**/*.{ts,tsx}'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
		},
	},
);
