import type {CommandContext} from '../context.js';

/**
 * The summary's `d` key: the dashboard on the lab just installed. The run saved its lab beside the
 * journal, so the dashboard takes every master, Marathon, the load balancer and the ZooKeeper members
 * from there. blessed loads only when the key is pressed, never for an install that does not ask.
 */
export function dashboardOpener(ctx: CommandContext, labId: string): () => Promise<void> {
	return async () => {
		const dashboard = await import('./dashboard.js');
		await dashboard.run({labId}, ctx);
	};
}
