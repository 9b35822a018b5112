import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {labHostUnavailable, onHost, startLabHost, sudoPassword, type LabHost} from './lab-host.js';

const unavailable = labHostUnavailable();
if (unavailable && process.env['CI']) {
	throw new Error(`CI needs the end-to-end lab host: ${unavailable}`);
}

// The stand-ins are only worth what they model: each behaviour the install has to survive, shown
// on a fresh host as the upstream documents it.
describe.skipIf(Boolean(unavailable))('a fresh test host behaves as CentOS 7.9 minimal is documented to', () => {
	let lab: LabHost;
	const asLab = (command: string) => onHost(lab, command, {as: 'lab'});
	const asRoot = (command: string) => onHost(lab, command, {as: 'root'});
	const running = async (pid: string) => (await asRoot(`grep -qv ') Z ' /proc/${pid}/stat 2>/dev/null && echo running || echo gone`)).trim();

	beforeAll(async () => {
		lab = await startLabHost({index: 8, user: 'sudo-password'});
		await asRoot(`printf '[base]\\nbaseurl=%s/centos-vault/7.9.2009/os/$basearch/\\n' ${lab.mirrorUrl} > /etc/yum.repos.d/CentOS-Base.repo`);
	}, 120_000);
	afterAll(async () => {
		await lab?.stop();
	}, 60_000);

	it('yum still holds /var/run/yum.pid while it runs a post-transaction action, so a yum inside the action cannot lock', async () => {
		await asRoot('yum install -y yum-plugin-post-transaction-actions > /dev/null');
		await asRoot('mkdir -p /etc/yum/post-actions && echo "*-release:update:yum --setopt=exit_on_lock=1 clean all > /root/inner.out 2>&1; echo \\$? > /root/inner.rc" > /etc/yum/post-actions/probe.action');

		await asRoot('yum update -y > /dev/null');

		expect((await asRoot('cat /root/inner.rc')).trim()).toBe('200');
		expect(await asRoot('cat /root/inner.out')).toMatch(/Existing lock \/var\/run\/yum\.pid: another copy is running as pid \d+/);
		expect(await asRoot('rpm -q --qf %{VERSION} centos-release')).toBe('7-9.2009.1');
	});

	it('the docker-ce repo offers 26.1.4 as its newest, and yum install never goes back a version', async () => {
		await asRoot(`printf "[docker-ce-stable]\\nbaseurl=${lab.mirrorUrl}/docker-ce/linux/centos/7/\\$basearch/stable\\n" > /etc/yum.repos.d/docker-ce.repo`);
		await asRoot('yum install -y docker-ce > /dev/null');
		expect(await asRoot('rpm -q --qf %{VERSION} docker-ce')).toBe('26.1.4');
		expect(await asRoot('rpm -q --qf %{VERSION} docker-ce-rootless-extras')).toBe('26.1.4');

		expect(await asRoot('yum install -y docker-ce-24.0.9')).toContain('already installed');
		expect(await asRoot('rpm -q --qf %{VERSION} docker-ce')).toBe('26.1.4');
	});

	it('sudo asks for the password and replaces PATH with secure_path, without /usr/local/sbin', async () => {
		expect(await asLab(`echo ${sudoPassword} | sudo -k -S -p '' sh -c 'id -u; echo "$PATH"'`)).toBe('0\n/sbin:/bin:/usr/sbin:/usr/bin\n');
		await expect(asLab('sudo -n true')).rejects.toThrow(/password is required/);
	});

	it('starts SELinux Enforcing, with a host name that resolves to 127.0.0.1', async () => {
		expect((await asRoot('getenforce')).trim()).toBe('Enforcing');
		expect(await asRoot('getent ahostsv4 "$(hostname)" | head -n 1')).toMatch(/^127\.0\.0\.1 /);
	});

	it('kills what a unit started on restart with the default KillMode, and spares it with KillMode=process', async () => {
		const unit = async (name: string, killMode: string) => (await asRoot(`printf '[Service]\\nExecStart=/bin/sh -c "setsid sleep 1000 < /dev/null > /dev/null 2>&1 & echo \\\\$! > /root/${name}.child; exec sleep 1000"\\n${killMode}' > /etc/systemd/system/${name}.service && systemctl start ${name} && until [ -s /root/${name}.child ]; do sleep 0.1; done && cat /root/${name}.child`)).trim();
		const grouped = await unit('grouped', '');
		const spared = await unit('spared', 'KillMode=process\\n');

		await asRoot('systemctl restart grouped spared');

		expect(await running(grouped)).toBe('gone');
		expect(await running(spared)).toBe('running');
	});
});
