/** CentOS-Base.repo pinned to 7.9.2009 on a vault mirror (mirrorlist.centos.org no longer resolves). */
export function centosBaseRepo(vaultBase: string): string {
	const section = (id: string, name: string): string[] => [
		`[${id}]`,
		`name=CentOS-7.9.2009 - ${name} (vault)`,
		`baseurl=${vaultBase}/7.9.2009/${id}/$basearch/`,
		'gpgcheck=1',
		'gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7',
		'enabled=1',
		'',
	];
	return ['# Written by mesos-lab.', ...section('os', 'Base'), ...section('updates', 'Updates'), ...section('extras', 'Extras')]
		.join('\n')
		.replace('[os]', '[base]');
}

/** epel.repo on the EPEL 7 archive (the live metalink stopped serving EPEL 7 in 2024). */
export function epelRepo(archiveBase: string): string {
	return [
		'# Written by mesos-lab.',
		'[epel]',
		'name=Extra Packages for Enterprise Linux 7 (archive)',
		`baseurl=${archiveBase}/$basearch/`,
		'enabled=1',
		'gpgcheck=0',
		'',
	].join('\n');
}

/** docker-ce.repo; the package version is pinned at install time, not here. */
export function dockerCeRepo(base: string): string {
	return [
		'# Written by mesos-lab.',
		'[docker-ce-stable]',
		'name=Docker CE Stable - $basearch',
		`baseurl=${base}/7/$basearch/stable`,
		'enabled=1',
		'gpgcheck=1',
		`gpgkey=${base}/gpg`,
		'',
	].join('\n');
}
