import {readFile} from 'node:fs/promises';
import {createInterface} from 'node:readline/promises';
import {parse as parseYaml} from 'yaml';
import {appFromFlags, appRows, assertImageFlag, deleteApp, deployApp, formatTable, parseCount, restartApp, rollbackApp, scaleApp, updateImage, withPlacement, type ActionIo, deployFlagsSchema} from '../../apps/app-actions.js';
import {absoluteAppId, parseAppDefinition, parseAppFile, type AppDefinition} from '../../apps/app-definition.js';
import {MarathonApi} from '../../apps/marathon-api.js';
import {refuseUserinfo} from '../../cluster/credentials.js';
import {UserInputError} from '../../errors.js';
import {t} from '../../i18n/messages.js';
import {cleanText} from '../../untrusted-text.js';
import type {CommandContext} from '../context.js';
import {localized} from '../../i18n/localized.js';
import {clusterAccess} from './cluster-access.js';
import {savedLabFor} from './saved-lab.js';
import * as z from 'zod';
import {clusterAccessOptions, flag, word} from '../command-options.js';

/** `mesos-lab app ACTION`'s arguments and flags. */
export const options = clusterAccessOptions.extend(deployFlagsSchema.shape).extend({
	action: z.enum(['list', 'deploy', 'scale', 'restart', 'versions', 'rollback', 'update', 'delete']),
	marathon: word,
	labId: word,
	file: word,
	to: word,
	minimumHealthCapacity: word,
	maximumOverCapacity: word,
	yes: flag,
	force: flag,
	wait: flag,
	timeout: word,
});
export type AppOptions = z.output<typeof options>;

/** Marathon endpoints from --marathon (comma-separated) or MESOS_LAB_MARATHON. */
export function marathonUrls(flag: string | undefined, env: NodeJS.ProcessEnv): string[] {
	const text = flag ?? env['MESOS_LAB_MARATHON'];
	if (text === undefined || text.trim() === '') {
		throw new UserInputError(localized('noMarathon'), {hint: localized('noMarathonHint')});
	}
	return text.split(',').map(url => url.trim()).filter(Boolean).map(url => {
		refuseUserinfo(flag === undefined ? 'MESOS_LAB_MARATHON' : '--marathon', url);
		if (!/^https?:\/\/[^\s/]+/.test(url)) {
			throw new UserInputError(localized('notHttpUrl', {flag: '--marathon', url}), {hint: localized('example', {example: '--marathon http://10.0.0.11:8080'})});
		}
		return url;
	});
}

async function readAppFile(path: string): Promise<AppDefinition> {
	let text: string;
	try {
		text = await readFile(path, 'utf8');
	} catch (error) {
		throw new UserInputError(localized('appFileUnreadable', {path, code: (error as NodeJS.ErrnoException).code ?? (error as Error).message}), {hint: localized('checkPath')});
	}
	if (/\.ya?ml$/i.test(path)) {
		let value: unknown;
		try {
			value = parseYaml(text);
		} catch (error) {
			throw new UserInputError(localized('notYaml', {path, error: (error as Error).message.split('\n')[0] ?? ''}));
		}
		return parseAppDefinition(value, path);
	}
	return parseAppFile(text, path);
}

function requireId(options: AppOptions): string {
	if (options.id === undefined) {
		throw new UserInputError(localized('needsAppId', {action: options.action}), {hint: {en: `mesos-lab app ${options.action} /nginx`, zh: `mesos-lab app ${options.action} /nginx`}});
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

/**
 * A change that stops or replaces running instances goes ahead only on `--yes`, or on a "y" typed
 * at a terminal; without a terminal nobody can answer, so the missing `--yes` is the error.
 */
async function confirmed(ctx: CommandContext, options: AppOptions, command: string, question: string): Promise<boolean> {
	if (options.yes === true) {
		return true;
	}
	if (!ctx.isTTY) {
		throw new UserInputError(t(ctx.lang, 'appNeedsYes', {question}), {hint: t(ctx.lang, 'appNeedsYesHint', {command})});
	}
	if (await confirm(ctx, question)) {
		return true;
	}
	ctx.stdout.write(`${t(ctx.lang, 'appNothingChanged')}\n`);
	return false;
}

/** `mesos-lab app ACTION`: Marathon apps from the command line. */
export async function run(options: AppOptions, ctx: CommandContext): Promise<number> {
	const saved = savedLabFor(options, ctx);
	const access = clusterAccess(options, ctx.env);
	const writer = new MarathonApi({
		urls: options.marathon !== undefined || saved === undefined ? marathonUrls(options.marathon, ctx.env) : saved.endpoints.marathon,
		...(access.dispatcher ? {dispatcher: access.dispatcher} : {}),
		...(access.authorization.marathon === undefined ? {} : {authorization: access.authorization.marathon}),
	});
	const io: ActionIo = {
		print: line => ctx.stdout.write(`${cleanText(line)}\n`),
		lang: ctx.lang,
		wait: options.wait === false ? false : {timeoutMs: options.timeout === undefined ? undefined : parseCount('--timeout', options.timeout) * 1000},
	};
	const force = {force: options.force === true};
	switch (options.action) {
		case 'list': {
			for (const line of formatTable(appRows(await writer.listApps(), ctx.lang))) {
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
			const id = requireId(options);
			const instances = parseCount('--instances', options.instances);
			if (instances === 0 && !await confirmed(ctx, options, `mesos-lab app scale ${id} --instances 0`, t(ctx.lang, 'appAskScaleToZero', {id}))) {
				return 1;
			}
			await scaleApp(writer, id, instances, io, force);
			return 0;
		}
		case 'restart': {
			const id = requireId(options);
			if (!await confirmed(ctx, options, `mesos-lab app restart ${id}`, t(ctx.lang, 'appAskRestart', {id}))) {
				return 1;
			}
			await restartApp(writer, id, io, force);
			return 0;
		}
		case 'versions': {
			const id = requireId(options);
			const [app, versions] = await Promise.all([writer.getApp(id), writer.versions(id)]);
			for (const version of versions) {
				io.print(version === app.version ? t(ctx.lang, 'appCurrentVersion', {version}) : version);
			}
			return 0;
		}
		case 'rollback': {
			const id = requireId(options);
			const target = options.to ?? t(ctx.lang, 'appPreviousVersion');
			if (!await confirmed(ctx, options, `mesos-lab app rollback ${id}`, t(ctx.lang, 'appAskRollback', {id, target}))) {
				return 1;
			}
			await rollbackApp(writer, id, io, {to: options.to, ...force});
			return 0;
		}
		case 'update': {
			if (options.image === undefined) {
				throw new UserInputError(localized('updateNeedsImage'), {hint: {en: 'mesos-lab app update /nginx --image nginx:1.27', zh: 'mesos-lab app update /nginx --image nginx:1.27'}});
			}
			const id = requireId(options);
			assertImageFlag(options.image);
			if (options.force === true && !await confirmed(ctx, options, `mesos-lab app update ${id} --image ${options.image} --force`, t(ctx.lang, 'appAskForceUpdate', {id}))) {
				return 1;
			}
			await updateImage(writer, id, {image: options.image, minimumHealthCapacity: options.minimumHealthCapacity, maximumOverCapacity: options.maximumOverCapacity}, io, force);
			return 0;
		}
		case 'delete': {
			const id = requireId(options);
			if (!await confirmed(ctx, options, `mesos-lab app delete ${id}`, t(ctx.lang, 'appAskDelete', {id}))) {
				return 1;
			}
			await deleteApp(writer, id, io, force);
			return 0;
		}
	}
}
