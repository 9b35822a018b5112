/** One row of HAProxy's stats CSV, keyed by column name. */
export type HaproxyStatsRow = Record<string, string>;

export interface HaproxyServerRow {
	backend: string;
	server: string;
	status: string;
	sessions: number;
	checkStatus?: string | undefined;
	address?: string | undefined;
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
	forEachStatsLine(csv, line => {
		header = splitHeader(line);
	}, line => {
		if (header === undefined) {
			throw missingHeader();
		}
		const fields = splitCsvLine(line);
		const row: HaproxyStatsRow = {};
		header.forEach((name, index) => {
			if (name !== '' && name !== '-') {
				row[name] = fields[index] ?? '';
			}
		});
		if (row.pxname === undefined || row.svname === undefined) {
			throw missingNames();
		}
		rows.set(`${row.pxname}\u0000${row.svname}`, row);
	});
	if (header === undefined) {
		throw emptyCsv();
	}
	return [...rows.values()];
}

/** Server rows only (not FRONTEND/BACKEND aggregates), which is what the dashboard shows per app. */
export function haproxyServers(rows: HaproxyStatsRow[]): HaproxyServerRow[] {
	return rows.filter(row => isServer(row.type, row.svname ?? '')).map(row => serverRow(row.pxname ?? '', row.svname ?? '', row.status ?? '', row.scur ?? '', row.check_status ?? '', row.addr ?? ''));
}

/** The columns the server rows need, in the order `pickColumns` fills them. */
const wantedColumns = ['pxname', 'svname', 'status', 'scur', 'check_status', 'addr', 'type'] as const;
const [pxname, svname, status, scur, checkStatus, addr, type] = [0, 1, 2, 3, 4, 5, 6] as const;

/**
 * The same servers as `haproxyServers(parseHaproxyStats(csv))`, read in one pass: a stats CSV of a
 * large cluster has tens of thousands of rows of 40 to 90 columns, and only seven of them matter.
 * One process's dump names each proxy and server once, so rows are matched up only when a second
 * header shows that several dumps follow each other.
 */
export function readHaproxyServers(csv: string): HaproxyServerRow[] {
	let slots: Int8Array | undefined;
	let positions: number[] = [];
	const fields: string[] = new Array<string>(wantedColumns.length).fill('');
	const rows: HaproxyServerRow[] = [];
	// FRONTEND and BACKEND rows, read like servers so that a later dump can replace them the same way.
	const aggregates = new Set<HaproxyServerRow>();
	let headers = 0;
	forEachStatsLine(csv, line => {
		headers++;
		const header = splitHeader(line);
		positions = wantedColumns.map(name => header.lastIndexOf(name));
		// A column this header lacks must read as '' in every row under it.
		fields.fill('');
		slots = new Int8Array(Math.max(...positions) + 1).fill(-1);
		positions.forEach((position, slot) => {
			if (position >= 0 && slots !== undefined) {
				slots[position] = slot;
			}
		});
	}, line => {
		if (slots === undefined) {
			throw missingHeader();
		}
		if (positions[pxname] === -1 || positions[svname] === -1) {
			throw missingNames();
		}
		pickColumns(line, slots, fields);
		const server = fields[svname] ?? '';
		const row = serverRow(fields[pxname] ?? '', server, fields[status] ?? '', fields[scur] ?? '', fields[checkStatus] ?? '', fields[addr] ?? '');
		rows.push(row);
		if (!isServer(positions[type] === -1 ? undefined : fields[type], server)) {
			aggregates.add(row);
		}
	});
	if (headers === 0) {
		throw emptyCsv();
	}
	return (headers === 1 ? rows : latestOfEach(rows)).filter(row => !aggregates.has(row));
}

/** Later rows for the same proxy and server replace earlier ones, in the place the first one had. */
function latestOfEach(rows: HaproxyServerRow[]): HaproxyServerRow[] {
	const latest = new Map<string, HaproxyServerRow>();
	for (const row of rows) {
		latest.set(`${row.backend}\u0000${row.server}`, row);
	}
	return [...latest.values()];
}

/**
 * Fills `fields[slot]` with the column each slot wants; columns a short row lacks read as ''. A value
 * equal to the previous row's in the same slot (the proxy name, `UP`, `L7OK`) keeps that string
 * rather than a fresh copy: tens of thousands of rows then leave far less behind.
 */
function pickColumns(line: string, slots: Int8Array, fields: string[]): void {
	if (line.includes('"')) {
		const all = splitCsvLine(line);
		slots.forEach((slot, column) => {
			if (slot >= 0) {
				fields[slot] = all[column] ?? '';
			}
		});
		return;
	}
	let start = 0;
	let column = 0;
	for (; column < slots.length && start <= line.length; column++) {
		let end = line.indexOf(',', start);
		if (end === -1) {
			end = line.length;
		}
		const slot = slots[column] ?? -1;
		if (slot >= 0) {
			const previous = fields[slot] ?? '';
			fields[slot] = previous.length === end - start && line.startsWith(previous, start) ? previous : line.slice(start, end);
		}
		start = end + 1;
	}
	for (; column < slots.length; column++) {
		const slot = slots[column] ?? -1;
		if (slot >= 0) {
			fields[slot] = '';
		}
	}
}

function isServer(kind: string | undefined, server: string): boolean {
	if (kind !== undefined && kind !== '') {
		return kind === '2';
	}
	return server !== 'FRONTEND' && server !== 'BACKEND';
}

function serverRow(backend: string, server: string, state: string, sessions: string, check: string, address: string): HaproxyServerRow {
	const checkText = check.startsWith('*') ? check.replace(/^\*\s*/, '') : check;
	return {backend, server, status: state, sessions: Number(sessions) || 0, checkStatus: checkText || undefined, address: address || undefined};
}

/** Calls `onHeader` for each `# ` line and `onRow` for every other non-blank line, in order. */
function forEachStatsLine(csv: string, onHeader: (line: string) => void, onRow: (line: string) => void): void {
	for (const rawLine of csv.split('\n')) {
		const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
		if (line.trim() === '') {
			continue;
		}
		if (line.startsWith('#')) {
			onHeader(line);
		} else {
			onRow(line);
		}
	}
}

function splitHeader(line: string): string[] {
	return splitCsvLine(line.replace(/^#\s*/, ''));
}

function missingHeader(): Error {
	return new Error('the stats CSV has no "# pxname,svname,..." header line before its first row');
}

function missingNames(): Error {
	return new Error('the stats CSV header has no pxname/svname columns');
}

function emptyCsv(): Error {
	return new Error('the stats CSV is empty');
}

/** CSV fields, quoted only when they hold a comma or a quote; the trailing comma HAProxy writes makes one empty field. */
export function splitCsvLine(line: string): string[] {
	if (!line.includes('"')) {
		return line.split(',');
	}
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
