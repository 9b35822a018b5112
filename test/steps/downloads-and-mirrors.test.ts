import {createHash} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {shellCommand} from '../../src/exec/quote.js';
import {applyRegistryMirrors} from '../../src/steps/docker.js';
import {fetchChecked} from '../../src/steps/step-kit.js';
import {dockerDaemonJsonTemplate} from '../../src/steps/templates/docker-daemon.js';
import {localExecutor} from './local-exec.js';
import {serveFiles, type Route} from './serve-files.js';

const archive = Buffer.from('pretend release archive\n');
const sha1 = createHash('sha1').update(archive).digest('hex');
const sha512 = createHash('sha512').update(archive).digest('hex');
const exec = localExecutor();

/** A loopback port with nothing listening: taken from the kernel, then released. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('downloads checked against their digest', () => {
	let dir: string;
	let mirror: Awaited<ReturnType<typeof serveFiles>>;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'fetch-checked-'));
		// An old release, as Apache keeps them: the archive and a .sha1, no .sha512.
		mirror = await serveFiles({
			'/old/zk.tar.gz': {body: archive},
			'/old/zk.tar.gz.sha1': {body: `${sha1.toUpperCase()}  zk.tar.gz\n`},
			'/new/mesos.tar.gz': {body: archive},
			'/new/mesos.tar.gz.sha512': {body: `mesos.tar.gz: ${sha512.match(/.{1,8}/g)!.join(' ')}\n`},
		});
	});

	afterAll(async () => {
		await mirror.close();
		rmSync(dir, {recursive: true, force: true});
	});

	const fetch = (url: string, dest: string, algorithm: string, pinned = '', local = '') => exec.run(shellCommand(['bash', '-c', fetchChecked, 'mesos-lab', url, dest, algorithm, pinned, local]));

	it.each([
		['a digest published in Apache\'s spaced sha512 format', '/new/mesos.tar.gz', 'sha512', ''],
		['an old release that only publishes .sha1, asked for sha512', '/old/zk.tar.gz', 'sha512', ''],
		['a digest pinned in the lab file', '/old/zk.tar.gz', 'sha512', sha512],
	])('keeps the file when it matches %s', async (_case, path, algorithm, pinned) => {
		const dest = join(dir, 'ok', path.replaceAll('/', '-'));
		const result = await fetch(`${mirror.base}${path}`, dest, algorithm, pinned);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(readFileSync(dest)).toEqual(archive);
	});

	it('deletes the file and says "checksum mismatch" when the pinned digest differs', async () => {
		const dest = join(dir, 'bad', 'zk.tar.gz');
		const result = await fetch(`${mirror.base}/old/zk.tar.gz`, dest, 'sha1', 'a'.repeat(40));
		expect(result.exitCode).not.toBe(0);
		expect(result.stderr).toMatch(/checksum mismatch/);
		expect(existsSync(dest) || existsSync(`${dest}.part`)).toBe(false);
	});

	it('takes a file from the offline bundle instead of the network, still checked', async () => {
		const bundle = join(dir, 'bundle.tar.gz');
		writeFileSync(bundle, archive);
		const dest = join(dir, 'offline', 'zk.tar.gz');
		const result = await fetch(`http://127.0.0.1:${await closedPort()}/unreachable.tar.gz`, dest, 'sha1', sha1, bundle);
		expect(result.exitCode, result.stderr).toBe(0);
		expect(readFileSync(dest)).toEqual(archive);
	});

	it('refuses an offline file when no digest is pinned and none can be fetched', async () => {
		const bundle = join(dir, 'bundle-unpinned.tar.gz');
		writeFileSync(bundle, archive);
		const result = await fetch(`http://127.0.0.1:${await closedPort()}/zk.tar.gz`, join(dir, 'unpinned', 'zk.tar.gz'), 'sha512', '', bundle);
		expect(result.exitCode).not.toBe(0);
		expect(result.stderr).toMatch(/pin one under checksum\.value/);
	});
});

describe('registry mirrors probed before Docker uses them', () => {
	const images = 'mesosphere/marathon:v1.10.26 mesosphere/marathon-lb:v1.15.0';
	const manifests = ['/v2/mesosphere/marathon/manifests/v1.10.26', '/v2/mesosphere/marathon-lb/manifests/v1.15.0'];
	const serving = (route: Route) => Object.fromEntries([['/v2/', {status: 200}], ...manifests.map((path) => [path, route])]) as Record<string, Route>;

	it('keeps only the mirrors that serve the manifest of every image the lab pulls, and says why others were left out', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'registry-mirrors-'));
		const open = await serveFiles(serving({body: '{"schemaVersion": 2}'}));
		// DaoCloud's answer for an image off its allow-list: /v2/ is fine, the image is refused.
		const allowList = await serveFiles({'/v2/': {status: 200}, [manifests[0]!]: {status: 403, body: '这镜像不在白名单'}, [manifests[1]!]: {status: 403}});
		// A registry that wants an anonymous pull token first, as Docker Hub and its mirrors do.
		const tokens = await serveFiles({'/token': {body: '{"token": "pull-only", "expires_in": 300}'}});
		const challenge = {status: 401, headers: {'WWW-Authenticate': `Bearer realm="${tokens.base}/token",service="registry.example",scope="repository:mesosphere/marathon:pull"`}, authorized: {authorization: 'Bearer pull-only', status: 200, body: '{}'}};
		const withToken = await serveFiles(serving(challenge));
		const gone = await serveFiles({});
		try {
			const template = join(dir, 'daemon.json.mesos-lab');
			writeFileSync(template, dockerDaemonJsonTemplate());
			const dead = `http://127.0.0.1:${await closedPort()}`;
			const result = await exec.run(shellCommand(['bash', '-c', applyRegistryMirrors, 'mesos-lab', template, images, open.base, allowList.base, gone.base, dead, `${withToken.base}/`]));
			expect(result.exitCode, result.stderr).toBe(0);
			const written = JSON.parse(readFileSync(join(dir, 'daemon.json'), 'utf8')) as Record<string, unknown>;
			expect(written['registry-mirrors']).toEqual([open.base, `${withToken.base}/`]);
			expect(written['exec-opts']).toEqual(['native.cgroupdriver=cgroupfs']);
			expect(result.stdout).toContain(`registry mirror ${allowList.base} does not serve mesosphere/marathon:v1.10.26 (403): left out`);
			expect(result.stdout).toContain(`registry mirror ${gone.base} does not serve mesosphere/marathon:v1.10.26 (404): left out`);
			expect(result.stdout).toContain(`registry mirror ${dead} does not serve mesosphere/marathon:v1.10.26`);
			expect(readFileSync(`${template}.applied`, 'utf8')).toBe(dockerDaemonJsonTemplate());
		} finally {
			await Promise.all([open.close(), allowList.close(), tokens.close(), withToken.close(), gone.close()]);
			rmSync(dir, {recursive: true, force: true});
		}
	});

	it('writes an empty mirror list, valid JSON, when none answers', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'registry-mirrors-'));
		try {
			const template = join(dir, 'daemon.json.mesos-lab');
			writeFileSync(template, dockerDaemonJsonTemplate());
			const result = await exec.run(shellCommand(['bash', '-c', applyRegistryMirrors, 'mesos-lab', template, images]));
			expect(result.exitCode, result.stderr).toBe(0);
			expect(result.stdout).toContain('images come straight from Docker Hub (or load them with docker.offlineImages)');
			expect((JSON.parse(readFileSync(join(dir, 'daemon.json'), 'utf8')) as Record<string, unknown>)['registry-mirrors']).toEqual([]);
		} finally {
			rmSync(dir, {recursive: true, force: true});
		}
	});
});
