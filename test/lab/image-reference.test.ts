import {describe, expect, it} from 'vitest';
import {isImageReference} from '../../src/lab/image-reference.js';

describe('Docker image references', () => {
	const valid = [
		'nginx', 'nginx:1.27', 'mesosphere/marathon:v1.10.26', 'mesosphere/marathon-lb:v1.15.0', 'library/nginx:latest',
		'registry.example.com:5000/team/app:2026-11', 'localhost:5000/app', 'my_org/my__app', 'a-b--c/x.y',
		`nginx@sha256:${'a'.repeat(64)}`, `nginx:1.27@sha256:${'0'.repeat(64)}`, '[::1]:5000/app:1',
	];
	const invalid = [
		'-v/:/host', '--privileged', 'Nginx', 'nginx:', ':tag', 'nginx:-x', 'nginx:1.27 extra', 'nginx;reboot', 'a//b', 'app/', '/app',
		`nginx:${'t'.repeat(129)}`, 'nginx@sha256:abc', 'registry:port/app', `${'a'.repeat(256)}`, '$(id)',
	];
	it.each(valid)('accepts %s', reference => {
		expect(isImageReference(reference)).toBe(true);
	});
	it.each(invalid)('refuses %s', reference => {
		expect(isImageReference(reference)).toBe(false);
	});
});
