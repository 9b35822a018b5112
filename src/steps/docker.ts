import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {checkBy, command, commonHints, script, simpleStep, text, verifyBy} from './step-kit.js';
import {dockerPasswordRequest, type SecretSource} from './secrets.js';
import {dockerDaemonJsonTemplate, registryMirrorsToken} from './templates/docker-daemon.js';
import {dockerCeRepo} from './templates/yum-repos.js';

export const containerConfigHint = {
	id: 'docker-container-config',
	matches: /Unable to find 'ContainerConfig|ContainerConfig\.Entrypoint/,
	hint: text('Docker 26 起 docker inspect 不再输出 ContainerConfig，而 Mesos 1.11 依赖它。请把 versions.dockerCe 设为 25.0.x 或更低（默认 24.0.9）后重装 docker-ce。', 'Docker 26 dropped ContainerConfig from docker inspect, which Mesos 1.11 reads. Set versions.dockerCe to 25.0.x or older (default 24.0.9) and reinstall docker-ce.'),
};

const daemonTemplatePath = '/etc/docker/daemon.json.mesos-lab';
const daemonAppliedPath = '/etc/docker/daemon.json.mesos-lab.applied';

/**
 * Keeps the registry mirrors that answer `/v2/` (200, or 401 asking for a login), says which,
 * writes daemon.json beside the template and restarts a running daemon so it takes effect.
 */
export const applyRegistryMirrors = `set -euo pipefail
template=$1; shift
list=""
for mirror in "$@"; do
  code=$(curl -sS -o /dev/null -w "%{http_code}" --max-time 10 "\${mirror%/}/v2/" 2>/dev/null || true)
  case $code in
    200|401) echo "registry mirror $mirror answers ($code): used"; list="$list\${list:+, }\\"$mirror\\"";;
    *) echo "registry mirror $mirror does not answer (\${code:-no reply}): left out";;
  esac
done
[ -n "$list" ] || echo "no registry mirror in use: images come straight from Docker Hub"
content=$(cat "$template")
target=$(dirname "$template")/daemon.json
printf "%s\\n" "\${content//${registryMirrorsToken}/"[$list]"}" > "$target.tmp"
mv -f "$target.tmp" "$target"
cp -f "$template" "$template.applied"
if systemctl is-active --quiet docker; then systemctl restart docker; fi`;

/** Exit 0 when daemon.json parses as JSON, with whichever Python the host has. */
const daemonJsonParses = shellCommand(['bash', '-c', 'for py in python python3 python2; do if command -v "$py" >/dev/null; then exec "$py" -c "import json,sys; print(json.load(open(sys.argv[1])).get(\'registry-mirrors\'))" /etc/docker/daemon.json; fi; done; exit 1']);

export function dockerFiles(lab: Lab): Array<{path: string; content: string}> {
	const mirrors = resolveMirrors(lab);
	return [
		{path: '/etc/yum.repos.d/docker-ce.repo', content: dockerCeRepo(mirrors.dockerCe)},
		{path: daemonTemplatePath, content: dockerDaemonJsonTemplate()},
	];
}

