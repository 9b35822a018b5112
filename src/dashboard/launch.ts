import {connectCluster, type LiveCluster} from './cluster-ports.js';
import type {DashboardOptions} from './dashboard-app.js';
import {cleanText, terminalSafeJson} from '../untrusted-text.js';
import {snapshotJson, snapshotText} from './once.js';
import type {Language} from '../i18n/language.js';

/** NO_COLOR set to anything but the empty string turns colours off (no-color.org). */
export function colorWanted(env: NodeJS.ProcessEnv): boolean {
	return env.NO_COLOR === undefined || env.NO_COLOR === '';
}

/** `--once`: one refresh, printed as tables or JSON, without loading the screen library. */
export async function printOnce(cluster: LiveCluster, json: boolean, stdout: NodeJS.WritableStream, width: number, language: Language): Promise<void> {
	const snapshot = await cluster.refreshOnce();
	stdout.write(json ? terminalSafeJson(snapshotJson(snapshot)) : cleanText(snapshotText(snapshot, width, Date.now(), language)));
}

/** Runs the full-screen dashboard until the user quits. */
export async function runInteractive(cluster: LiveCluster, options: DashboardOptions): Promise<void> {
	// blessed is loaded only here, so --once and --json never pay for it.
	const [{createDashboardScreen}, {runDashboard}] = await Promise.all([import('./screen.js'), import('./dashboard-app.js')]);
	const screen = createDashboardScreen({color: options.color, language: options.language ?? 'en'});
	const done = runDashboard(screen, cluster.ports, options);
	cluster.start();
	try {
		await done;
	} finally {
		cluster.stop();
	}
}

export {connectCluster};
