import {problemIn} from '../errors.js';
import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';
import type {LabService, LabServices} from './lab-services.js';

/**
 * What an experiment has stopped, so that its `finally` can start all of it again: on success, on
 * a failure, and when the user interrupts. A service is recorded before its stop is sent, since a
 * stop that fails halfway may still have stopped it.
 */
export class StoppedServices {
	readonly #services: LabServices;
	readonly #print: (line: string) => void;
	readonly #lang: Language;
	readonly #stopped: LabService[] = [];

	constructor(services: LabServices, print: (line: string) => void, lang: Language) {
		this.#services = services;
		this.#print = print;
		this.#lang = lang;
	}

	get services(): LabServices {
		return this.#services;
	}

	/** Returns when the stop was sent: the clock of every measurement that follows starts there. */
	async stop(service: LabService): Promise<number> {
		this.#stopped.push(service);
		this.#print(t(this.#lang, 'labServiceStopping', {name: this.#services.name(service)[this.#lang]}));
		const sentAt = Date.now();
		await this.#services.stop(service);
		return sentAt;
	}

	/** Returns when the start was sent. */
	async start(service: LabService): Promise<number> {
		this.#print(t(this.#lang, 'labServiceStarting', {name: this.#services.name(service)[this.#lang]}));
		const sentAt = Date.now();
		await this.#services.start(service);
		const index = this.#stopped.findIndex(s => JSON.stringify(s) === JSON.stringify(service));
		if (index >= 0) this.#stopped.splice(index, 1);
		return sentAt;
	}

	/** Starts everything still stopped, newest first; a failure is reported with the command to run by hand, and the rest still start. */
	async restore(): Promise<void> {
		const left = [...this.#stopped].reverse();
		if (left.length === 0) return;
		this.#print(t(this.#lang, 'labServicesRestoring'));
		for (const service of left) {
			try {
				await this.start(service);
			} catch (error) {
				const reason = problemIn(error)[this.#lang].replace(/[.。]\s*$/, '');
				this.#print(t(this.#lang, 'labServiceStartFailed', {name: this.#services.name(service)[this.#lang], reason, manualStart: this.#services.manualStart(service)}));
			}
		}
	}
}
