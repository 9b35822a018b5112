import {readFile} from 'node:fs/promises';
import {createInterface} from 'node:readline/promises';
import {parse as parseYaml} from 'yaml';
import {appFromFlags, appRows, deleteApp, deployApp, formatTable, parseCount, restartApp, rollbackApp, scaleApp, updateImage, withPlacement, type ActionIo, type DeployFlags} from '../../apps/app-actions.js';
import {absoluteAppId, parseAppDefinition, parseAppFile, type AppDefinition} from '../../apps/app-definition.js';
import {MarathonWriter} from '../../apps/marathon-writer.js';
import {UserInputError} from '../../errors.js';
import type {CommandContext} from '../context.js';
import {savedLabFor} from './saved-lab.js';

export interface AppOptions extends DeployFlags {
	action: 'list' | 'deploy' | 'scale' | 'restart' | 'versions' | 'rollback' | 'update' | 'delete';
	marathon?: string;
	labId?: string;
	file?: string;
	to?: string;
	minimumHealthCapacity?: string;
	maximumOverCapacity?: string;
	yes?: boolean;
	force?: boolean;
	wait?: boolean;
	timeout?: string;
}

/** Marathon endpoints from --marathon (comma-separated) or MESOS_LAB_MARATHON. */
export function marathonUrls(flag: string | undefined, env: NodeJS.ProcessEnv): string[] {
	const text = flag ?? env['MESOS_LAB_MARATHON'];
	if (text === undefined || text.trim() === '') {
		throw new UserInputError('No Marathon address given.', {hint: 'Pass --marathon http://HOST:8080 (several, comma-separated, for HA).'});
	}
	return text.split(',').map(url => url.trim()).filter(Boolean).map(url => {
		if (!/^https?:\/\/[^\s/]+/.test(url)) {
			throw new UserInputError(`--marathon: "${url}" is not an http(s) URL.`, {hint: 'Example: --marathon http://10.0.0.11:8080'});
		}
		return url;
	});
}

async function readAppFile(path: string): Promise<AppDefinition> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new UserInputError(`Cannot read app file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, {hint: 'Check the path.'});
	}
	if (/\.ya?ml$/i.test(path)) {
		let value: unknown;
		try {
			value = parseYaml(text);
		} catch (error) {
			throw new UserInputError(`${path} is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
		}
		return parseAppDefinition(value, path);
	}
	return parseAppFile(text, path);
}

function requireId(options: AppOptions): string {
	if (options.id === undefined) {
		throw new UserInputError(`app ${options.action} needs an app id.`, {hint: `mesos-lab app ${options.action} /nginx`});
	}
	return absoluteAppId(options.id);
}

async function confirm(ctx: CommandContext, question: string): Promise<boolean> {
	const reader = createInterface({input: ctx.stdin, output: ctx.stdout});
	try {
		const answer = await reader.question(`${question} [y/N] `);
		return /^y(es)?$/i.test(answer.trim());
	} finally {
		reader.close();
	}
}

/** `mesos-lab app ACTION`: Marathon apps from the command line. */
export async function run(options: AppOptions, ctx: CommandContext): Promise<number> {
	const saved = savedLabFor(options, ctx);
	const writer = new MarathonWriter({urls: options.marathon !== undefined || saved === undefined ? marathonUrls(options.marathon, ctx.env) : saved.endpoints.marathon});
	const io: ActionIo = {
		print: line => ctx.stdout.write(`${line}\n`),
		lang: ctx.lang,
		wait: options.wait === false ? false : {timeoutMs: options.timeout === undefined ? undefined : parseCount('--timeout', options.timeout) * 1000},
	};
	const force = {force: options.force === true};
	switch (options.action) {
		case 'list': {
			for (const line of formatTable(appRows(await writer.listApps()))) {
				io.print(line);
			}
			return 0;
		}
		case 'deploy': {
			const app = options.file === undefined ? appFromFlags(options) : withPlacement(await readAppFile(options.file), options);
			await deployApp(writer, app, io, force);
			return 0;
		}
		case 'scale': {
			await scaleApp(writer, requireId(options), parseCount('--instances', options.instances), io, force);
			return 0;
		}
		case 'restart': {
			await restartApp(writer, requireId(options), io, force);
			return 0;
		}
		case 'versions': {
			const id = requireId(options);
			const [app, versions] = await Promise.all([writer.getApp(id), writer.versions(id)]);
			for (const version of versions) {
				io.print(`${version}${version === app.version ? '  (current)' : ''}`);
			}
			return 0;
		}
		case 'rollback': {
			await rollbackApp(writer, requireId(options), io, {to: options.to, ...force});
			return 0;
		}
		case 'update': {
			if (options.image === undefined) {
				throw new UserInputError('app update needs --image.', {hint: 'mesos-lab app update /nginx --image nginx:1.27'});
			}
			await updateImage(writer, requireId(options), {image: options.image, minimumHealthCapacity: options.minimumHealthCapacity, maximumOverCapacity: options.maximumOverCapacity}, io, force);
			return 0;
		}
		case 'delete': {
			const id = requireId(options);
			if (options.yes !== true) {
				if (!ctx.isTTY) {
					throw new UserInputError(`Deleting ${id} needs confirmation.`, {hint: `Pass --yes: mesos-lab app delete ${id} --yes`});
				}
				if (!await confirm(ctx, `Delete ${id} and stop all its instances?`)) {
					io.print('nothing deleted');
					return 1;
				}
			}
			await deleteApp(writer, id, io, force);
			return 0;
		}
	}
}
