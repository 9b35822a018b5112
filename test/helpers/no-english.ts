import stringWidth from 'string-width';

/**
 * Checks for a screen that should be Chinese: what English prose is left on it, and whether its
 * boxes line up when measured in display columns (a Chinese character takes two).
 */

/**
 * Words that may stand in Chinese text: the glossary's kept terms (docs/glossary.md), product and
 * program names, and the task and HAProxy values the APIs print. Commands, flags, paths and URLs
 * never count as words, since they hold characters other than letters.
 */
export const keptWords = new Set([
	'agent', 'agents', 'master', 'masters', 'leader', 'follower', 'framework', 'executor', 'scheduler', 'offer', 'sandbox', 'znode',
	'service', 'port', 'bridge', 'host', 'mesos', 'marathon', 'zookeeper', 'haproxy', 'docker', 'nginx', 'curl', 'yum', 'lab', 'demo',
	'dashboard', 'stdout', 'stderr', 'zxid', 'pod', 'http', 'https',
]);

const separators = /[\s\u0080-\uffff()[\]{}<>"|,;!?]+/u;

/** Each run of three or more lowercase English words not on the kept list, as found in `screen`. */
export function englishSentences(screen: string, allowed: ReadonlySet<string> = keptWords): string[] {
	const found: string[] = [];
	for (const line of screen.split('\n')) {
		let run: string[] = [];
		const close = () => {
			if (run.length >= 3) {
				found.push(run.join(' '));
			}
			run = [];
		};
		for (const token of line.split(separators)) {
			const word = token.replace(/[.:]$/, '');
			if (/^[a-z]+$/.test(word) && !allowed.has(word)) {
				run.push(word);
			} else if (/^[A-Z][a-z]+$/.test(word) && run.length === 0 && !allowed.has(word.toLowerCase())) {
				// A capitalised first word starts a sentence as well: "Run these in a second terminal".
				run.push(word);
			} else {
				close();
			}
		}
		close();
	}
	return found;
}

/** A line as display cells: a wide character fills its cell and leaves the next one empty. */
function cells(line: string): string[] {
	const out: string[] = [];
	for (const {segment} of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(line)) {
		out.push(segment);
		for (let extra = 1; extra < stringWidth(segment); extra++) {
			out.push('');
		}
	}
	return out;
}

/**
 * Problems with the boxes on a captured screen: a line wider than the terminal, or a box whose
 * left and right borders do not stay in the columns of its top corners down to its bottom corners.
 */
export function misalignedBorders(screen: string, width: number): string[] {
	const rows = screen.split('\n').map(cells);
	const problems: string[] = [];
	rows.forEach((row, index) => {
		if (row.length > width) {
			problems.push(`row ${index + 1} takes ${row.length} columns of ${width}`);
		}
	});
	rows.forEach((row, top) => {
		row.forEach((cell, left) => {
			if (cell !== '┌') {
				return;
			}
			const right = row.indexOf('┐', left + 1);
			if (right < 0) {
				problems.push(`row ${top + 1}: the box at column ${left} has no top-right corner`);
				return;
			}
			for (let index = top + 1; index < rows.length; index++) {
				const line = rows[index] ?? [];
				if (line[left] === '└') {
					if (line[right] !== '┘') {
						problems.push(`row ${index + 1}: the box from row ${top + 1} ends at column ${left} but not at column ${right}`);
					}
					return;
				}
				if (!'│├'.includes(line[left] || ' ') || !'│┤'.includes(line[right] || ' ')) {
					problems.push(`row ${index + 1}: the box from row ${top + 1} should have borders at columns ${left} and ${right}: ${JSON.stringify(line.join(''))}`);
					return;
				}
			}
			problems.push(`the box from row ${top + 1} has no bottom`);
		});
	});
	return problems;
}
