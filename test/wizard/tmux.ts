import {execFile} from 'node:child_process';
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {promisify} from 'node:util';
import {waitFor} from '../helpers/wait-for.js';

const run = promisify(execFile);

/** The tmux socket of the wizard tests, apart from anyone else's tmux. */
export const tmuxSocket = 'g-wizard';

export async function tmuxAvailable(): Promise<boolean> {
	try {
		await run('tmux', ['-V']);
		return true;
	} catch {
		return false;
	}
}

/**
 * One tmux session running a command in a 100x30 terminal: keys go in with send-keys, the screen
 * comes out with capture-pane. Waits poll the screen for text rather than sleeping.
 */
export interface CaptureOptions {
	scrollback?: boolean;
}

export class TmuxSession {
	readonly name: string;
	readonly socket: string;
	readonly #capturesDir: string;

	private constructor(name: string, socket: string, capturesDir: string) {
		this.name = name;
		this.socket = socket;
		this.#capturesDir = capturesDir;
	}

	/**
	 * Session names carry this process's id, so two test runs sharing a socket never collide; the
	 * server ends by itself when its last session is killed.
	 */
	static async start(options: {name: string; command: string[]; cwd: string; env: Record<string, string>; capturesDir: string; socket?: string; columns?: number; rows?: number}): Promise<TmuxSession> {
		const socket = options.socket ?? tmuxSocket;
		const name = `${options.name}-${process.pid}`;
		const environment = Object.entries(options.env).flatMap(([key, value]) => ['-e', `${key}=${value}`]);
		// Keep the pane after the program exits so its last screen can still be read. The option is set
		// in the same tmux command list, before the session exists: set afterwards, a program that ends
		// at once would take its pane (and the session) with it first.
		await run('tmux', [
			'-L', socket, '-f', '/dev/null', 'start-server', ';', 'set-option', '-g', 'remain-on-exit', 'on', ';',
			'new-session', '-d', '-s', name, '-x', String(options.columns ?? 100), '-y', String(options.rows ?? 30), '-c', options.cwd,
			...environment, ...options.command,
		]);
		await mkdir(options.capturesDir, {recursive: true});
		return new TmuxSession(name, socket, options.capturesDir);
	}

	async sendKeys(...keys: string[]): Promise<void> {
		await run('tmux', ['-L', this.socket, 'send-keys', '-t', this.name, ...keys]);
	}

	/** The visible screen; with `scrollback`, also the lines that scrolled off its top, as a person could scroll back to. */
	async capture(options: CaptureOptions = {}): Promise<string> {
		const {stdout} = await run('tmux', ['-L', this.socket, 'capture-pane', '-p', ...(options.scrollback ? ['-S', '-'] : []), '-t', this.name]);
		return stdout;
	}

	/** Polls the screen until it shows `text`; fails with the last screen when it never does. */
	async waitForText(text: string | RegExp, timeoutMs = 15_000, options: CaptureOptions = {}): Promise<string> {
		let screen = '';
		return waitFor(async () => {
			screen = await this.capture(options);
			return (typeof text === 'string' ? screen.includes(text) : text.test(screen)) && screen;
		}, `the screen to show "${String(text)}"`, {timeoutMs, everyMs: 100, lastSeen: () => screen});
	}

	/** Waits for `text` and keeps the screen under captures/ for people to read. */
	async waitAndSave(text: string | RegExp, captureName: string, timeoutMs?: number, options: CaptureOptions = {}): Promise<string> {
		const screen = await this.waitForText(text, timeoutMs, options);
		await writeFile(join(this.#capturesDir, `${captureName}.txt`), screen);
		return screen;
	}

	/** Waits until the program in the pane has exited; fails with its last screen when it never does. */
	async waitForExit(timeoutMs = 30_000): Promise<void> {
		await waitFor(() => this.paneDead(), `${this.name} to exit`, {timeoutMs, everyMs: 100, lastSeen: () => this.capture()});
	}

	async paneDead(): Promise<boolean> {
		const {stdout} = await run('tmux', ['-L', this.socket, 'display-message', '-p', '-t', this.name, '#{pane_dead}']);
		return stdout.trim() === '1';
	}

	async kill(): Promise<void> {
		await run('tmux', ['-L', this.socket, 'kill-session', '-t', this.name]).catch(() => undefined);
	}
}
