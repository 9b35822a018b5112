import {defineCatalog} from '../define-catalog.js';

/** `mesos-lab app`: its questions and reports. */
export const appTexts = defineCatalog({
	appAskScaleToZero: {en: 'Scale {id} to 0 and stop all its instances?', zh: '把 {id} 缩容到 0，停止它的所有实例？'},
	appAskRestart: {en: 'Restart every instance of {id}?', zh: '重启 {id} 的每一个实例？'},
	appAskRollback: {en: 'Roll {id} back to {target}, replacing its running instances?', zh: '把 {id} 回滚到 {target}，替换正在运行的实例？'},
	appPreviousVersion: {en: 'the previous version', zh: '上一个版本'},
	appAskForceUpdate: {en: 'Force the update of {id}, cancelling the deployment in progress?', zh: '强制更新 {id}，取消它正在进行的部署？'},
	appAskDelete: {en: 'Delete {id} and stop all its instances?', zh: '删除 {id} 并停止它的所有实例？'},
	appNeedsYes: {en: '{question} Nobody can answer here, so this needs --yes.', zh: '{question}这里无人能回答，需要加上 --yes。'},
	appNeedsYesHint: {en: 'Pass --yes: {command} --yes', zh: '加上 --yes：{command} --yes'},
	appNothingChanged: {en: 'nothing changed', zh: '未做任何更改'},
});
