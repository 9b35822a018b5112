import * as z from 'zod';
import {UserInputError} from '../errors.js';
import {displayWidth, padToWidth} from '../i18n/display-width.js';
import {localized} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import {isImageReference} from '../lab/image-reference.js';
import type {Language} from '../steps/step.js';
import {absoluteAppId, buildDockerApp, parseAppDefinition, type AppDefinition} from './app-definition.js';
import {constraintsFromFlags, explainConstraint} from './constraints.js';
import {followDeployment} from './deploy-flow.js';
import {imageOf, type DeploymentRef, type MarathonApp, type MarathonApi} from './marathon-api.js';
import {explainStrategy, parseFraction, rollingStrategy, type UpgradeStrategy} from './upgrade-strategy.js';

/** How an action reports: one printed line at a time, in the user's language. */
export interface ActionIo {
	print: (line: string) => void;
	lang: Language;
	/** Deployment wait limits; `wait: false` returns once Marathon accepted the change. */
	wait?: {timeoutMs?: number | undefined; pollMs?: number | undefined} | false;
}

export function parseCount(flag: string, text: string | undefined): number {
	if (text === undefined || !/^[0-9]+$/.test(text.trim())) {
		throw new UserInputError(localized('appWholeNumber', {flag, text: text ?? ''}), {hint: localized('appFlagExample', {flag, value: '2'})});
	}
	return Number(text);
}

export function parsePort(flag: string, text: string): number {
	const value = parseCount(flag, text);
	if (value > 65_535) {
		throw new UserInputError(localized('appPortRange', {flag, value: String(value)}));
	}
	return value;
}

/** The flags that describe an app to deploy without a file; --spread and --constraint repeat. */
export const deployFlagsSchema = z.object({
	id: z.string().optional(),
	image: z.string().optional(),
	instances: z.string().optional(),
	port: z.string().optional(),
	servicePort: z.string().optional(),
	health: z.string().optional(),
	spread: z.union([z.string(), z.array(z.string())]).optional(),
	constraint: z.array(z.string()).optional(),
	vhost: z.string().optional(),
});

export type DeployFlags = z.output<typeof deployFlagsSchema>;

