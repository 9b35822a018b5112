import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {command, commonHints, simpleStep, text} from './step-kit.js';
import {dockerDaemonJson} from './templates/docker-daemon.js';
import {dockerCeRepo} from './templates/yum-repos.js';

export const containerConfigHint = {
	id: 'docker-container-config',
	matches: /Unable to find 'ContainerConfig|ContainerConfig\.Entrypoint/,
	hint: text('Docker 26 起 docker inspect 不再输出 ContainerConfig，而 Mesos 1.11 依赖它。请把 versions.dockerCe 设为 25.0.x 或更低（默认 24.0.9）后重装 docker-ce。', 'Docker 26 dropped ContainerConfig from docker inspect, which Mesos 1.11 reads. Set versions.dockerCe to 25.0.x or older (default 24.0.9) and reinstall docker-ce.'),
};

export function dockerFiles(lab: Lab): Array<{path: string; content: string}> {
	const mirrors = resolveMirrors(lab);
	return [
		{path: '/etc/yum.repos.d/docker-ce.repo', content: dockerCeRepo(mirrors.dockerCe)},
		{path: '/etc/docker/daemon.json', content: dockerDaemonJson(mirrors.registryMirrors)},
	];
}

export function dockerSteps(lab: Lab, host: LabHost): Step[] {
	const version = lab.versions.dockerCe;
	const steps: Step[] = [
		simpleStep({
			id: 'docker-install', phase: 'docker', host: host.name,
			title: text(`安装 docker-ce ${version}（固定版本）`, `Install docker-ce ${version} (pinned)`),
			why: text('教程的 daocloud 一键脚本已失效。这里直接配置 docker-ce 源并固定版本：el7 上最新的 26.1.4 去掉了 Mesos 1.11 需要的 ContainerConfig 字段，所以停在 25.0.x 以下。daemon.json 里配置镜像加速，并保持 cgroupfs 驱动。', 'The tutorial\'s daocloud script is dead. The docker-ce repo is configured directly with a pinned version: the newest el7 build, 26.1.4, dropped the ContainerConfig field Mesos 1.11 reads, so the lab stays at 25.0.x or below. daemon.json sets registry mirrors and keeps the cgroupfs driver.'),
			done: shellCommand(['bash', '-c', '[ "$(rpm -q --qf %{VERSION} docker-ce)" = "$1" ] && systemctl is-enabled --quiet docker', 'mesos-lab', version]),
			// The daemon must answer and be older than 26, whose inspect output lacks ContainerConfig.
			proof: shellCommand(['bash', '-c', 'v=$(docker info --format "{{.ServerVersion}}") && echo "$v" && [ "${v%%.*}" -lt 26 ]']),
			files: dockerFiles(lab).map((file) => ({...file, sudo: true, mode: 0o644})),
			commands: [
				command(['yum', 'install', '-y', `docker-ce-${version}`, `docker-ce-cli-${version}`, 'containerd.io'], text('安装固定版本', 'Install the pinned version')),
				command(['systemctl', 'enable', '--now', 'docker'], text('开机自启并立即启动', 'Start now and at every boot')),
			],
			hints: [commonHints.deadMirror, containerConfigHint],
			dependsOn: ['yum-vault'],
		}),
	];
	if (lab.docker.login !== undefined) {
		const login = lab.docker.login;
		steps.push(simpleStep({
			id: 'docker-login', phase: 'docker', host: host.name,
			title: text(`登录镜像仓库 ${login.registry}`, `Log in to ${login.registry}`),
			why: text('匿名拉取 Docker Hub 每 6 小时限 100 次；登录后限额更高。密码在运行时询问，不写进文件。', 'Anonymous Docker Hub pulls are limited to 100 per 6 hours; logged-in users get more. The password is asked at run time, never stored.'),
			done: shellCommand(['grep', '-q', login.registry, '/root/.docker/config.json']), proof: shellCommand(['grep', '-q', login.registry, '/root/.docker/config.json']),
			commands: [command(['docker', 'login', '--username', login.user, '--password-stdin', login.registry])],
		}));
	}
	if (lab.docker.offlineImages.length > 0) {
		steps.push(simpleStep({
			id: 'docker-load-offline', phase: 'docker', host: host.name,
			title: text('从离线包导入镜像', 'Load images from the offline bundle'),
			why: text('mesosphere/* 镜像不在国内加速器的白名单里，Docker Hub 上的标签也可能消失；docker save 导出的包可以原样导入。', 'mesosphere/* images are not on the China accelerators\' allow-lists and Hub tags have vanished before; archives made with docker save load as they are.'),
			done: shellCommand(['docker', 'image', 'inspect', lab.versions.marathonImage, lab.versions.marathonLbImage]),
			proof: shellCommand(['docker', 'image', 'inspect', lab.versions.marathonImage, lab.versions.marathonLbImage]),
			commands: lab.docker.offlineImages.map((archive) => command(['docker', 'load', '-i', archive])),
			dependsOn: ['docker-install'],
		}));
	}
	return steps;
}
