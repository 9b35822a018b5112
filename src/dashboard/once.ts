import type {ClusterSnapshot} from '../cluster/snapshot.js';
import type {Language} from '../i18n/language.js';
import {t} from '../i18n/messages.js';
import {panelTitle} from './layout.js';
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
export function snapshotText(snapshot: ClusterSnapshot, width: number, now: number, language: Language): string {
	const sections: [string, TableModel][] = [
		[panelTitle('leaders', language), leadersTable(snapshot, language)],
		[panelTitle('agents', language), agentsTable(snapshot.agents, language)],
		[panelTitle('apps', language), appsTable(snapshot.apps, language)],
		[panelTitle('tasks', language), tasksTable(snapshot.tasks, now, language)],
		[panelTitle('backends', language), backendsTable(snapshot.backends, language)],
		[panelTitle('joined', language), joinedTable(snapshot, language)],
	];
	const out: string[] = [];
	if (snapshot.simulated) {
		out.push(t(language, 'dashOnceSimulated'));
	}
	out.push(t(language, 'dashOnceSnapshot', {at: snapshot.takenAt}));
	for (const [title, table] of sections) {
		out.push('', t(language, 'dashOnceSection', {title, count: table.rows.length}), ...layoutColumns(table.header, table.rows, width));
	}
	if (snapshot.errors.length > 0) {
		out.push('', t(language, 'dashOnceSection', {title: t(language, 'dashOnceErrors'), count: snapshot.errors.length}));
		for (const error of snapshot.errors) {
			out.push(`${error.source} ${error.endpoint}: ${error.message}`);
		}
	}
	return `${out.join('\n')}\n`;
}
