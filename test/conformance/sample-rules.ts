import {readdir, readFile} from 'node:fs/promises';
import {join, relative, sep} from 'node:path';
import {parseHaproxyConfig, servicePortsByBackend} from '../../src/cluster/haproxy-config.js';
import {haproxyServers, parseHaproxyStats, readHaproxyServers} from '../../src/cluster/haproxy-stats.js';
import {record, text} from '../../src/cluster/json-input.js';
import {normaliseMarathonEvent} from '../../src/cluster/marathon-events.js';
import {normaliseApp, normaliseMarathonApps, normaliseMarathonDeployments, normaliseMarathonGroups, normaliseMarathonInfo, normaliseMarathonTasks} from '../../src/cluster/marathon-apps.js';
import {normaliseMesosMetrics, normaliseMesosState, normaliseMesosStateSummary} from '../../src/cluster/mesos-state.js';
import {normaliseMesosV1Answer, normaliseMesosV1Event} from '../../src/cluster/mesos-v1.js';
import {RecordIoParser} from '../../src/cluster/recordio.js';
import {SseParser} from '../../src/cluster/sse.js';
import {isNotWhitelisted, parseKeyValueLines, parseSrvr, statusFromMntr} from '../../src/cluster/zookeeper-words.js';

export type ConformanceOutcome = 'pass' | 'fail' | 'expected-invalid' | 'skipped';

export interface ConformanceResult {
	file: string;
	outcome: ConformanceOutcome;
	parser: string;
	detail: string;
}

interface SampleRule {
	pattern: RegExp;
	parser: string;
	/** Returns a one-line summary of what was read; throws when the sample does not read as it should. */
	check(content: string): string;
}

/**
 * Samples that upstream published in a form no parser should accept. Each is still run through its
 * parser, which must reject it with a clear message; if one is ever accepted, the run fails.
 */
export const expectedInvalid: Record<string, {parser: string; reason: string}> = {
	'mesos/v1-GET_AGENTS.response.docs-1.4.txt': {parser: 'mesos v1 answer', reason: 'the upstream doc example opens with "{{"'},
	'mesos/v1-event-AGENT_ADDED.docs.txt': {parser: 'mesos v1 event', reason: 'the upstream doc example has a trailing comma'},
	'mesos/v1-event-HEARTBEAT.docs.txt': {parser: 'mesos v1 event', reason: 'the upstream doc example has a trailing comma'},
	'mesos/recordio-stream.docs-example.txt': {parser: 'recordio', reason: 'an illustration: newlines are written as the two characters \\n'},
	'mesos/v1-SUBSCRIBE.exchange.docs.txt': {parser: 'recordio', reason: 'an HTTP exchange with <event-length> placeholders, not a stream'},
	'zookeeper/mntr.docs-3.4.14-annotated-example.txt': {parser: 'zookeeper mntr', reason: 'an indented doc example with prose after the values, not server output'},
};

/** Files in the samples folder that describe the samples rather than being one. */
const notSamples = new Set(['SOURCES.md']);

function json(content: string): unknown {
	try {
		return JSON.parse(content) as unknown;
	} catch (error) {
		throw new Error(`not valid JSON: ${(error as Error).message}`);
	}
}

function require(condition: boolean, message: string): void {
	if (!condition) {
		throw new Error(message);
	}
}

