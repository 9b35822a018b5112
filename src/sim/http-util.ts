import type {IncomingMessage, ServerResponse} from 'node:http';
import {SimApiError} from './model/sim-api-error.js';
import type {Json, JsonObject} from './model/types.js';

/** Every answer the sim gives carries this header: it never passes for a real cluster. */
export const simulationHeader = {'X-Mesos-Lab-Simulation': 'true'} as const;

export function sendJson(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
	const text = JSON.stringify(body);
	res.writeHead(status, {...simulationHeader, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers});
	res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
	res.writeHead(status, {...simulationHeader, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers});
	res.end(text);
}

export function sendError(res: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
	if (error instanceof SimApiError) {
		sendJson(res, error.status, error.body, headers);
		return;
	}
	sendJson(res, 500, {message: error instanceof Error ? error.message : String(error)}, headers);
}

const bodyLimit = 1024 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<JsonObject> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of req) {
		const buffer = chunk as Buffer;
		size += buffer.length;
		if (size > bodyLimit) throw new SimApiError(413, {message: 'Request body too large'});
		chunks.push(buffer);
	}
	const text = Buffer.concat(chunks).toString('utf8').trim();
	if (text === '') return {};
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		throw new SimApiError(400, {message: 'Invalid JSON'});
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SimApiError(400, {message: 'Expected a JSON object'});
	return parsed as JsonObject;
}

export function isTrue(value: string | null): boolean {
	return value === 'true' || value === '1' || value === '';
}
