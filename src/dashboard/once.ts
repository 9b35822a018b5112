import type {ClusterSnapshot} from '../cluster/snapshot.js';
import {layoutColumns} from './view-models/format.js';
import {joinedTable} from './view-models/joined.js';
import {agentsTable, appsTable, backendsTable, leadersTable, tasksTable, type TableModel} from './view-models/tables.js';

/** The `--once --json` document: the schema docs/dashboard-json.md describes. */
export function snapshotJson(snapshot: ClusterSnapshot): string {
	const document = {
		takenAt: snapshot.takenAt,
		simulated: snapshot.simulated,
		leaders: snapshot.leaders,
		zookeeper: snapshot.zookeeper,
		agents: snapshot.agents,
		apps: snapshot.apps,
		pods: snapshot.pods,
		tasks: snapshot.tasks,
		backends: snapshot.backends,
		frameworks: snapshot.frameworks,
		sources: snapshot.sources,
		feeds: snapshot.feeds,
		errors: snapshot.errors,
	};
	return `${JSON.stringify(document, null, 2)}\n`;
}

/** The `--once` text: every panel as a plain table, for pipes and logs. */
export function snapshotText(snapshot: ClusterSnapshot, width: number, now: number): string {
	const sections: [string, TableModel][] = [
		['Leaders & ZooKeeper', leadersTable(snapshot)],
		['Agents', agentsTable(snapshot.agents)],
		['Apps', appsTable(snapshot.apps)],
		['Tasks', tasksTable(snapshot.tasks, now)],
		['HAProxy', backendsTable(snapshot.backends)],
		['App → task → HAProxy', joinedTable(snapshot)],
	];
	const out: string[] = [];
	if (snapshot.simulated) {
		out.push('*** SIMULATED CLUSTER ***');
	}
	out.push(`snapshot ${snapshot.takenAt}`);
	for (const [title, table] of sections) {
		out.push('', `== ${title} (${table.rows.length}) ==`, ...layoutColumns(table.header, table.rows, width));
	}
	if (snapshot.errors.length > 0) {
		out.push('', `== Errors (${snapshot.errors.length}) ==`);
		for (const error of snapshot.errors) {
			out.push(`${error.source} ${error.endpoint}: ${error.message}`);
		}
	}
	return `${out.join('\n')}\n`;
}
