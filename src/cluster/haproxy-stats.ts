/** One row of HAProxy's stats CSV, keyed by column name. */
export type HaproxyStatsRow = Record<string, string>;

export interface HaproxyServerRow {
	backend: string;
	server: string;
	status: string;
	sessions: number;
	checkStatus?: string;
	address?: string;
}

/**
 * Parses `/haproxy?stats;csv`. Columns are read by the names in the `# ` header line, since their
 * number differs between HAProxy versions; a header may appear again mid-file (several processes
 * after a reload), and then the rows after it follow the new header. A later row for the same
 * proxy and server replaces an earlier one.
 */
export function parseHaproxyStats(csv: string): HaproxyStatsRow[] {
	let header: string[] | undefined;
	const rows = new Map<string, HaproxyStatsRow>();
	for (const rawLine of csv.split(/\r?\n/)) {
		if (rawLine.trim() === '') {
			continue;
		}
		if (rawLine.startsWith('#')) {
			header = splitCsvLine(rawLine.replace(/^#\s*/, ''));
			continue;
		}
		if (header === undefined) {
			throw new Error('the stats CSV has no "# pxname,svname,..." header line before its first row');
		}
		const fields = splitCsvLine(rawLine);
		const row: HaproxyStatsRow = {};
		header.forEach((name, index) => {
			if (name !== '' && name !== '-') {
				row[name] = fields[index] ?? '';
			}
		});
		if (row.pxname === undefined || row.svname === undefined) {
			throw new Error('the stats CSV header has no pxname/svname columns');
		}
		rows.set(`${row.pxname}\u0000${row.svname}`, row);
	}
	if (header === undefined) {
		throw new Error('the stats CSV is empty');
	}
	return [...rows.values()];
}

/** Server rows only (not FRONTEND/BACKEND aggregates), which is what the dashboard shows per app. */
export function haproxyServers(rows: HaproxyStatsRow[]): HaproxyServerRow[] {
	return rows.filter(isServerRow).map(row => {
		const checkStatus = (row.check_status ?? '').replace(/^\*\s*/, '');
		const address = row.addr ?? '';
		return {
			backend: row.pxname ?? '',
			server: row.svname ?? '',
			status: row.status ?? '',
			sessions: Number(row.scur) || 0,
			...(checkStatus ? {checkStatus} : {}),
			...(address ? {address} : {}),
		};
	});
}

function isServerRow(row: HaproxyStatsRow): boolean {
	if (row.type !== undefined && row.type !== '') {
		return row.type === '2';
	}
	return row.svname !== 'FRONTEND' && row.svname !== 'BACKEND';
}

/** CSV fields, quoted only when they hold a comma or a quote; the trailing comma HAProxy writes makes one empty field. */
export function splitCsvLine(line: string): string[] {
	const fields: string[] = [];
	let current = '';
	let quoted = false;
	for (let index = 0; index < line.length; index++) {
		const char = line[index];
		if (quoted) {
			if (char === '"' && line[index + 1] === '"') {
				current += '"';
				index++;
			} else if (char === '"') {
				quoted = false;
			} else {
				current += char;
			}
		} else if (char === '"') {
			quoted = true;
		} else if (char === ',') {
			fields.push(current);
			current = '';
		} else {
			current += char;
		}
	}
	fields.push(current);
	return fields;
}
