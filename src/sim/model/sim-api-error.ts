import {MesosLabError} from '../../errors.js';
import type {JsonObject} from './types.js';

/** A request the simulated Marathon refuses, with the status and body the real one would send. */
export class SimApiError extends MesosLabError {
	readonly status: number;
	readonly body: JsonObject;

	constructor(status: number, body: JsonObject, hint?: string) {
		super(typeof body.message === 'string' ? body.message : `Simulated cluster refused the request (${status})`, hint === undefined ? {} : {hint});
		this.status = status;
		this.body = body;
	}
}
