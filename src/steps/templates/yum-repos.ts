import {hostComment} from './host-comment.js';

/** CentOS-Base.repo pinned to 7.9.2009 on a vault mirror (mirrorlist.centos.org no longer resolves). */
export function centosBaseRepo(vaultBase: string): string {
	const section = (id: string, name: string): string[] => [
		`[${id}]`,
		`name=CentOS-7.9.2009 - ${name} (vault)`,
		`baseurl=${vaultBase}/7.9.2009/${id}/$basearch/`,
		'gpgcheck=1',
		'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7',
		'enabled=1',
		'',
	];
	return [...hostComment('stepFileWrittenBy'), ...section('os', 'Base'), ...section('updates', 'Updates'), ...section('extras', 'Extras')]
		.join('\n')
		.replace('[os]', '[base]');
}

/** docker-ce.repo; the package version is pinned at install time, not here. */
export function dockerCeRepo(base: string): string {
	return [
		...hostComment('stepFileWrittenBy'),
		'[docker-ce-stable]',
		'name=Docker CE Stable - $basearch',
		`baseurl=${base}/7/$basearch/stable`,
		'enabled=1',
		'gpgcheck=1',
		`gpgkey=${base}/gpg`,
		'',
	].join('\n');
}

export const repoScriptPath = '/usr/local/sbin/mesos-lab-yum-repos';

/**
 * The repo rewrite as a script kept on the host, so a yum post-transaction action can run it again
 * whenever a `*-release` package brings back repo files that name dead hosts.
 */
export function repoRewriteScript(vaultMirrors: readonly string[], epelArchive: string): string {
	const quoted = vaultMirrors.map((mirror) => `'${mirror}'`).join(' ');
	return `#!/bin/bash
${hostComment('stepFileRepoScript').join('\n')}
set -euo pipefail
repos=\${1:-/etc/yum.repos.d}
mirrors=(${quoted})
answers() { curl -fsS --max-time 10 -o /dev/null "$1/7.9.2009/os/x86_64/repodata/repomd.xml"; }
chosen=""
for base in "\${mirrors[@]}"; do
  if answers "$base"; then chosen=$base; break; fi
${hostComment('stepFileRepoScriptHttp').map((line) => `  ${line}`).join('\n')}
  if [[ $base == https://* ]] && answers "http://\${base#https://}"; then
    chosen="http://\${base#https://}"
    echo "$base fails over https (old CA certificates?); using $chosen until they are refreshed"
    break
  fi
  echo "vault mirror $base does not answer"
done
if [ -z "$chosen" ]; then echo "no vault mirror answered: \${mirrors[*]}" >&2; exit 1; fi
mkdir -p "$repos/mesos-lab-disabled"
for file in "$repos"/CentOS-*.repo "$repos"/epel-*.repo; do
  if [ -e "$file" ] && [ "$file" != "$repos/CentOS-Base.repo" ]; then mv -f "$file" "$repos/mesos-lab-disabled/"; fi
done
template=$(cat "$repos/CentOS-Base.repo.mesos-lab")
printf '%s\\n' "\${template//@VAULT@/"$chosen"}" > "$repos/CentOS-Base.repo"
if [ -f "$repos/epel.repo" ] && grep -q '^metalink=' "$repos/epel.repo"; then
  printf '%s\\n' '[epel]' 'name=Extra Packages for Enterprise Linux 7 (archive)' 'baseurl=${epelArchive}/$basearch/' 'enabled=1' 'gpgcheck=1' 'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-7' > "$repos/epel.repo"
  echo "epel.repo pointed back at ${epelArchive}"
fi
${hostComment('stepFileRepoScriptNoYum').join('\n')}
rm -rf /var/cache/yum/*
echo "yum uses the CentOS vault at $chosen"
`;
}

/** Runs the repo rewrite after any `*-release` package is installed or updated. */
export function releaseAction(): string {
	return [...hostComment('stepFileReleaseAction'), `*-release:install:${repoScriptPath}`, `*-release:update:${repoScriptPath}`, ''].join('\n');
}
