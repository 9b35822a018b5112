import {localized} from '../i18n/localized.js';
import {shellCommand} from '../exec/quote.js';
import type {Lab} from '../lab/lab-schema.js';
import type {PlannedCommand} from './step.js';
import {script} from './step-kit.js';

/**
 * Where the units reach Mesos, whatever installed it: links under the lab root to the binaries and
 * libmesos that the install step found. A build or tarball puts them under /usr/local; Apache's RPM
 * spec (and a third-party package built from it) under /usr/sbin and /usr/lib64. The links are
 * also absolute paths, which sudo's secure_path (no /usr/local/sbin on CentOS 7) cannot hide.
 */
export function mesosPaths(lab: Lab): {master: string; agent: string; libmesos: string} {
	return {master: `${lab.root}/bin/mesos-master`, agent: `${lab.root}/bin/mesos-agent`, libmesos: `${lab.root}/lib/libmesos.so`};
}

function searchOrder(lab: Lab): {bin: string[]; lib: string[]} {
	return lab.mesos.source === 'rpm' || lab.mesos.source === 'third-party-repo'
		? {bin: ['/usr/sbin', '/usr/bin', '/usr/local/sbin'], lib: ['/usr/lib64', '/usr/lib', '/usr/local/lib']}
		: {bin: ['/usr/local/sbin', '/usr/sbin'], lib: ['/usr/local/lib', '/usr/lib64']};
}

export const linkMesosScript = `set -euo pipefail
root=$1 bins=$2 libs=$3
mkdir -p "$root/bin" "$root/lib"
for program in mesos-master mesos-agent; do
  found=""
  for dir in $bins; do if [ -x "$dir/$program" ]; then found=$dir/$program; break; fi; done
  if [ -z "$found" ]; then echo "$program is in none of: $bins" >&2; exit 1; fi
  ln -sfn "$found" "$root/bin/$program"
  echo "$program: $found"
done
for dir in $libs; do
  if [ -e "$dir/libmesos.so" ]; then ln -sfn "$dir/libmesos.so" "$root/lib/libmesos.so"; echo "libmesos: $dir/libmesos.so"; break; fi
done`;

/** Finds the installed binaries and libmesos and links them where the units look. */
export function linkMesosCommand(lab: Lab): PlannedCommand {
	const order = searchOrder(lab);
	return script(linkMesosScript, [lab.root, order.bin.join(' '), order.lib.join(' ')], localized('stepLinkMesosCommandDo'));
}

/** Exit 0 when the linked master runs and reports the version. */
export function mesosInstalledProbe(lab: Lab): string {
	const {master, agent} = mesosPaths(lab);
	return shellCommand(['bash', '-c', '[ -x "$1" ] && "$2" --version | grep -qF "$3"', 'mesos-lab', agent, master, lab.versions.mesos]);
}
