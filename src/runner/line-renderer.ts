import type {Language} from '../steps/step.js';
import type {RunnerEvent, StepRef} from './events.js';

export interface LineRendererOptions {
	write: (text: string) => void;
	language?: Language;
	/** Colour only when the output is a terminal and NO_COLOR is unset; see `wantsColor`. */
	color?: boolean;
	/** Print each output line of commands (off keeps the log to transitions). */
	showOutput?: boolean;
	now?: () => Date;
}

/** Whether to colour output: a terminal, and no NO_COLOR in the environment (https://no-color.org). */
export function wantsColor(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
	return isTTY && (env['NO_COLOR'] === undefined || env['NO_COLOR'] === '');
}

const paint = {
	green: (text: string) => `\u001B[32m${text}\u001B[39m`,
	red: (text: string) => `\u001B[31m${text}\u001B[39m`,
	yellow: (text: string) => `\u001B[33m${text}\u001B[39m`,
	dim: (text: string) => `\u001B[2m${text}\u001B[22m`,
};

/** Formats one event as one line (without newline), or undefined for events this printer leaves out. */
export function formatEvent(event: RunnerEvent, options: Omit<LineRendererOptions, 'write'> = {}): string | undefined {
	const color = options.color ?? false;
	const tint = (name: keyof typeof paint, text: string) => (color ? paint[name](text) : text);
	const zh = options.language === 'zh';
	const at = 'at' in event ? event.at : (options.now?.() ?? new Date()).toISOString();
	const stamp = tint('dim', at.slice(11, 19));
	const body = describe(event, zh, tint, options.showOutput ?? true);
	return body === undefined ? undefined : `${stamp} ${body}`;
}

/** A listener for `Runner.on` that prints timestamped lines, one per event. */
export function createLineRenderer(options: LineRendererOptions): (event: RunnerEvent) => void {
	return event => {
		const line = formatEvent(event, options);
		if (line !== undefined) {
			options.write(`${line}\n`);
		}
	};
}

function name(step: StepRef, zh: boolean): string {
	const title = step.title ? ` ${zh ? step.title.zh : step.title.en}` : '';
	return `[${step.index + 1}/${step.total}] ${step.key}${title}`;
}

function describe(event: RunnerEvent, zh: boolean, tint: (name: keyof typeof paint, text: string) => string, showOutput: boolean): string | undefined {
	switch (event.type) {
		case 'run-started':
			return zh
				? `${event.resumed ? '继续' : '开始'}安装实验环境 ${event.labId}，共 ${event.steps.length} 步`
				: `${event.resumed ? 'resuming' : 'starting'} lab ${event.labId}: ${event.steps.length} steps`;
		case 'step-started':
			return `${name(event.step, zh)} ${zh ? '开始' : 'started'}${event.attempt > 1 ? (zh ? `（第 ${event.attempt} 次）` : ` (attempt ${event.attempt})`) : ''}`;
		case 'step-checked':
			return `${name(event.step, zh)} ${event.result.kind === 'satisfied' ? (zh ? '已满足' : 'already satisfied') : (zh ? '需要执行' : 'needed')}${zh ? '：' : ': '}${event.result.reason}`;
		case 'command-started':
			return `${name(event.step, zh)} $ ${event.command}`;
		case 'command-output':
			return showOutput ? `${event.step.key} ${event.stream === 'stderr' ? tint('yellow', '!') : '|'} ${event.line}` : undefined;
		case 'command-finished':
			return `${name(event.step, zh)} ${zh ? '退出码' : 'exit'} ${event.exitCode ?? '-'} (${event.durationMs} ms)`;
		case 'job-attached':
			return `${name(event.step, zh)} ${event.reattached ? (zh ? '重新接上' : 're-attached to') : (zh ? '启动后台作业' : 'started detached job')} ${event.job.name} @${event.job.logBytes}`;
		case 'job-progress':
			return undefined;
		case 'job-silent':
			return `${name(event.step, zh)} ${zh ? '后台作业已静默' : 'job silent for'} ${Math.round(event.silentForMs / 1000)} s`;
		case 'step-verified':
			return `${name(event.step, zh)} ${event.result.ok ? `${zh ? '验证通过：' : 'verified: '}${event.result.proof}` : `${zh ? '验证失败：' : 'not verified: '}${event.result.problem}`}`;
		case 'step-finished':
			return `${name(event.step, zh)} ${tint('green', event.status === 'done' ? (zh ? '完成' : 'done') : (zh ? '跳过' : 'skipped'))} (${event.reason}, ${event.durationMs} ms)`;
		case 'step-failed':
			return [
				`${name(event.step, zh)} ${tint('red', zh ? '失败' : 'failed')}${zh ? '：' : ': '}${event.error}`,
				...(event.hint ? [`  ${zh ? '提示：' : 'hint: '}${event.hint}`] : []),
				`  ${zh ? '日志：' : 'log: '}${event.logPath}`,
			].join('\n');
		case 'run-finished': {
			const words = {completed: zh ? '全部完成' : 'completed', stopped: zh ? '已停止' : 'stopped', failed: zh ? '失败' : 'failed'};
			return `${zh ? '运行' : 'run'} ${event.outcome === 'completed' ? tint('green', words.completed) : tint('red', words[event.outcome])}`;
		}
	}
}
