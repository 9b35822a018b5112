import {t} from '../i18n/messages.js';
import type {Language} from '../steps/step.js';

/** What the step screen shows for a long build: how far, and how long until it is done. */
export interface BuildProgress {
	done: number;
	total: number;
	percent: number;
	/** Milliseconds left, once two samples give a rate; undefined before that or when nothing moved. */
	etaMs: number | undefined;
	/** The first sample seen in this attachment, the origin of the rate. */
	origin: {done: number; at: number};
}

/**
 * Folds one compiled-objects sample into the progress. The rate is measured from the first sample
 * of this attachment rather than from zero, so a resumed build does not look impossibly fast.
 */
export function nextBuildProgress(previous: BuildProgress | undefined, compiled: {done: number; total: number}, at: number): BuildProgress {
	const total = Math.max(compiled.total, 1);
	const done = Math.min(Math.max(compiled.done, 0), total);
	const origin = previous && done >= previous.origin.done ? previous.origin : {done, at};
	const elapsed = at - origin.at;
	const gained = done - origin.done;
	const etaMs = gained > 0 && elapsed > 0 ? Math.round((elapsed / gained) * (total - done)) : undefined;
	return {done, total, percent: Math.floor((done / total) * 100), etaMs, origin};
}

/** "1h 05m", "4m 10s", "12s" (in zh 小时, 分, 秒): short enough for the progress line at 80 columns. */
export function formatDuration(ms: number, language: Language): string {
	const seconds = Math.max(0, Math.round(ms / 1000));
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	const rest = seconds % 60;
	if (hours > 0) {
		return t(language, 'durationHours', {hours, minutes: String(minutes).padStart(2, '0')});
	}

	if (minutes > 0) {
		return t(language, 'durationMinutes', {minutes, seconds: String(rest).padStart(2, '0')});
	}

	return t(language, 'durationSeconds', {seconds: rest});
}
