import {localized} from '../i18n/localized.js';
import {createConnection} from 'node:net';
import {ClusterError} from '../errors.js';
import type {ZkMember} from './snapshot.js';
import {isNotWhitelisted, parseSrvr, statusFromMntr} from './zookeeper-words.js';

export interface ZkOptions {
	timeoutMs?: number | undefined;
	maxBytes?: number | undefined;
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
			reject(new ClusterError(localized('errZooKeeperDidNotAnswer', {endpoint, word, timeoutMs}), {hint: localized('errZooKeeperDidNotAnswerHint')}));
		});
		socket.on('connect', () => socket.end(word));
		socket.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > maxBytes) {
				socket.destroy();
				reject(new ClusterError(localized('errZooKeeperAnsweredMoreThanBytes', {endpoint, maxBytes, word}), {hint: localized('errZooKeeperAnsweredMoreThanBytesHint')}));
				return;
			}
			chunks.push(chunk);
		});
		socket.on('error', error => reject(new ClusterError(localized('errZooKeeperCouldNotBeReached', {endpoint, detail: error.message}), {hint: localized('errZooKeeperCouldNotBeReachedHint'), cause: error})));
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
		throw new ClusterError(localized('errIsNotAZooKeeper', {endpoint}), {hint: localized('errIsNotAZooKeeperHint')});
	}
	return {host, port};
}
