// The Mesos build prints a progress line every half minute; its step reads it from the job's log
// (Step.jobProgress) so the wizard can show compiled objects against the total without reading make's output.

const pattern = /^mesos-lab build progress: (\d+)\/(\d+) objects$/;

export function buildProgressLine(done: number | string, total: number | string): string {
	return `mesos-lab build progress: ${done}/${total} objects`;
}

/** The compiled/total pair of a progress line, or undefined for any other line. */
export function parseBuildProgress(line: string): {done: number; total: number} | undefined {
	const match = pattern.exec(line.trim());
	if (match === null) {
		return undefined;
	}
	const total = Number(match[2]);
	return total > 0 ? {done: Math.min(Number(match[1]), total), total} : undefined;
}

/** The last progress reported in a chunk of log text. */
export function lastBuildProgress(text: string): {done: number; total: number} | undefined {
	let last: {done: number; total: number} | undefined;
	for (const line of text.split('\n')) {
		last = parseBuildProgress(line) ?? last;
	}
	return last;
}
