import type {Localized, StepPlan} from '../steps/step.js';
import type {StepRef} from './events.js';

/** `apply`: go on; `skip`: the user chose not to run this step, for the reason given. */
export type GateDecision = {kind: 'apply'} | {kind: 'skip'; reason: Localized};

/**
 * Asked before a step applies: its check said it is needed and its plan (files and commands) is
 * known, and nothing on the host has changed yet. Learn mode waits here for the user. A skip is
 * saved as the user's choice, which resume keeps, unlike a check that found the step in place.
 */
export type StepGate = (request: {step: StepRef; plan: StepPlan; signal: AbortSignal}) => Promise<GateDecision>;
