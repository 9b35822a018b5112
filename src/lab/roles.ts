import type {Lab, Roles} from './lab-schema.js';

/** One role of the lab, as every part of mesos-lab that places, names or probes it reads it. */
export interface RoleSpec {
	/** How many instances the role runs: a fixed count (a quorum), or one on each host it names. */
	instances: number | 'one per host';
	/** The install phase whose step file starts this role (its steps carry the same phase id). */
	phase: RolePhase;
	/** The systemd unit of instance `n` (counted from 1). */
	unit: (n: number) => string;
	/** How the instance is named where a port it wants is reported. */
	owner: (n: number) => string;
	/** The keys of `ports:` this role listens on: a list holds one port per instance, a number one for all. */
	ports: readonly string[];
	/** Ports the role's program binds whatever the lab says. */
	fixedPorts?: ReadonlyArray<{port: number; owner: string}>;
	/** Where the role's instances go when a lab names no roles, and in the wizard's labs. */
	placement: 'spread' | 'last host';
}

export type RolePhase = 'zookeeper' | 'mesos-masters' | 'mesos-agent' | 'marathon' | 'marathon-lb';

/**
 * Where each process of a lab runs and on which ports. Adding a role is an entry here and in the
 * schema's `roles:` and `ports:`, one step file with the role's phase, and a line in the step catalog.
 */
export const roleTable = {
	zookeeper: {
		instances: 3,
		phase: 'zookeeper',
		unit: n => `mesos-lab-zookeeper-${n}.service`,
		owner: n => `zookeeper ${n}`,
		ports: ['zookeeperClient', 'zookeeperPeer', 'zookeeperElection'],
		placement: 'spread',
	},
	masters: {
		instances: 3,
		phase: 'mesos-masters',
		unit: n => `mesos-lab-master-${n}.service`,
		owner: n => `mesos-master ${n}`,
		ports: ['masters'],
		placement: 'spread',
	},
	agents: {
		instances: 'one per host',
		phase: 'mesos-agent',
		unit: () => 'mesos-lab-agent.service',
		owner: () => 'mesos-agent',
		ports: ['agent'],
		placement: 'last host',
	},
	marathon: {
		instances: 2,
		phase: 'marathon',
		unit: n => `mesos-lab-marathon-${n}.service`,
		owner: n => `marathon ${n}`,
		ports: ['marathon'],
		placement: 'spread',
	},
	marathonLb: {
		instances: 1,
		phase: 'marathon-lb',
		unit: () => 'mesos-lab-marathon-lb.service',
		owner: () => 'marathon-lb',
		ports: ['marathonLb'],
		// marathon-lb's HAProxy also binds 80 for virtual hosts, 443 and 9091 (marathon-lb config.py), whatever PORTS says.
		fixedPorts: [{port: 80, owner: 'marathon-lb (vhosts)'}, {port: 443, owner: 'marathon-lb (https vhosts)'}, {port: 9091, owner: 'marathon-lb (HAProxy internal)'}],
		placement: 'last host',
	},
} as const satisfies Record<string, RoleSpec>;

export type RoleId = keyof typeof roleTable;

export const roleIds = Object.keys(roleTable) as RoleId[];

/** The hosts a role names, in instance order, whether the schema holds one name or a list. */
export function roleHosts(roles: Roles, role: RoleId): string[] {
	const placed = roles[role];
	return typeof placed === 'string' ? [placed] : [...placed];
}

/** Roles for a lab on the given hosts, in order: quorum roles go round them, the others on the last. */
export function spreadRoles(hostNames: readonly [string, ...string[]]): Roles {
	const last = hostNames[hostNames.length - 1] ?? hostNames[0];
	const spread = (count: number): string[] => Array.from({length: count}, (_, index) => hostNames[index % hostNames.length] ?? hostNames[0]);
	const place = (spec: Pick<RoleSpec, 'instances' | 'placement'>): string[] => (spec.placement === 'spread' && typeof spec.instances === 'number' ? spread(spec.instances) : [last]);
	return {
		zookeeper: place(roleTable.zookeeper),
		masters: place(roleTable.masters),
		agents: place(roleTable.agents),
		marathon: place(roleTable.marathon),
		marathonLb: last,
	};
}

/** A port one process of the lab listens on: its `ports:` field, what wants it, and the unit that holds it. */
export interface ProcessPort {
	port: number;
	/** Where the lab file sets it, such as ports.masters.1; undefined for a port the program fixes. */
	field?: string;
	owner: string;
	unit: string;
}

/** One process of the lab: which role, which instance (from 1), on which host, and its ports. */
export interface LabProcess {
	role: RoleId;
	n: number;
	host: string;
	unit: string;
	ports: ProcessPort[];
}

/** Every process the lab runs, role by role in start order, with the ports each needs. */
export function labProcesses(lab: Pick<Lab, 'roles' | 'ports'>): LabProcess[] {
	return roleIds.flatMap(role => {
		const spec = roleTable[role];
		const fixedPorts = 'fixedPorts' in spec ? spec.fixedPorts : [];
		return roleHosts(lab.roles, role).map((host, index): LabProcess => {
			const n = index + 1;
			const unit = spec.unit(n);
			const owner = spec.owner(n);
			const configured = spec.ports.map((key: (typeof spec.ports)[number]): ProcessPort => {
				const value = lab.ports[key];
				return typeof value === 'number'
					? {port: value, field: `ports.${key}`, owner, unit}
					: {port: value[index] ?? 0, field: `ports.${key}.${index}`, owner, unit};
			});
			const fixed = fixedPorts.map((entry): ProcessPort => ({port: entry.port, owner: entry.owner, unit}));
			return {role, n, host, unit, ports: [...configured, ...fixed]};
		});
	});
}
