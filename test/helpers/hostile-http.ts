import {spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {fileURLToPath} from 'node:url';

export const cliPath = fileURLToPath(new URL('../../bin/mesos-lab.js', import.meta.url));

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A loopback HTTP server; `close` also ends the connections a hostile answer keeps open. */
export async function startServer(handler: Handler): Promise<{url: string; close: () => Promise<void>; server: Server}> {
	const server = createServer(handler);
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		server,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>(resolve => server.close(() => resolve()));
		},
	};
}

/** Headers at once, then one byte a second for as long as the client listens. */
export function drip(contentType = 'application/json'): Handler {
	return (_request, response) => {
		response.writeHead(200, {'content-type': contentType});
		response.write('{');
		const timer = setInterval(() => response.write(' '), 1000);
		response.on('close', () => clearInterval(timer));
	};
}

/** A body of `bytes` bytes written as fast as the client reads it. */
export function huge(bytes: number): Handler {
	const piece = Buffer.alloc(1024 * 1024, 'a');
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		response.write('{"apps":[{"id":"');
		let sent = 0;
		const pump = () => {
			while (sent < bytes) {
				sent += piece.length;
				if (!response.write(piece)) {
					response.once('drain', pump);
					return;
				}
			}
			response.end('"}]}');
		};
		response.on('error', () => undefined);
		pump();
	};
}

/** An event stream whose first line never ends. */
export function endlessLine(): Handler {
	const piece = Buffer.alloc(256 * 1024, 'x');
	return (_request, response) => {
		response.writeHead(200, {'content-type': 'text/event-stream'});
		response.write('data: ');
		let open = true;
		response.on('close', () => {
			open = false;
		});
		const pump = () => {
			while (open) {
				if (!response.write(piece)) {
					response.once('drain', pump);
					return;
				}
			}
		};
		pump();
	};
}

export interface CliOutcome {
	code: number | null;
	stdout: string;
	stderr: string;
	elapsedMs: number;
	/** The largest resident set the process reached, in bytes (VmHWM). */
	peakRssBytes: number;
}

/** Runs the built CLI, sampling its peak memory while it runs; kills it after `killAfterMs`. */
export async function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; killAfterMs?: number; input?: string} = {}): Promise<CliOutcome> {
	const started = Date.now();
	const child = spawn(process.execPath, [cliPath, ...args], {env: {...process.env, NO_COLOR: '1', ...options.env}, stdio: ['pipe', 'pipe', 'pipe']});
	child.stdin.end(options.input ?? '');
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', chunk => (stdout += chunk));
	child.stderr.on('data', chunk => (stderr += chunk));
	let peakRssBytes = 0;
	const sample = () => {
		try {
			const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
			peakRssBytes = Math.max(peakRssBytes, Number(kb ?? 0) * 1024);
		} catch {
			// The process has just ended.
		}
	};
	const sampler = setInterval(sample, 50);
	const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 120_000);
	const code = await new Promise<number | null>(resolve => child.on('exit', exitCode => resolve(exitCode)));
	clearInterval(sampler);
	clearTimeout(killer);
	return {code, stdout, stderr, elapsedMs: Date.now() - started, peakRssBytes};
}