function asList(value: string | string[] | undefined): string[] {
	return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Builds an app from `deploy` flags: --image with --instances and --port, plus placement. */
export function appFromFlags(flags: DeployFlags): AppDefinition {
	if (flags.image === undefined) {
		throw new UserInputError(localized('appDeployNeedsSource'), {hint: localized('appDeployNeedsSourceHint')});
	}
	const id = flags.id ?? `/${(flags.image.split('/').pop() ?? 'app').split(':')[0]!.split('@')[0]!.toLowerCase()}`;
	return buildDockerApp({
		id: absoluteAppId(id),
		image: flags.image,
		instances: flags.instances === undefined ? 1 : parseCount('--instances', flags.instances),
		containerPort: flags.port === undefined ? 80 : parsePort('--port', flags.port),
		servicePort: flags.servicePort === undefined ? 0 : parsePort('--service-port', flags.servicePort),
		healthPath: flags.health,
		vhost: flags.vhost,
		constraints: constraintsFromFlags({spread: asList(flags.spread), constraint: flags.constraint}),
	});
}

/** Adds placement flags to an app read from a file. */
export function withPlacement(app: AppDefinition, flags: DeployFlags): AppDefinition {
	const extra = constraintsFromFlags({spread: asList(flags.spread), constraint: flags.constraint});
	if (extra.length === 0) {
		return app;
	}
	return parseAppDefinition({...app, constraints: [...(app.constraints ?? []), ...extra]}, 'app with placement flags');
}

async function settle(writer: MarathonApi, ref: DeploymentRef, appId: string | undefined, io: ActionIo): Promise<void> {
	if (io.wait === false) {
		io.print(t(io.lang, 'appDeploymentStarted', {id: ref.deploymentId}));
		return;
	}
	await followDeployment(writer, ref, {appId, timeoutMs: io.wait?.timeoutMs, pollMs: io.wait?.pollMs, print: io.print, lang: io.lang});
}

export async function deployApp(writer: MarathonApi, app: AppDefinition, io: ActionIo, options: {force?: boolean} = {}): Promise<void> {
	for (const constraint of app.constraints ?? []) {
		io.print(t(io.lang, 'appPlacement', {constraint: JSON.stringify(constraint), explanation: explainConstraint(constraint)[io.lang]}));
	}
	const ref = await writer.deploy(app, options);
	io.print(t(io.lang, ref.created ? 'appCreated' : 'appUpdated', {id: app.id, version: ref.version ?? t(io.lang, 'appVersionPending')}));
	await settle(writer, ref, app.id, io);
}

export async function scaleApp(writer: MarathonApi, id: string, instances: number, io: ActionIo, options: {force?: boolean} = {}): Promise<void> {
	const appId = absoluteAppId(id);
	const ref = await writer.scale(appId, instances, options);
	io.print(t(io.lang, 'appScaling', {id: appId, instances}));
	await settle(writer, ref, appId, io);
}

export async function restartApp(writer: MarathonApi, id: string, io: ActionIo, options: {force?: boolean} = {}): Promise<void> {
	const appId = absoluteAppId(id);
	const ref = await writer.restart(appId, options);
	io.print(t(io.lang, 'appRestarting', {id: appId}));
	await settle(writer, ref, appId, io);
}

export async function rollbackApp(writer: MarathonApi, id: string, io: ActionIo, options: {to?: string | undefined; force?: boolean} = {}): Promise<{from: string; to: string}> {
	const appId = absoluteAppId(id);
	const result = await writer.rollback(appId, options);
	const image = imageOf(result.definition);
	io.print(image ? t(io.lang, 'appRollingBackImage', {id: appId, from: result.from, to: result.to, image}) : t(io.lang, 'appRollingBack', {id: appId, from: result.from, to: result.to}));
	await settle(writer, result, appId, io);
	return {from: result.from, to: result.to};
}

export interface UpdateImageFlags {
	image: string;
	minimumHealthCapacity?: string | undefined;
	maximumOverCapacity?: string | undefined;
}

/** Refuses an --image that is not a Docker image reference, before anything is sent. */
export function assertImageFlag(image: string): string {
	if (!isImageReference(image)) {
		const message = localized('appImageInvalid', {image});
		const hint = localized('appImageExample');
		throw new UserInputError(message.en, {hint: hint.en, zh: {message: message.zh, hint: hint.zh}});
	}
	return image;
}

/** The new definition for a rolling image upgrade: only the image and the strategy change. */
export function imageUpdate(app: MarathonApp, flags: UpdateImageFlags): {changes: Record<string, unknown>; strategy: UpgradeStrategy} {
	if (app.container?.docker === undefined) {
		throw new UserInputError(localized('appNotDocker', {id: app.id}), {hint: localized('appNotDockerHint')});
	}
	const strategy: UpgradeStrategy = {
		minimumHealthCapacity: flags.minimumHealthCapacity === undefined ? rollingStrategy.minimumHealthCapacity : parseFraction('--minimum-health-capacity', flags.minimumHealthCapacity),
		maximumOverCapacity: flags.maximumOverCapacity === undefined ? rollingStrategy.maximumOverCapacity : parseFraction('--maximum-over-capacity', flags.maximumOverCapacity),
	};
	if (strategy.minimumHealthCapacity === 1 && strategy.maximumOverCapacity === 0) {
		throw new UserInputError(localized('appNoRoomToReplace'), {hint: localized('appNoRoomToReplaceHint')});
	}
	const container = {...app.container, docker: {...app.container.docker, image: flags.image}};
	return {changes: {container, upgradeStrategy: strategy}, strategy};
}

export async function updateImage(writer: MarathonApi, id: string, flags: UpdateImageFlags, io: ActionIo, options: {force?: boolean} = {}): Promise<void> {
	const appId = absoluteAppId(id);
	const app = await writer.getApp(appId);
	const {changes, strategy} = imageUpdate(app, flags);
	if (!app.healthChecks?.length) {
		io.print(t(io.lang, 'appNoHealthCheck', {id: appId}));
	}
	io.print(explainStrategy(strategy, app.instances)[io.lang]);
	const ref = await writer.update(appId, changes, options);
	io.print(t(io.lang, 'appUpdating', {id: appId, from: imageOf(app) ?? '?', to: flags.image}));
	await settle(writer, ref, appId, io);
}

export async function deleteApp(writer: MarathonApi, id: string, io: ActionIo, options: {force?: boolean} = {}): Promise<void> {
	const appId = absoluteAppId(id);
	const ref = await writer.deleteApp(appId, options);
	io.print(t(io.lang, 'appDeleting', {id: appId}));
	await settle(writer, ref, undefined, io);
}

/** Rows for `app list`: one per app, counts as Marathon reports them. */
export function appRows(apps: MarathonApp[], language: Language): string[][] {
	const header = (['appColId', 'appColImage', 'appColInstances', 'appColRunning', 'appColHealthy', 'appColVersion', 'appColDeploying'] as const).map(key => t(language, key));
	const rows = apps.map(app => [
		app.id,
		imageOf(app) ?? (app.cmd ?? '').slice(0, 40),
		String(app.instances),
		String(app.tasksRunning ?? 0),
		app.healthChecks?.length ? String(app.tasksHealthy ?? 0) : t(language, 'appUnknown'),
		app.version ?? '',
		t(language, (app.deployments?.length ?? 0) > 0 ? 'appYes' : 'appNo'),
	]);
	return [header, ...rows];
}

/** Columns padded by display width, so Chinese heads line up with the values under them. */
export function formatTable(rows: string[][]): string[] {
	const widths = rows[0]?.map((_, column) => Math.max(...rows.map(row => displayWidth(row[column] ?? '')))) ?? [];
	return rows.map(row => row.map((cell, column) => padToWidth(cell, widths[column] ?? 0)).join('  ').trimEnd());
}
