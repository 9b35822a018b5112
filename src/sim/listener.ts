import {createServer, type IncomingMessage, type Server, type ServerResponse} from 'node:http';

/** An HTTP listener that can be stopped and started again on the same address, as a restarted daemon would. */
export class Listener {
	readonly host: string;
	port: number;
	private server: Server | null = null;
	private readonly handler: (req: IncomingMessage, res: ServerResponse) => void;

	constructor(host: string, port: number, handler: (req: IncomingMessage, res: ServerResponse) => void) {
		this.host = host;
		this.port = port;
		this.handler = handler;
	}

	get listening(): boolean {
		return this.server !== null;
	}

	get url(): string {
		return `http://${this.host}:${this.port}`;
	}

	async start(): Promise<void> {
		if (this.server) return;
		const server = createServer(this.handler);
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(this.port, this.host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		const address = server.address();
		if (address && typeof address === 'object') this.port = address.port;
		this.server = server;
	}

	async stop(): Promise<void> {
		const server = this.server;
		if (!server) return;
		this.server = null;
		await new Promise<void>(resolve => {
			server.close(() => resolve());
			server.closeAllConnections();
		});
	}
}
