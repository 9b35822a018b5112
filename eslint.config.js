import tseslint from 'typescript-eslint';
import {userTextPlugin} from './eslint-rules/user-text.js';

const uiPackages = ['ink', 'ink-*', 'react', 'react/*', 'blessed', 'blessed-contrib', '@inquirer/*'];
// The install folder belongs here too: plain runs (--plain, --yes) go through it and must never load a screen.
const coreFolders = ['src/install', 'src/lab', 'src/steps', 'src/exec', 'src/state', 'src/runner', 'src/cluster', 'src/sim', 'src/i18n'];

export default tseslint.config(
	{ignores: ['dist/**', 'node_modules/**', 'coverage/**']},
	...tseslint.configs.recommended,
	{
		files: coreFolders.map(folder => `${folder}/**/*.{ts,tsx}`),
		rules: {
			'no-restricted-imports': ['error', {
				patterns: [
					{group: uiPackages, message: 'Core modules render nothing: UI packages belong in src/wizard or src/dashboard.'},
					{group: ['**/wizard', '**/wizard/**'], message: 'Core modules do not reach into the wizard: it renders their state and sends intents back.'},
				],
			}],
		},
	},
	{
		files: ['src/**/*.{ts,tsx}'],
		rules: {
			'@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
		},
	},
	{
		// Text a person reads comes from the message catalog, in Chinese and English (eslint-rules/user-text.js).
		files: ['src/**/*.{ts,tsx}'],
		ignores: ['src/i18n/texts/**'],
		plugins: {'mesos-lab': userTextPlugin},
		// The simulated cluster answers with Marathon's own error messages, word for word, as a real one does.
		rules: {'mesos-lab/user-text': ['error', {upstreamErrors: ['SimApiError']}]},
	},
);
