/**
 * One line that names a command in an error: a multi-line program (`bash -c '…'`) is cut to its
 * first line that does something, with how many lines it has, so a failure screen shows which
 * command it was rather than a whole script.
 */
export function commandSummary(command: string, maxLength = 160): string {
	const lines = command.split('\n');
	const cut = (text: string) => (text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text);
	if (lines.length === 1) {
		return cut(command);
	}
	// `bash -c 'set -euo pipefail` says nothing about the work: show the first line after the shell options.
	const telling = lines.slice(1).map(line => line.trim()).find(line => line !== '' && !line.startsWith('#') && !/^set -[a-z]+( -o \w+)*( pipefail)?$/.test(line));
	const head = lines[0]!.trim();
	return cut(`${head}${telling === undefined ? '' : ` … ${telling}`} … (a ${lines.length}-line script)`);
}
