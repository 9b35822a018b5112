import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {run} from '../../src/cli/commands/plan.js';
import type {CommandContext} from '../../src/cli/context.js';
import {UserInputError} from '../../src/errors.js';

function context(): {ctx: CommandContext; printed: () => string} {
	const stdout = new PassThrough();
	let text = '';
	stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
	const ctx: CommandContext = {home: '/nonexistent', lang: 'en', debug: false, stdout, stderr: new PassThrough(), stdin: new PassThrough(), isTTY: false, env: {}};
	return {ctx, printed: () => text};
}

describe('mesos-lab plan', () => {
	it('lists the steps of each host of the three-host lab', async () => {
		const {ctx, printed} = context();
		expect(await run({config: 'examples/lab-3-hosts.yaml'}, ctx)).toBe(0);
		expect(printed()).toMatch(/^node1 \(10\.0\.0\.11\)/);
		expect(printed()).toMatch(/node3 \(10\.0\.0\.13\)[\s\S]*marathon-lb/);
		expect(printed()).toContain('zookeeper-member-3');
	});

	it('prints one script in the lab\'s language with the why as comments', async () => {
		const {ctx, printed} = context();
		await run({config: 'examples/lab.yaml', script: true}, ctx);
		expect(printed().startsWith('#!/usr/bin/env bash\n')).toBe(true);
		expect(printed()).toContain('# --- [mesos-build] 编译并安装 Mesos 1.11.0');
		expect(printed()).toContain("cat > /opt/mesos-lab/zookeeper/zk1/conf/zoo.cfg <<'MESOS_LAB_EOF'");
	});

	it('says which file it could not read', async () => {
		const {ctx} = context();
		await expect(run({config: 'no-such-lab.yaml'}, ctx)).rejects.toThrow(UserInputError);
	});
});
