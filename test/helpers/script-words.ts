/**
 * An exported install script without the bodies of the files it writes on hosts: those carry
 * their comments in both languages whatever --lang says (a host file must not change with the
 * reader's language), so what the script itself says is what is left.
 */
export function scriptOwnWords(script: string): string {
	const kept: string[] = [];
	let closing: string | undefined;
	for (const line of script.split('\n')) {
		if (closing !== undefined) {
			if (line === closing) {
				closing = undefined;
			}
			continue;
		}
		kept.push(line);
		closing = /<<-?'?([A-Z_]+)'?\s*$/.exec(line)?.[1];
	}
	return kept.join('\n');
}
