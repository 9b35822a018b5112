import type {Language} from '../steps/step.js';

/** Where the install goes. */
export type Target =
	| {kind: 'local'}
	| {kind: 'ssh'; host: string; port: number; user: string; auth: 'agent' | 'identity-file' | 'password-prompt'; identityFile?: string};

/** A connection that worked; `newKey` is the known_hosts line of a host key seen for the first time. */
export type ConnectAttempt = {ok: true; fingerprint: string; newKey?: string} | {ok: false; error: string};

export type MirrorPreset = 'china' | 'global' | 'custom';

/** What the interview asks of the machines while it asks its questions; injected so it runs against fakes in tests. */
export interface InterviewEffects {
	/** A failed attempt's `error` and a fingerprint's wording come in `language`. */
	tryConnect(target: Target, language: Language): Promise<ConnectAttempt>;
	/** Records a host key the user accepted, before anything connects again for real. */
	trustHostKey(knownHostsLine: string): Promise<void>;
	detectAddress(target: Target): Promise<{ip: string; hostname: string} | undefined>;
	/** `detail` says how the mirror answered, in `language`. */
	probeMirror(preset: MirrorPreset, customUrl: string | undefined, language: Language): Promise<{ok: boolean; detail: string}>;
}
