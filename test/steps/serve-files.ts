import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';

/** A loopback HTTP server answering fixed paths with fixed statuses and bodies; anything else is 404. */
export async function serveFiles(routes: Readonly<Record<string, {status?: number; body?: string | Buffer}>>): Promise<{base: string; close(): Promise<void>}> {
	const server: Server = createServer((request, response) => {
		const route = routes[request.url ?? ''];
		response.writeHead(route?.status ?? (route === undefined ? 404 : 200));
		response.end(route?.body ?? '');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as AddressInfo;
	return {
		base: `http://127.0.0.1:${port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
