import {UserInputError} from '../errors.js';
import type {Localized} from '../steps/step.js';

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
	const [field, operator, value] = constraint;
	// The attribute form starts with a space: it follows 每个 / 可用的, and Chinese is set apart from a Latin field name.
	const where = field === 'hostname' ? {zh: '主机', en: 'host'} : {zh: ` ${field} 取值`, en: `"${field}" value`};
	switch (operator) {
		case 'UNIQUE':
			return {
				zh: `每个${where.zh}上最多一个实例：实例数超过可用的${where.zh}个数时，多出的会一直等待。`,
				en: `At most one instance per ${where.en}; instances beyond the number of distinct ${where.en}s wait unplaced.`,
			};
		case 'CLUSTER':
			return {
				zh: `所有实例只放在 ${field}=${value ?? ''} 的 agent 上；没有这样的 agent 时实例无法启动。`,
				en: `Every instance runs only on agents where ${field}=${value ?? ''}; with no such agent nothing starts.`,
			};
		case 'GROUP_BY':
			return value === undefined
				? {
					zh: `按 ${field} 的取值平均分布实例（例如两个机房各一半）。`,
					en: `Instances are shared evenly across the values of ${field} (for example half in each data centre).`,
				}
				: {
					zh: `按 ${field} 平均分布，并假定共有 ${value} 个不同取值。`,
					en: `Instances are shared evenly across ${value} distinct values of ${field}.`,
				};
		case 'MAX_PER':
			return {
				zh: `每个 ${field} 取值上最多 ${value ?? ''} 个实例。`,
				en: `No more than ${value ?? ''} instances per ${where.en}.`,
			};
		case 'LIKE':
			return {
				zh: `只放在 ${field} 匹配正则 ${value ?? ''} 的 agent 上。`,
				en: `Only on agents whose ${field} matches /${value ?? ''}/.`,
			};
		case 'UNLIKE':
			return {
				zh: `避开 ${field} 匹配正则 ${value ?? ''} 的 agent。`,
				en: `Never on agents whose ${field} matches /${value ?? ''}/.`,
			};
	}
}

/** Turns CLI flags into constraints, rejecting duplicates that would contradict each other. */
export function constraintsFromFlags(options: {spread?: string[]; constraint?: string[]}): Constraint[] {
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
