import {createConnection} from 'node:net';
import {ClusterError} from '../errors.js';
import type {ZkMember} from './snapshot.js';
import {isNotWhitelisted, parseSrvr, statusFromMntr} from './zookeeper-words.js';

export interface ZkOptions {
	timeoutMs?: number;
	maxBytes?: number;
}

/** Sends a four-letter word on the client port and reads until the server closes the connection. */
export function sendFourLetterWord(endpoint: string, word: string, options: ZkOptions = {}): Promise<string> {
	const {host, port} = splitEndpoint(endpoint);
	const timeoutMs = options.timeoutMs ?? 3_000;
	const maxBytes = options.maxBytes ?? 4 * 1024 * 1024;
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const socket = createConnection({host, port});
		socket.setTimeout(timeoutMs, () => {
			socket.destroy();
			reject(new ClusterError(`ZooKeeper ${endpoint} did not answer "${word}" within ${timeoutMs} ms`, {hint: 'Check that ZooKeeper runs and that its client port is reachable.'}));
		});
		socket.on('connect', () => socket.end(word));
		socket.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) {
				socket.destroy();
				reject(new ClusterError(`ZooKeeper ${endpoint} answered more than ${maxBytes} bytes to "${word}"`, {hint: 'This does not look like a ZooKeeper client port.'}));
				return;
			}
			chunks.push(chunk);
		});
		socket.on('error', error => reject(new ClusterError(`ZooKeeper ${endpoint} could not be reached: ${error.message}`, {hint: 'Check that ZooKeeper runs and listens on that address.', cause: error})));
		socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
	});
}

/** Asks one member `srvr` and `mntr`; a member that refuses four-letter words is `refused`, not an error. */
export async function readZkMember(endpoint: string, options: ZkOptions = {}): Promise<ZkMember> {
	try {
		const srvr = await sendFourLetterWord(endpoint, 'srvr', options);
		if (!isNotWhitelisted(srvr)) {
			const status = parseSrvr(srvr);
			if (status.connections === undefined || status.mode === 'unknown') {
				const mntr = await sendFourLetterWord(endpoint, 'mntr', options);
				const fromMntr = statusFromMntr(mntr);
				return {endpoint, ...fromMntr, ...status, mode: status.mode === 'unknown' ? fromMntr.mode : status.mode};
			}
			return {endpoint, ...status};
		}
		const mntr = await sendFourLetterWord(endpoint, 'mntr', options);
		return {endpoint, ...statusFromMntr(mntr)};
	} catch (error) {
		return {endpoint, mode: 'unreachable', error: (error as Error).message};
	}
}

export function readZookeeper(endpoints: string[], options: ZkOptions = {}): Promise<ZkMember[]> {
	return Promise.all(endpoints.map(endpoint => readZkMember(endpoint, options)));
}

function splitEndpoint(endpoint: string): {host: string; port: number} {
	const colon = endpoint.lastIndexOf(':');
	const port = colon >= 0 ? Number(endpoint.slice(colon + 1)) : 2181;
	const host = (colon >= 0 ? endpoint.slice(0, colon) : endpoint).replace(/^\[|\]$/g, '');
	if (!Number.isInteger(port) || port <= 0 || port > 65535) {
		throw new ClusterError(`"${endpoint}" is not a ZooKeeper host:port`, {hint: 'Write members as host:port, such as 10.0.0.1:2181.'});
	}
	return {host, port};
}
