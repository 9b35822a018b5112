// Runs inside a test host's network namespace (`ip netns exec NS node unit-forwarder.ts config.json`)
// for a lab of several hosts, whose simulated cluster (sim-daemon.ts) is one process in the
// segment's switch namespace. While a unit's process lives on this host, the port the lab gives
// that daemon accepts connections at the host's address and relays each one, byte for byte, to the
// simulated daemon; while it does not, the port is closed, as a stopped daemon's would be.
import {readFileSync} from 'node:fs';
import {createConnection, createServer, type Server} from 'node:net';

export interface Route {
	listen: {address: string; port: number};
	target: {address: string; port: number};
	/** The systemctl stand-in's `<unit>.pid` for the daemon. */
	pidFile: string;
}

const routes = (JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as {routes: Route[]}).routes;

function alive(pidFile: string): boolean {
	try {
		process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
		return true;
	} catch {
		return false;
	}
}

function relay(target: Route['target']): Server {
	return createServer(client => {
		const upstream = createConnection({host: target.address, port: target.port});
		client.pipe(upstream).pipe(client);
		client.on('error', () => upstream.destroy());
		upstream.on('error', () => client.destroy());
	});
}

const open = new Map<Route, Server>();
async function follow(): Promise<void> {
	for (const route of routes) {
		const server = open.get(route);
		const running = alive(route.pidFile);
		if (running && server === undefined) {
			const started = relay(route.target);
			open.set(route, started);
			await new Promise<void>((resolve, reject) => {
				started.once('error', reject);
				started.listen(route.listen.port, route.listen.address, resolve);
			});
		} else if (!running && server !== undefined) {
			open.delete(route);
			server.close();
		}
	}
}

let following = false;
setInterval(() => {
	if (!following) {
		following = true;
		void follow().finally(() => {
			following = false;
		});
	}
}, 200);
process.stdout.write('ready\n');
