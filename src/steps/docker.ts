import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {checkBy, command, commonHints, script, simpleStep, text, verifyBy} from './step-kit.js';
import {dockerPasswordRequest, type SecretSource} from './secrets.js';
import {dockerDaemonJsonTemplate, registryMirrorsToken} from './templates/docker-daemon.js';
import {dockerCeRepo} from './templates/yum-repos.js';
import {registryProbeFunctions} from './registry-probe.js';

export const containerConfigHint = {
	id: 'docker-container-config',
	matches: /Unable to find 'ContainerConfig|ContainerConfig\.Entrypoint/,
	hint: text(
		'Docker 26 起 docker inspect 不再输出 ContainerConfig，而 Mesos 1.11 依赖它。yum install 不会降级，要用 yum downgrade -y docker-ce-24.0.9 docker-ce-cli-24.0.9 docker-ce-rootless-extras-24.0.9（版本取 versions.dockerCe，25.0.x 或更低），再重跑 mesos-lab init：它会用 yum versionlock 锁住这个版本，之后的 yum update 不会再把它升上去。',
		'Docker 26 dropped ContainerConfig from docker inspect, which Mesos 1.11 reads. yum install never goes back a version: run yum downgrade -y docker-ce-24.0.9 docker-ce-cli-24.0.9 docker-ce-rootless-extras-24.0.9 (the version in versions.dockerCe, 25.0.x or older), then mesos-lab init again, which locks that version with yum versionlock so no later yum update moves it.',
	),
};

/** The packages docker-ce is made of on el7, all held at the lab's version (docker-ce.spec requires rootless-extras there). */
export const dockerPackages = ['docker-ce', 'docker-ce-cli', 'docker-ce-rootless-extras'] as const;

/**
 * Installs the pinned version, goes back to it when a later yum update moved past it (yum install
 * never downgrades), and locks it with yum's versionlock plugin so the next yum update keeps it.
 */
export const installPinnedDocker = `set -euo pipefail
version=$1
yum install -y "docker-ce-$version" "docker-ce-cli-$version" "docker-ce-rootless-extras-$version" containerd.io
for package in ${dockerPackages.join(' ')}; do
  installed=$(rpm -q --qf '%{VERSION}' "$package")
  if [ "$installed" != "$version" ]; then echo "$package is at $installed: going back to $version"; yum downgrade -y "$package-$version"; fi
done
yum install -y yum-plugin-versionlock
locked=$(cat /etc/yum/pluginconf.d/versionlock.list 2>/dev/null || true)
for package in ${dockerPackages.join(' ')}; do
  case $locked in *":$package-$version-"*) echo "$package-$version is locked already";; *) yum versionlock add "$package-$version";; esac
done`;

const daemonTemplatePath = '/etc/docker/daemon.json.mesos-lab';
const daemonAppliedPath = '/etc/docker/daemon.json.mesos-lab.applied';

/**
 * Keeps the registry mirrors that serve the manifest of every image the lab pulls (not merely
 * /v2/), says which and why the others were left out, writes daemon.json beside the template and
 * restarts a running daemon so it takes effect. Arguments: the template, the images
 * (space-separated references), then the mirrors.
 */
