import {afterEach, describe, expect, it} from 'vitest';
import {drip, endlessLine, huge, runCli, startServer, type Handler} from '../helpers/hostile-http.js';

const megabytes = 1024 * 1024;
const memoryCeiling = 300 * megabytes;
const servers: Array<{close: () => Promise<void>}> = [];

async function serve(handler: Handler): Promise<string> {
	const server = await startServer(handler);
	servers.push(server);
	return server.url;
}

afterEach(async () => {
	await Promise.all(servers.splice(0).map(server => server.close()));
});

/** A Marathon that accepts a scale and then never finishes the deployment, while its event bus sends one endless line. */
function marathonWithEndlessEvents(): Handler {
	const events = endlessLine();
	return (request, response) => {
		const json = (body: unknown) => {
			response.writeHead(200, {'content-type': 'application/json'});
			response.end(JSON.stringify(body));
		};
		if (request.url?.startsWith('/v2/events')) {
			events(request, response);
		} else if (request.method === 'PUT') {
			json({deploymentId: 'dep-1', version: '2026-11-30T10:00:00.000Z'});
		} else if (request.url?.startsWith('/v2/deployments')) {
			json([{id: 'dep-1', currentStep: 1, totalSteps: 1, currentActions: [{action: 'ScaleApplication'}]}]);
		} else {
			json({app: {id: '/web', instances: 2, tasksRunning: 1, tasksHealthy: 1, version: '2026-11-30T10:00:00.000Z'}});
		}
	};
}

describe('app and dashboard against a hostile or broken server', () => {
	it('app list gives up on a server that drips a byte a second', async () => {
		const url = await serve(drip());
		const run = await runCli(['app', 'list', '--marathon', url]);
		expect(run.code).not.toBe(0);
		expect(run.elapsedMs).toBeLessThan(40_000);
		expect(run.stderr).toMatch(/did not answer within/);
	}, 60_000);

	it('app list refuses a 300 MB answer without reading it whole', async () => {
		const url = await serve(huge(300 * megabytes));
		const run = await runCli(['app', 'list', '--marathon', url]);
		expect(run.code).not.toBe(0);
		expect(run.stderr).toMatch(/more than \d+ bytes/);
		expect(run.stderr).not.toMatch(/TypeError/);
		expect(run.peakRssBytes).toBeLessThan(memoryCeiling);
	}, 60_000);

	it('app scale ends at its --timeout although the event stream sends one endless line', async () => {
		const url = await serve(marathonWithEndlessEvents());
		const run = await runCli(['app', 'scale', '/web', '--instances', '3', '--timeout', '8', '--marathon', url]);
		expect(run.code).not.toBe(0);
		expect(run.stdout + run.stderr).toMatch(/did not finish within 8 s/);
		// The deadline plus room for starting Node on a loaded machine.
		expect(run.elapsedMs).toBeLessThan(8_000 + 20_000);
		expect(run.peakRssBytes).toBeLessThan(memoryCeiling);
	}, 60_000);

	it('dashboard --once ends with errors named for a dripping Mesos and a 300 MB Marathon', async () => {
		const mesos = await serve(drip());
		const marathon = await serve(huge(300 * megabytes));
		const run = await runCli(['dashboard', '--once', '--json', '--mesos', mesos, '--marathon', marathon]);
		expect(run.code).toBe(0);
		expect(run.elapsedMs).toBeLessThan(40_000);
		const errors = (JSON.parse(run.stdout) as {errors: Array<{message: string}>}).errors.map(error => error.message).join('\n');
		expect(errors).toMatch(/did not answer within/);
		expect(errors).toMatch(/more than \d+ bytes/);
		expect(run.peakRssBytes).toBeLessThan(memoryCeiling);
	}, 60_000);
});
