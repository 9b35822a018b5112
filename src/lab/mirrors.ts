import type {Lab} from './lab-schema.js';

/** Concrete download sources after applying the preset and the user's overrides. */
export interface ResolvedMirrors {
	centosVault: string[];
	epelArchive: string;
	dockerCe: string;
	maven: string;
	apache: string;
	registryMirrors: string[];
}

// Only locations the 2026 survey found alive: the vault (not mirror.centos.org), the EPEL archive,
// Maven Central over https (plain http answers 501), DaoCloud as the one open Hub accelerator.
const presets: Record<'china' | 'global', ResolvedMirrors> = {
	china: {
		centosVault: ['https://mirrors.aliyun.com/centos-vault', 'https://mirrors.tuna.tsinghua.edu.cn/centos-vault', 'http://vault.centos.org'],
		epelArchive: 'https://mirrors.aliyun.com/epel-archive/7',
		dockerCe: 'https://mirrors.aliyun.com/docker-ce/linux/centos',
		maven: 'https://maven.aliyun.com/repository/public',
		apache: 'https://repo.huaweicloud.com/apache',
		registryMirrors: ['https://docker.m.daocloud.io'],
	},
	global: {
		centosVault: ['http://vault.centos.org', 'http://archive.kernel.org/centos-vault'],
		epelArchive: 'https://archives.fedoraproject.org/pub/archive/epel/7',
		dockerCe: 'https://download.docker.com/linux/centos',
		maven: 'https://repo.maven.apache.org/maven2',
		apache: 'https://archive.apache.org/dist',
		registryMirrors: [],
	},
};

export function resolveMirrors(lab: Pick<Lab, 'mirrors'>): ResolvedMirrors {
	const {preset, ...overrides} = lab.mirrors;
	const base = presets[preset === 'china' ? 'china' : 'global'];
	return {
		centosVault: overrides.centosVault ?? base.centosVault,
		epelArchive: overrides.epelArchive ?? base.epelArchive,
		dockerCe: overrides.dockerCe ?? base.dockerCe,
		maven: overrides.maven ?? base.maven,
		apache: overrides.apache ?? base.apache,
		registryMirrors: overrides.registryMirrors ?? base.registryMirrors,
	};
}
