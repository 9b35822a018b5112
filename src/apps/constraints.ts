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
		throw new UserInputError(`${where}: field "${field}" must be "hostname" or an agent attribute name (letters, digits, ".", "_", "-").`, {
			hint: 'Example: --constraint dc:GROUP_BY:2 or --constraint hostname:UNIQUE',
		});
	}
	const upper = operator.toUpperCase();
	if (!isOperator(upper)) {
		throw new UserInputError(`${where}: operator "${operator}" is not one of ${constraintOperators.join(', ')}.`, {
			hint: 'Example: --constraint hostname:UNIQUE',
		});
	}
	switch (upper) {
		case 'UNIQUE': {
			if (value !== undefined) {
				throw new UserInputError(`${where}: UNIQUE on "${field}" takes no value.`, {hint: `Write ${field}:UNIQUE`});
			}
			return [field, upper];
		}
		case 'CLUSTER': {
			if (value === undefined || value === '') {
				throw new UserInputError(`${where}: CLUSTER on "${field}" needs the value every instance must share.`, {hint: `Example: ${field}:CLUSTER:bj`});
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
				throw new UserInputError(`${where}: MAX_PER on "${field}" needs a positive whole number.`, {hint: `Example: ${field}:MAX_PER:2`});
			}
			assertPositiveInteger(field, upper, value, where);
			return [field, upper, value];
		}
		case 'LIKE':
		case 'UNLIKE': {
			if (value === undefined || value === '') {
				throw new UserInputError(`${where}: ${upper} on "${field}" needs a regular expression.`, {hint: `Example: ${field}:${upper}:sh|bj`});
			}
			try {
				new RegExp(value);
			} catch {
				throw new UserInputError(`${where}: ${upper} on "${field}": "${value}" is not a valid regular expression.`);
			}
			return [field, upper, value];
		}
	}
}

function assertPositiveInteger(field: string, operator: ConstraintOperator, value: string, where: string): void {
	if (!/^[1-9][0-9]*$/.test(value)) {
		throw new UserInputError(`${where}: ${operator} on "${field}" needs a positive whole number, got "${value}".`, {
			hint: `Example: ${field}:${operator}:2`,
		});
	}
}

/** Parses `FIELD:OP[:VALUE]`. A LIKE/UNLIKE value may itself contain colons. */
export function parseConstraintFlag(flag: string): Constraint {
	const first = flag.indexOf(':');
	if (first <= 0) {
		throw new UserInputError(`--constraint "${flag}" must look like FIELD:OPERATOR[:VALUE].`, {hint: 'Example: --constraint hostname:UNIQUE'});
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
			throw new UserInputError(`The constraint ${key} is given twice.`, {hint: 'Give each constraint once.'});
		}
		seen.add(key);
	}
	return all;
}
