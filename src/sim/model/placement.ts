import type {Constraint} from './app-definition.js';
import type {SimAgent, SimTask} from './types.js';

function fieldValue(agent: SimAgent, field: string): string | undefined {
	if (field === 'hostname' || field === '@hostname') return agent.hostname;
	return agent.attributes[field];
}

function fullMatch(pattern: string, value: string): boolean {
	try {
		return new RegExp(`^(?:${pattern})$`).test(value);
	} catch {
		return false;
	}
}

/**
 * Keeps the agents on which one more task of the app may land under Marathon's constraint
 * operators. `placed` are the app's live tasks; `agents` every active agent with room.
 */
export function agentsAllowed(constraints: readonly Constraint[], candidates: readonly SimAgent[], allAgents: readonly SimAgent[], placed: readonly SimTask[]): SimAgent[] {
	const agentById = new Map(allAgents.map(a => [a.id, a]));
	const placedValues = (field: string): string[] => placed.map(t => agentById.get(t.agentId)).flatMap(a => (a ? [fieldValue(a, field) ?? ''] : []));
	let result = [...candidates];
	for (const [field, operator, value] of constraints) {
		const values = placedValues(field);
		switch (operator) {
			case 'UNIQUE':
				result = result.filter(a => {
					const v = fieldValue(a, field);
					return v !== undefined && !values.includes(v);
				});
				break;
			case 'CLUSTER': {
				const target = value ?? values[0];
				result = result.filter(a => fieldValue(a, field) !== undefined && (target === undefined || fieldValue(a, field) === target));
				break;
			}
			case 'LIKE':
				result = result.filter(a => {
					const v = fieldValue(a, field);
					return v !== undefined && fullMatch(value ?? '', v);
				});
				break;
			case 'UNLIKE':
				result = result.filter(a => {
					const v = fieldValue(a, field);
					return v === undefined || !fullMatch(value ?? '', v);
				});
				break;
			case 'MAX_PER': {
				const max = Number(value ?? '1');
				result = result.filter(a => {
					const v = fieldValue(a, field);
					return v !== undefined && values.filter(x => x === v).length < max;
				});
				break;
			}
			case 'GROUP_BY': {
				// Spread evenly over every value the cluster knows, not only over agents that have room now.
				const known = new Set(allAgents.filter(a => a.state === 'active').flatMap(a => {
					const v = fieldValue(a, field);
					return v === undefined ? [] : [v];
				}));
				const count = (v: string): number => values.filter(x => x === v).length;
				const reachable = result.filter(a => fieldValue(a, field) !== undefined);
				const min = Math.min(...[...known].map(count));
				const best = reachable.filter(a => count(fieldValue(a, field) as string) === min);
				result = best.length > 0 ? best : reachable;
				break;
			}
			default:
				result = [];
		}
	}
	return result;
}
