import type {Agent, App, Backend, ClusterSnapshot, Pod, SourceName, Task} from '../../cluster/snapshot.js';
import type {Language} from '../../i18n/language.js';
import type {PanelId, View} from '../ui-state.js';
import {joinedHeader, joinedRow, joinedView, type JoinedSlot, type JoinedView} from './joined.js';
import {ListCache} from './list-cache.js';
import {agentRow, agentsHeader, appRow, appsHeader, podRow, backendRow, backendsHeader, leadersTable, taskRow, taskSearchText, tasksHeader} from './tables.js';

/**
 * A table panel's content, made row by row on demand: a screen shows a few dozen rows of a
 * cluster that may hold tens of thousands, so only the visible ones are turned into text.
 */
export interface PanelTable {
	header: string[];
	source: SourceName;
	count: number;
	row(index: number): string[];
	/** The id Enter drills into (an app id or a task id; '' when none). */
	key(index: number): string;
}

const kept = new ListCache<readonly unknown[]>();
const withPods = new WeakMap<readonly App[], {pods: readonly Pod[]; items: readonly (App | Pod)[]}>();

/** Apps, then pods: one list, made again only when either changes. */
function appsAndPods(apps: readonly App[], pods: readonly Pod[]): readonly (App | Pod)[] {
	if (pods.length === 0) {
		return apps;
	}
	const cached = withPods.get(apps);
	if (cached?.pods === pods) {
		return cached.items;
	}
	const items = [...apps, ...pods];
	withPods.set(apps, {pods, items});
	return items;
}

function appOrPodRow(item: App | Pod, language: Language): string[] {
	return 'servicePorts' in item ? appRow(item, language) : podRow(item);
}

// The filter matches the words of the language on screen, so each language keeps its own search function.
const appSearch: Record<Language, (item: App | Pod) => string[]> = {en: item => appOrPodRow(item, 'en'), zh: item => appOrPodRow(item, 'zh')};
const agentSearch: Record<Language, (agent: Agent) => string[]> = {en: agent => agentRow(agent, 'en'), zh: agent => agentRow(agent, 'zh')};

// Each item's searchable text, lower-cased and joined, per search function: items keep their
// identity while they do not change, so a new filter over 100,000 tasks does not rebuild it.
const searchTexts = new WeakMap<(item: never) => string[], WeakMap<object, string>>();

/** The remembered search texts of one search function. */
function textsOf(search: (item: never) => string[]): WeakMap<object, string> {
	let texts = searchTexts.get(search);
	if (texts === undefined) {
		texts = new WeakMap();
		searchTexts.set(search, texts);
	}
	return texts;
}

function searchText<T>(item: T, search: (item: T) => string[], texts: WeakMap<object, string>): string {
	if (typeof item !== 'object' || item === null) {
		return search(item).join('\u0000').toLowerCase();
	}
	let text = texts.get(item);
	if (text === undefined) {
		// Cells are joined with a character no one types, so a match never spans two cells.
		text = search(item).join('\u0000').toLowerCase();
		texts.set(item, text);
	}
	return text;
}

/**
 * The items a panel keeps under the current view and filter, computed once per list, view and
 * filter. A filter typed one key at a time narrows the one before it: each key searches only
 * what the previous filter kept, not the whole list again.
 */
function keptItems<T>(items: readonly T[], scope: string, inScope: ((item: T) => boolean) | undefined, search: (item: T) => string[], filter: string, texts = textsOf(search)): readonly T[] {
	if (!inScope && filter === '') {
		return items;
	}
	return kept.get(items, `${scope}\u0000${filter}`, () => {
		const needle = filter.toLowerCase();
		const before = filter.slice(0, -1);
		// Lower case is not always letter by letter (a Greek final sigma): narrow only a true prefix.
		const shorter = filter === '' || !needle.startsWith(before.toLowerCase()) ? undefined : kept.peek(items, `${scope}\u0000${before}`) as readonly T[] | undefined;
		const from = shorter ?? items;
		return from.filter(item => (shorter !== undefined || !inScope || inScope(item)) && (needle === '' || searchText(item, search, texts).includes(needle)));
	}) as readonly T[];
}

