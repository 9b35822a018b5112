import {spawn} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {cliPath, startServer} from '../helpers/hostile-http.js';

// What a hostile cluster or target slips into the text it hands over: a colour and a conceal code,
// a window title (OSC 0), a clipboard write (OSC 52), a screen clear (CSI 2J), the same clear as an
// 8-bit C1 CSI, a bell and a carriage return that overwrites the line.
const payloads = ['\u001B[31mred\u001B[8mhidden', '\u001B]0;owned-title\u0007', '\u001B]52;c;cm0gLXJmIH4=\u0007', '\u001B[2J\u001B[H', '\u009B2J', '\u0007', 'fake\rline'];
const hostile = payloads.join('|');

/** mesos-lab's own styling: the SGR colours of the line renderer, and nothing else. */
const ownStyling = /\u001B\[(?:2|22|31|32|33|39)m/g;

function assertNoEscapes(output: string): void {
	const foreign = terminalLines(output).replace(ownStyling, '');
	expect(foreign).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
	expect(foreign).not.toContain('owned-title');
	expect(foreign).not.toContain('cm0gLXJmIH4=');
}

/** The pseudo-terminal turns each newline into CR LF; that CR is the terminal's, not the program's. */
function terminalLines(output: string): string {
	return output.replaceAll('\r\n', '\n');
}

/** Runs a command under a pseudo-terminal (util-linux script), as a user at a terminal would, and records what it wrote. */
async function inTerminal(argv: string[]): Promise<string> {
	const command = argv.map(word => `'${word.replaceAll("'", "'\\''")}'`).join(' ');
	const child = spawn('script', ['-qec', command, '/dev/null'], {env: {...process.env, TERM: 'xterm-256color'}, stdio: ['ignore', 'pipe', 'inherit']});
	let output = '';
	child.stdout.on('data', chunk => (output += String(chunk)));
	const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
	await new Promise(resolve => child.on('exit', resolve));
	clearTimeout(killer);
	return output;
}

let marathon: {url: string; close: () => Promise<void>};
let home: string;
let work: string;

beforeAll(async () => {
	home = mkdtempSync(join(tmpdir(), 'mesos-lab-escapes-home-'));
	work = mkdtempSync(join(tmpdir(), 'mesos-lab-escapes-work-'));
	const app = {
		id: `/web${hostile}`, instances: 1, tasksRunning: 1, tasksHealthy: 1, version: '2026-11-30T10:00:00.000Z',
		container: {type: 'DOCKER', docker: {image: `nginx${hostile}`}},
		tasks: [{id: `web.${hostile}`, appId: `/web${hostile}`, host: `agent${hostile}`, ports: [31000], state: 'TASK_RUNNING', slaveId: `s${hostile}`, startedAt: '2026-11-30T10:00:00.000Z'}],
	};
	marathon = await startServer((request, response) => {
		const json = (status: number, body: unknown) => {
			response.writeHead(status, {'content-type': 'application/json'});
			response.end(JSON.stringify(body));
		};
		if (request.url?.startsWith('/v2/info')) {
			json(200, {version: `1.10${hostile}`, leader: `leader${hostile}:8080`, name: 'marathon'});
		} else if (request.url?.startsWith('/v2/deployments')) {
			json(200, []);
		} else if (request.method === 'PUT' || request.method === 'POST') {
			json(409, {message: `locked by ${hostile}`});
		} else {
			json(200, {apps: [app]});
		}
	});
	const labDir = join(home, 'labs', 'home-lab');
	mkdirSync(join(labDir, 'logs'), {recursive: true});
	writeFileSync(join(labDir, 'checkpoints.json'), JSON.stringify({
		schemaVersion: 1, labId: 'home-lab', order: ['docker@node1'],
		steps: {'docker@node1': {status: 'failed', attempts: 1, startedAt: '2026-03-01T10:00:00.000Z', finishedAt: '2026-03-01T10:01:00.000Z', lastError: `yum said ${hostile}`}},
		run: {startedAt: '2026-03-01T10:00:00.000Z', outcome: 'failed', lastStop: `docker@node1 failed: ${hostile}`},
	}));
	writeFileSync(join(labDir, 'logs', 'docker@node1.log'), `$ yum install -y docker-ce\n${hostile}\n`);
});

afterAll(async () => {
	await marathon.close();
	rmSync(home, {recursive: true, force: true});
	rmSync(work, {recursive: true, force: true});
});

describe('text from a cluster or a target reaches the terminal without its escape sequences', () => {
	const rows: Array<{name: string; args: () => string[]; shows: RegExp}> = [
		{name: 'dashboard --once (text)', args: () => ['dashboard', '--once', '--marathon', marathon.url], shows: /\/web\S*red/},
		{name: 'dashboard --once --json', args: () => ['dashboard', '--once', '--json', '--marathon', marathon.url], shows: /\\u001b\]0;owned-title/},
		{name: 'app list', args: () => ['app', 'list', '--marathon', marathon.url], shows: /\/web\S*red/},
		{name: 'an error built from a response body (app scale)', args: () => ['app', 'scale', '/web', '--instances', '2', '--marathon', marathon.url], shows: /locked by .*red/},
		{name: 'status', args: () => ['--home', home, 'status', '--lab-id', 'home-lab'], shows: /yum said .*red/},
		{name: 'logs', args: () => ['--home', home, 'logs', '--lab-id', 'home-lab'], shows: /fake\s*line/},
	];
	for (const row of rows) {
		it(row.name, async () => {
			const output = await inTerminal([process.execPath, cliPath, ...row.args()]);
			expect(output).toMatch(row.shows);
			if (row.name.includes('--json')) {
				// JSON keeps the data, escaped: only the raw control characters must not be there.
				expect(terminalLines(output).replace(ownStyling, '')).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
			} else {
				assertNoEscapes(output);
			}
		});
	}

	it('init --plain: command output and the failure built from it, coloured only by mesos-lab', async () => {
		// The built runner with the line renderer of `init --plain`, on a step whose command prints the payloads.
		const script = fileURLToPath(new URL('../runner/fixtures/run-plan.mjs', import.meta.url));
		const payloadFile = join(work, 'payload.txt');
		writeFileSync(payloadFile, `${hostile}\n`);
		const output = await inTerminal([process.execPath, script, '--home', home, '--lab', 'plain-lab', '--work', work, '--steps', '1', '--sleep', '0', '--print', payloadFile]);
		expect(output).toMatch(/touch-1@local \| .*red/);
		expect(output).toMatch(/\u001B\[32m/);
		assertNoEscapes(output);
	});
});
