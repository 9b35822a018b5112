import {defineCatalog} from '../define-catalog.js';

/** `mesos-lab init` and the wizard: welcome, preflight report, interview, review, steps, failure, summary. */
export const wizardTexts = defineCatalog({
	preflightStopped: {
		en: 'Preflight failed ({count, plural, one {# check} other {# checks}}); no step was run:',
		zh: '预检未通过（{count, plural, other {# 项}}），没有执行任何步骤：',
	},
	preflightFailure: {en: '✗ {check} {title}: {detail}', zh: '✗ {check} {title}：未通过，{detail}'},
	preflightFix: {en: 'Fix: {fix}', zh: '修复：{fix}'},
	preflightWayPast: {
		en: 'Fix these and run again, or add {flags} to go on regardless.',
		zh: '修复后重新运行；确定要继续时可以加 {flags}。',
	},
	welcome: {
		en: 'mesos-lab builds the Mesos cluster of the tutorial step by step. Apache Mesos moved to the Apache Attic in 2025: it gets no more releases or fixes. This is a lab for learning, and for looking after legacy clusters, not a new production platform.',
		zh: 'mesos-lab 按教程一步一步搭建 Mesos 集群。Apache Mesos 已于 2025 年移入 Apache Attic（退役），不会再有新版本或修复。这是用来学习、以及维护遗留集群的实验环境，不适合作为新的生产平台。',
	},
});