export function dockerSteps(lab: Lab, host: LabHost, secrets?: SecretSource): Step[] {
	const version = lab.versions.dockerCe;
	const mirrors = resolveMirrors(lab);
	const [repoFile, daemonTemplate] = dockerFiles(lab).map((file) => ({...file, sudo: true, mode: 0o644}));
	const steps: Step[] = [
		simpleStep({
			id: 'docker-daemon-config', phase: 'docker', host: host.name,
			title: text('探测镜像加速器并写入 /etc/docker/daemon.json', 'Probe the registry mirrors and write /etc/docker/daemon.json'),
			why: text(
				'国内多数 Docker Hub 加速器已关闭或只对校内开放（上交、中科大、网易、七牛、docker-cn），教程里的 daocloud 加速器也改成了白名单制。这里逐个探测 mirrors.registryMirrors 里的地址，只保留能应答的；一个都不应答时就直连 Docker Hub。同时保持 cgroupfs 驱动，Mesos 的 cgroup 处理依赖它。',
				'Most China Docker Hub accelerators have closed or serve only their campus (SJTU, USTC, 163, Qiniu, docker-cn), and the tutorial\'s DaoCloud accelerator now works from an allow-list. Each address in mirrors.registryMirrors is probed and only those that answer are kept; with none, images come straight from Docker Hub. The cgroupfs driver stays, because Mesos\' cgroup handling expects it.',
			),
			done: shellCommand(['bash', '-c', '[ -f /etc/docker/daemon.json ] && [ -f "$2" ] && [ "$(cat "$2")" = "$(printf %s "$1")" ]', 'mesos-lab', daemonTemplate?.content ?? '', daemonAppliedPath]),
			proof: daemonJsonParses,
			files: daemonTemplate === undefined ? [] : [daemonTemplate],
			commands: [script(applyRegistryMirrors, [daemonTemplatePath, ...mirrors.registryMirrors], text('探测加速器并生成 daemon.json', 'Probe the mirrors and write daemon.json'))],
			hints: [commonHints.registryUnreachable, commonHints.downloadFailed],
			dependsOn: ['time-and-certificates'],
		}),
		simpleStep({
			id: 'docker-install', phase: 'docker', host: host.name,
			title: text(`安装 docker-ce ${version}（固定版本）`, `Install docker-ce ${version} (pinned)`),
			why: text('教程的 daocloud 一键脚本已失效。这里直接配置 docker-ce 源并固定版本：el7 上最新的 26.1.4 去掉了 Mesos 1.11 需要的 ContainerConfig 字段，所以停在 25.0.x 以下。', 'The tutorial\'s daocloud script is dead. The docker-ce repo is configured directly with a pinned version: the newest el7 build, 26.1.4, dropped the ContainerConfig field Mesos 1.11 reads, so the lab stays at 25.0.x or below.'),
			done: shellCommand(['bash', '-c', '[ "$(rpm -q --qf %{VERSION} docker-ce)" = "$1" ] && systemctl is-enabled --quiet docker', 'mesos-lab', version]),
			// The daemon must answer and be older than 26, whose inspect output lacks ContainerConfig.
			proof: shellCommand(['bash', '-c', 'v=$(docker info --format "{{.ServerVersion}}") && echo "$v" && [ "${v%%.*}" -lt 26 ]']),
			files: repoFile === undefined ? [] : [repoFile],
			commands: [
				command(['yum', 'install', '-y', `docker-ce-${version}`, `docker-ce-cli-${version}`, 'containerd.io'], text('安装固定版本', 'Install the pinned version')),
				command(['systemctl', 'enable', '--now', 'docker'], text('开机自启并立即启动', 'Start now and at every boot')),
			],
			hints: [commonHints.deadMirror, containerConfigHint],
			dependsOn: ['yum-vault', 'docker-daemon-config'],
		}),
	];
	if (lab.docker.login !== undefined) {
		steps.push(dockerLoginStep(host, lab.docker.login, secrets));
	}
	if (lab.docker.offlineImages.length > 0) {
		steps.push(simpleStep({
			id: 'docker-load-offline', phase: 'docker', host: host.name,
			title: text('从离线包导入镜像', 'Load images from the offline bundle'),
			why: text('mesosphere/* 镜像不在国内加速器的白名单里，Docker Hub 上的标签也可能消失；docker save 导出的包可以原样导入。', 'mesosphere/* images are not on the China accelerators\' allow-lists and Hub tags have vanished before; archives made with docker save load as they are.'),
			done: shellCommand(['docker', 'image', 'inspect', '--', lab.versions.marathonImage, lab.versions.marathonLbImage]),
			proof: shellCommand(['docker', 'image', 'inspect', '--format', '{{index .RepoTags 0}}', '--', lab.versions.marathonImage, lab.versions.marathonLbImage]),
			commands: lab.docker.offlineImages.map((archive) => command(['docker', 'load', '-i', archive], text(`导入 ${archive}`, `Load ${archive}`))),
			hints: [offlineArchiveHint],
			dependsOn: ['docker-install'],
		}));
	}
	return steps;
}

const offlineArchiveHint = {
	id: 'offline-archive-missing',
	matches: /no such file or directory|open .*: no such file|invalid tar header|unexpected EOF/i,
	hint: text('离线镜像包不存在或已损坏：确认 docker.offlineImages 里的路径在目标机器上，并用 docker save -o 重新导出。', 'An offline image archive is missing or damaged: check that each path in docker.offlineImages exists on the target, and export it again with docker save -o.'),
};

const interactiveLoginHint = {
	id: 'docker-login-needs-password',
	matches: /non TTY device|Cannot perform an interactive login|unauthorized|incorrect username or password/i,
	hint: text('docker login 没有拿到正确的密码：在向导里输入，或无人值守运行时设置环境变量 MESOS_LAB_DOCKER_PASSWORD（不会被保存）。', 'docker login did not get a valid password: type it when the wizard asks, or set MESOS_LAB_DOCKER_PASSWORD for an unattended run (it is never saved).'),
};

/** `docker login` with the password on stdin: never in argv, the log, the journal or the plan script. */
function dockerLoginStep(host: LabHost, login: {registry: string; user: string}, secrets: SecretSource | undefined): Step {
	const loggedIn = shellCommand(['bash', '-c', 'grep -qF "$1" /root/.docker/config.json', 'mesos-lab', login.registry]);
	return {
		id: 'docker-login', phase: 'docker', host: host.name,
		title: text(`登录镜像仓库 ${login.registry}`, `Log in to ${login.registry}`),
		why: text(
			'匿名拉取 Docker Hub 每 6 小时限 100 次，登录后限额更高。密码只在运行时询问，经标准输入交给 docker login，不出现在命令行、日志或 lab 文件里；docker 自己会把登录令牌存在 /root/.docker/config.json，docker logout 可以删除它。',
			'Anonymous Docker Hub pulls are limited to 100 per 6 hours; logged-in users get more. The password is asked at run time and handed to docker login on stdin, so it never appears in a command line, a log or the lab file; docker keeps its own token in /root/.docker/config.json, which docker logout removes.',
		),
		check: checkBy(loggedIn, `logged in to ${login.registry}`, `not logged in to ${login.registry}`),
		plan: async () => {
			const password = await secrets?.(dockerPasswordRequest(login.registry, login.user));
			const loginCommand = password === undefined
				? command(['docker', 'login', '--username', login.user, login.registry], text('docker 会提示输入密码', 'docker asks for the password'))
				: {...command(['docker', 'login', '--username', login.user, '--password-stdin', login.registry], text('密码经标准输入传入', 'The password goes in on stdin')), stdin: `${password}\n`};
			return {files: [], commands: [loginCommand]};
		},
		verify: verifyBy(loggedIn, `docker holds a login for ${login.registry}`, `docker holds no login for ${login.registry}`),
		hints: [interactiveLoginHint],
		dependsOn: ['docker-install'],
	};
}
