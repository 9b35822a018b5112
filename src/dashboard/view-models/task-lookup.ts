import type {Task} from '../../cluster/snapshot.js';

const byList = new WeakMap<readonly Task[], Map<string, Task>>();

/** A task by id, through an index built once per task list rather than a scan per frame. */
export function findTask(tasks: readonly Task[], id: string): Task | undefined {
	let index = byList.get(tasks);
	if (!index) {
		index = new Map(tasks.map(task => [task.id, task]));
		byList.set(tasks, index);
	}
	return index.get(id);
}
