import {describe, expect, it} from 'vitest';
import {Teardown} from './teardown.js';

describe('taking down what a test set up', () => {
	it('undoes the newest first, each once', async () => {
		const undone: string[] = [];
		const teardown = new Teardown();
		teardown.add(() => {
			undone.push('folder');
		});
		teardown.add(async () => {
			undone.push('namespace');
		});
		teardown.add(() => {
			undone.push('sshd');
		});
		await teardown.run();
		await teardown.run();
		expect(undone).toEqual(['sshd', 'namespace', 'folder']);
	});

	it('goes on past a cleanup that fails and names every failure once all have run', async () => {
		const undone: string[] = [];
		const teardown = new Teardown();
		teardown.add(() => {
			undone.push('folder');
		});
		teardown.add(() => {
			throw new Error('the namespace is busy');
		});
		teardown.add(async () => {
			throw new Error('the mirror would not close');
		});
		const failure = await teardown.run().then(() => undefined, (error: unknown) => error);
		expect(undone).toEqual(['folder']);
		expect(failure).toBeInstanceOf(AggregateError);
		expect((failure as AggregateError).message).toBe('2 cleanup(s) failed: the mirror would not close; the namespace is busy');
	});

	it('throws a failed setup\'s own error after undoing what it made', async () => {
		const undone: string[] = [];
		const teardown = new Teardown();
		teardown.add(() => {
			undone.push('folder');
		});
		const setupError = new Error('sshd never listened');
		await expect(teardown.abandon(setupError)).rejects.toBe(setupError);
		expect(undone).toEqual(['folder']);
	});

	it('names a failed cleanup after the setup\'s error, never instead of it', async () => {
		const teardown = new Teardown();
		teardown.add(() => {
			throw new Error('the namespace is busy');
		});
		const setupError = new Error('sshd never listened');
		const failure = await teardown.abandon(setupError).then(() => undefined, (error: unknown) => error);
		expect(failure).toBeInstanceOf(AggregateError);
		expect((failure as AggregateError).errors[0]).toBe(setupError);
		expect((failure as AggregateError).message).toBe('sshd never listened (then 1 cleanup(s) failed too: the namespace is busy)');
	});
});