const rules: SampleRule[] = [
	{pattern: /^mesos\/master-state-summary\..*\.json$/, parser: 'mesos state-summary', check: content => {
		const parts = normaliseMesosStateSummary(json(content));
		// A cluster whose agents are all gone answers an empty list: valid, and worth showing as such.
		require(parts.agents.every(agent => agent.id !== '' && agent.hostname !== ''), 'an agent without id or hostname');
		return `${parts.agents.length} agents, ${parts.frameworks.length} frameworks`;
	}},
	{pattern: /^mesos\/master-state\..*\.json$/, parser: 'mesos state', check: content => {
		const raw = record(json(content));
		const parts = normaliseMesosState(raw);
		require(text(raw.version) !== '' || raw.slaves !== undefined, 'neither version nor slaves present');
		require(parts.agents.length === (Array.isArray(raw.slaves) ? raw.slaves.length : 0), 'agent count differs from the slaves list');
		require(parts.tasks.every(task => task.id !== '' && task.state.startsWith('TASK_')), 'a task without id or with an odd state');
		return `version ${parts.version ?? '?'}, leader ${parts.leader ?? 'none'}, ${parts.agents.length} agents, ${parts.tasks.length} tasks, ${parts.frameworks.length} frameworks`;
	}},
	{pattern: /^mesos\/v1-event-.*\.(json|txt)$/, parser: 'mesos v1 event', check: content => {
		const event = normaliseMesosV1Event(json(content), new Date(0).toISOString());
		require(event.kind !== 'other' || event.type.startsWith('FRAMEWORK'), `event ${event.type} not recognised`);
		return `${event.type}: ${event.message}`;
	}},
	{pattern: /^mesos\/v1-.*\.response\..*\.(json|txt)$/, parser: 'mesos v1 answer', check: content => {
		const answer = normaliseMesosV1Answer(json(content));
		if (answer.state) {
			return `${answer.type}: ${answer.state.agents.length} agents, ${answer.state.tasks.length} tasks, ${answer.state.frameworks.length} frameworks`;
		}
		if (answer.master) {
			require(answer.master.hostname !== '', 'no master hostname');
			return `${answer.type}: ${answer.master.hostname}:${answer.master.port}`;
		}
		if (answer.metrics) {
			const count = Object.keys(answer.metrics).length;
			require(count > 0, 'no metrics');
			return `${answer.type}: ${count} metrics`;
		}
		return `${answer.type}${answer.version ? ` ${answer.version}` : ''}${answer.healthy === undefined ? '' : ` healthy=${answer.healthy}`}`;
	}},
	{pattern: /^mesos\/(recordio|v1-SUBSCRIBE).*\.txt$/, parser: 'recordio', check: content => {
		const parser = new RecordIoParser();
		const records = parser.push(new TextEncoder().encode(content));
		parser.end();
		return `${records.length} records`;
	}},
	{pattern: /^mesos\/metrics-snapshot.*\.json$/, parser: 'mesos metrics', check: content => {
		const metrics = normaliseMesosMetrics(json(content));
		return `elected=${metrics.elected}, ${Object.keys(metrics.values).length} metrics`;
	}},
	{pattern: /^marathon\/events\/.*\.json$/, parser: 'marathon event', check: content => {
		const raw = record(json(content));
		const event = normaliseMarathonEvent(text(raw.eventType), raw);
		require(event.type !== '', 'no eventType');
		require(event.kind !== 'other' || event.type === 'framework_message_event', `event type ${event.type} not recognised`);
		return `${event.type} → ${event.kind}: ${event.message}`;
	}},
	{pattern: /^marathon\/app-definitions\/.*\.json$/, parser: 'marathon app', check: content => {
		const app = normaliseApp(record(json(content)));
		require(app.id !== '', 'no app id');
		return `${app.id}: ${app.instances} instances, service ports [${app.servicePorts.join(',')}], ${app.hasHealthChecks ? 'health checks' : 'no health checks'}`;
	}},
	{pattern: /^marathon\/v2-apps-id-tasks\..*\.json$|^marathon\/v2-tasks\..*\.json$/, parser: 'marathon tasks', check: content => {
		const tasks = normaliseMarathonTasks(json(content));
		require(tasks.length > 0 && tasks.every(task => task.id !== '' && task.appId !== ''), 'no tasks, or a task without id/appId');
		return `${tasks.length} tasks`;
	}},
	{pattern: /^marathon\/v2-apps\..*\.json$/, parser: 'marathon apps', check: content => {
		const parts = normaliseMarathonApps(json(content));
		require(parts.apps.length > 0 && parts.apps.every(app => app.id.startsWith('/')), 'no apps, or an app id without a leading /');
		const healthKnown = parts.tasks.filter(task => task.health !== 'unknown').length;
		return `${parts.apps.length} apps, ${parts.tasks.length} tasks (${healthKnown} with health results), service ports [${parts.apps.flatMap(app => app.servicePorts).join(',')}]`;
	}},
	{pattern: /^marathon\/v2-groups\..*\.json$/, parser: 'marathon groups', check: content => {
		const raw = json(content);
		const parts = normaliseMarathonGroups(raw);
		require(text(record(raw).id) !== '', 'not a group: no id');
		require([...parts.apps, ...parts.pods].every(item => item.id.startsWith('/')), 'an app or pod id without a leading /');
		const healthKnown = parts.tasks.filter(task => task.health !== 'unknown').length;
		return `${parts.apps.length} apps, ${parts.pods.length} pods, ${parts.tasks.length} tasks (${healthKnown} with health results)`;
	}},
	{pattern: /^marathon\/v2-info\..*\.json$/, parser: 'marathon info', check: content => {
		const info = normaliseMarathonInfo(json(content));
		require(info.leader !== null, 'no leader');
		return `${info.name} ${info.version ?? '?'}, leader ${info.leader ?? '?'}, elected=${info.elected}`;
	}},
	{pattern: /^marathon\/v2-deployments\..*\.json$/, parser: 'marathon deployments', check: content => {
		const deployments = normaliseMarathonDeployments(json(content));
		require(deployments.length > 0 && deployments.every(deployment => deployment.id !== ''), 'no deployments, or one without id');
		return `${deployments.length} deployments, apps ${deployments.flatMap(deployment => deployment.affectedApps).join(',')}`;
	}},
	{pattern: /^marathon\/deployment-result\..*\.json$/, parser: 'marathon deployment result', check: content => {
		const body = record(json(content));
		require(text(body.deploymentId) !== '' && text(body.version) !== '', 'no deploymentId or version');
		return `deployment ${text(body.deploymentId)}`;
	}},
	{pattern: /^marathon\/v2-events\..*\.txt$/, parser: 'marathon event stream', check: content => {
		const parser = new SseParser();
		const messages = [...parser.push(content), ...parser.end()];
		require(messages.length > 0, 'no events in the stream');
		const events = messages.map(message => normaliseMarathonEvent(message.event, json(message.data)));
		return `${events.length} events: ${[...new Set(events.map(event => event.type))].join(', ')}`;
	}},
	{pattern: /^(marathon-lb|haproxy)\/.*\.csv$/, parser: 'haproxy stats csv', check: content => {
		const rows = parseHaproxyStats(content);
		const servers = haproxyServers(rows);
		require(servers.length > 0, 'no server rows');
		require(JSON.stringify(readHaproxyServers(content)) === JSON.stringify(servers), 'the one-pass server reader disagrees with the full row parser');
		require(servers.every(server => server.status !== ''), 'a server without status');
		const statuses = [...new Set(servers.map(server => server.status))].join('/');
		return `${rows.length} rows, ${servers.length} servers (${statuses})`;
	}},
	{pattern: /^(marathon-lb|haproxy)\/.*\.cfg$/, parser: 'haproxy config', check: content => {
		const config = parseHaproxyConfig(content);
		require(config.frontends.length > 0, 'no frontends');
		const ports = [...servicePortsByBackend(config)].map(([backend, port]) => `${backend}:${port}`).join(', ');
		return `${config.frontends.length} frontends, ${config.backends.length} backends, ${config.backends.reduce((sum, backend) => sum + backend.servers.length, 0)} servers${ports ? `; service ports ${ports}` : ''}`;
	}},
	{pattern: /^zookeeper\/(srvr|stat)\..*\.txt$/, parser: 'zookeeper srvr', check: content => {
		const status = parseSrvr(content);
		require(status.mode !== 'unknown' && status.mode !== 'refused', `mode ${status.mode}${status.error ? `: ${status.error}` : ''}`);
		return `mode ${status.mode}, zxid ${status.zxid ?? '?'}, ${status.connections ?? '?'} connections, version ${status.version ?? '?'}`;
	}},
	{pattern: /^zookeeper\/mntr\..*\.txt$/, parser: 'zookeeper mntr', check: content => {
		const status = statusFromMntr(content);
		if (content.includes('not-whitelisted') || isNotWhitelisted(content)) {
			require(status.mode === 'refused', 'a refusal not recognised');
			return 'refused (not in the whitelist)';
		}
		require(status.error === undefined && status.mode !== 'unknown', status.error ?? 'no zk_server_state');
		return `mode ${status.mode}, ${status.connections ?? '?'} connections, version ${status.version ?? '?'}`;
	}},
	{pattern: /^zookeeper\/ruok\..*\.txt$/, parser: 'zookeeper ruok', check: content => {
		require(content === 'imok' || isNotWhitelisted(content), `unexpected answer ${JSON.stringify(content.slice(0, 60))}`);
		return content === 'imok' ? 'imok' : 'refused (not in the whitelist)';
	}},
	{pattern: /^zookeeper\/isro\..*\.txt$/, parser: 'zookeeper isro', check: content => {
		require(content.trim() === 'rw' || content.trim() === 'ro', `unexpected answer ${JSON.stringify(content.slice(0, 60))}`);
		return content.trim() === 'rw' ? 'read-write' : 'read-only';
	}},
	{pattern: /^zookeeper\/(conf\..*\.txt|zoo\.cfg.*)$/, parser: 'zookeeper conf', check: content => {
		const values = parseKeyValueLines(content);
		require(values.has('clientPort') || [...values.keys()].some(key => key.startsWith('server.')), 'no clientPort or server.N line');
		return `${values.size} settings${values.has('4lw.commands.whitelist') ? `, 4lw whitelist ${values.get('4lw.commands.whitelist') ?? ''}` : ''}`;
	}},
];

