import {defineCatalog} from '../define-catalog.js';

/** The runner's plain progress lines (`--plain`, logs): one line per step event. Step states follow the glossary. */
export const runnerTexts = defineCatalog({
	runnerRunStarted: {
		en: '{resumed, select, yes {resuming} other {starting}} lab {labId}: {steps, plural, one {# step} other {# steps}}',
		zh: '{resumed, select, yes {继续} other {开始}}安装实验环境 {labId}，{steps, plural, other {共 # 步}}',
	},
	runnerStepStarted: {en: '{step} started', zh: '{step} 开始'},
	runnerStepStartedAttempt: {en: '{step} started (attempt {attempt})', zh: '{step} 开始（第 {attempt} 次）'},
	runnerStepSatisfied: {en: '{step} already satisfied: {reason}', zh: '{step} 已满足：{reason}'},
	runnerStepNeeded: {en: '{step} needed: {reason}', zh: '{step} 需要执行：{reason}'},
	runnerCommandFinished: {en: '{step} exit {exit} ({ms} ms)', zh: '{step} 退出码 {exit} ({ms} ms)'},
	runnerJobStarted: {en: '{step} started detached job {job} @{offset}', zh: '{step} 启动后台作业 {job} @{offset}'},
	runnerJobReattached: {en: '{step} re-attached to {job} @{offset}', zh: '{step} 重新接上 {job} @{offset}'},
	runnerJobSilent: {en: '{step} job silent for {seconds} s', zh: '{step} 后台作业已静默 {seconds} s'},
	runnerVerified: {en: '{step} verified: {proof}', zh: '{step} 验证通过：{proof}'},
	runnerNotVerified: {en: '{step} not verified: {problem}', zh: '{step} 验证失败：{problem}'},
	runnerDone: {en: 'done', zh: '完成'},
	runnerSkipped: {en: 'skipped', zh: '跳过'},
	runnerFailed: {en: 'failed', zh: '失败'},
	runnerCompleted: {en: 'completed', zh: '全部完成'},
	runnerStopped: {en: 'stopped', zh: '已停止'},
	runnerSkippedEarlier: {en: 'skipped earlier', zh: '之前已跳过'},
	runnerSkippedByRequest: {en: 'skipped by request', zh: '按要求跳过'},
	runnerSkippedAfterFailure: {en: 'skipped by request after a failure', zh: '失败后按要求跳过'},
	runnerHint: {en: 'hint: {hint}', zh: '提示：{hint}'},
	runnerLog: {en: 'log: {path}', zh: '日志：{path}'},
	runnerRunFinished: {en: 'run {outcome}', zh: '运行{outcome}'},
	// Why a step failed or a run stopped, as the checkpoint keeps it for status and the next run.
	runnerStoppedBeforeFinish: {en: 'stopped before it finished', zh: '在完成前被停止'},
	runnerJobLost: {en: 'the detached job {job} was lost: {reason}', zh: '后台作业 {job} 丢失了：{reason}'},
	runnerVerificationFailed: {en: 'verification failed: {problem}', zh: '验证失败：{problem}'},
	runnerNoJobControl: {en: 'this step runs a detached job, but no job control was given to the runner', zh: '这一步要运行后台作业，但没有为运行器提供作业控制'},
	runnerLastStopFailed: {en: '{step} failed: {error}', zh: '{step} 失败：{error}'},
	runnerLastStopDuring: {en: 'stopped during {step}', zh: '在 {step} 期间停止'},
	// Why a clean-up step (`reset --hosts`) could not remove what it undoes.
	runnerUndoBlocked: {en: '{blocker} did not finish', zh: '{blocker} 没有完成'},
	runnerUndoCommandEnded: {
		en: '{command} ended with {exit, select, timeout {a timeout} signal {a signal} other {exit {exit}}}',
		zh: '{command} 已结束，{exit, select, timeout {超时} signal {被信号终止} other {退出码 {exit}}}',
	},
});
