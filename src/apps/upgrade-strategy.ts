import {UserInputError} from '../errors.js';
import type {Localized} from '../steps/step.js';
import {localized} from '../i18n/localized.js';

export interface UpgradeStrategy {
	minimumHealthCapacity: number;
	maximumOverCapacity: number;
}

/** Marathon's own default: replace everything at once, never run extra instances. */
export const marathonDefaultStrategy: UpgradeStrategy = {minimumHealthCapacity: 1, maximumOverCapacity: 1};

/** The gentle hand-over `app update` uses unless told otherwise. */
export const rollingStrategy: UpgradeStrategy = {minimumHealthCapacity: 1, maximumOverCapacity: 0.5};

/** Reads a fraction flag such as `--min-healthy 0.5`. */
export function parseFraction(flag: string, text: string): number {
	const value = Number(text);
	if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
		throw new UserInputError(localized('appFraction', {flag, text}), {hint: localized('appFlagExample', {flag, value: '0.5'})});
	}
	return value;
}

/** The healthy floor and total ceiling that a strategy promises for `instances` instances. */
export function strategyBounds(strategy: UpgradeStrategy, instances: number): {minHealthy: number; maxTotal: number} {
	return {
		minHealthy: Math.ceil(instances * strategy.minimumHealthCapacity),
		maxTotal: instances + Math.floor(instances * strategy.maximumOverCapacity),
	};
}

/** What the strategy means for this app, in plain words. */
export function explainStrategy(strategy: UpgradeStrategy, instances: number): Localized {
	const {minHealthy, maxTotal} = strategyBounds(strategy, instances);
	return localized('strategyExplained', {
		instances, minHealthy, maxTotal, extra: maxTotal - instances,
		minimumHealthCapacity: String(strategy.minimumHealthCapacity), maximumOverCapacity: String(strategy.maximumOverCapacity),
	});
}
