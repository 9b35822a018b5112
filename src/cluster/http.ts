import {localized} from '../i18n/localized.js';
import {request, type Dispatcher} from 'undici';
import {ClusterError} from '../errors.js';

export interface HttpOptions {
	/** Where requests go; tests and the simulated cluster inject their own. */
	dispatcher?: Dispatcher | undefined;
	timeoutMs?: number | undefined;
	/** Largest body accepted, in bytes; a bigger answer is an error, not an out-of-memory. */
	maxBytes?: number | undefined;
	/** Sent as the Authorization header (basic auth to a secured Mesos or Marathon); never logged. */
	authorization?: string | undefined;
	/** Ends the exchange early, as a caller's overall deadline does; the time limit still applies. */
	signal?: AbortSignal | undefined;
	/** Told of every answer's status and headers, for what a caller learns beside the body. */
	onAnswer?: (answer: {url: string; status: number; headers: Readonly<Record<string, string>>}) => void;
}

/** The header every answer of mesos-lab's simulated cluster carries. */
export const simulationHeaderName = 'x-mesos-lab-simulation';

export interface HttpAnswer {
	status: number;
	headers: Record<string, string>;
	body: string;
	url: string;
}

export interface HttpRequest {
	method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
	headers?: Record<string, string>;
	body?: string;
}

export const defaultTimeoutMs = 5_000;
export const defaultMaxBytes = 64 * 1024 * 1024;

/** An answer larger than the size limit: never worth trying another endpoint for. */
export class ResponseTooLargeError extends ClusterError {}

/**
 * One HTTP exchange with a time limit and a size limit; never follows redirects by itself. The time
 * limit covers the whole exchange, body included, so a server that drips a byte at a time cannot hold it.
 */
export async function fetchText(url: string, options: HttpOptions, init: HttpRequest = {}): Promise<HttpAnswer> {
	const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
	const maxBytes = options.maxBytes ?? defaultMaxBytes;
	const signal = options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs);
	try {
		const response = await request(url, {
			method: init.method ?? 'GET',
			headers: options.authorization === undefined ? (init.headers ?? {}) : {authorization: options.authorization, ...init.headers},
			...(init.body === undefined ? {} : {body: init.body}),
			...(options.dispatcher === undefined ? {} : {dispatcher: options.dispatcher}),
			signal,
			headersTimeout: timeoutMs,
			bodyTimeout: timeoutMs,
		});
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of response.body) {
			const piece = chunk as Buffer;
			size += piece.length;
			if (size > maxBytes) {
				response.body.destroy();
				throw new ResponseTooLargeError(localized('errAnsweredMoreThanBytes', {url, maxBytes}), {
					hint: localized('errAnsweredMoreThanBytesHint'),
				});
			}
			chunks.push(piece);
		}
		const answer = {status: response.statusCode, headers: flatHeaders(response.headers), body: Buffer.concat(chunks).toString('utf8'), url};
		options.onAnswer?.(answer);
		return answer;
	} catch (error) {
		throw asClusterError(error, url, timeoutMs);
	}
}

/** GET a JSON document; any status other than 2xx becomes a ClusterError carrying the status. */
export async function fetchJson(url: string, options: HttpOptions, init: HttpRequest = {}): Promise<unknown> {
	return parseJsonBody((await fetchJsonText(url, options, init)).body, url);
}

/** Like `fetchJson`, but leaves the body undecoded, for callers that may already know it. */
export async function fetchJsonText(url: string, options: HttpOptions, init: HttpRequest = {}): Promise<HttpAnswer> {
	const answer = await fetchText(url, options, {...init, headers: {accept: 'application/json', ...init.headers}});
	if (answer.status < 200 || answer.status >= 300) {
		throw statusError(answer);
	}
	return answer;
}

export function parseJsonBody(body: string, where: string): unknown {
	try {
		return JSON.parse(body) as unknown;
	} catch (error) {
		throw new ClusterError(localized('errDidNotAnswerValidJSON', {where, detail: (error as Error).message}), {
			hint: localized('errDidNotAnswerValidJSONHint'),
		});
	}
}

export function statusError(answer: HttpAnswer): ClusterError {
	const detail = messageOf(answer.body);
	return new ClusterError(detail ? localized('errAnsweredHttpDetail', {url: answer.url, status: answer.status, detail}) : localized('errAnsweredHttp', {url: answer.url, status: answer.status}), {hint: hintForStatus(answer.status)});
}

function messageOf(body: string): string {
	try {
		const parsed = JSON.parse(body) as {message?: unknown};
		if (typeof parsed.message === 'string') {
			return parsed.message;
		}
	} catch {
		// A plain-text body is its own message.
	}
	return body.trim().slice(0, 200);
}

function hintForStatus(status: number): string {
	if (status === 401 || status === 403) {
		return 'The service asks for credentials: give them with --mesos-credentials-file / --marathon-credentials-file, or MESOS_LAB_MESOS_CREDENTIALS / MESOS_LAB_MARATHON_CREDENTIALS (user:password).';
	}
	if (status === 404) {
		return 'Check the URL: the service answered but does not know this path.';
	}
	if (status === 409) {
		return 'A deployment holds the app; wait for it or force the change.';
	}
	if (status === 502 || status === 503) {
		return 'The service has no leader yet; wait for the election or check ZooKeeper.';
	}
	return 'Check the service log for the reason.';
}

function flatHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) {
			result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
		}
	}
	return result;
}

function asClusterError(error: unknown, url: string, timeoutMs: number): ClusterError {
	if (error instanceof ClusterError) {
		return error;
	}
	const name = (error as {name?: string; code?: string}).name ?? '';
	const code = (error as {code?: string}).code ?? '';
	if (name === 'TimeoutError' || name === 'AbortError' || code.startsWith('UND_ERR_') && code.includes('TIMEOUT')) {
		return new ClusterError(localized('errDidNotAnswerWithinMs', {url, timeoutMs}), {hint: localized('errDidNotAnswerWithinMsHint'), cause: error});
	}
	if (code === 'ECONNREFUSED') {
		return new ClusterError(localized('errRefusedTheConnection', {url}), {hint: localized('errRefusedTheConnectionHint'), cause: error});
	}
	return new ClusterError(localized('errCouldNotBeRead', {url, detail: (error as Error).message ?? String(error)}), {hint: localized('errCouldNotBeReadHint'), cause: error});
}

/** Resolves a Location header, including Mesos's scheme-less `//host:port/path`, against the request URL. */
export function resolveLocation(location: string, requestUrl: string): string {
	return new URL(location, requestUrl).toString();
}

/** `host:port` of a URL, with the scheme's default port filled in. */
export function hostPortOf(url: string): string {
	const parsed = new URL(url);
	const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
	return `${parsed.hostname}:${port}`;
}

export function joinUrl(base: string, path: string): string {
	return `${base.replace(/\/+$/, '')}${path}`;
}
