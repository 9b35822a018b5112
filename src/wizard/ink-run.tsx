import {render} from 'ink';
import type {CommandContext} from '../cli/context.js';
import type {Lab} from '../lab/lab-schema.js';
import {WizardApp, type RunnerEventSource, type WizardControls} from './components/WizardApp.js';
import {colorDisabled} from './palette.js';
import type {PreparedRun} from '../install/prepared-run.js';
import type {WizardDeps, WizardOptions} from './run-wizard.js';

/** The interactive view of a run: plan review, live steps, failure choices and the summary. */
export async function runInk(ctx: CommandContext, options: WizardOptions, lab: Lab, prepared: PreparedRun, deps: WizardDeps): Promise<'completed' | 'stopped' | 'failed' | 'not-started'> {
	const {run} = prepared;
	const source: RunnerEventSource = {subscribe: listener => run.on(listener)};
	let outcome: Promise<'completed' | 'stopped' | 'failed'> | undefined;
	let dashboardWanted = false;
	const controls: WizardControls = {
		confirmPlan(ignorePreflight) {
			if (outcome) {
				return;
			}

			outcome = run.start({ignorePreflight});
			// A run that throws (another run holds the lab's lock) takes the screen down; its error is rethrown below.
			outcome.catch(() => {
				app.unmount();
			});
		},
		retry: key => {
			run.retry(key);
		},
		skip: key => {
			run.skip(key);
		},
		restartJob: key => {
			run.restartJob?.(key);
		},
		decideLearn: (key, decision) => {
			run.learn?.decide(key, decision);
		},
		quit() {
			run.stop();
		},
		recheckPreflight: async () => prepared.recheckPreflight(),
		readLog: async logPath => deps.readLog(logPath),
		openDashboard() {
			dashboardWanted = true;
		},
	};
	const app = render(
		<WizardApp
			source={source}
			controls={controls}
			language={lab.language}
			info={prepared.info}
			downloads={prepared.downloads}
			estimateMs={() => prepared.estimateMs}
			addresses={prepared.addresses}
			experiments={prepared.experiments}
			clock={deps.clock ?? Date.now}
			noColor={colorDisabled(ctx.env)}
			plan={{steps: prepared.steps, checks: prepared.checks, preflight: prepared.preflight}}
			canRestartJob={run.restartJob !== undefined}
			{...(run.learn ? {learn: run.learn} : {})}
			autoConfirm={options.yes === true || options.resume === true}
		/>,
		// The start mode already decided there is a terminal: draw to it even where a CI variable is set.
		{stdout: ctx.stdout as NodeJS.WriteStream, stdin: ctx.stdin as NodeJS.ReadStream, exitOnCtrlC: false, interactive: true},
	);
	await app.waitUntilExit();
	// Leaving at the plan review ran nothing: no failure to report.
	if (outcome === undefined) {
		return 'not-started';
	}
	const result = await outcome;
	// Ink has let go of the keyboard: the dashboard may take it now.
	if (dashboardWanted) {
		await deps.openDashboard(lab);
	}

	return result;
}
