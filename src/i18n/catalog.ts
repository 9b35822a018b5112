import type {MessageParams} from './message-params.js';
import {appTexts} from './texts/apps.js';
import {cliTexts} from './texts/cli.js';
import {commandTexts} from './texts/commands.js';
import {dashboardTexts} from './texts/dashboard.js';
import {eventTexts} from './texts/events.js';
import {errorTexts} from './texts/errors.js';
import {labTexts} from './texts/lab.js';
import {runnerTexts} from './texts/runner.js';
import {stepTexts} from './texts/steps.js';
import {wizardTexts} from './texts/wizard.js';

export {defineCatalog} from './define-catalog.js';

/**
 * Every text a person reads, in both languages, in ICU MessageFormat: `{name}` is a parameter,
 * `{n, plural, one {…} other {…}}` a plural, and `''` a literal apostrophe next to a brace.
 * Each area of the tool keeps its texts in its own file under texts/; terms follow docs/glossary.md.
 * `t` in messages.ts formats them.
 */
export const catalogAreas = {
	cli: cliTexts, wizard: wizardTexts, apps: appTexts, steps: stepTexts, lab: labTexts, errors: errorTexts, runner: runnerTexts,
	dashboard: dashboardTexts, events: eventTexts, commands: commandTexts,
};

/** All areas as one catalog; the catalog test refuses a key defined in two areas, which a spread would hide. */
export const messages = {
	...cliTexts, ...wizardTexts, ...appTexts, ...stepTexts, ...labTexts, ...errorTexts, ...runnerTexts,
	...dashboardTexts, ...eventTexts, ...commandTexts,
};

export type Messages = typeof messages;
export type MessageKey = keyof Messages;

/** The parameters `key` takes; the same in both languages (defineCatalog sees to it). */
export type ParamsOf<Key extends MessageKey> = MessageParams<Messages[Key]['en']>;
