import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {UserInputError} from '../../src/errors.js';
import {defaultLab, parseLab, serializeLab} from '../../src/lab/lab-file.js';
import {resolveMirrors} from '../../src/lab/mirrors.js';

function problem(text: string): string {
	try {
		parseLab(text, 'lab.yaml');
	} catch (error) {
		expect(error).toBeInstanceOf(UserInputError);
		return (error as UserInputError).message;
	}
	throw new Error('the lab was accepted');
}

describe('reading a lab file', () => {
	it('places every role on the only host, as the tutorial does', () => {
		const lab = parseLab('hosts:\n  - {name: vm, address: 192.168.56.10}\n', 'lab.yaml');
		expect(lab.roles).toEqual({zookeeper: ['vm', 'vm', 'vm'], masters: ['vm', 'vm', 'vm'], agents: ['vm'], marathon: ['vm', 'vm'], marathonLb: 'vm'});
		expect(lab.versions).toMatchObject({mesos: '1.11.0', dockerCe: '24.0.9'});
		expect(lab.language).toBe('zh');
	});

	it('reads both examples', () => {
		for (const file of ['examples/lab.yaml', 'examples/lab-3-hosts.yaml']) {
			expect(parseLab(readFileSync(file, 'utf8'), file).hosts.length).toBeGreaterThan(0);
		}
	});

	it('refuses a password in the file and says what to use instead', () => {
		expect(problem('hosts:\n  - {name: vm, address: 10.0.0.1, password: secret}\n')).toMatch(/hosts\.0\.password is not allowed/);
	});

	it('names the field and the allowed values of a bad enum', () => {
		expect(problem('language: fr\nhosts:\n  - {name: vm, address: 10.0.0.1}\n')).toMatch(/language: must be one of "zh", "en"/);
		expect(problem('hosts:\n  - {name: vm, address: 10.0.0.1}\nmirrors: {preset: moon}\n')).toMatch(/mirrors\.preset: must be one of "china", "global", "custom"/);
	});

	it('names unknown fields', () => {
		expect(problem('hosts:\n  - {name: vm, address: 10.0.0.1}\nversion: {mesos: 1.11.0}\n')).toMatch(/unknown field version/);
	});

	it('refuses a role on a host that does not exist', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nroles: {zookeeper: [a, a, b], masters: [a, a, a], agents: [a], marathon: [a, a], marathonLb: a}\n')).toMatch(/roles\.zookeeper\.2 names host "b"/);
	});

	it('refuses two agents on one host and explains why', () => {
		expect(() => parseLab('hosts:\n  - {name: a, address: 10.0.0.1}\nroles: {zookeeper: [a, a, a], masters: [a, a, a], agents: [a, a], marathon: [a, a], marathonLb: a}\n', 'lab.yaml')).toThrow(/twice/);
	});

	it('refuses two processes on one port of one host', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nports: {masters: [5050, 5050, 5052]}\n')).toMatch(/port 5050 on host a is wanted by both ports\.masters\.0 and ports\.masters\.1/);
	});

	it('refuses a custom mirror preset without the URLs', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nmirrors: {preset: custom, maven: "https://m.example/maven"}\n')).toMatch(/mirrors\.centosVault/);
	});

	it('refuses a URL carrying shell characters', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1}\nmirrors: {maven: "https://x/$(reboot)"}\n')).toMatch(/mirrors\.maven/);
	});

	it('asks for identityFile when auth is identity-file', () => {
		expect(problem('hosts:\n  - {name: a, address: 10.0.0.1, auth: identity-file}\n')).toMatch(/identityFile is required/);
	});

	it('reports broken YAML as a user error', () => {
		expect(problem('hosts: [\n')).toMatch(/not valid YAML/);
	});
});

describe('writing a lab file', () => {
	it('round-trips the default lab through YAML', () => {
		const lab = defaultLab({address: '192.168.56.10', identityFile: '/root/.ssh/id_ed25519', language: 'en'});
		expect(parseLab(serializeLab(lab), 'written.yaml')).toEqual(lab);
	});

	it('uses vault, archive and https locations for the china preset', () => {
		const lab = parseLab('hosts:\n  - {name: a, address: 10.0.0.1}\nmirrors: {preset: china, maven: "https://nexus.internal/maven"}\n', 'lab.yaml');
		const mirrors = resolveMirrors(lab);
		expect(mirrors.centosVault[0]).toContain('centos-vault');
		expect(mirrors.epelArchive).toContain('epel-archive');
		expect(mirrors.maven).toBe('https://nexus.internal/maven');
	});
});
