/**
 * Which queue a session request waits in. Kills (the `kill -TERM -- -PGID` that ends a timed-out or
 * cancelled command) are served first and always have one session kept free for them, so a full
 * queue of ordinary commands can never hold up the kill that would free it.
 */
export type SessionLane = 'command' | 'kill';

/** One session the gate let through: say how the server answered, then release it when it closes. */
export interface SessionTicket {
	/** The server opened the session. */
	accepted(): void;
	/** The server refused the session (sshd's MaxSessions); the ticket is released. Returns how many sessions are still open. */
	refused(): number;
	/** The session closed, or never opened for another reason. Safe to call more than once. */
	release(): void;
}

/**
 * How many sessions may be open at once on one SSH connection, learned from the server.
 *
 * sshd refuses a session past its `MaxSessions` (10 by default, and often lower) with a channel-open
 * failure, and it may still count sessions the client has already seen close. The gate therefore
 * starts below 10, drops to the number of sessions the server held when it refused, and climbs back
 * one at a time after a run of accepted sessions, but never above the most the server has accepted
 * at once.
 */
export class SessionGate {
	private limit: number;
	private highestAccepted = 0;
	private acceptedSinceChange = 0;
	/** Tickets handed out and not yet released. */
	private inUse = 0;
	/** Of those, sessions the server has accepted. */
	private open = 0;
	private readonly waiting: Record<SessionLane, Array<(ticket: SessionTicket) => void>> = {kill: [], command: []};
	private readonly regrowAfter: number;

	constructor(options: {initialLimit?: number; regrowAfter?: number} = {}) {
		this.limit = options.initialLimit ?? 8;
		this.regrowAfter = options.regrowAfter ?? 16;
	}

	/** The current limit, for messages and tests. */
	get currentLimit(): number {
		return this.limit;
	}

	/**
	 * Waits for a free session in `lane`. A `retry` (a request the server refused, or one lost with
	 * its connection) goes to the front of its lane so it keeps its turn. Resolves undefined when
	 * `signal` aborts first.
	 */
	acquire(lane: SessionLane, options: {retry?: boolean; signal?: AbortSignal | undefined} = {}): Promise<SessionTicket | undefined> {
		const {signal} = options;
		if (signal?.aborted) {
			return Promise.resolve(undefined);
		}
		return new Promise(resolve => {
			const waiter = (ticket: SessionTicket) => {
				signal?.removeEventListener('abort', onAbort);
				resolve(ticket);
			};
			const onAbort = () => {
				const queue = this.waiting[lane];
				const at = queue.indexOf(waiter);
				if (at !== -1) {
					queue.splice(at, 1);
					resolve(undefined);
				}
			};
			signal?.addEventListener('abort', onAbort, {once: true});
			if (options.retry === true) {
				this.waiting[lane].unshift(waiter);
			} else {
				this.waiting[lane].push(waiter);
			}
			this.pump();
		});
	}

	private capacity(lane: SessionLane): number {
		return lane === 'kill' || this.limit === 1 ? this.limit : this.limit - 1;
	}

	private pump(): void {
		for (const lane of ['kill', 'command'] as const) {
			while (this.waiting[lane].length > 0 && this.inUse < this.capacity(lane)) {
				this.inUse++;
				this.waiting[lane].shift()!(this.ticket());
			}
		}
	}

	private ticket(): SessionTicket {
		let state: 'pending' | 'open' | 'done' = 'pending';
		const release = () => {
			if (state === 'done') {
				return;
			}
			if (state === 'open') {
				this.open--;
			}
			state = 'done';
			this.inUse--;
			this.pump();
		};
		return {
			accepted: () => {
				if (state !== 'pending') {
					return;
				}
				state = 'open';
				this.open++;
				this.highestAccepted = Math.max(this.highestAccepted, this.open);
				this.acceptedSinceChange++;
				if (this.acceptedSinceChange >= this.regrowAfter && this.limit < this.highestAccepted) {
					this.limit++;
					this.acceptedSinceChange = 0;
				}
			},
			refused: () => {
				if (state === 'pending') {
					this.limit = Math.max(1, Math.min(this.limit, this.open));
					this.acceptedSinceChange = 0;
					release();
				}
				return this.open;
			},
			release,
		};
	}
}
