import {UserInputError} from '../errors.js';
import type {Localized} from '../steps/step.js';
import {localized} from '../i18n/localized.js';

/** Marathon 1.4 placement operators. */
export const constraintOperators = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER'] as const;
export type ConstraintOperator = (typeof constraintOperators)[number];

/** A Marathon constraint as it travels in the app JSON: [field, operator, value?]. */
export type Constraint = [string, ConstraintOperator] | [string, ConstraintOperator, string];

const fieldPattern = /^@?[A-Za-z0-9_.-]+$/;

function isOperator(value: string): value is ConstraintOperator {
	return (constraintOperators as readonly string[]).includes(value);
}

/** Checks one constraint against the rules of its operator; the error names the field and the rule. */
export function validateConstraint(field: string, operator: string, value: string | undefined, where = '--constraint'): Constraint {
	if (!fieldPattern.test(field)) {
		throw new UserInputError(localized('conFieldInvalid', {where, field}), {hint: localized('conFieldExample')});
	}
	const upper = operator.toUpperCase();
	if (!isOperator(upper)) {
		throw new UserInputError(localized('conOperatorInvalid', {where, operator, operators: constraintOperators.join(', ')}), {hint: localized('conOperatorExample')});
	}
	switch (upper) {
		case 'UNIQUE': {
			if (value !== undefined) {
				throw new UserInputError(localized('conUniqueTakesNoValue', {where, field}), {hint: localized('conWrite', {example: `${field}:UNIQUE`})});
			}
			return [field, upper];
		}
		case 'CLUSTER': {
			if (value === undefined || value === '') {
				throw new UserInputError(localized('conClusterNeedsValue', {where, field}), {hint: localized('conExample', {example: `${field}:CLUSTER:bj`})});
			}
			return [field, upper, value];
		}
		case 'GROUP_BY': {
			if (value === undefined) {
				return [field, upper];
			}
			assertPositiveInteger(field, upper, value, where);
			return [field, upper, value];
		}
		case 'MAX_PER': {
			if (value === undefined) {
				throw new UserInputError(localized('conMaxPerNeedsNumber', {where, field}), {hint: localized('conExample', {example: `${field}:MAX_PER:2`})});
			}
			assertPositiveInteger(field, upper, value, where);
			return [field, upper, value];
		}
		case 'LIKE':
		case 'UNLIKE': {
			if (value === undefined || value === '') {
				throw new UserInputError(localized('conNeedsRegex', {where, operator: upper, field}), {hint: localized('conExample', {example: `${field}:${upper}:sh|bj`})});
			}
			try {
				new RegExp(value);
			} catch {
				throw new UserInputError(localized('conRegexInvalid', {where, operator: upper, field, value}));
			}
			return [field, upper, value];
		}
	}
}

function assertPositiveInteger(field: string, operator: ConstraintOperator, value: string, where: string): void {
	if (!/^[1-9][0-9]*$/.test(value)) {
		throw new UserInputError(localized('conNeedsPositive', {where, operator, field, value}), {hint: localized('conExample', {example: `${field}:${operator}:2`})});
	}
}

/** Parses `FIELD:OP[:VALUE]`. A LIKE/UNLIKE value may itself contain colons. */
export function parseConstraintFlag(flag: string): Constraint {
	const first = flag.indexOf(':');
	if (first <= 0) {
		throw new UserInputError(localized('conFlagShape', {flag}), {hint: localized('conOperatorExample')});
	}
	const field = flag.slice(0, first);
	const rest = flag.slice(first + 1);
	const second = rest.indexOf(':');
	const operator = second === -1 ? rest : rest.slice(0, second);
	const value = second === -1 ? undefined : rest.slice(second + 1);
	return validateConstraint(field, operator, value);
}

/** `--spread dc` asks Marathon to share instances evenly over every value of the attribute. */
export function spreadConstraint(attribute: string): Constraint {
	return validateConstraint(attribute, 'GROUP_BY', undefined, '--spread');
}

/** Where instances will land, in plain words. */
export function explainConstraint(constraint: Constraint): Localized {
	const [field, operator, value = ''] = constraint;
	const host = field === 'hostname';
	switch (operator) {
		case 'UNIQUE':
			return host ? localized('conUniqueHost') : localized('conUniqueAttribute', {field});
		case 'CLUSTER':
			return localized('conCluster', {field, value});
		case 'GROUP_BY':
			return value === '' ? localized('conGroupBy', {field}) : localized('conGroupByCount', {field, value});
		case 'MAX_PER':
			return host ? localized('conMaxPerHost', {value}) : localized('conMaxPerAttribute', {field, value});
		case 'LIKE':
			return localized('conLike', {field, value});
		case 'UNLIKE':
			return localized('conUnlike', {field, value});
	}
}

/** Turns CLI flags into constraints, rejecting duplicates that would contradict each other. */
export function constraintsFromFlags(options: {spread?: string[] | undefined; constraint?: string[] | undefined}): Constraint[] {
	const all = [...(options.spread ?? []).map(spreadConstraint), ...(options.constraint ?? []).map(parseConstraintFlag)];
	const seen = new Set<string>();
	for (const c of all) {
		const key = c.join(':');
		if (seen.has(key)) {
			throw new UserInputError(localized('conGivenTwice', {key}), {hint: localized('conGivenTwiceHint')});
		}
		seen.add(key);
	}
	return all;
}
