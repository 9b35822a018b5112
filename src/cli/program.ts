import {Command, CommanderError, Option} from 'commander';
import {UserInputError} from '../errors.js';
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

const sshConfigHelp = 'read this ssh config instead of ~/.ssh/config (Host aliases, User, Port, IdentityFile, ProxyJump, Include)';

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
	init.option('--config <file>', 'lab file to use instead of the interview')
		.option('--yes', t(lang, 'optYes'))
		.option('--plain', 'print plain lines instead of the interactive view')
		.option('--learn', 'pause before each step to show why it runs and its commands (with --config)')
		.option('--accept-new-host-key', 'trust a host key seen for the first time (non-interactive runs)')
		.option('--ssh-config <file>', sshConfigHelp)
		.option('--ignore-preflight <name>', 'go on although this preflight check fails (repeatable)', collect, [])
		.option('--lab-id <id>', t(lang, 'optLabId'));
	bind(init, 'init', loaders.init);

	const resume = add('resume', t(lang, 'cmdResume'), ['mesos-lab resume', 'mesos-lab resume --lab-id home-lab --plain']);
	resume.option('--lab-id <id>', t(lang, 'optLabId'))
		.option('--plain', 'print plain lines instead of the interactive view')
		.option('--accept-new-host-key', 'trust a host key seen for the first time (non-interactive runs)')
		.option('--ssh-config <file>', sshConfigHelp);
	bind(resume, 'resume', loaders.resume);

	const status = add('status', t(lang, 'cmdStatus'), ['mesos-lab status', 'mesos-lab status --json', 'mesos-lab status --lab-id home-lab']);
	status.option('--lab-id <id>', t(lang, 'optLabId')).option('--json', t(lang, 'optJson'));
	bind(status, 'status', loaders.status);

	const plan = add('plan', t(lang, 'cmdPlan'), ['mesos-lab plan --config lab.yaml', 'mesos-lab plan --config lab.yaml --script > install.sh', 'mesos-lab plan --config lab.yaml --script --lang en']);
	plan.option('--config <file>', 'lab file to plan for').option('--script', 'print the plan as a shell script')
		.addOption(new Option('--lang <lang>', 'language of the step titles and explanations, and of the script\'s comments (default: the lab file\'s)').choices(['zh', 'en']));
	bind(plan, 'plan', loaders.plan);

	const logs = add('logs', t(lang, 'cmdLogs'), ['mesos-lab logs', 'mesos-lab logs docker-install@node1']);
	logs.argument('[step]', 'step key as shown by `mesos-lab status`').option('--lab-id <id>', t(lang, 'optLabId'));
	bind(logs, 'logs', loaders.logs, ([step]) => (step === undefined ? {} : {step}));

	const dashboard = add('dashboard', t(lang, 'cmdDashboard'), [
		'mesos-lab dashboard --mesos http://10.0.0.11:5050,http://10.0.0.12:5050 --marathon http://10.0.0.11:8080',
		'mesos-lab dashboard --mesos zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/mesos --marathon zk://10.0.0.11:2181,10.0.0.12:2181,10.0.0.13:2181/marathon',
		'mesos-lab dashboard --mesos http://10.0.0.11:5050 --once --json',
		'mesos-lab dashboard --lab-id home-lab --once',
	]);
	dashboard.option('--mesos <urls>', 'Mesos master URLs, comma-separated, or zk://HOST:PORT,.../mesos to follow the leader through ZooKeeper')
		.option('--marathon <urls>', 'Marathon URLs, comma-separated, or zk://HOST:PORT,.../marathon to follow the leader through ZooKeeper')
		.option('--lb <url>', 'marathon-lb (HAProxy) stats URL')
		.option('--zk <hosts>', 'ZooKeeper host:port list, comma-separated')
		.option('--lab-id <id>', 'take the endpoints from this saved lab (default: the default lab) when no endpoint flag is given')
		.option('--refresh <seconds>', 'seconds between refreshes', '2')
		.option('--mesos-credentials-file <file>', 'user:password for Mesos HTTP authentication, from a file of mode 600 (or MESOS_LAB_MESOS_CREDENTIALS)')
		.option('--marathon-credentials-file <file>', 'user:password for Marathon\'s --http_credentials, from a file of mode 600 (or MESOS_LAB_MARATHON_CREDENTIALS)')
		.option('--ca-file <file>', 'PEM file of a private CA to trust for https:// endpoints (NODE_EXTRA_CA_CERTS works too)')
		.option('--once', 'take one snapshot and exit')
		.option('--json', 'print the snapshot as JSON (with --once)')
		.option('--readonly', 'disable actions that change the cluster')
		.option('--poll', 'read /master/state and /v2/apps at every refresh instead of following the event streams')
		.option('--max-state-mb <mb>', 'largest cluster state accepted in one answer (the first record of the Mesos event stream, Marathon\'s apps with their tasks), in MB', '256');
	bind(dashboard, 'dashboard', loaders.dashboard);

	const demo = add('demo', t(lang, 'cmdDemo'), ['mesos-lab demo', 'mesos-lab demo --haproxy --refresh 1']);
	demo.option('--refresh <seconds>', 'seconds between refreshes', '2')
		.option('--readonly', 'disable actions that change the cluster')
		.option('--haproxy', 'put a real haproxy in front of the simulated tasks');
	bind(demo, 'demo', loaders.demo);

	const reset = add('reset', t(lang, 'cmdReset'), ['mesos-lab reset --lab-id home-lab', 'mesos-lab reset --lab-id home-lab --hosts', 'mesos-lab reset --lab-id home-lab --hosts --yes']);
	reset.option('--lab-id <id>', t(lang, 'optLabId')).option('--yes', t(lang, 'optYes'))
		.option('--hosts', t(lang, 'optResetHosts'))
		.option('--accept-new-host-key', 'trust a host key seen for the first time (with --hosts)')
		.option('--ssh-config <file>', sshConfigHelp);
	bind(reset, 'reset', loaders.reset);

	const app = add('app', t(lang, 'cmdApp'), [
		'mesos-lab app list --marathon http://10.0.0.11:8080',
		'mesos-lab app deploy --id /nginx --image nginx:1.27 --instances 2 --port 80 --health /',
		'mesos-lab app rollback /nginx',
	]);
	const appCommand = (name: keyof typeof appExamples, description: string) => {
		const command = setUp(app.command(name).description(description).addHelpText('after', examples(appExamples[name])))
			.option('--marathon <urls>', 'Marathon URLs, comma-separated (or MESOS_LAB_MARATHON; default: from the saved lab)')
			.option('--lab-id <id>', 'take Marathon\'s addresses from this saved lab')
			.option('--marathon-credentials-file <file>', 'user:password for Marathon\'s --http_credentials, from a file of mode 600 (or MESOS_LAB_MARATHON_CREDENTIALS)')
			.option('--ca-file <file>', 'PEM file of a private CA to trust for https:// Marathon (NODE_EXTRA_CA_CERTS works too)');
		if (name !== 'list') {
			command.option('--id <id>', 'app id, for example /nginx')
				.option('--force', 'override a deployment in progress')
				.option('--no-wait', 'return once Marathon accepted the change')
				.option('--timeout <seconds>', 'how long to wait for the deployment');
		}
		return command;
	};
	const appBind = (command: Command, action: string, positional: (args: unknown[]) => Record<string, unknown> = ([id]) => (id === undefined ? {} : {id})) =>
		bind(command, 'app', loaders.app, args => ({action, ...positional(args)}));
	appBind(appCommand('list', 'list apps with instances and health'), 'list', () => ({}));
	appBind(appCommand('deploy', 'deploy an app from a file or from flags, and wait for it')
		.argument('[file]', 'app definition (JSON or YAML)')
		.option('--image <image>', 'Docker image')
		.option('--instances <n>', 'number of instances')
		.option('--port <port>', 'container port')
		.option('--service-port <port>', 'marathon-lb service port (10000 and up)')
		.option('--vhost <name>', 'virtual host for marathon-lb (HAPROXY_0_VHOST)')
		.option('--health <path>', 'HTTP health-check path')
		.option('--spread <attribute>', 'spread instances evenly over an agent attribute, such as dc (GROUP_BY; repeatable)', collect)
		.option('--constraint <field:op[:value]>', 'a Marathon constraint such as hostname:UNIQUE or dc:CLUSTER:bj (repeatable)', collect), 'deploy', ([file]) => (file === undefined ? {} : {file}));
	appBind(appCommand('scale', 'change the number of instances (asks first for 0)').argument('[id]').option('--instances <n>', 'number of instances').option('--yes', t(lang, 'optYes')), 'scale');
	appBind(appCommand('restart', 'restart every instance (asks first)').argument('[id]').option('--yes', t(lang, 'optYes')), 'restart');
	appBind(appCommand('versions', 'list the versions of an app').argument('[id]'), 'versions');
	appBind(appCommand('rollback', 'go back to an earlier version (asks first)').argument('[id]').option('--to <version>', 'version to return to (default: the previous one)').option('--yes', t(lang, 'optYes')), 'rollback');
	appBind(appCommand('update', 'rolling upgrade to a new image, gated on health (asks first with --force)').argument('[id]')
		.option('--yes', t(lang, 'optYes'))
		.option('--image <image>', 'new Docker image')
		.option('--minimum-health-capacity <ratio>', 'share of healthy instances to keep during the upgrade (0..1)')
		.option('--maximum-over-capacity <ratio>', 'share of extra instances allowed during the upgrade (0..1)'), 'update');
	appBind(appCommand('delete', 'delete an app (asks first)').argument('[id]').option('--yes', t(lang, 'optYes')), 'delete');

	const lab = add('lab', t(lang, 'cmdLab'), [
		'mesos-lab lab hello',
		'mesos-lab lab failover --lab-id home-lab',
		'mesos-lab lab zk-quorum --lab-id home-lab',
		'mesos-lab lab nginx --marathon http://10.0.0.11:8080 --lb http://10.0.0.11:9090',
	]);
	lab.argument('<name>', 'experiment: hello, nginx, failover, vhost, inside, zk-quorum, master-failover or marathon-failover')
		.option('--lab-id <id>', 'take the cluster\'s addresses (and SSH access to its hosts) from this saved lab')
		.option('--mesos <urls>', 'Mesos master URLs, comma-separated (default: from the saved lab, or asked of Marathon)')
		.option('--marathon <urls>', 'Marathon URLs, comma-separated (default: from the saved lab)')
		.option('--lb <url>', 'marathon-lb address, http://HOST:9090 (default: from the saved lab)')
		.option('--service-host <host>', 'where HAProxy\'s frontends listen (default: the marathon-lb host)')
		.option('--service-port <port>', 'service port of the nginx experiments (default: Marathon assigns a free one; or MESOS_LAB_SERVICE_PORT)')
		.option('--vhost-port <port>', 'marathon-lb\'s shared HTTP port for virtual hosts (default 80, or MESOS_LAB_VHOST_PORT)')
		.option('--timeout <seconds>', 'how long to wait for each deployment and each change (default 300)')
		.option('--accept-new-host-key', 'trust an agent\'s SSH host key seen for the first time (failover)')
		.option('--ssh-config <file>', sshConfigHelp)
		.option('--mesos-credentials-file <file>', 'user:password for Mesos HTTP authentication, from a file of mode 600 (or MESOS_LAB_MESOS_CREDENTIALS)')
		.option('--marathon-credentials-file <file>', 'user:password for Marathon\'s --http_credentials, from a file of mode 600 (or MESOS_LAB_MARATHON_CREDENTIALS)')
		.option('--ca-file <file>', 'PEM file of a private CA to trust for https:// endpoints (NODE_EXTRA_CA_CERTS works too)');
	bind(lab, 'lab', loaders.lab, ([name]) => ({name}));

	return program;
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
