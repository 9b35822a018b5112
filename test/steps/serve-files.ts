import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface Route {
	status?: number;
	body?: string | Buffer;
	headers?: Record<string, string>;
	/** The answer instead when the request carries `Authorization: <authorization>` (a registry's bearer token). */
	authorized?: {authorization: string; status?: number; body?: string | Buffer};
}

/**
 * A loopback HTTP server answering fixed paths with fixed statuses, headers and bodies; a path
 * with a query matches its route without the query; anything else is 404.
 */
export async function serveFiles(routes: Readonly<Record<string, Route>>): Promise<{base: string; close(): Promise<void>}> {
	const server: Server = createServer((request, response) => {
		const url = request.url ?? '';
		const route = routes[url] ?? routes[url.split('?')[0] ?? ''];
		const answer = route?.authorized !== undefined && request.headers.authorization === route.authorized.authorization ? route.authorized : route;
		response.writeHead(answer?.status ?? (route === undefined ? 404 : 200), route?.headers);
		response.end(answer?.body ?? '');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
