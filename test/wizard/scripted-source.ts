import type {RunnerEvent} from '../../src/runner/events.js';
import type {RunnerEventSource} from '../../src/wizard/components/WizardApp.js';

/** A runner stand-in the test drives by hand: it emits whatever the story needs. */
export class ScriptedSource implements RunnerEventSource {
	readonly #listeners = new Set<(event: RunnerEvent) => void>();

	subscribe(listener: (event: RunnerEvent) => void): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	emit(...events: RunnerEvent[]): void {
		for (const event of events) {
			for (const listener of this.#listeners) {
				listener(event);
			}
		}
	}
}
