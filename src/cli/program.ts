import {Command, CommanderError, Option} from 'commander';
import {UserInputError} from '../errors.js';
import {displayWidth, wrapToWidth} from '../i18n/display-width.js';
import {listText} from '../i18n/localized.js';
import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';
import type * as z from 'zod';
import {parseOptions} from './command-options.js';
import type {CommandContext, CommandRun} from './context.js';
import {nearest} from './suggest.js';

/** The command a parse chose and the options it was given; `start` loads its module and runs it with them, checked. */
export interface Invocation {
	name: string;
	options: Record<string, unknown>;
	start: (ctx: CommandContext) => Promise<number>;
}

/** A command's module: the schema its options must fit, and what runs with them. */
interface CommandModule<Options> {
	options: z.ZodType<Options>;
	run: CommandRun<Options>;
}

export interface ProgramIo {
	writeOut: (text: string) => void;
	writeErr: (text: string) => void;
}

// Every command's module is imported only when that command runs, so --help stays light.
const loaders = {
	init: () => import('./commands/init.js'),
	resume: () => import('./commands/resume.js'),
	status: () => import('./commands/status.js'),
	plan: () => import('./commands/plan.js'),
	logs: () => import('./commands/logs.js'),
	dashboard: () => import('./commands/dashboard.js'),
	demo: () => import('./commands/demo.js'),
	reset: () => import('./commands/reset.js'),
	app: () => import('./commands/app.js'),
	lab: () => import('./commands/lab.js'),
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

const appExamples = {
	list: ['mesos-lab app list --marathon http://10.0.0.11:8080'],
	deploy: ['mesos-lab app deploy nginx.json', 'mesos-lab app deploy --id /nginx --image nginx:1.27 --instances 2 --port 80 --health / --service-port 10000'],
	scale: ['mesos-lab app scale /nginx --instances 3'],
	restart: ['mesos-lab app restart /nginx'],
	versions: ['mesos-lab app versions /nginx'],
	rollback: ['mesos-lab app rollback /nginx', 'mesos-lab app rollback /nginx --to 2026-03-01T10:00:00.000Z --yes'],
	update: ['mesos-lab app update /nginx --image nginx:1.28 --minimum-health-capacity 1 --maximum-over-capacity 0.5'],
	delete: ['mesos-lab app delete /nginx', 'mesos-lab app delete /nginx --yes'],
};

/**
 * Builds the command table. Parsing only records the chosen command in `chosen`; main runs it,
 * so that every error goes through the one top-level handler.
 */
export function buildProgram(lang: Language, version: string, io: ProgramIo, chosen: {invocation?: Invocation}): Command {
	const program = new Command('mesos-lab');
	const examples = (lines: string[]) => `\n${t(lang, 'examples')}\n${lines.map(line => `  $ ${line}`).join('\n')}\n`;
	const setUp = (command: Command) => {
		command
			.helpOption('-h, --help', t(lang, 'optHelp'))
			.showSuggestionAfterError(false)
			.configureHelp({
				styleTitle: title => helpTitle(lang, title),
				optionDescription: option => optionDescription(lang, option),
				// Columns by display width, and Chinese descriptions wrapped between words (commander counts characters and breaks only at spaces).
				displayWidth,
				boxWrap: (text, width) => text.split('\n').flatMap(line => wrapToWidth(line, width)).join('\n'),
			})
			.configureOutput({writeOut: io.writeOut, writeErr: () => undefined, outputError: () => undefined})
			.exitOverride(error => {
				throw usageError(error, command, lang);
			});
		return command;
	};
	const bind = <Options>(command: Command, name: string, load: () => Promise<CommandModule<Options>>, positional: (args: unknown[]) => Record<string, unknown> = () => ({})) => {
		command.action((...args: unknown[]) => {
			const self = args.at(-1) as Command;
			const options = {...self.optsWithGlobals(), ...positional(args.slice(0, -2))};
			chosen.invocation = {
				name,
				options,
				start: async ctx => {
					const module = await load();
					return module.run(parseOptions(module.options, options, name), ctx);
				},
			};
		});
	};
	const add = (name: keyof typeof loaders, description: string, lines: string[]) => {
		const command = setUp(program.command(name).description(description).addHelpText('after', examples(lines)));
		return command;
	};

	setUp(program)
		.helpCommand('help [command]', t(lang, 'optHelp'))
		.description(t(lang, 'programSummary'))
		.version(version, '-V, --version', t(lang, 'optVersion'))
		.addOption(new Option('--lang <lang>', t(lang, 'optLang')).choices(['zh', 'en']))
		.option('--home <dir>', t(lang, 'optHome'))
		.option('--debug', t(lang, 'optDebug'))
		.addHelpText('after', examples(['mesos-lab demo', 'mesos-lab init', 'mesos-lab status --json', 'mesos-lab resume', 'mesos-lab dashboard --mesos http://10.0.0.11:5050']));

	const init = add('init', t(lang, 'cmdInit'), ['mesos-lab init', 'mesos-lab init --config lab.yaml --yes --plain', 'mesos-lab init --config lab.yaml --ignore-preflight memory']);
	init.option('--config <file>', t(lang, 'helpInitConfig'))
		.option('--yes', t(lang, 'optYes'))
		.option('--plain', t(lang, 'helpPlain'))
		.option('--learn', t(lang, 'helpLearn'))
		.option('--accept-new-host-key', t(lang, 'helpAcceptHostKey'))
		.option('--ssh-config <file>', t(lang, 'helpSshConfig'))
		.option('--ignore-preflight <name>', t(lang, 'helpIgnorePreflight'), collect, [])
		.option('--lab-id <id>', t(lang, 'optLabId'));
	bind(init, 'init', loaders.init);

	const resume = add('resume', t(lang, 'cmdResume'), ['mesos-lab resume', 'mesos-lab resume --lab-id home-lab --plain']);
	resume.option('--lab-id <id>', t(lang, 'optLabId'))
		.option('--plain', t(lang, 'helpPlain'))
		.option('--accept-new-host-key', t(lang, 'helpAcceptHostKey'))
		.option('--ssh-config <file>', t(lang, 'helpSshConfig'));
	bind(resume, 'resume', loaders.resume);

	const status = add('status', t(lang, 'cmdStatus'), ['mesos-lab status', 'mesos-lab status --json', 'mesos-lab status --lab-id home-lab']);
	status.option('--lab-id <id>', t(lang, 'optLabId')).option('--json', t(lang, 'optJson'));
	bind(status, 'status', loaders.status);

	const plan = add('plan', t(lang, 'cmdPlan'), ['mesos-lab plan --config lab.yaml', 'mesos-lab plan --config lab.yaml --script > install.sh', 'mesos-lab plan --config lab.yaml --script --lang en']);
	plan.option('--config <file>', t(lang, 'helpPlanConfig')).option('--script', t(lang, 'helpScript'))
		.addOption(new Option('--lang <lang>', t(lang, 'helpPlanLang')).choices(['zh', 'en']));
	bind(plan, 'plan', loaders.plan);

	const logs = add('logs', t(lang, 'cmdLogs'), ['mesos-lab logs', 'mesos-lab logs docker-install@node1']);
	logs.argument('[step]', t(lang, 'helpStepArgument')).option('--lab-id <id>', t(lang, 'optLabId'));
	bind(logs, 'logs', loaders.logs, ([step]) => (step === undefined ? {} : {step}));

	const dashboard = add('dashboard', t(lang, 'cmdDashboard'), [
		'mesos-lab dashboard --mesos http://10.0.0.11:5050,http://10.0.0.12:5050 --marathon http://10.0.0.11:8080',
		'mesos-lab dashboard --mesos zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos --marathon zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/marathon',
		'mesos-lab dashboard --mesos http://10.0.0.11:5050 --once --json',
		'mesos-lab dashboard --lab-id home-lab --once',
	]);
	dashboard.option('--mesos <urls>', t(lang, 'helpDashboardMesos'))
		.option('--marathon <urls>', t(lang, 'helpDashboardMarathon'))
		.option('--lb <url>', t(lang, 'helpDashboardLb'))
		.option('--zk <hosts>', t(lang, 'helpDashboardZk'))
		.option('--lab-id <id>', t(lang, 'helpDashboardLabId'))
		.option('--refresh <seconds>', t(lang, 'helpRefresh'), '2')
		.option('--mesos-credentials-file <file>', t(lang, 'helpMesosCredentials'))
		.option('--marathon-credentials-file <file>', t(lang, 'helpMarathonCredentials'))
		.option('--ca-file <file>', t(lang, 'helpCaFile'))
		.option('--once', t(lang, 'helpOnce'))
		.option('--json', t(lang, 'helpSnapshotJson'))
		.option('--readonly', t(lang, 'helpReadonly'))
		.option('--poll', t(lang, 'helpPoll'))
		.option('--max-state-mb <mb>', t(lang, 'helpMaxStateMb'), '256');
	bind(dashboard, 'dashboard', loaders.dashboard);

	const demo = add('demo', t(lang, 'cmdDemo'), ['mesos-lab demo', 'mesos-lab demo --haproxy --refresh 1']);
	demo.option('--refresh <seconds>', t(lang, 'helpRefresh'), '2')
		.option('--readonly', t(lang, 'helpReadonly'))
		.option('--haproxy', t(lang, 'helpHaproxy'));
	bind(demo, 'demo', loaders.demo);

	const reset = add('reset', t(lang, 'cmdReset'), ['mesos-lab reset --lab-id home-lab', 'mesos-lab reset --lab-id home-lab --hosts', 'mesos-lab reset --lab-id home-lab --hosts --yes']);
	reset.option('--lab-id <id>', t(lang, 'optLabId')).option('--yes', t(lang, 'optYes'))
		.option('--hosts', t(lang, 'optResetHosts'))
		.option('--accept-new-host-key', t(lang, 'helpResetAcceptHostKey'))
		.option('--ssh-config <file>', t(lang, 'helpSshConfig'));
	bind(reset, 'reset', loaders.reset);

	const app = add('app', t(lang, 'cmdApp'), [
		'mesos-lab app list --marathon http://10.0.0.11:8080',
		'mesos-lab app deploy --id /nginx --image nginx:1.27 --instances 2 --port 80 --health /',
		'mesos-lab app rollback /nginx',
	]);
	const appCommand = (name: keyof typeof appExamples, description: string) => {
		const command = setUp(app.command(name).description(description).addHelpText('after', examples(appExamples[name])))
			.option('--marathon <urls>', t(lang, 'helpAppMarathon'))
			.option('--lab-id <id>', t(lang, 'helpAppLabId'))
			.option('--marathon-credentials-file <file>', t(lang, 'helpMarathonCredentials'))
			.option('--ca-file <file>', t(lang, 'helpCaFileMarathon'));
		if (name !== 'list') {
			command.option('--id <id>', t(lang, 'helpAppId'))
				.option('--force', t(lang, 'helpForce'))
				.option('--no-wait', t(lang, 'helpNoWait'))
				.option('--timeout <seconds>', t(lang, 'helpAppTimeout'));
		}
		return command;
	};
	const appBind = (command: Command, action: string, positional: (args: unknown[]) => Record<string, unknown> = ([id]) => (id === undefined ? {} : {id})) =>
		bind(command, 'app', loaders.app, args => ({action, ...positional(args)}));
	appBind(appCommand('list', t(lang, 'cmdAppList')), 'list', () => ({}));
	appBind(appCommand('deploy', t(lang, 'cmdAppDeploy'))
		.argument('[file]', t(lang, 'helpAppFile'))
		.option('--image <image>', t(lang, 'helpImage'))
		.option('--instances <n>', t(lang, 'helpInstances'))
		.option('--port <port>', t(lang, 'helpPort'))
		.option('--service-port <port>', t(lang, 'helpServicePort'))
		.option('--vhost <name>', t(lang, 'helpVhost'))
		.option('--health <path>', t(lang, 'helpHealth'))
		.option('--spread <attribute>', t(lang, 'helpSpread'), collect)
		.option('--constraint <field:op[:value]>', t(lang, 'helpConstraint'), collect), 'deploy', ([file]) => (file === undefined ? {} : {file}));
	appBind(appCommand('scale', t(lang, 'cmdAppScale')).argument('[id]').option('--instances <n>', t(lang, 'helpInstances')).option('--yes', t(lang, 'optYes')), 'scale');
	appBind(appCommand('restart', t(lang, 'cmdAppRestart')).argument('[id]').option('--yes', t(lang, 'optYes')), 'restart');
	appBind(appCommand('versions', t(lang, 'cmdAppVersions')).argument('[id]'), 'versions');
	appBind(appCommand('rollback', t(lang, 'cmdAppRollback')).argument('[id]').option('--to <version>', t(lang, 'helpRollbackTo')).option('--yes', t(lang, 'optYes')), 'rollback');
	appBind(appCommand('update', t(lang, 'cmdAppUpdate')).argument('[id]')
		.option('--yes', t(lang, 'optYes'))
		.option('--image <image>', t(lang, 'helpNewImage'))
		.option('--minimum-health-capacity <ratio>', t(lang, 'helpMinimumHealthCapacity'))
		.option('--maximum-over-capacity <ratio>', t(lang, 'helpMaximumOverCapacity')), 'update');
	appBind(appCommand('delete', t(lang, 'cmdAppDelete')).argument('[id]').option('--yes', t(lang, 'optYes')), 'delete');

	const lab = add('lab', t(lang, 'cmdLab'), [
		'mesos-lab lab hello',
		'mesos-lab lab failover --lab-id home-lab',
		'mesos-lab lab zk-quorum --lab-id home-lab',
		'mesos-lab lab nginx --marathon http://10.0.0.11:8080 --lb http://10.0.0.11:9090',
	]);
	lab.argument('<name>', t(lang, 'helpExperimentArgument'))
		.option('--lab-id <id>', t(lang, 'helpLabLabId'))
		.option('--mesos <urls>', t(lang, 'helpLabMesos'))
		.option('--marathon <urls>', t(lang, 'helpLabMarathon'))
		.option('--lb <url>', t(lang, 'helpLabLb'))
		.option('--service-host <host>', t(lang, 'helpServiceHost'))
		.option('--service-port <port>', t(lang, 'helpLabServicePort'))
		.option('--vhost-port <port>', t(lang, 'helpVhostPort'))
		.option('--timeout <seconds>', t(lang, 'helpLabTimeout'))
		.option('--accept-new-host-key', t(lang, 'helpLabAcceptHostKey'))
		.option('--ssh-config <file>', t(lang, 'helpSshConfig'))
		.option('--mesos-credentials-file <file>', t(lang, 'helpMesosCredentials'))
		.option('--marathon-credentials-file <file>', t(lang, 'helpMarathonCredentials'))
		.option('--ca-file <file>', t(lang, 'helpCaFile'));
	bind(lab, 'lab', loaders.lab, ([name]) => ({name}));

	return program;
}

type HelpTitleKey = 'helpTitleUsage' | 'helpTitleOptions' | 'helpTitleGlobalOptions' | 'helpTitleCommands' | 'helpTitleArguments';

const helpTitles: ReadonlyMap<string, HelpTitleKey> = new Map([
	['Usage:', 'helpTitleUsage'], ['Options:', 'helpTitleOptions'], ['Global Options:', 'helpTitleGlobalOptions'], ['Commands:', 'helpTitleCommands'], ['Arguments:', 'helpTitleArguments'],
]);

/** Commander's own headings, in the reader's language. */
function helpTitle(lang: Language, title: string): string {
	const key = helpTitles.get(title);
	return key === undefined ? title : t(lang, key);
}

/**
 * An option's description with its choices and default, as commander's own `optionDescription`
 * adds them (lib/help.js), but in the reader's language; an empty list default (a repeatable
 * option given no times) says nothing worth showing.
 */
function optionDescription(lang: Language, option: Option): string {
	const extras: string[] = [];
	if (option.argChoices !== undefined) {
		extras.push(t(lang, 'helpChoices', {choices: option.argChoices.map(choice => JSON.stringify(choice)).join(lang === 'zh' ? '、' : ', ')}));
	}
	const takesValue = option.required || option.optional;
	if (takesValue && option.defaultValue !== undefined && !(Array.isArray(option.defaultValue) && option.defaultValue.length === 0)) {
		extras.push(t(lang, 'helpDefault', {value: option.defaultValueDescription ?? JSON.stringify(option.defaultValue)}));
	}
	return [option.description, ...extras].filter(part => part !== '').join(lang === 'zh' ? '' : ' ');
}

/**
 * Turns commander's complaint into one line with the nearest valid word, or passes help/version
 * through; any other usage mistake also points at the help of the command it was made in.
 */
function usageError(error: CommanderError, command: Command, lang: Language): Error {
	if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || (error.code === 'commander.help' && error.exitCode === 0)) {
		return error;
	}
	if (error.code === 'commander.help') {
		// A command that needs a subcommand was given none: its help is the most useful answer.
		return new UserInputError(t(lang, 'missingSubcommand', {command: command.name()}), {hint: `${commandPath(command)} --help`});
	}
	const word = /'([^']*)'/.exec(error.message)?.[1];
	if (error.code === 'commander.unknownCommand' && word !== undefined) {
		const suggestion = nearest(word, command.commands.map(sub => sub.name()));
		return new UserInputError(suggestion ? t(lang, 'unknownCommandNear', {word, suggestion}) : t(lang, 'unknownCommand', {word}));
	}
	if (error.code === 'commander.unknownOption' && word !== undefined) {
		const flags: string[] = [];
		for (let current: Command | null = command; current; current = current.parent) {
			flags.push(...current.options.map(option => option.long ?? option.short ?? '').filter(Boolean), '--help');
			if (!word.startsWith('--')) {
				flags.push('-h', ...current.options.map(option => option.short ?? '').filter(Boolean));
			}
		}
		const suggestion = nearest(word, flags);
		return new UserInputError(suggestion ? t(lang, 'unknownOptionNear', {word, suggestion}) : t(lang, 'unknownOption', {word}));
	}
	if (error.code === 'commander.invalidArgument') {
		// Commander's words for a value outside an option's choices: `option '--lang <lang>' argument 'xx' is invalid. …`
		const [, flags, value] = /option '([^']+)' argument '([^']*)'/.exec(error.message) ?? [];
		const option = command.options.find(candidate => candidate.flags === flags);
		if (option?.argChoices !== undefined && value !== undefined) {
			return new UserInputError(t(lang, 'invalidChoice', {flag: option.long ?? flags ?? '', value, choices: listText(lang, option.argChoices)}), {hint: `${commandPath(command)} --help`});
		}
	}
	return new UserInputError(error.message.replace(/^error: /, '').split('\n')[0]!, {hint: `${commandPath(command)} --help`});
}

/** `mesos-lab app deploy` for the deploy subcommand: what the user types to reach it. */
function commandPath(command: Command): string {
	const names: string[] = [];
	for (let current: Command | null = command; current; current = current.parent) {
		names.unshift(current.name());
	}
	return names.join(' ');
}