function lazyTable<T>(header: string[], source: SourceName, items: readonly T[], row: (item: T) => string[], key: (item: T) => string): PanelTable {
	return {
		header,
		source,
		count: items.length,
		row: index => (items[index] === undefined ? [] : row(items[index] as T)),
		key: index => (items[index] === undefined ? '' : key(items[index] as T)),
	};
}

// A joined row's text follows from its task (or orphan backend) and the HAProxy backends it is
// matched against: while the backend list stays, a task's text stays, whatever else changed. So
// after a kill at 100,000 tasks only the new task's text is made, not every row's again.
const joinedTexts = new WeakMap<readonly Backend[], Partial<Record<Language, WeakMap<object, string>>>>();

function joinedTextsOf(backends: readonly Backend[], language: Language): WeakMap<object, string> {
	let byLanguage = joinedTexts.get(backends);
	if (byLanguage === undefined) {
		byLanguage = {};
		joinedTexts.set(backends, byLanguage);
	}
	return (byLanguage[language] ??= new WeakMap());
}

// One row function per joined view and language, so the rows of a view are not remade per frame.
const joinedRows = new WeakMap<JoinedView, Partial<Record<Language, (slot: JoinedSlot) => string[]>>>();

function joinedRowOf(view: JoinedView, language: Language): (slot: JoinedSlot) => string[] {
	let byLanguage = joinedRows.get(view);
	if (byLanguage === undefined) {
		byLanguage = {};
		joinedRows.set(view, byLanguage);
	}
	return (byLanguage[language] ??= slot => joinedRow(view.entry(slot), language));
}

/** What a table panel shows in the current view, after the filter. */
export function panelTable(panel: PanelId, snapshot: ClusterSnapshot, view: View, filter: string, now: number, language: Language = 'en'): PanelTable | undefined {
	const inApp = view.kind === 'app' ? view.appId : undefined;
	const scope = inApp ?? '';
	switch (panel) {
		case 'leaders': {
			const table = leadersTable(snapshot, language);
			return lazyTable(table.header, 'mesos', keptItems(table.rows, language, undefined, row => row, filter), row => row, () => '');
		}
		case 'agents':
			return lazyTable(agentsHeader(language), 'mesos', keptItems(snapshot.agents, language, undefined, agentSearch[language], filter), agentSearch[language], agent => agent.id);
		case 'apps': {
			const apps = keptItems(appsAndPods(snapshot.apps, snapshot.pods), `${language}\u0000${scope}`, inApp ? app => app.id === inApp : undefined, appSearch[language], filter);
			return lazyTable(appsHeader(language), 'marathon', apps, appSearch[language], app => app.id);
		}
		case 'tasks': {
			const tasks = keptItems(snapshot.tasks, scope, inApp ? (task: Task) => task.appId === inApp : undefined, taskSearchText, filter);
			return lazyTable(tasksHeader(language), 'mesos', tasks, task => taskRow(task, now, language), task => task.id);
		}
		case 'backends': {
			const backends = keptItems(snapshot.backends, scope, inApp ? backend => backend.appId === inApp : undefined, backendRow, filter);
			return lazyTable(backendsHeader(language), 'haproxy', backends, backendRow, () => '');
		}
		case 'joined': {
			const view = joinedView(snapshot);
			const row = joinedRowOf(view, language);
			const appOf = (slot: JoinedSlot) => (typeof slot === 'string' ? slot : 'agentId' in slot ? slot.appId ?? slot.name : slot.appId);
			const slots = keptItems(view.slots, `${language}\u0000${scope}`, inApp ? slot => appOf(slot) === inApp : undefined, row, filter, joinedTextsOf(snapshot.backends, language));
			return lazyTable(joinedHeader(language), 'marathon', slots, row, slot => (typeof slot !== 'string' && 'agentId' in slot ? slot.id : ''));
		}
		case 'events':
		case 'allocation':
			return undefined;
	}
}
