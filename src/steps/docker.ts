import {localized} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab, LabHost} from '../lab/lab-schema.js';
import {resolveMirrors} from '../lab/mirrors.js';
import type {Step} from './step.js';
import {checkBy, command, commonHints, script, simpleStep, verifyBy} from './step-kit.js';
import {dockerPasswordRequest, type SecretSource} from './secrets.js';
import {dockerDaemonJsonTemplate, registryMirrorsToken} from './templates/docker-daemon.js';
import {dockerCeRepo} from './templates/yum-repos.js';
import {registryProbeFunctions} from './registry-probe.js';

export const containerConfigHint = {
	id: 'docker-container-config',
	matches: /Unable to find 'ContainerConfig|ContainerConfig\.Entrypoint/,
	hint: localized('stepDockerContainerConfigHint'),
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
			title: localized('stepDockerDaemonConfigTitle'),
			why: localized('stepDockerDaemonConfigWhy'),
			done: shellCommand(['bash', '-c', '[ -f /etc/docker/daemon.json ] && [ -f "$2" ] && [ "$(cat "$2")" = "$(printf %s "$1")" ]', 'mesos-lab', daemonTemplate?.content ?? '', daemonAppliedPath]),
			proof: daemonJsonParses,
			files: daemonTemplate === undefined ? [] : [daemonTemplate],
			commands: [script(applyRegistryMirrors, [daemonTemplatePath, pulledImages(lab).join(' '), ...mirrors.registryMirrors], localized('stepDockerDaemonConfigDo'))],
			hints: [commonHints.registryUnreachable, commonHints.downloadFailed],
			dependsOn: ['time-and-certificates'],
		}),
		simpleStep({
			id: 'docker-install', phase: 'docker', host: host.name,
			title: localized('stepDockerInstallTitle', {version}),
			why: localized('stepDockerInstallWhy'),
			done: shellCommand(['bash', '-c', 'for p in docker-ce docker-ce-cli docker-ce-rootless-extras; do [ "$(rpm -q --qf %{VERSION} "$p")" = "$1" ] && grep -qs ":$p-$1-" /etc/yum/pluginconf.d/versionlock.list || exit 1; done; systemctl is-enabled --quiet docker', 'mesos-lab', version]),
			// The daemon must answer and be older than 26, whose inspect output lacks ContainerConfig.
			proof: shellCommand(['bash', '-c', 'v=$(docker info --format "{{.ServerVersion}}") && echo "$v" && [ "${v%%.*}" -lt 26 ]']),
			files: repoFile === undefined ? [] : [repoFile],
			commands: [
				script(installPinnedDocker, [version], localized('stepDockerInstallDo')),
				command(['systemctl', 'enable', '--now', 'docker'], localized('stepDockerInstallDo2')),
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
			title: localized('stepDockerLoadOfflineTitle'),
			why: localized('stepDockerLoadOfflineWhy'),
			done: shellCommand(['docker', 'image', 'inspect', '--', lab.versions.marathonImage, lab.versions.marathonLbImage]),
			proof: shellCommand(['docker', 'image', 'inspect', '--format', '{{index .RepoTags 0}}', '--', lab.versions.marathonImage, lab.versions.marathonLbImage]),
			commands: lab.docker.offlineImages.map((archive) => command(['docker', 'load', '-i', archive], localized('stepDockerLoadOfflineDo', {archive}))),
			hints: [offlineArchiveHint],
			dependsOn: ['docker-install'],
		}));
	}
	return steps;
}

const offlineArchiveHint = {
	id: 'offline-archive-missing',
	matches: /no such file or directory|open .*: no such file|invalid tar header|unexpected EOF/i,
	hint: localized('stepOfflineArchiveMissingHint'),
};

const interactiveLoginHint = {
	id: 'docker-login-needs-password',
	matches: /non TTY device|Cannot perform an interactive login|unauthorized|incorrect username or password/i,
	hint: localized('stepDockerLoginNeedsPasswordHint'),
};

/** `docker login` with the password on stdin: never in argv, the log, the journal or the plan script. */
function dockerLoginStep(host: LabHost, login: {registry: string; user: string}, secrets: SecretSource | undefined): Step {
	const loggedIn = shellCommand(['bash', '-c', 'grep -qF "$1" /root/.docker/config.json', 'mesos-lab', login.registry]);
	return {
		id: 'docker-login', phase: 'docker', host: host.name,
		title: localized('stepDockerLoginTitle', {registry: login.registry}),
		why: localized('stepDockerLoginWhy'),
		check: checkBy(loggedIn, localized('stepReasonLoggedIn', {registry: login.registry}), localized('stepReasonNotLoggedIn', {registry: login.registry})),
		plan: async () => {
			const password = await secrets?.(dockerPasswordRequest(login.registry, login.user));
			const loginCommand = password === undefined
				? command(['docker', 'login', '--username', login.user, login.registry], localized('stepDockerLoginAsksDo'))
				: {...command(['docker', 'login', '--username', login.user, '--password-stdin', login.registry], localized('stepDockerLoginStdinDo')), stdin: `${password}\n`};
			return {files: [], commands: [loginCommand]};
		},
		verify: verifyBy(loggedIn, localized('stepReasonLoginHeld', {registry: login.registry}), localized('stepReasonNoLoginHeld', {registry: login.registry})),
		hints: [interactiveLoginHint],
		dependsOn: ['docker-install'],
	};
}
