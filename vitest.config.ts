import {defineConfig} from 'vitest/config';

export default defineConfig({
	test: {
		include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts', 'src/**/*.test.tsx'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// Real sshd, ZooKeeper and HAProxy instances bind fixed loopback ports per file; keep files apart.
		fileParallelism: false,
	},
});
