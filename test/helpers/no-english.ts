import stringWidth from 'string-width';

/**
 * Words a Chinese screen may show in Latin letters: product names, the glossary's kept English
 * terms (docs/glossary.md: agent, framework, executor…), the names of keys, and units. A run of
 * three or more other English words in a row is a sentence someone forgot to translate.
 */
export const keptEnglish = new Set([
	// Products and projects (never translated).
	'mesos', 'marathon', 'marathon-lb', 'zookeeper', 'docker', 'haproxy', 'centos', 'maven', 'epel', 'yum', 'apache', 'attic',
	'aventer', 'java', 'linux', 'ssh', 'openssh', 'systemd', 'selinux', 'firewalld', 'git', 'make', 'rpm', 'tar', 'gz', 'tgz', 'vault',
	'docker-ce', 'hub', 'aliyun', 'tsinghua', 'huawei', 'ui', 'url', 'ip', 'id', 'http', 'https', 'sha256', 'sha512', 'eta',
	// The glossary's terms kept in English.
	'master', 'masters', 'agent', 'agents', 'framework', 'frameworks', 'executor', 'scheduler', 'follower', 'offer', 'sandbox', 'znode',
	'service', 'port', 'bridge', 'host',
	// Keys and step states the screens name.
	'enter', 'esc', 'ctrl-c', 'tab', 'y', 'q', 'r', 's', 'n', 'l', 'd', 'i', 'c', 'x',
]);

/** Lines that show what a command is or printed, not the program's own words: `$ command`, the output gutter. */
function isCommandOrOutput(line: string): boolean {
	return /^\s*(\$ |│ )/.test(line);
}

/** Code a screen shows as written: `backticked`, a mesos-lab command, URLs, paths, flags, key=value, host@addresses, identifiers with digits. */
function withoutCode(line: string): string {
	return line
		.replaceAll(/`[^`]*`/g, ' ')
		.replaceAll(/\bmesos-lab (?:init|resume|plan|status|logs|dashboard|demo|reset|app|lab)\b[^\p{Script=Han}（），。：；]*/gu, ' ')
		.replaceAll(/\b[a-z][a-z+.-]*:\/\/\S+/gi, ' ')
		.replaceAll(/\S*[/@=_]\S*/g, ' ')
		.replaceAll(/(^|\s)--?[a-z][\w-]*/gi, ' ')
		.replaceAll(/\S*\d\S*/g, ' ');
}

/**
 * The English sentences on a screen: each run of three or more English words, separated only by
 * spaces, none of which is kept English. Chinese text, punctuation and code between words break a run.
 */
export function englishSentences(screen: string, allow: Iterable<string> = []): string[] {
	const allowed = new Set([...keptEnglish, ...[...allow].map(word => word.toLowerCase())]);
	const found: string[] = [];
	for (const line of screen.split('\n')) {
		if (isCommandOrOutput(line)) {
			continue;
		}

		for (const run of withoutCode(line).matchAll(/[A-Za-z][A-Za-z'’-]*(?: +[A-Za-z][A-Za-z'’-]*)+/g)) {
			let streak: string[] = [];
			const words = run[0].split(/ +/);
			for (const word of [...words, '']) {
				if (word !== '' && !allowed.has(word.toLowerCase())) {
					streak.push(word);
					continue;
				}

				if (streak.length >= 3) {
					found.push(streak.join(' '));
				}

				streak = [];
			}
		}
	}

	return found;
}

const corners = {top: '┌╭╔', bottom: '└╰╚', side: '│║', topRight: '┐╮╗', bottomRight: '┘╯╝', teeLeft: '├╟╠', teeRight: '┤╢╣'};

/** Each character of `line` with the terminal column it starts at. */
function cells(line: string): Array<{char: string; column: number}> {
	const out: Array<{char: string; column: number}> = [];
	let column = 0;
	for (const {segment} of new Intl.Segmenter().segment(line)) {
		out.push({char: segment, column});
		column += stringWidth(segment);
	}

	return out;
}

function charAt(line: string, column: number): string | undefined {
	return cells(line).find(cell => cell.column === column)?.char;
}

/**
 * Every bordered box on the screen whose edges do not line up in terminal columns: each top corner
 * must have its side (or bottom corner) straight below it on every line down to the bottom, and
 * likewise on the right. Measured by display width, so a Chinese character counts two columns.
 */
export function misalignedBoxes(screen: string): string[] {
	const lines = screen.split('\n');
	const problems: string[] = [];
	lines.forEach((line, row) => {
		for (const {char, column} of cells(line)) {
			if (!corners.top.includes(char)) {
				continue;
			}

			const right = cells(line).find(cell => cell.column > column && corners.topRight.includes(cell.char))?.column;
			for (let below = row + 1; below < lines.length; below++) {
				const left = charAt(lines[below] ?? '', column);
				const edge = right === undefined ? undefined : charAt(lines[below] ?? '', right);
				if (left === undefined || ![...corners.side, ...corners.bottom, ...corners.teeLeft].includes(left)) {
					problems.push(`row ${below + 1}: the left border of the box from row ${row + 1} (column ${column}) is not there: ${lines[below] ?? ''}`);
					break;
				}

				if (right !== undefined && (edge === undefined || ![...corners.side, ...corners.bottomRight, ...corners.teeRight].includes(edge))) {
					problems.push(`row ${below + 1}: the right border of the box from row ${row + 1} (column ${right}) is not there: ${lines[below] ?? ''}`);
					break;
				}

				if (corners.bottom.includes(left)) {
					break;
				}
			}
		}
	});
	return problems;
}

/** The display column where the text after `label` starts, on the line beginning with it (after indentation). */
export function valueColumn(screen: string, label: string): number | undefined {
	const line = screen.split('\n').find(candidate => candidate.trimStart().startsWith(label));
	if (line === undefined) {
		return undefined;
	}

	const start = line.indexOf(label) + label.length;
	const gap = /^ +/.exec(line.slice(start))?.[0].length ?? 0;
	return stringWidth(line.slice(0, start + gap));
}
