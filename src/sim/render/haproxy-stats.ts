import type {ClusterModel} from '../model/cluster-model.js';
import type {LbService} from './haproxy-backends.js';

/** HAProxy 1.7's stats columns (up to `dses`): the sim writes by name, readers must parse by header. */
export const statsColumns = [
	'pxname', 'svname', 'qcur', 'qmax', 'scur', 'smax', 'slim', 'stot', 'bin', 'bout', 'dreq', 'dresp', 'ereq', 'econ', 'eresp', 'wretr',
	'wredis', 'status', 'weight', 'act', 'bck', 'chkfail', 'chkdown', 'lastchg', 'downtime', 'qlimit', 'pid', 'iid', 'sid', 'throttle',
	'lbtot', 'tracked', 'type', 'rate', 'rate_lim', 'rate_max', 'check_status', 'check_code', 'check_duration', 'hrsp_1xx', 'hrsp_2xx',
	'hrsp_3xx', 'hrsp_4xx', 'hrsp_5xx', 'hrsp_other', 'hanafail', 'req_rate', 'req_rate_max', 'req_tot', 'cli_abrt', 'srv_abrt', 'comp_in',
	'comp_out', 'comp_byp', 'comp_rsp', 'lastsess', 'last_chk', 'last_agt', 'qtime', 'ctime', 'rtime', 'ttime', 'agent_status', 'agent_code',
	'agent_duration', 'check_desc', 'agent_desc', 'check_rise', 'check_fall', 'check_health', 'agent_rise', 'agent_fall', 'agent_health',
	'addr', 'cookie', 'mode', 'algo', 'conn_rate', 'conn_rate_max', 'conn_tot', 'intercepted', 'dcon', 'dses',
] as const;

type Row = Partial<Record<(typeof statsColumns)[number], string | number>>;

function line(row: Row): string {
	return `${statsColumns.map(c => {
		const v = row[c];
		const text = v === undefined ? '' : String(v);
		return /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
	}).join(',')},`;
}

/** The stats CSV a marathon-lb in front of the simulated tasks would serve; a server is UP when its task is running and healthy. */
export function renderStatsCsv(model: ClusterModel, services: readonly LbService[]): string {
	const rows: Row[] = [
		{pxname: 'stats', svname: 'FRONTEND', scur: 0, slim: 4096, status: 'OPEN', pid: 1, iid: 1, sid: 0, type: 0, mode: 'http'},
		{pxname: 'stats', svname: 'BACKEND', status: 'UP', pid: 1, iid: 1, sid: 0, type: 1, mode: 'http'},
	];
	services.forEach((s, index) => {
		const iid = index + 2;
		rows.push({pxname: s.name, svname: 'FRONTEND', scur: 0, slim: 4096, stot: 0, status: 'OPEN', pid: 1, iid, sid: 0, type: 0, mode: s.mode});
		let up = 0;
		s.servers.forEach((server, sid) => {
			const healthy = model.isHealthy(server.task);
			if (healthy) up++;
			const checked = s.healthCheck !== null;
			rows.push({
				pxname: s.name, svname: server.name, qcur: 0, scur: 0, stot: 0, status: checked ? (healthy ? 'UP' : 'DOWN') : 'no check', weight: 1, act: 1, bck: 0,
				chkfail: healthy ? 0 : 1, chkdown: healthy ? 0 : 1, lastchg: 0, downtime: 0, pid: 1, iid, sid: sid + 1, type: 2,
				...(checked ? {check_status: healthy ? 'L7OK' : 'L4CON', check_code: healthy ? 200 : '', check_rise: 2, check_fall: 3, check_health: healthy ? 4 : 0} : {}),
				addr: `${server.ip}:${server.port}`, mode: s.mode,
			});
		});
		rows.push({pxname: s.name, svname: 'BACKEND', status: up > 0 || s.healthCheck === null && s.servers.length > 0 ? 'UP' : 'DOWN', weight: up, act: up, bck: 0, pid: 1, iid, sid: 0, type: 1, mode: s.mode, algo: 'roundrobin'});
	});
	return `# ${statsColumns.join(',')},\n${rows.map(line).join('\n')}\n`;
}