/** Runs one sample through the parser its path calls for. `file` is relative to the samples folder, with `/`. */
export function checkSample(file: string, content: string): ConformanceResult {
	const name = file.split('/').at(-1) ?? file;
	if (notSamples.has(name)) {
		return {file, outcome: 'skipped', parser: '-', detail: 'describes the samples; not a sample'};
	}
	const invalid = expectedInvalid[file];
	const rule = rules.find(item => item.pattern.test(file) && (invalid === undefined || item.parser === invalid.parser));
	if (rule === undefined) {
		return {file, outcome: 'fail', parser: '-', detail: 'no parser matches this file name'};
	}
	try {
		const summary = rule.check(content);
		if (invalid) {
			return {file, outcome: 'fail', parser: rule.parser, detail: `expected to be rejected (${invalid.reason}) but read as: ${summary}`};
		}
		return {file, outcome: 'pass', parser: rule.parser, detail: summary};
	} catch (error) {
		const message = (error as Error).message;
		if (invalid) {
			return {file, outcome: 'expected-invalid', parser: rule.parser, detail: `${invalid.reason}; rejected with: ${message}`};
		}
		return {file, outcome: 'fail', parser: rule.parser, detail: message};
	}
}

/** Every file under `dir`, sorted, each checked. */
export async function runConformance(dir: string): Promise<ConformanceResult[]> {
	const entries = await readdir(dir, {recursive: true, withFileTypes: true});
	const files = entries.filter(entry => entry.isFile()).map(entry => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')).sort();
	const results: ConformanceResult[] = [];
	for (const file of files) {
		results.push(checkSample(file, await readFile(join(dir, file), 'utf8')));
	}
	return results;
}

export function formatResult(result: ConformanceResult): string {
	const word = {pass: 'PASS', fail: 'FAIL', 'expected-invalid': 'PASS (expected invalid)', skipped: 'SKIP'}[result.outcome];
	return `${word} ${result.file} [${result.parser}] ${result.detail.replace(/\s+/g, ' ').slice(0, 300)}`;
}
