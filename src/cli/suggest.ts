/** Edit distance between two words (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		}
		previous = current;
	}
	return previous[b.length]!;
}

/**
 * The candidate closest to `word`; ties go to the earlier candidate. A candidate the word begins
 * counts as one edit away, however much is left to type: `--lab` means `--lab-id`, not `--lang`.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const candidate of candidates) {
		const prefix = word.replace(/^-+/, '').length >= 2 && candidate.startsWith(word);
		const distance = prefix ? Math.min(1, levenshtein(word, candidate)) : levenshtein(word, candidate);
		if (distance < bestDistance) {
			best = candidate;
			bestDistance = distance;
		}
	}
	return best;
}
