import * as z from 'zod';
import {isImageReference} from './image-reference.js';
import type {IssueKey} from './lab-file.js';
import {roleTable} from './roles.js';

// The lab file's shape. Defaults are the versions and mirrors known to work together in 2026:
// Mesos 1.11.0 (last release), ZooKeeper 3.4.14 (last 3.4), Marathon 1.10 from its image (the
// tarball hosts are gone), docker-ce 24.0.x (Mesos 1.11 needs ContainerConfig, removed in 26).

const name = z.string().regex(/^[a-z\d][a-z\d-]{0,62}$/, 'lower-case letters, digits and "-", starting with a letter or digit');
const hostAddress = z.string().regex(/^[A-Za-z\d][A-Za-z\d.:-]{0,252}$/, 'a host name or IP address');
const port = z.number().int().min(1).max(65_535);
const absolutePath = z.string().max(1024).regex(/^\/[\w./@+-]*$/, 'an absolute path without spaces or quotes');
const url = z.string().regex(/^(https?|file):\/\/[^\s'"`$\\]+$/, 'an http(s):// or file:// URL without spaces or quotes')
	// A URL's user:password would be sent to every mirror probe and shown in every plan.
	.refine(value => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'errIssueNoCredentials' satisfies IssueKey);
const version = z.string().regex(/^[\w.+-]{1,40}$/, 'a version such as 1.11.0');
const image = z.string().max(400).refine(isImageReference, 'errIssueImageReference' satisfies IssueKey);

export const checksumSchema = z.strictObject({
	algorithm: z.enum(['sha512', 'sha256', 'sha1']),
	/** A pinned digest in hex; without it the digest is read from `url` + the algorithm extension. */
	value: z.string().regex(/^[\da-fA-F]{40,128}$/, 'a hex digest').optional(),
});

/** Something fetched from the network, or taken from a local file for an offline install. */
export const downloadSchema = z.strictObject({
	url,
	checksum: checksumSchema,
	/** A file already on the target (offline bundle); it is still checked against the checksum. */
	localFile: absolutePath.optional(),
});

export const hostSchema = z.strictObject({
	name,
	address: hostAddress,
	/** Run this host's commands on this machine, without SSH: only ever an explicit choice, never read from the address. */
	local: z.boolean().optional(),
	/** Absent: what the ssh config says for the address, else 22. */
	port: port.optional(),
	/** Absent: what the ssh config says for the address, else root. */
	user: z.string().regex(/^[a-z_][a-z\d_-]{0,31}$/, 'a Linux user name').optional(),
	auth: z.enum(['identity-file', 'agent', 'password-prompt']).default('agent'),
	identityFile: z.string().min(1).optional(),
	/** Mesos agent attributes, e.g. dc: bj, for Marathon constraints. */
	attributes: z.record(z.string().regex(/^[\w.-]+$/, 'letters, digits, "." "_" "-"'), z.string().regex(/^[\w.-]+$/, 'letters, digits, "." "_" "-"')).optional(),
});

/** Where each role runs; the instance counts come from the role table. */
export const rolesSchema = z.strictObject({
	zookeeper: z.array(name).length(roleTable.zookeeper.instances),
	masters: z.array(name).length(roleTable.masters.instances),
	agents: z.array(name).min(1),
	marathon: z.array(name).length(roleTable.marathon.instances),
	marathonLb: name,
});

export const portsSchema = z.strictObject({
	zookeeperClient: z.array(port).length(roleTable.zookeeper.instances).default([2181, 2182, 2183]),
	zookeeperPeer: z.array(port).length(roleTable.zookeeper.instances).default([2888, 2889, 2890]),
	zookeeperElection: z.array(port).length(roleTable.zookeeper.instances).default([3888, 3889, 3890]),
	masters: z.array(port).length(roleTable.masters.instances).default([5050, 5051, 5052]),
	agent: port.default(5060),
	marathon: z.array(port).length(roleTable.marathon.instances).default([8080, 8081]),
	/** marathon-lb's HAProxy stats page: fixed at 9090 by marathon-lb itself (PORTS does not move it). */
	marathonLb: port.refine((value) => value === 9090, 'errIssueMarathonLbPort' satisfies IssueKey).default(9090),
});

export const versionsSchema = z.strictObject({
	mesos: version.default('1.11.0'),
	zookeeper: version.default('3.4.14'),
	dockerCe: version.default('24.0.9'),
	marathonImage: image.default('mesosphere/marathon:v1.10.26'),
	marathonLbImage: image.default('mesosphere/marathon-lb:v1.15.0'),
});

export const mirrorsSchema = z.strictObject({
	preset: z.enum(['china', 'global', 'custom']).default('global'),
	/** CentOS vault mirrors, probed in order; each must serve 7.9.2009/os/x86_64/repodata/repomd.xml. */
	centosVault: z.array(url).min(1).optional(),
	epelArchive: url.optional(),
	dockerCe: url.optional(),
	maven: url.optional(),
	apache: url.optional(),
	/** Docker Hub mirrors, probed at /v2/; only those that answer go into daemon.json. */
	registryMirrors: z.array(url).optional(),
});

export const zookeeperSchema = z.strictObject({
	/** `tarball`: Apache's release unpacked under the lab root. `debian-package`: an installed package (tests). */
	distribution: z.enum(['tarball', 'debian-package']).default('tarball'),
	/** Where bin/zkServer.sh lives when distribution is debian-package. */
	home: absolutePath.default('/usr/share/zookeeper'),
	download: downloadSchema.optional(),
	/** Start members with zkServer.sh directly instead of systemd (containers and tests without systemd). */
	service: z.enum(['systemd', 'script']).default('systemd'),
});

export const mesosSchema = z.strictObject({
	source: z.enum(['build', 'rpm', 'tarball', 'third-party-repo']).default('build'),
	download: downloadSchema.optional(),
	/** The third-party repo base URL (https), shown as such to the user. */
	thirdPartyRepo: z.string().regex(/^https:\/\/[^\s'"`$\\]+$/, 'an https:// URL: packages fetched over plain http can be swapped on the way').optional(),
	/** The vendor's signing key (https), which yum checks every package of the third-party repo against. */
	thirdPartyGpgKey: z.string().regex(/^https:\/\/[^\s'"`$\\]+$/, 'an https:// URL of the repo\'s signing key').optional(),
});

export const marathonSchema = z.strictObject({
	source: z.enum(['image', 'tarball']).default('image'),
	download: downloadSchema.optional(),
});

export const dockerSchema = z.strictObject({
	/** `docker login` before pulling; the password is asked at run time and never stored here. */
	login: z.strictObject({registry: z.string().regex(/^[\w.:-]+$/, 'a registry host'), user: z.string().regex(/^[\w.@-]+$/, 'a user name')}).optional(),
	/** `docker save` archives already on the target, loaded instead of pulling. */
	offlineImages: z.array(absolutePath).default([]),
});

/** The preflight checks, by the name `--ignore-preflight NAME` and `ignorePreflight` use. */
export const preflightCheckNames = ['os', 'cpus', 'memory', 'disk', 'clock', 'hostname', 'ports', 'selinux', 'leftovers', 'images'] as const;
export type PreflightCheckName = (typeof preflightCheckNames)[number];

/** A swap file made before the build when RAM alone is short; only made when the lab asks for it. */
export const swapFileSchema = z.strictObject({
	sizeGiB: z.number().int().min(1).max(64).default(4),
	path: absolutePath.default('/swapfile'),
});

/** More hosts than any lab this tool installs; a bigger list is a mistake, refused with its count. */
export const maxHosts = 200;

export const labSchema = z.strictObject({
	language: z.enum(['zh', 'en']).default('zh'),
	hosts: z.array(hostSchema).min(1).max(maxHosts),
	roles: rolesSchema.optional(),
	ports: portsSchema.default(portsSchema.parse({})),
	versions: versionsSchema.default(versionsSchema.parse({})),
	mirrors: mirrorsSchema.default(mirrorsSchema.parse({})),
	zookeeper: zookeeperSchema.default(zookeeperSchema.parse({})),
	mesos: mesosSchema.default(mesosSchema.parse({})),
	marathon: marathonSchema.default(marathonSchema.parse({})),
	docker: dockerSchema.default(dockerSchema.parse({})),
	/** Where the lab keeps its files on each host. */
	root: absolutePath.default('/opt/mesos-lab'),
	/** Preflight checks whose FAIL becomes a WARN. */
	ignorePreflight: z.array(z.string().refine((value) => (preflightCheckNames as readonly string[]).includes(value), {message: 'errIssuePreflightName' satisfies IssueKey})).default([]),
	swapFile: swapFileSchema.optional(),
});

export type LabInput = z.input<typeof labSchema>;
export type ParsedLab = z.output<typeof labSchema>;
export type LabHost = z.output<typeof hostSchema>;
export type Roles = z.output<typeof rolesSchema>;
export type LabPorts = z.output<typeof portsSchema>;
export type Download = z.output<typeof downloadSchema>;
export type Checksum = z.output<typeof checksumSchema>;

/** A lab with every role placed: what steps are built from. */
export type Lab = Omit<ParsedLab, 'roles'> & {roles: Roles};
