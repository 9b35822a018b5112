import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';

export interface TestServer {
	url: string;
	hostPort: string;
	requests: string[];
	close(): Promise<void>;
}

/** A loopback HTTP server on an ephemeral port whose answers the test decides per request. */
export async function startServer(handler: (request: IncomingMessage, response: ServerResponse, self: {hostPort: string}) => void): Promise<TestServer> {
	const requests: string[] = [];
	const self = {hostPort: ''};
	const server: Server = createServer((request, response) => {
		requests.push(`${request.method ?? 'GET'} ${request.url ?? ''}`);
		handler(request, response, self);
	});
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	self.hostPort = `127.0.0.1:${port}`;
	return {
		url: `http://127.0.0.1:${port}`,
		hostPort: self.hostPort,
		requests,
		close: () => {
			server.closeAllConnections();
			return new Promise(resolve => server.close(() => resolve()));
		},
	};
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	response.writeHead(status, {'content-type': 'application/json', ...headers});
	response.end(JSON.stringify(body));
}