export const applyRegistryMirrors = `set -euo pipefail
template=$1 images=$2; shift 2
${registryProbeFunctions}
list=""
for mirror in "$@"; do
  if serves_images "$mirror"; then
    echo "registry mirror $mirror serves \${images// /, }: used"; list="$list\${list:+, }\\"$mirror\\""
  else
    echo "registry mirror $mirror does not serve $refused: left out"
  fi
done
if [ -z "$list" ]; then
  echo "no registry mirror serves \${images// /, }: images come straight from Docker Hub (or load them with docker.offlineImages)"
fi
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

/** The images the lab pulls itself (none when they come from offline archives). */
export function pulledImages(lab: Lab): string[] {
	return lab.docker.offlineImages.length > 0 ? [] : [...(lab.marathon.source === 'image' ? [lab.versions.marathonImage] : []), lab.versions.marathonLbImage];
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
				'国内多数 Docker Hub 镜像加速器已关闭或只对校内开放（上交、中科大、网易、七牛、docker-cn），教程里的 daocloud 镜像加速器也改成了白名单制：/v2/ 能应答，白名单外的镜像却返回 403。所以这里对 mirrors.registryMirrors 里的每个地址，直接请求本实验环境要拉的镜像（Marathon 和 marathon-lb）的 manifest，只保留全部能给出的；一个都没有时直连 Docker Hub，拉不到就改用 docker.offlineImages 导入离线镜像包。同时保持 cgroupfs 驱动，Mesos 的 cgroup 处理依赖它。',
				'Most China Docker Hub accelerators have closed or serve only their campus (SJTU, USTC, 163, Qiniu, docker-cn), and the tutorial\'s DaoCloud accelerator now works from an allow-list: /v2/ answers, yet images off the list get 403. So each address in mirrors.registryMirrors is asked for the manifests of the images this lab pulls (Marathon and marathon-lb), and only mirrors that serve all of them are kept; with none, images come straight from Docker Hub, and where that fails too, docker.offlineImages loads saved archives instead. The cgroupfs driver stays, because Mesos\' cgroup handling expects it.',
			),
			done: shellCommand(['bash', '-c', '[ -f /etc/docker/daemon.json ] && [ -f "$2" ] && [ "$(cat "$2")" = "$(printf %s "$1")" ]', 'mesos-lab', daemonTemplate?.content ?? '', daemonAppliedPath]),
			proof: daemonJsonParses,
			files: daemonTemplate === undefined ? [] : [daemonTemplate],
			commands: [script(applyRegistryMirrors, [daemonTemplatePath, pulledImages(lab).join(' '), ...mirrors.registryMirrors], text('探测镜像加速器能否给出所需镜像并生成 daemon.json', 'Ask each mirror for the images needed and write daemon.json'))],
			hints: [commonHints.registryUnreachable, commonHints.downloadFailed],
			dependsOn: ['time-and-certificates'],
		}),
		simpleStep({
			id: 'docker-install', phase: 'docker', host: host.name,
			title: text(`安装 docker-ce ${version}（固定版本）`, `Install docker-ce ${version} (pinned)`),
			why: text(
				'教程的 daocloud 一键脚本已失效。这里直接配置 docker-ce 源并固定版本：el7 上最新的 26.1.4 去掉了 Mesos 1.11 需要的 ContainerConfig 字段，所以停在 25.0.x 以下。docker-ce、docker-ce-cli 和 el7 上必带的 docker-ce-rootless-extras 都装同一个版本，并用 yum versionlock 锁住：否则以后任何一次 yum update 都会把 Docker 悄悄升到 26.1.4，所有 Docker 任务随之失败。',
				'The tutorial\'s daocloud script is dead. The docker-ce repo is configured directly with a pinned version: the newest el7 build, 26.1.4, dropped the ContainerConfig field Mesos 1.11 reads, so the lab stays at 25.0.x or below. docker-ce, docker-ce-cli and docker-ce-rootless-extras (which el7 always pulls in) get the same version and are held there with yum versionlock; otherwise any later yum update quietly moves Docker to 26.1.4 and every Docker task fails.',
			),
			done: shellCommand(['bash', '-c', 'for p in docker-ce docker-ce-cli docker-ce-rootless-extras; do [ "$(rpm -q --qf %{VERSION} "$p")" = "$1" ] && grep -qs ":$p-$1-" /etc/yum/pluginconf.d/versionlock.list || exit 1; done; systemctl is-enabled --quiet docker', 'mesos-lab', version]),
			// The daemon must answer and be older than 26, whose inspect output lacks ContainerConfig.
			proof: shellCommand(['bash', '-c', 'v=$(docker info --format "{{.ServerVersion}}") && echo "$v" && [ "${v%%.*}" -lt 26 ]']),
			files: repoFile === undefined ? [] : [repoFile],
			commands: [
				script(installPinnedDocker, [version], text('安装固定版本并用 versionlock 锁住', 'Install the pinned version and lock it')),
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
			why: text('mesosphere/* 镜像不在国内镜像加速器的白名单里，Docker Hub 上的标签也可能消失；docker save 导出的包可以原样导入。', 'mesosphere/* images are not on the China accelerators\' allow-lists and Hub tags have vanished before; archives made with docker save load as they are.'),
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
	hint: text('离线镜像包不存在或已损坏：确认 docker.offlineImages 里的路径在目标主机上，并用 docker save -o 重新导出。', 'An offline image archive is missing or damaged: check that each path in docker.offlineImages exists on the target, and export it again with docker save -o.'),
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
			'Docker Hub 对未登录的拉取限制为每个 IP 每小时 10 次，登录后限额更高。密码只在运行时询问，经标准输入交给 docker login，不出现在命令行、日志或 lab 文件里；docker 自己会把登录令牌存在 /root/.docker/config.json，docker logout 可以删除它。',
			'Docker Hub allows unauthenticated users 10 pulls an hour per IP address; logged-in users get more. The password is asked at run time and handed to docker login on stdin, so it never appears in a command line, a log or the lab file; docker keeps its own token in /root/.docker/config.json, which docker logout removes.',
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
